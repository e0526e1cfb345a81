/*
 * race_work.c [N]: a threaded workload for the race detector's cost (docs/PERFORMANCE.md,
 * "The race detector"): four threads each sum their own slice of a shared array N times
 * (loads and stores to shared pages, none of them racing) and add their result to a total
 * under a mutex. Prints the total, which does not depend on the schedule.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define THREADS 4
#define SLICE 4096

static int data[THREADS * SLICE];
static long partial[THREADS];
static long total;
static int rounds = 20;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
    int me = (int)(long)arg;
    int *mine = data + me * SLICE;
    for (int r = 0; r < rounds; r++) {
        for (int i = 0; i < SLICE; i++) mine[i] += i ^ r;
        for (int i = 0; i < SLICE; i++) partial[me] += mine[i];
    }
    pthread_mutex_lock(&lock);
    total += partial[me];
    pthread_mutex_unlock(&lock);
    return 0;
}

int main(int argc, char **argv)
{
    pthread_t t[THREADS];
    if (argc > 1) rounds = atoi(argv[1]);
    for (long i = 0; i < THREADS; i++) pthread_create(&t[i], 0, worker, (void *)i);
    for (int i = 0; i < THREADS; i++) pthread_join(t[i], 0);
    printf("total = %ld\n", total);
    return 0;
}
