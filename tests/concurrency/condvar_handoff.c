/*
 * condvar_handoff.c: correct. A producer hands five items, one at a time, to a consumer
 * through a one-slot buffer guarded by a mutex and two condition variables; every schedule
 * prints the same sum.
 */
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t filled = PTHREAD_COND_INITIALIZER, emptied = PTHREAD_COND_INITIALIZER;
static int slot, full;

static void *producer(void *arg)
{
    int i;
    for (i = 1; i <= 5; i++) {
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
    int i, sum = 0;
    pthread_create(&p, 0, producer, 0);
    for (i = 0; i < 5; i++) {
        pthread_mutex_lock(&lock);
        while (!full) pthread_cond_wait(&filled, &lock);
        sum += slot;
        full = 0;
        pthread_cond_signal(&emptied);
        pthread_mutex_unlock(&lock);
    }
    pthread_join(p, 0);
    printf("sum = %d\n", sum);
    return sum == 15 ? 0 : 1;
}
