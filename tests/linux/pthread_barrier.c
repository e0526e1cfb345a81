/*
 * Barriers: in each round exactly one thread gets PTHREAD_BARRIER_SERIAL_THREAD, nobody
 * leaves a round before everyone has arrived, and the barrier can be reused for many
 * rounds. Also the count-0 error.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>

#define THREADS 5
#define ROUNDS 50

static pthread_barrier_t barrier;
static int arrived[ROUNDS];
static int serial[ROUNDS];
static int early;

static void *worker(void *arg)
{
    int round;
    (void)arg;
    for (round = 0; round < ROUNDS; round++) {
        __sync_fetch_and_add(&arrived[round], 1);
        if (pthread_barrier_wait(&barrier) == PTHREAD_BARRIER_SERIAL_THREAD) __sync_fetch_and_add(&serial[round], 1);
        if (arrived[round] != THREADS) early = 1;
    }
    return 0;
}

int main(void)
{
    pthread_t t[THREADS];
    pthread_barrier_t b;
    int i, serial_ok = 1;

    printf("init with count 0: %s\n", pthread_barrier_init(&b, 0, 0) == EINVAL ? "EINVAL" : "?");
    pthread_barrier_init(&barrier, 0, THREADS);
    for (i = 0; i < THREADS; i++) pthread_create(&t[i], 0, worker, 0);
    for (i = 0; i < THREADS; i++) pthread_join(t[i], 0);
    for (i = 0; i < ROUNDS; i++)
        if (serial[i] != 1) serial_ok = 0;
    printf("%d rounds, one serial thread in each: %d\n", ROUNDS, serial_ok);
    printf("a thread left a round early: %d\n", early);
    printf("destroy: %d\n", pthread_barrier_destroy(&barrier));
    pthread_barrier_init(&b, 0, 1);
    printf("a barrier of one returns PTHREAD_BARRIER_SERIAL_THREAD: %d\n", pthread_barrier_wait(&b) == PTHREAD_BARRIER_SERIAL_THREAD);
    pthread_barrier_destroy(&b);
    return 0;
}
