/*
 * semaphore.c: POSIX unnamed semaphores on one futex word, the count.
 *
 * sem_wait decrements the count with compare-and-swap when it is positive: no system call.
 * Otherwise the thread counts itself in __nwaiters and sleeps while the count is 0.
 * sem_post increments the count and calls FUTEX_WAKE only if __nwaiters says someone may
 * sleep. The two orders (waiter: announce, then read the count; poster: bump the count,
 * then read the waiters) guarantee that at least one side sees the other, so a post is
 * never lost: the machine is sequentially consistent, and FUTEX_WAIT re-checks the count
 * atomically before sleeping.
 *
 * Errors follow the C convention of semaphore.h: -1 and errno.
 */
#include <semaphore.h>
#include <errno.h>
#include <linux/futex.h>
#include <string.h>
#include <time.h>
#include "pthread_impl.h"

#define SEM_VALUE_MAX 2147483647 /* glibc's, from <limits.h> */

/* Sets the count to value; pshared chooses shared futexes (for a semaphore in memory shared
 * between processes). -1 and EINVAL if value exceeds SEM_VALUE_MAX. */
int sem_init(sem_t *sem, int pshared, unsigned int value)
{
    if (value > SEM_VALUE_MAX) {
        errno = EINVAL;
        return -1;
    }
    memset(sem, 0, sizeof *sem);
    sem->__data.__value = (int)value;
    sem->__data.__private = pshared ? 0 : FUTEX_PRIVATE_FLAG;
    return 0;
}

/* Nothing to free. Always 0. */
int sem_destroy(sem_t *sem)
{
    (void)sem;
    return 0;
}

/* Takes one unit if the count is positive: 1 if it did, 0 if the count was 0. */
static int take(sem_t *sem)
{
    int v;
    while ((v = sem->__data.__value) > 0) {
        if (__sync_bool_compare_and_swap(&sem->__data.__value, v, v - 1)) return 1;
    }
    return 0;
}

/* A waiter leaves: at the end of the wait, or when cancelled while asleep. */
static void stop_waiting(void *arg)
{
    sem_t *sem = arg;
    __sync_fetch_and_sub(&sem->__data.__nwaiters, 1);
}

/* Waits for the count to be positive and decrements it; abstime (CLOCK_REALTIME) or 0.
 * A cancellation point. */
static int wait(sem_t *sem, const struct timespec *abstime)
{
    struct __pthread_cleanup cleanup;
    int r = 0;
    if (abstime && __check_abstime(abstime)) { /* checked first, even if a unit is there, as glibc */
        errno = EINVAL;
        return -1;
    }
    if (take(sem)) return 0;
    __sync_fetch_and_add(&sem->__data.__nwaiters, 1);
    __pthread_cleanup_push(&cleanup, stop_waiting, sem);
    __pthread_cancel_enter();
    while (!take(sem)) {
        r = __futex_wait_abs(&sem->__data.__value, 0, abstime, CLOCK_REALTIME, sem->__data.__private);
        if (r == ETIMEDOUT || r == EINTR) break;
        r = 0;
    }
    __pthread_cancel_leave();
    __pthread_cleanup_pop(&cleanup, 1);
    if (r) {
        errno = r;
        return -1;
    }
    return 0;
}

/* Decrements the count, waiting while it is 0. 0, or -1 with EINTR (a signal handler ran). */
int sem_wait(sem_t *sem) { return wait(sem, 0); }

/* As sem_wait, but -1 with ETIMEDOUT at abstime (CLOCK_REALTIME), EINVAL if it is malformed. */
int sem_timedwait(sem_t *sem, const struct timespec *abstime) { return wait(sem, abstime); }

/* Decrements the count if positive: 0, or -1 with EAGAIN. */
int sem_trywait(sem_t *sem)
{
    if (take(sem)) return 0;
    errno = EAGAIN;
    return -1;
}

/* Increments the count, waking one waiter. -1 with EOVERFLOW at SEM_VALUE_MAX. */
int sem_post(sem_t *sem)
{
    int v;
    do {
        v = sem->__data.__value;
        if (v == SEM_VALUE_MAX) {
            errno = EOVERFLOW;
            return -1;
        }
    } while (!__sync_bool_compare_and_swap(&sem->__data.__value, v, v + 1));
    if (sem->__data.__nwaiters) __futex(&sem->__data.__value, FUTEX_WAKE | sem->__data.__private, 1, 0, 0, 0);
    return 0;
}

/* Stores the count in *value. Always 0. */
int sem_getvalue(sem_t *sem, int *value)
{
    *value = sem->__data.__value;
    return 0;
}
