/*
 * sleepers_overlap: blocking calls of different user threads overlap in time once the pool
 * grows. Four user threads each sleep 100 ms in uthread_nanosleep, starting on a pool of
 * one LWP: with growth, each sleeper takes its own LWP into the kernel and the four sleeps
 * end together, about 100 ms after the first began; on a pool that does not grow they take
 * turns, 400 ms. Time here is the machine's virtual time, the same on every host.
 */
#include "uthread_lab.h"

#define SLEEPERS 4

/* Sleeps 100 ms. */
static void *sleeper(void *arg)
{
    struct timespec t = {0, 100000000};
    uthread_nanosleep(&t, 0);
    return arg;
}

int main(void)
{
    uthread_t t[SLEEPERS];
    long start, elapsed_ms;
    int i;
    start = clock_ns(CLOCK_MONOTONIC);
    for (i = 0; i < SLEEPERS; i++) uthread_create(&t[i], sleeper, 0);
    for (i = 0; i < SLEEPERS; i++) uthread_join(t[i], 0);
    elapsed_ms = (clock_ns(CLOCK_MONOTONIC) - start) / 1000000;
    if (!check(elapsed_ms >= 100 && elapsed_ms < 150, "four 100 ms sleeps took under 150 ms together")) {
        printf("  they took %ld ms\n", elapsed_ms);
    }
    if (!check(uthread_lwp_count() == SLEEPERS, "the pool grew to one LWP per sleeper")) {
        printf("  uthread_lwp_count() %d\n", uthread_lwp_count());
    }
    return 0;
}
