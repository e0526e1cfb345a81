/*
 * race_ok_barrier.c: three threads fill their own slice of an array, meet at a barrier, then
 * each reads the slices the others wrote. Correct: the barrier orders the phases.
 */
#include <pthread.h>
#include <stdio.h>

#define N 3
#define SLICE 64

static pthread_barrier_t barrier;
static int data[N * SLICE];
static long sums[N];

static void *worker(void *arg)
{
    int me = (int)(long)arg;
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < SLICE; i++) data[me * SLICE + i] = round * 1000 + me * SLICE + i;
        pthread_barrier_wait(&barrier);
        for (int i = 0; i < N * SLICE; i++) sums[me] += data[i];
        pthread_barrier_wait(&barrier);
    }
    return 0;
}

int main(void)
{
    pthread_t t[N];
    pthread_barrier_init(&barrier, 0, N);
    for (long i = 0; i < N; i++) pthread_create(&t[i], 0, worker, (void *)i);
    for (int i = 0; i < N; i++) pthread_join(t[i], 0);
    printf("%ld %ld %ld\n", sums[0], sums[1], sums[2]);
    return 0;
}
