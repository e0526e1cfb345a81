/*
 * pthread_cond.c: condition variables on a futex word.
 *
 * Waiting, signalling and broadcasting are the locks lab's part (docs/labs/locks.md): the
 * block below. Around it sit what is not the lesson: initialisation, destruction and the
 * attributes (the clock of a timed wait, and process-shared, which is only recorded).
 */
#include <pthread.h>
#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include <string.h>
#include <time.h>
#include "pthread_impl.h"

/* Initialises c: CLOCK_REALTIME unless attr chose CLOCK_MONOTONIC. Always 0. */
int pthread_cond_init(pthread_cond_t *c, const pthread_condattr_t *attr)
{
    memset(c, 0, sizeof *c);
    if (attr) {
        c->__data.__clock = attr->__align & 1;
        c->__data.__shared = (attr->__align >> 1) & 1;
    }
    return 0;
}

/* EBUSY while threads wait on c; otherwise 0. */
int pthread_cond_destroy(pthread_cond_t *c)
{
    return c->__data.__waiters ? EBUSY : 0;
}

// LAB locks BEGIN: wait (the heart of pthread_cond_wait and _timedwait), pthread_cond_signal, pthread_cond_broadcast
/*
 * A sequence number. The futex word __seq counts signals. A waiter reads it while still
 * holding the mutex, unlocks the mutex, and sleeps in FUTEX_WAIT only if __seq still has
 * the value it read. A signal bumps __seq before waking, so a signal sent after the waiter
 * released the mutex either finds it asleep (and wakes it) or makes its FUTEX_WAIT fail at
 * once with EAGAIN: no wake-up is lost, which is the whole point. (A waiter could miss a
 * wake-up only if exactly 2^32 signals came between its read and its sleep.)
 *
 * __waiters counts the threads inside pthread_cond_wait; it changes only under the mutex,
 * and a signal with no waiters returns without a system call. Wake-ups may be spurious
 * (POSIX allows it), so callers re-check their predicate in a loop, as always.
 *
 * Broadcast does not wake every waiter only to have all but one go back to sleep on the
 * mutex (the thundering herd): FUTEX_CMP_REQUEUE wakes one and moves the rest onto the
 * mutex's futex word, and each is woken by a mutex unlock in turn. A woken waiter takes the
 * mutex in the contended state (2), since others may now be queued behind it.
 */

/* What a waiter must restore when it wakes, or when it is cancelled while asleep. */
struct waiter {
    pthread_cond_t *c;
    pthread_mutex_t *m;
    int owner;
    unsigned int depth;
    int result; /* what retaking the mutex said: 0, or EOWNERDEAD for a robust one */
};

/* Retakes the mutex as a thread that may have others queued behind it (state 2), and
 * leaves the condition: the end of every wait, and the cleanup of a cancelled one, since
 * POSIX wants the mutex held again before the caller's cleanup handlers run. */
static void retake(void *arg)
{
    struct waiter *w = arg;
    if (w->m->__data.__kind & (MUTEX_ROBUST | MUTEX_PRIO_INHERIT)) {
        /* A mutex whose word holds its owner's tid has its own protocol (pthread_mutex_tid.c),
         * which may report that the owner died: the wait then returns EOWNERDEAD. */
        w->result = __mutex_lock_tid(w->m, 0, 0);
        if (w->result == 0) w->m->__data.__owner = w->owner;
        w->m->__data.__count = w->depth;
        w->c->__data.__waiters--;
        return;
    }
    __lock_contended(&w->m->__data.__lock);
    w->m->__data.__owner = w->owner;
    w->m->__data.__count = w->depth;
    w->m->__data.__nusers++;
    w->c->__data.__waiters--;
}

/* Releases m, sleeps until signalled or abstime passes, and retakes m. The caller holds m
 * (at any depth, for a recursive one). 0 or ETIMEDOUT; m is held again in both cases.
 * A cancellation point. */
static int wait(pthread_cond_t *c, pthread_mutex_t *m, const struct timespec *abstime)
{
    unsigned int seq = c->__data.__seq;
    struct waiter w;
    struct __pthread_cleanup cleanup;
    int r;
    w.c = c;
    w.m = m;
    w.owner = m->__data.__owner;
    w.depth = m->__data.__count;
    w.result = 0;
    c->__data.__waiters++;
    c->__data.__mutex = m;
    m->__data.__count = 1; /* a recursive mutex is released completely, as glibc does */
    pthread_mutex_unlock(m);
    __pthread_cleanup_push(&cleanup, retake, &w);
    __pthread_cancel_enter();
    r = __futex_wait_abs(&c->__data.__seq, (int)seq, abstime, c->__data.__clock, FUTEX_PRIVATE_FLAG);
    __pthread_cancel_leave();
    __pthread_cleanup_pop(&cleanup, 1);
    if (w.result) return w.result;
    return r == ETIMEDOUT ? ETIMEDOUT : 0;
}

/* Wakes at least one waiter of c, if there is any. Always 0. */
int pthread_cond_signal(pthread_cond_t *c)
{
    if (c->__data.__waiters == 0) return 0;
    __sync_fetch_and_add(&c->__data.__seq, 1);
    __futex(&c->__data.__seq, FUTEX_WAKE_PRIVATE, 1, 0, 0, 0);
    return 0;
}

/* Wakes every waiter of c: one now, the others requeued onto their mutex. Always 0. */
int pthread_cond_broadcast(pthread_cond_t *c)
{
    pthread_mutex_t *m = c->__data.__mutex;
    unsigned int seq;
    if (c->__data.__waiters == 0) return 0;
    seq = __sync_add_and_fetch(&c->__data.__seq, 1);
    /* CMP_REQUEUE fails with EAGAIN if __seq moved again meanwhile; then wake everyone.
     * Waiters are never requeued onto a robust or PI mutex, whose word only its own
     * protocol may sleep on. */
    if (!m || (m->__data.__kind & (MUTEX_ROBUST | MUTEX_PRIO_INHERIT)) || __futex(&c->__data.__seq, FUTEX_CMP_REQUEUE | FUTEX_PRIVATE_FLAG, 1,
                      (const struct timespec *)(long)INT_MAX, &m->__data.__lock, (int)seq) < 0) {
        __futex(&c->__data.__seq, FUTEX_WAKE_PRIVATE, INT_MAX, 0, 0, 0);
    }
    return 0;
}

// LAB locks STUB
// /* Correct but wasteful: a waiter never sleeps. It lets the mutex go, gives its CPU away,
//  * takes the mutex back and returns, a spurious wake-up that POSIX allows, so the caller
//  * checks its predicate and calls again: it polls, and burns CPU time while it waits. */
// static int wait(pthread_cond_t *c, pthread_mutex_t *m, const struct timespec *abstime)
// {
//     unsigned int depth = m->__data.__count;
//     struct timespec now;
//     m->__data.__count = 1; /* a recursive mutex is released completely */
//     pthread_mutex_unlock(m);
//     sched_yield();
//     pthread_mutex_lock(m);
//     m->__data.__count = depth;
//     pthread_testcancel();
//     if (abstime) {
//         clock_gettime(c->__data.__clock, &now);
//         if (now.tv_sec > abstime->tv_sec || (now.tv_sec == abstime->tv_sec && now.tv_nsec >= abstime->tv_nsec)) {
//             return ETIMEDOUT;
//         }
//     }
//     return 0;
// }
// /* Nothing to do: the waiters poll. */
// int pthread_cond_signal(pthread_cond_t *c)
// {
//     (void)c;
//     return 0;
// }
// int pthread_cond_broadcast(pthread_cond_t *c)
// {
//     (void)c;
//     return 0;
// }
// LAB locks END

/* Waits on c; the caller must hold m. Always 0 (woken, possibly spuriously). */
int pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m) { return wait(c, m, 0); }

/* As pthread_cond_wait with a deadline on c's clock: 0, ETIMEDOUT, or EINVAL for a
 * malformed abstime. */
int pthread_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m, const struct timespec *abstime)
{
    if (__check_abstime(abstime)) return EINVAL;
    return wait(c, m, abstime);
}

/* CLOCK_REALTIME, process-private. */
int pthread_condattr_init(pthread_condattr_t *attr)
{
    attr->__align = 0;
    return 0;
}

int pthread_condattr_destroy(pthread_condattr_t *attr)
{
    (void)attr;
    return 0;
}

/* The clock of pthread_cond_timedwait's deadline: CLOCK_REALTIME or CLOCK_MONOTONIC. */
int pthread_condattr_setclock(pthread_condattr_t *attr, clockid_t clock)
{
    if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC) return EINVAL;
    attr->__align = (attr->__align & ~1) | clock;
    return 0;
}

int pthread_condattr_getclock(const pthread_condattr_t *attr, clockid_t *clock)
{
    *clock = attr->__align & 1;
    return 0;
}

/* PTHREAD_PROCESS_PRIVATE or _SHARED (recorded only, as for mutexes). */
int pthread_condattr_setpshared(pthread_condattr_t *attr, int pshared)
{
    if (pshared != PTHREAD_PROCESS_PRIVATE && pshared != PTHREAD_PROCESS_SHARED) return EINVAL;
    attr->__align = (attr->__align & ~2) | (pshared << 1);
    return 0;
}

int pthread_condattr_getpshared(const pthread_condattr_t *attr, int *pshared)
{
    *pshared = (attr->__align >> 1) & 1;
    return 0;
}
