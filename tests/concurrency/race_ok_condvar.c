/*
 * race_ok_condvar.c: a producer hands items one at a time to a consumer through a one-slot
 * buffer guarded by a mutex and two condition variables. Correct: no report.
 */
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t filled = PTHREAD_COND_INITIALIZER, emptied = PTHREAD_COND_INITIALIZER;
static int slot, full;
static int items[200];

static void *producer(void *arg)
{
    for (int i = 0; i < 200; i++) {
        items[i] = i * 3; /* published by the unlock below */
        pthread_mutex_lock(&lock);
        while (full) pthread_cond_wait(&emptied, &lock);
        slot = i;
        full = 1;
        pthread_cond_signal(&filled);
        pthread_mutex_unlock(&lock);
    }
    return arg;
}

int main(void)
{
    pthread_t p;
    long sum = 0;
    pthread_create(&p, 0, producer, 0);
    for (int n = 0; n < 200; n++) {
        pthread_mutex_lock(&lock);
        while (!full) pthread_cond_wait(&filled, &lock);
        sum += items[slot];
        full = 0;
        pthread_cond_signal(&emptied);
        pthread_mutex_unlock(&lock);
    }
    pthread_join(p, 0);
    printf("sum = %ld\n", sum);
    return 0;
}
