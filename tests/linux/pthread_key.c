/*
 * Thread-specific data: each thread sees its own value, destructors run at thread exit
 * (also through pthread_exit) for non-NULL values only, a destructor that sets a value
 * again is called again in the next round, and a deleted key reads as NULL.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define THREADS 4

static pthread_key_t key, again_key, plain_key;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int destroyed_sum, destroyed_count, again_calls;

static void destroy(void *value)
{
    pthread_mutex_lock(&lock);
    destroyed_sum += *(int *)value;
    destroyed_count++;
    pthread_mutex_unlock(&lock);
    free(value);
}

static void destroy_again(void *value)
{
    pthread_mutex_lock(&lock);
    again_calls++;
    pthread_mutex_unlock(&lock);
    /* Set it again twice; POSIX runs up to PTHREAD_DESTRUCTOR_ITERATIONS rounds. */
    if ((long)value < 3) pthread_setspecific(again_key, (void *)((long)value + 1));
}

static void *worker(void *arg)
{
    int *mine = malloc(sizeof *mine);
    long index = (long)arg;
    *mine = (int)index * 10;
    pthread_setspecific(key, mine);
    pthread_setspecific(plain_key, (void *)index);
    if (index == 0) pthread_setspecific(again_key, (void *)1L);
    sched_yield();
    if (pthread_getspecific(key) != mine || (long)pthread_getspecific(plain_key) != index) return (void *)1L;
    if (index == 2) pthread_exit(0);
    if (index == 3) pthread_setspecific(key, 0); /* a NULL value: no destructor call */
    return 0;
}

int main(void)
{
    pthread_t t[THREADS];
    long i;
    void *r;
    int wrong = 0;

    pthread_key_create(&key, destroy);
    pthread_key_create(&again_key, destroy_again);
    pthread_key_create(&plain_key, 0);
    printf("main's value before any set: %p\n", pthread_getspecific(key));
    pthread_setspecific(plain_key, (void *)99L);
    for (i = 0; i < THREADS; i++) pthread_create(&t[i], 0, worker, (void *)i);
    for (i = 0; i < THREADS; i++) {
        pthread_join(t[i], &r);
        if (r) wrong = 1;
    }
    printf("each thread saw only its own values: %d\n", !wrong);
    printf("main's value untouched by the threads: %ld\n", (long)pthread_getspecific(plain_key));
    printf("destructor calls %d, sum of values %d\n", destroyed_count, destroyed_sum);
    printf("re-arming destructor called %d times\n", again_calls);
    printf("delete: %d\n", pthread_key_delete(plain_key));
    printf("get after delete: %p\n", pthread_getspecific(plain_key));
    printf("set after delete: %s\n", pthread_setspecific(plain_key, (void *)1L) == EINVAL ? "EINVAL" : "?");
    printf("delete again: %s\n", pthread_key_delete(plain_key) == EINVAL ? "EINVAL" : "?");
    pthread_key_delete(key);
    pthread_key_delete(again_key);
    return 0;
}
