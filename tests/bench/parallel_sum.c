/*
 * parallel_sum.c [N]: four threads each sum a quarter of an array of N longs (default 4M),
 * filled by the main thread; prints the total. The JIT's multi-threaded workload
 * (docs/PERFORMANCE.md, "The JIT"). The same file builds with gcc -pthread.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define THREADS 4

static long *values;
static long n;
static long partial[THREADS];

static void *sum_quarter(void *arg) {
    long t = (long)arg;
    long from = n / THREADS * t, to = t == THREADS - 1 ? n : n / THREADS * (t + 1);
    long s = 0;
    for (long i = from; i < to; i++) s += values[i];
    partial[t] = s;
    return 0;
}

int main(int argc, char **argv) {
    n = argc > 1 ? atol(argv[1]) : 4000000;
    values = malloc(n * sizeof *values);
    if (!values) return 1;
    for (long i = 0; i < n; i++) values[i] = i % 1000;
    pthread_t threads[THREADS];
    for (long t = 0; t < THREADS; t++) pthread_create(&threads[t], 0, sum_quarter, (void *)t);
    long total = 0;
    for (long t = 0; t < THREADS; t++) {
        pthread_join(threads[t], 0);
        total += partial[t];
    }
    printf("%ld\n", total);
    return 0;
}
