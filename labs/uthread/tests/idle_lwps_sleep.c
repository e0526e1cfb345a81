/*
 * idle_lwps_sleep: LWPs with nothing to run sleep in the kernel instead of spinning, and
 * LWPs above a lowered level leave even when they are idle. With four LWPs, main sleeps
 * 100 ms while nothing else is ready: the process's CPU time (every LWP's,
 * CLOCK_PROCESS_CPUTIME_ID) must stay far below the time slept. Then the level goes down
 * to 1 while the three other LWPs are idle: they must be woken to leave, since no thread
 * will give them back. Last, on three LWPs, two threads wait 50 ms on a uthread mutex
 * whose holder sleeps: again almost no CPU may be used.
 */
#include "uthread_lab.h"

static uthread_mutex_t lock = UTHREAD_MUTEX_INITIALIZER;

/* Sleeps ms milliseconds in the kernel. */
static void sleep_ms(long ms)
{
    struct timespec t = {0, ms * 1000000};
    uthread_nanosleep(&t, 0);
}

/* Holds the mutex for 50 ms, asleep. */
static void *holder(void *arg)
{
    uthread_mutex_lock(&lock);
    sleep_ms(50);
    uthread_mutex_unlock(&lock);
    return arg;
}

/* Takes the mutex once. */
static void *waiter(void *arg)
{
    uthread_mutex_lock(&lock);
    uthread_mutex_unlock(&lock);
    return arg;
}

/* Prints the check that the CPU time spent over the clock's interval stayed below 2 ms. */
static void check_cpu(long cpu_before, long time_before, const char *what)
{
    long cpu_us = (clock_ns(CLOCK_PROCESS_CPUTIME_ID) - cpu_before) / 1000;
    long slept_ms = (clock_ns(CLOCK_MONOTONIC) - time_before) / 1000000;
    if (!check(cpu_us < 2000, what)) printf("  %ld us of CPU in %ld ms\n", cpu_us, slept_ms);
}

int main(void)
{
    uthread_t h, w[2];
    long cpu, now;
    int kernel, i;
    uthread_setconcurrency(4);
    kernel = kernel_threads();
    if (!check(kernel == 4, "four LWPs at level 4")) printf("  /proc/self/task %d\n", kernel);

    /* Main has not waited in the library yet, so it still runs on LWP 0, which never leaves. */
    cpu = clock_ns(CLOCK_PROCESS_CPUTIME_ID);
    now = clock_ns(CLOCK_MONOTONIC);
    sleep_ms(100);
    check_cpu(cpu, now, "idle LWPs used under 2 ms of CPU while main slept 100 ms");

    uthread_setconcurrency(1);
    sleep_ms(10);
    kernel = kernel_threads();
    if (!check(kernel == 1 && uthread_lwp_count() == 1, "idle LWPs above level 1 left while main slept")) {
        printf("  uthread_lwp_count() %d, /proc/self/task %d\n", uthread_lwp_count(), kernel);
    }

    uthread_setconcurrency(3);
    uthread_create(&h, holder, 0);
    uthread_yield(); /* the holder takes the mutex first */
    for (i = 0; i < 2; i++) uthread_create(&w[i], waiter, 0);
    cpu = clock_ns(CLOCK_PROCESS_CPUTIME_ID);
    now = clock_ns(CLOCK_MONOTONIC);
    uthread_join(h, 0);
    for (i = 0; i < 2; i++) uthread_join(w[i], 0);
    check_cpu(cpu, now, "threads waiting 50 ms on a mutex used under 2 ms of CPU");
    return 0;
}
