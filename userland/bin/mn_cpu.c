/*
 * mn_cpu [THREADS]: CPU-bound user threads need only one LWP.
 *
 * Makes THREADS (default 16) user threads of the two-level library (uthread.h), each
 * counting the primes below a bound in slices and yielding between slices, and waits for
 * them. None of them ever blocks in the kernel, so the library never needs a second LWP:
 * all of them are multiplexed on the process's one kernel thread by user-level context
 * switches. What to watch: the per-thread results, and the last line, which says how
 * many LWPs the library had and how many threads the kernel saw (/proc/self/status).
 * Run it under `strace` to see that not one clone is made.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <uthread.h>

/* The Threads: line of /proc/self/status: the kernel's count of this process's threads. */
static int kernel_threads(void)
{
    char text[4096];
    int fd = open("/proc/self/status", O_RDONLY);
    long n = fd < 0 ? -1 : read(fd, text, sizeof text - 1);
    char *p;
    if (fd >= 0) close(fd);
    text[n > 0 ? n : 0] = 0;
    p = strstr(text, "Threads:");
    return p ? atoi(p + 8) : -1;
}

static int is_prime(long n)
{
    long d;
    if (n < 2) return 0;
    for (d = 2; d * d <= n; d++)
        if (n % d == 0) return 0;
    return 1;
}

/* Counts the primes below 2000 + 100 * index, yielding every 100 numbers. */
static void *count_primes(void *arg)
{
    long bound = 2000 + 100 * (long)arg, n, primes = 0;
    for (n = 0; n < bound; n++) {
        primes += is_prime(n);
        if (n % 100 == 99) uthread_yield();
    }
    return (void *)primes;
}

int main(int argc, char **argv)
{
    int count = argc > 1 ? atoi(argv[1]) : 16, i, most_lwps = 1;
    uthread_t *threads;
    if (count < 1 || count > 1000) {
        fprintf(stderr, "usage: mn_cpu [THREADS (1-1000)]\n");
        return 2;
    }
    threads = malloc(count * sizeof *threads);
    for (i = 0; i < count; i++) uthread_create(&threads[i], count_primes, (void *)(long)i);
    for (i = 0; i < count; i++) {
        void *primes;
        if (uthread_lwp_count() > most_lwps) most_lwps = uthread_lwp_count();
        uthread_join(threads[i], &primes);
        printf("thread %2d: %3ld primes below %ld\n", i, (long)primes, 2000 + 100L * i);
    }
    printf("%d CPU-bound user threads ran on %d LWP%s; the kernel saw %d thread%s\n", count, most_lwps,
            most_lwps == 1 ? "" : "s", kernel_threads(), kernel_threads() == 1 ? "" : "s");
    free(threads);
    return 0;
}
