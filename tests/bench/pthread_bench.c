/*
 * pthread_bench.c MODE N: libpthread's costs (docs/PERFORMANCE.md, "libpthread").
 *   create N   N pthread_create + pthread_join pairs, one thread at a time:
 *              prints "N creates in T ns"
 *   mutex N    N uncontended pthread_mutex_lock + unlock pairs: prints "N locks in T ns"
 *   alive N    N threads alive at once, each blocked on a barrier: prints "mark 0" before
 *              creating them and "mark N" when all are alive, so a host can measure the
 *              memory in between, then releases and joins them; exits 1 if a create fails
 * Times are CLOCK_MONOTONIC around the loop. The same file builds with gcc -pthread.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static long long now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void *nothing(void *arg) { return arg; }

static pthread_barrier_t all_alive;

static void *wait_for_all(void *arg)
{
    pthread_barrier_wait(&all_alive);
    return arg;
}

static int alive(long n)
{
    pthread_t *threads = malloc(n * sizeof *threads);
    long i;
    printf("mark 0\n");
    fflush(stdout);
    pthread_barrier_init(&all_alive, 0, (unsigned int)n + 1);
    for (i = 0; i < n; i++) {
        if (pthread_create(&threads[i], 0, wait_for_all, 0) != 0) {
            printf("create %ld failed\n", i);
            return 1;
        }
    }
    printf("mark %ld\n", n);
    fflush(stdout);
    pthread_barrier_wait(&all_alive);
    for (i = 0; i < n; i++) pthread_join(threads[i], 0);
    printf("%ld threads were alive at once\n", n);
    free(threads);
    return 0;
}

int main(int argc, char **argv)
{
    long n, i;
    long long start;
    if (argc != 3) {
        fprintf(stderr, "usage: pthread_bench create|mutex|alive N\n");
        return 2;
    }
    n = atol(argv[2]);
    if (strcmp(argv[1], "alive") == 0) return alive(n);
    start = now_ns();
    if (strcmp(argv[1], "create") == 0) {
        for (i = 0; i < n; i++) {
            pthread_t t;
            if (pthread_create(&t, 0, nothing, 0) != 0) return 1;
            pthread_join(t, 0);
        }
        printf("%ld creates in %lld ns\n", n, now_ns() - start);
    } else {
        pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
        for (i = 0; i < n; i++) {
            pthread_mutex_lock(&m);
            pthread_mutex_unlock(&m);
        }
        printf("%ld locks in %lld ns\n", n, now_ns() - start);
    }
    return 0;
}
