/*
 * pthread_barrier.c: barriers. Threads arrive under an internal lock; the last of a round
 * resets the count, bumps the round number (the futex word) and wakes everyone. Waiting
 * on the round number rather than the count is what makes a barrier reusable: a thread
 * that hurries into the next round cannot be mistaken for one still in the last.
 */
#include <pthread.h>
#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include <string.h>
#include "pthread_impl.h"

/* A barrier for count threads; EINVAL when count is 0. */
int pthread_barrier_init(pthread_barrier_t *b, const pthread_barrierattr_t *attr, unsigned int count)
{
    (void)attr;
    if (count == 0) return EINVAL;
    memset(b, 0, sizeof *b);
    b->__data.__count = count;
    return 0;
}

/* EBUSY while a round is under way; otherwise 0. */
int pthread_barrier_destroy(pthread_barrier_t *b)
{
    return b->__data.__arrived ? EBUSY : 0;
}

/* Waits until count threads have called it: PTHREAD_BARRIER_SERIAL_THREAD in exactly
 * one of them (the last to arrive), 0 in the others. */
int pthread_barrier_wait(pthread_barrier_t *b)
{
    unsigned int round;
    __lock(&b->__data.__lock);
    round = b->__data.__round;
    if (++b->__data.__arrived == b->__data.__count) {
        b->__data.__arrived = 0;
        /* Atomic: the waiters read it without the lock. The release makes everything the
         * round's threads did before arriving visible to those that see the new round. */
        __atomic_store_n(&b->__data.__round, round + 1, __ATOMIC_RELEASE);
        __unlock(&b->__data.__lock);
        __futex(&b->__data.__round, FUTEX_WAKE_PRIVATE, INT_MAX, 0, 0, 0);
        return PTHREAD_BARRIER_SERIAL_THREAD;
    }
    __unlock(&b->__data.__lock);
    while (__atomic_load_n(&b->__data.__round, __ATOMIC_ACQUIRE) == round) {
        __futex(&b->__data.__round, FUTEX_WAIT_PRIVATE, (int)round, 0, 0, 0);
    }
    return 0;
}

int pthread_barrierattr_init(pthread_barrierattr_t *attr)
{
    attr->__align = 0;
    return 0;
}

int pthread_barrierattr_destroy(pthread_barrierattr_t *attr)
{
    (void)attr;
    return 0;
}
