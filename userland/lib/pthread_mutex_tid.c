/*
 * pthread_mutex_tid.c: the mutexes whose futex word holds the owner's tid, as the kernel
 * needs it for robust mutexes (it marks a dead owner's words FUTEX_OWNER_DIED) and for
 * priority inheritance (FUTEX_LOCK_PI finds the owner to lend it its priority).
 *
 * The word is 0 when free, else the owner's tid, with FUTEX_WAITERS when a thread may be
 * sleeping on it and FUTEX_OWNER_DIED when its owner died holding it. Taking a free mutex
 * is a compare-and-swap of 0 to the tid, releasing an uncontended one a compare-and-swap
 * back: no system call unless threads contend, as with the three-state lock.
 *   - A robust mutex sleeps with FUTEX_WAIT once it has set FUTEX_WAITERS, and its unlock
 *     wakes one sleeper if the bit is set. A locker that finds FUTEX_OWNER_DIED takes the
 *     mutex over and gets EOWNERDEAD: the data may be inconsistent, and unless the new owner
 *     calls pthread_mutex_consistent before unlocking, every later lock is ENOTRECOVERABLE.
 *   - A PI mutex leaves the contended cases to the kernel: FUTEX_LOCK_PI sets
 *     FUTEX_WAITERS, sleeps, and lends the sleeper's priority to the owner; FUTEX_UNLOCK_PI
 *     hands the mutex straight to the best sleeper. It may be robust too.
 * Relocking by the owner follows the type: ERRORCHECK gives EDEADLK, RECURSIVE counts,
 * NORMAL deadlocks, as POSIX says. An ERRORCHECK PI mutex whose lock would close a cycle of
 * owners (the kernel's EDEADLK) gets EDEADLK too; the other types then deadlock, as glibc's
 * do, and so does the lock of a PI mutex whose owner exited without unlocking it (ESRCH).
 * A deadlocked pthread_mutex_timedlock returns ETIMEDOUT at its deadline.
 */
#include <pthread.h>
#include <errno.h>
#include <limits.h>
#include <time.h>
#include "pthread_impl.h"

/* Sleeps for ever, as a NORMAL mutex relocked by its owner must (glibc sleeps so too), or
 * until abstime (CLOCK_REALTIME, if not 0) and then returns ETIMEDOUT. */
static int deadlock(const struct timespec *abstime)
{
    int never = 0;
    while (__futex_wait_abs(&never, 0, abstime, CLOCK_REALTIME, FUTEX_PRIVATE_FLAG) != ETIMEDOUT) continue;
    return ETIMEDOUT;
}

static int private_flag(pthread_mutex_t *m)
{
    return m->__data.__kind & MUTEX_PSHARED ? 0 : FUTEX_PRIVATE_FLAG;
}

/* Takes the word of a robust, non-PI mutex: 0, EOWNERDEAD, EBUSY or ETIMEDOUT. */
static int acquire_robust(pthread_mutex_t *m, int me, const struct timespec *abstime, int trylock)
{
    volatile int *word = &m->__data.__lock;
    int waiters = 0; /* once we have slept, others may sleep too: keep FUTEX_WAITERS */
    for (;;) {
        int old = *word;
        if (old & FUTEX_OWNER_DIED) {
            if (__sync_bool_compare_and_swap(word, old, me | (old & FUTEX_WAITERS) | waiters)) return EOWNERDEAD;
            continue;
        }
        if (old == 0) {
            if (__sync_bool_compare_and_swap(word, 0, me | waiters)) return 0;
            continue;
        }
        if (trylock) return EBUSY;
        if (!(old & FUTEX_WAITERS)) {
            if (!__sync_bool_compare_and_swap(word, old, old | FUTEX_WAITERS)) continue;
            old |= FUTEX_WAITERS;
        }
        if (__futex_wait_abs(word, old, abstime, CLOCK_REALTIME, private_flag(m)) == ETIMEDOUT) return ETIMEDOUT;
        waiters = FUTEX_WAITERS;
    }
}

/* Takes the word of a PI mutex: 0, EOWNERDEAD, EBUSY, ETIMEDOUT or EDEADLK (a cycle). */
static int acquire_pi(pthread_mutex_t *m, int me, const struct timespec *abstime, int trylock)
{
    volatile int *word = &m->__data.__lock;
    long r;
    if (__sync_bool_compare_and_swap(word, 0, me)) return 0;
    if (trylock) {
        /* Only a word with no owner but stale bits (a dead owner's) is worth the kernel's look. */
        if (*word & FUTEX_TID_MASK) return EBUSY;
        r = __futex(word, FUTEX_TRYLOCK_PI | private_flag(m), 0, 0, 0, 0);
        if (r < 0) return EBUSY;
    } else {
        /* FUTEX_LOCK_PI's deadline is on CLOCK_REALTIME, as pthread_mutex_timedlock's. */
        if (abstime && abstime->tv_sec < 0) return ETIMEDOUT;
        r = __futex(word, FUTEX_LOCK_PI | private_flag(m), 0, abstime, 0, 0);
        if (r == -ETIMEDOUT) return ETIMEDOUT;
        if (r == -EDEADLK || r == -ESRCH) {
            /* A cycle of owners, or an owner that exited without unlocking a non-robust mutex. */
            if ((m->__data.__kind & MUTEX_TYPE_MASK) == PTHREAD_MUTEX_ERRORCHECK && r == -EDEADLK) return EDEADLK;
            return deadlock(abstime);
        }
    }
    if (*word & FUTEX_OWNER_DIED) {
        __sync_fetch_and_and(word, ~FUTEX_OWNER_DIED);
        return m->__data.__kind & MUTEX_ROBUST ? EOWNERDEAD : 0;
    }
    return 0;
}

/* Releases the word: hands it to a sleeper if there may be one. */
static void release(pthread_mutex_t *m, int me)
{
    volatile int *word = &m->__data.__lock;
    if (m->__data.__kind & MUTEX_PRIO_INHERIT) {
        if (!__sync_bool_compare_and_swap(word, me, 0)) __futex(word, FUTEX_UNLOCK_PI | private_flag(m), 0, 0, 0, 0);
    } else if (__sync_lock_test_and_set(word, 0) & FUTEX_WAITERS) {
        __futex(word, FUTEX_WAKE | private_flag(m), 1, 0, 0, 0);
    }
}

int __mutex_lock_tid(pthread_mutex_t *m, const struct timespec *abstime, int trylock)
{
    int me = __thread_tid();
    int kind = m->__data.__kind;
    int robust = kind & MUTEX_ROBUST;
    int r;
    if ((m->__data.__lock & FUTEX_TID_MASK) == me) {
        switch (kind & MUTEX_TYPE_MASK) {
        case PTHREAD_MUTEX_ERRORCHECK:
            return EDEADLK;
        case PTHREAD_MUTEX_RECURSIVE:
            if (m->__data.__count == UINT_MAX) return EAGAIN;
            m->__data.__count++;
            return 0;
        default:
            if (trylock) return EBUSY;
            return deadlock(abstime);
        }
    }
    if (robust && m->__data.__owner == MUTEX_NOTRECOVERABLE) return ENOTRECOVERABLE;
    if (robust) __robust_pending(m);
    r = kind & MUTEX_PRIO_INHERIT ? acquire_pi(m, me, abstime, trylock) : acquire_robust(m, me, abstime, trylock);
    if (r != 0 && r != EOWNERDEAD) {
        if (robust) __robust_done();
        return r;
    }
    if (robust && m->__data.__owner == MUTEX_NOTRECOVERABLE) {
        /* Unlocked inconsistent by the last owner: nobody may use it again. */
        release(m, me);
        __robust_done();
        return ENOTRECOVERABLE;
    }
    m->__data.__owner = r == EOWNERDEAD ? MUTEX_INCONSISTENT : me;
    m->__data.__count = 1;
    m->__data.__nusers++;
    if (robust) __robust_enqueue(m);
    return r;
}

int __mutex_unlock_tid(pthread_mutex_t *m)
{
    int me = __thread_tid();
    int robust = m->__data.__kind & MUTEX_ROBUST;
    if ((m->__data.__lock & FUTEX_TID_MASK) != me) return EPERM;
    if ((m->__data.__kind & MUTEX_TYPE_MASK) == PTHREAD_MUTEX_RECURSIVE && --m->__data.__count != 0) return 0;
    /* An owner that did not make the mutex consistent leaves it unrecoverable. */
    m->__data.__owner = m->__data.__owner == MUTEX_INCONSISTENT ? MUTEX_NOTRECOVERABLE : 0;
    m->__data.__count = 0;
    m->__data.__nusers--;
    if (robust) {
        __robust_pending(m);
        __robust_dequeue(m);
    }
    release(m, me);
    if (robust) __robust_done();
    return 0;
}

/* Makes a robust mutex that its locker got with EOWNERDEAD usable again: 0, or EINVAL if m
 * is not robust or not in that state. */
int pthread_mutex_consistent(pthread_mutex_t *m)
{
    if (!(m->__data.__kind & MUTEX_ROBUST) || m->__data.__owner != MUTEX_INCONSISTENT) return EINVAL;
    m->__data.__owner = __thread_tid();
    return 0;
}
