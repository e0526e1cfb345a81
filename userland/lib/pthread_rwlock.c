/*
 * pthread_rwlock.c: read-write locks, preferring readers as glibc's default does
 * (PTHREAD_RWLOCK_PREFER_READER_NP): a reader gets in whenever no writer holds the lock,
 * even if writers wait, so a thread may take a read lock again without deadlocking.
 *
 * The state (reader count, writer's tid) is guarded by an internal three-state lock;
 * threads that must wait sleep on the futex word __seq, which every release bumps. The
 * sleeper count lets a release skip FUTEX_WAKE when nobody waits.
 */
#include <pthread.h>
#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include <string.h>
#include <time.h>
#include "pthread_impl.h"

/* Initialises l unlocked. Always 0. */
int pthread_rwlock_init(pthread_rwlock_t *l, const pthread_rwlockattr_t *attr)
{
    (void)attr;
    memset(l, 0, sizeof *l);
    return 0;
}

/* Always 0: as glibc, destroying a held lock is not detected (POSIX leaves it undefined). */
int pthread_rwlock_destroy(pthread_rwlock_t *l)
{
    (void)l;
    return 0;
}

/* Sleeps until the next release of l (or abstime, on CLOCK_REALTIME). The caller holds the
 * internal lock, which is released while sleeping and held again on return. */
static int sleep_on(pthread_rwlock_t *l, const struct timespec *abstime)
{
    unsigned int seq = l->__data.__seq;
    int r;
    l->__data.__sleepers++;
    __unlock(&l->__data.__lock);
    r = __futex_wait_abs(&l->__data.__seq, (int)seq, abstime, CLOCK_REALTIME, FUTEX_PRIVATE_FLAG);
    __lock(&l->__data.__lock);
    l->__data.__sleepers--;
    return r == ETIMEDOUT ? ETIMEDOUT : 0;
}

/* Takes a read (writer 0) or write (writer 1) hold; try: EBUSY rather than wait. */
static int acquire(pthread_rwlock_t *l, int writer, int try, const struct timespec *abstime)
{
    int me = __thread_tid();
    int r = 0;
    if (abstime && !try && __check_abstime(abstime)) return EINVAL;
    __lock(&l->__data.__lock);
    if (l->__data.__writer == me) {
        r = EDEADLK; /* glibc: the writer may not relock, for reading or writing */
    } else {
        while (l->__data.__writer != 0 || (writer && l->__data.__readers != 0)) {
            if (try) {
                r = EBUSY;
                break;
            }
            r = sleep_on(l, abstime);
            if (r) break;
        }
        if (r == 0) {
            if (writer) l->__data.__writer = me;
            else l->__data.__readers++;
        }
    }
    __unlock(&l->__data.__lock);
    return r;
}

/* Read lock: 0, or EDEADLK if the caller holds the write lock. */
int pthread_rwlock_rdlock(pthread_rwlock_t *l) { return acquire(l, 0, 0, 0); }

/* Write lock: 0, or EDEADLK if the caller holds the write lock. */
int pthread_rwlock_wrlock(pthread_rwlock_t *l) { return acquire(l, 1, 0, 0); }

/* Read lock without waiting: 0 or EBUSY. */
int pthread_rwlock_tryrdlock(pthread_rwlock_t *l) { return acquire(l, 0, 1, 0); }

/* Write lock without waiting: 0 or EBUSY. */
int pthread_rwlock_trywrlock(pthread_rwlock_t *l) { return acquire(l, 1, 1, 0); }

/* Read lock, giving up with ETIMEDOUT at abstime (CLOCK_REALTIME). */
int pthread_rwlock_timedrdlock(pthread_rwlock_t *l, const struct timespec *abstime) { return acquire(l, 0, 0, abstime); }

/* Write lock, giving up with ETIMEDOUT at abstime (CLOCK_REALTIME). */
int pthread_rwlock_timedwrlock(pthread_rwlock_t *l, const struct timespec *abstime) { return acquire(l, 1, 0, abstime); }

/* Releases the caller's hold (the write lock, or one read hold). EPERM if l is not held. */
int pthread_rwlock_unlock(pthread_rwlock_t *l)
{
    int wake;
    __lock(&l->__data.__lock);
    if (l->__data.__writer != 0) {
        l->__data.__writer = 0;
    } else if (l->__data.__readers > 0) {
        l->__data.__readers--;
    } else {
        __unlock(&l->__data.__lock);
        return EPERM;
    }
    wake = l->__data.__sleepers && l->__data.__readers == 0;
    if (wake) l->__data.__seq++;
    __unlock(&l->__data.__lock);
    if (wake) __futex(&l->__data.__seq, FUTEX_WAKE_PRIVATE, INT_MAX, 0, 0, 0);
    return 0;
}

int pthread_rwlockattr_init(pthread_rwlockattr_t *attr)
{
    attr->__align = 0;
    return 0;
}

int pthread_rwlockattr_destroy(pthread_rwlockattr_t *attr)
{
    (void)attr;
    return 0;
}
