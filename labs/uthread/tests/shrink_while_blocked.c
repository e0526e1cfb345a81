/*
 * shrink_while_blocked: lowering the level must not strand ready threads when the other
 * LWPs are blocked in the kernel. On a pool of three LWPs, main sleeps 1 s in
 * uthread_nanosleep on LWP 0 and two readers block on empty pipes on the other two, so
 * the pool grows by one for a fourth thread, which then sets the level to 1 and makes the
 * writer the readers wait for. The LWP running it is above the new level, but it is the
 * only one outside the kernel while the writer is ready: it must stay and run the writer,
 * so the readers get their bytes at once, long before main wakes up.
 */
#include "uthread_lab.h"

static int pipes[2][2];
static long start;
static long read_at[2];

/* Reads one byte from its pipe and notes when (in ms since the start). */
static void *reader(void *arg)
{
    char c;
    long i = (long)arg;
    if (uthread_read(pipes[i][0], &c, 1) == 1) read_at[i] = (clock_ns(CLOCK_MONOTONIC) - start) / 1000000;
    return arg;
}

/* Writes one byte into each pipe. */
static void *writer(void *arg)
{
    uthread_write(pipes[0][1], "a", 1);
    uthread_write(pipes[1][1], "b", 1);
    return arg;
}

/* Lowers the level to 1 while the other LWPs are blocked, then needs the writer to run. */
static void *shrinker(void *arg)
{
    uthread_t w;
    uthread_setconcurrency(1);
    uthread_create(&w, writer, 0);
    uthread_join(w, 0);
    return arg;
}

int main(void)
{
    struct timespec second = {1, 0};
    uthread_t r[2], s;
    int i, kernel;
    for (i = 0; i < 2; i++) pipe(pipes[i]);
    start = clock_ns(CLOCK_MONOTONIC);
    read_at[0] = read_at[1] = -1;
    uthread_setconcurrency(3);
    for (i = 0; i < 2; i++) uthread_create(&r[i], reader, (void *)(long)i);
    uthread_create(&s, shrinker, 0);
    uthread_nanosleep(&second, 0);
    for (i = 0; i < 2; i++) uthread_join(r[i], 0);
    uthread_join(s, 0);
    if (!check(read_at[0] >= 0 && read_at[0] < 500 && read_at[1] >= 0 && read_at[1] < 500,
                "the readers got their bytes while main still slept")) {
        printf("  they read at %ld ms and %ld ms; main slept until 1000 ms\n", read_at[0], read_at[1]);
    }
    kernel = wait_for_kernel_threads(1, 100);
    if (!check(kernel == 1 && uthread_getconcurrency() == 1, "then the pool went back to one LWP")) {
        printf("  uthread_getconcurrency() %d, /proc/self/task %d\n", uthread_getconcurrency(), kernel);
    }
    return 0;
}
