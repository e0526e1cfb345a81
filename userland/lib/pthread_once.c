/*
 * pthread_once.c: run an initialiser exactly once, however many threads race to it.
 *
 * The pthread_once_t is a futex word: 0 not run, 1 running, 2 done. The thread whose
 * compare-and-swap moves it from 0 to 1 runs the function; the others sleep until 2.
 *
 * The initialiser may be cancelled (it may contain cancellation points). Then it has not
 * run, so, as glibc does with a cleanup handler, the word goes back to 0 and the sleepers
 * are woken: one of them (or the next caller) runs the initialiser again.
 */
#include <pthread.h>
#include <limits.h>
#include <linux/futex.h>
#include "pthread_impl.h"

#define NOT_RUN 0
#define RUNNING 1
#define DONE 2

/* The cleanup handler of a cancelled initialiser: back to "not run", and wake the sleepers. */
static void once_cancelled(void *arg)
{
    volatile int *state = arg;
    __sync_lock_test_and_set(state, NOT_RUN);
    __futex(state, FUTEX_WAKE_PRIVATE, INT_MAX, 0, 0, 0);
}

/* Calls fn() if no call with this once has; returns only after fn has finished. Always 0. */
int pthread_once(pthread_once_t *once, void (*fn)(void))
{
    volatile int *state = (volatile int *)once;
    for (;;) {
        if (*state == DONE) return 0; /* the common case: one load */
        if (__sync_bool_compare_and_swap(state, NOT_RUN, RUNNING)) {
            pthread_cleanup_push(once_cancelled, (void *)state);
            fn();
            pthread_cleanup_pop(0);
            __sync_lock_test_and_set(state, DONE);
            __futex(state, FUTEX_WAKE_PRIVATE, INT_MAX, 0, 0, 0);
            return 0;
        }
        /* Sleep while another thread runs fn; if it was cancelled, try to run fn ourselves. */
        while (*state == RUNNING) __futex(state, FUTEX_WAIT_PRIVATE, RUNNING, 0, 0, 0);
    }
}
