/*
 * pthread_mutex.c: mutexes on the three-state futex lock of lock.c (0 free, 1 held,
 * 2 held with possible sleepers), so locking and unlocking a mutex nobody contends is one
 * atomic instruction each and no system call.
 *
 * The kinds are glibc's: NORMAL (no checks: relocking deadlocks), ERRORCHECK (EDEADLK on
 * relock, EPERM on unlock by a non-owner) and RECURSIVE (the owner may relock; __count
 * holds the depth). Every kind records the owner's tid, as glibc does.
 *
 * Robust and priority-inheritance mutexes (PTHREAD_MUTEX_ROBUST, PTHREAD_PRIO_INHERIT) need
 * the owner's tid in the futex word itself, for the kernel to read: they take another
 * protocol, in pthread_mutex_tid.c. The attribute keeps glibc's layout: the type in the low
 * bits, the protocol at bit 28, robustness at bit 30, pshared at bit 31.
 */
#include <pthread.h>
#include <errno.h>
#include <string.h>
#include <time.h>
#include "pthread_impl.h"

#define KIND_MASK 3
#define SHARED_BIT 0x80000000
#define ROBUST_BIT 0x40000000   /* glibc's PTHREAD_MUTEXATTR_FLAG_ROBUST */
#define PROTOCOL_SHIFT 28       /* glibc's PTHREAD_MUTEXATTR_PROTOCOL_SHIFT */
#define PROTOCOL_MASK 0x30000000

/* The kinds whose word holds the owner's tid (pthread_mutex_tid.c). */
#define TID_KINDS (MUTEX_ROBUST | MUTEX_PRIO_INHERIT)

/* Initialises m as attr says (0: a normal, private mutex). Always 0. */
int pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *attr)
{
    memset(m, 0, sizeof *m);
    if (attr) {
        int a = attr->__align;
        m->__data.__kind = (a & KIND_MASK) | (a & ROBUST_BIT ? MUTEX_ROBUST : 0)
            | ((a & PROTOCOL_MASK) >> PROTOCOL_SHIFT == PTHREAD_PRIO_INHERIT ? MUTEX_PRIO_INHERIT : 0)
            | (a & SHARED_BIT ? MUTEX_PSHARED : 0);
    }
    return 0;
}

/* EBUSY if m is locked; otherwise 0 (nothing to free). As glibc, a robust mutex is never
 * EBUSY: a dead owner's lock is never undone. */
int pthread_mutex_destroy(pthread_mutex_t *m)
{
    if (m->__data.__kind > 0 && (m->__data.__kind & MUTEX_ROBUST)) {
        m->__data.__kind = -1;
        return 0;
    }
    if (m->__data.__nusers != 0 || m->__data.__lock != 0) return EBUSY;
    m->__data.__kind = -1; /* as glibc: a destroyed mutex is recognisably invalid */
    return 0;
}

/* What to do before taking the lock: 0 to go ahead, or the result to return now (a
 * recursive relock has already succeeded). */
static int relock(pthread_mutex_t *m, int me)
{
    int type = m->__data.__kind & KIND_MASK;
    /* A normal mutex relocked by its owner deadlocks, so it need not look at the owner,
     * which another thread may be writing. The other kinds look without the lock: only the
     * owner can find its own tid there, so a relaxed atomic load is enough (and it keeps
     * the race detector from reporting this deliberate race). */
    if (type == PTHREAD_MUTEX_NORMAL) return -1;
    if (__atomic_load_n(&m->__data.__owner, __ATOMIC_RELAXED) != me) return -1;
    if (type == PTHREAD_MUTEX_ERRORCHECK) return EDEADLK;
    if (type == PTHREAD_MUTEX_RECURSIVE) {
        if (m->__data.__count == 0xffffffffu) return EAGAIN;
        m->__data.__count++;
        return 0;
    }
    return -1; /* a normal mutex: go on and deadlock, as POSIX says */
}

static void took(pthread_mutex_t *m, int me)
{
    __atomic_store_n(&m->__data.__owner, me, __ATOMIC_RELAXED); /* relock reads it unlocked */
    m->__data.__count = 1;
    m->__data.__nusers++;
}

/* Locks m, sleeping while another thread holds it. 0, EDEADLK (error-checking relock),
 * EAGAIN (recursion depth exhausted), EINVAL (destroyed). */
int pthread_mutex_lock(pthread_mutex_t *m)
{
    int me = __thread_tid();
    int r;
    if (m->__data.__kind < 0) return EINVAL;
    if (m->__data.__kind & TID_KINDS) return __mutex_lock_tid(m, 0, 0);
    r = relock(m, me);
    if (r >= 0) return r;
    __lock(&m->__data.__lock);
    took(m, me);
    return 0;
}

/* Locks m if that needs no waiting: 0, or EBUSY (a recursive owner relocks, though). */
int pthread_mutex_trylock(pthread_mutex_t *m)
{
    int me = __thread_tid();
    if (m->__data.__kind > 0 && (m->__data.__kind & TID_KINDS)) return __mutex_lock_tid(m, 0, 1);
    if ((m->__data.__kind & KIND_MASK) == PTHREAD_MUTEX_RECURSIVE && __atomic_load_n(&m->__data.__owner, __ATOMIC_RELAXED) == me) {
        return relock(m, me);
    }
    if (!__trylock(&m->__data.__lock)) return EBUSY;
    took(m, me);
    return 0;
}

/* As pthread_mutex_lock, but gives up with ETIMEDOUT at abstime (CLOCK_REALTIME); EINVAL
 * for a malformed abstime when the call would have to wait. */
int pthread_mutex_timedlock(pthread_mutex_t *m, const struct timespec *abstime)
{
    int me = __thread_tid();
    int r;
    if (m->__data.__kind < 0) return EINVAL;
    if (m->__data.__kind & TID_KINDS) {
        if (abstime && __check_abstime(abstime)) return EINVAL;
        return __mutex_lock_tid(m, abstime, 0);
    }
    r = relock(m, me);
    if (r >= 0) return r;
    if (!__trylock(&m->__data.__lock)) {
        /* POSIX lets a call that need not wait ignore abstime, as glibc does. */
        if (__check_abstime(abstime)) return EINVAL;
        if (__lock_timed(&m->__data.__lock, abstime, CLOCK_REALTIME) == ETIMEDOUT) return ETIMEDOUT;
    }
    took(m, me);
    return 0;
}

/* Unlocks m. EPERM when an error-checking or recursive mutex is not the caller's. */
int pthread_mutex_unlock(pthread_mutex_t *m)
{
    int kind = m->__data.__kind;
    if (kind > 0 && (kind & TID_KINDS)) return __mutex_unlock_tid(m);
    kind &= KIND_MASK;
    if (kind != PTHREAD_MUTEX_NORMAL) {
        if (m->__data.__owner != __thread_tid() || m->__data.__lock == 0) return EPERM;
        if (kind == PTHREAD_MUTEX_RECURSIVE && --m->__data.__count != 0) return 0;
    }
    __atomic_store_n(&m->__data.__owner, 0, __ATOMIC_RELAXED); /* relock reads it unlocked */
    m->__data.__count = 0;
    m->__data.__nusers--;
    __unlock(&m->__data.__lock);
    return 0;
}

/* A normal, process-private mutex. */
int pthread_mutexattr_init(pthread_mutexattr_t *attr)
{
    attr->__align = 0;
    return 0;
}

int pthread_mutexattr_destroy(pthread_mutexattr_t *attr)
{
    (void)attr;
    return 0;
}

/* PTHREAD_MUTEX_NORMAL, _RECURSIVE or _ERRORCHECK; EINVAL otherwise. */
int pthread_mutexattr_settype(pthread_mutexattr_t *attr, int type)
{
    if (type < PTHREAD_MUTEX_NORMAL || type > PTHREAD_MUTEX_ERRORCHECK) return EINVAL;
    attr->__align = (attr->__align & ~KIND_MASK) | type;
    return 0;
}

int pthread_mutexattr_gettype(const pthread_mutexattr_t *attr, int *type)
{
    *type = attr->__align & KIND_MASK;
    return 0;
}

/* PTHREAD_PROCESS_PRIVATE or _SHARED. Only robust and PI mutexes honour it (their futex
 * calls are then shared); the others' futex calls are private, so such a mutex shared
 * between processes (in MAP_SHARED memory) is not supported yet. */
int pthread_mutexattr_setpshared(pthread_mutexattr_t *attr, int pshared)
{
    if (pshared != PTHREAD_PROCESS_PRIVATE && pshared != PTHREAD_PROCESS_SHARED) return EINVAL;
    attr->__align = pshared ? (attr->__align | SHARED_BIT) : (attr->__align & ~SHARED_BIT);
    return 0;
}

int pthread_mutexattr_getpshared(const pthread_mutexattr_t *attr, int *pshared)
{
    *pshared = (attr->__align & SHARED_BIT) != 0;
    return 0;
}

/* PTHREAD_MUTEX_STALLED (the default: a dead owner's mutex stays locked) or
 * PTHREAD_MUTEX_ROBUST (the next locker gets EOWNERDEAD); EINVAL otherwise. */
int pthread_mutexattr_setrobust(pthread_mutexattr_t *attr, int robustness)
{
    if (robustness != PTHREAD_MUTEX_STALLED && robustness != PTHREAD_MUTEX_ROBUST) return EINVAL;
    attr->__align = robustness ? (attr->__align | ROBUST_BIT) : (attr->__align & ~ROBUST_BIT);
    return 0;
}

int pthread_mutexattr_getrobust(const pthread_mutexattr_t *attr, int *robustness)
{
    *robustness = (attr->__align & ROBUST_BIT) != 0;
    return 0;
}

/* PTHREAD_PRIO_NONE or PTHREAD_PRIO_INHERIT (the owner runs with the priority of the best
 * thread waiting for the mutex); ENOTSUP for PTHREAD_PRIO_PROTECT (priority ceilings are
 * not implemented), EINVAL for anything else. */
int pthread_mutexattr_setprotocol(pthread_mutexattr_t *attr, int protocol)
{
    if (protocol == PTHREAD_PRIO_PROTECT) return ENOTSUP;
    if (protocol != PTHREAD_PRIO_NONE && protocol != PTHREAD_PRIO_INHERIT) return EINVAL;
    attr->__align = (attr->__align & ~PROTOCOL_MASK) | (protocol << PROTOCOL_SHIFT);
    return 0;
}

int pthread_mutexattr_getprotocol(const pthread_mutexattr_t *attr, int *protocol)
{
    *protocol = (attr->__align & PROTOCOL_MASK) >> PROTOCOL_SHIFT;
    return 0;
}
