/*
 * parallel_sum [THREADS] [ELEMENTS] [SEED]: one array summed by several threads on several CPUs.
 *
 * Fills an array of ELEMENTS numbers (default 100000) below 1000 with rand() after
 * srand(SEED) (default 1; Clonix's rand gives glibc's sequence, so the array is the same
 * on Linux), splits it into THREADS slices (default 4) and lets each thread sum its slice
 * into its own result slot: no locks, because no two threads write the same place. The
 * main thread joins them, adds the partial sums and checks them against a sequential sum.
 * Each thread also reports the CPU it ran on last (sched_getcpu), so you can see the
 * slices spread over the machine's CPUs; in Clonix that is deterministic for a given
 * `--seed`, on Linux it is whatever the scheduler chose.
 *
 * Try in the shell: `parallel_sum`, `parallel_sum 8`, and `cpus` or `timeline` after
 * `trace on` to see the CPUs busy at once; `taskset 1 parallel_sum` puts every thread on
 * CPU 0.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>

#define MAX_THREADS 64

/* One thread's slice [begin, end) of the array, and what the thread found. */
struct slice {
    long begin, end, sum;
    int cpu;
};

static int *numbers;

/* Sums the slice's part of the array into slice->sum; records the CPU it finished on. */
static void *sum_slice(void *arg)
{
    struct slice *s = arg;
    long i, sum = 0;
    for (i = s->begin; i < s->end; i++) sum += numbers[i];
    s->sum = sum;
    s->cpu = sched_getcpu();
    return 0;
}

int main(int argc, char **argv)
{
    pthread_t tid[MAX_THREADS];
    struct slice slice[MAX_THREADS];
    int threads = argc > 1 ? atoi(argv[1]) : 4, i;
    long elements = argc > 2 ? atol(argv[2]) : 100000, total = 0, check = 0, n;
    unsigned seed = argc > 3 ? (unsigned)atol(argv[3]) : 1;

    if (threads < 1 || threads > MAX_THREADS || elements < threads || elements > 10000000) {
        fprintf(stderr, "usage: parallel_sum [THREADS (1-%d)] [ELEMENTS (THREADS-10000000)] [SEED]\n", MAX_THREADS);
        return 2;
    }
    numbers = malloc(elements * sizeof *numbers);
    if (!numbers) {
        perror("parallel_sum: malloc");
        return 1;
    }
    srand(seed);
    for (n = 0; n < elements; n++) numbers[n] = rand() % 1000;
    for (i = 0; i < threads; i++) {
        slice[i].begin = elements * i / threads;
        slice[i].end = elements * (i + 1) / threads;
        pthread_create(&tid[i], 0, sum_slice, &slice[i]);
    }
    for (i = 0; i < threads; i++) {
        pthread_join(tid[i], 0);
        printf("thread %d: elements %ld..%ld sum %ld, on cpu %d\n", i, slice[i].begin, slice[i].end - 1,
                slice[i].sum, slice[i].cpu);
        total += slice[i].sum;
    }
    for (n = 0; n < elements; n++) check += numbers[n];
    printf("total %ld (sequential sum %ld)\n", total, check);
    free(numbers);
    return 0;
}
