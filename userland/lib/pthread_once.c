/*
 * pthread_once.c: run an initialiser exactly once, however many threads race to it.
 *
 * The pthread_once_t is a futex word: 0 not run, 1 running, 2 done. The thread whose
 * compare-and-swap moves it from 0 to 1 runs the function; the others sleep until 2.
 */
#include <pthread.h>
#include <limits.h>
#include <linux/futex.h>
#include "pthread_impl.h"

#define NOT_RUN 0
#define RUNNING 1
#define DONE 2

/* Calls fn() if no call with this once has; returns only after fn has finished. Always 0. */
int pthread_once(pthread_once_t *once, void (*fn)(void))
{
    volatile int *state = (volatile int *)once;
    if (*state == DONE) return 0; /* the common case: one load */
    if (__sync_bool_compare_and_swap(state, NOT_RUN, RUNNING)) {
        fn();
        __sync_lock_test_and_set(state, DONE);
        __futex(state, FUTEX_WAKE_PRIVATE, INT_MAX, 0, 0, 0);
        return 0;
    }
    while (*state == RUNNING) __futex(state, FUTEX_WAIT_PRIVATE, RUNNING, 0, 0, 0);
    return 0;
}
