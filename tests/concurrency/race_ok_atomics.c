/*
 * race_ok_atomics.c: threads count with atomic read-modify-writes, and one publishes a
 * message with a release store of a flag that the other polls with acquire loads.
 * Correct: atomics do not race with each other, and the release/acquire pair orders the
 * message; no report.
 */
#include <pthread.h>
#include <stdio.h>

static int hits;
static int ready;
static char message[32];

static void *counter(void *arg)
{
    for (int i = 0; i < 500; i++) __atomic_fetch_add(&hits, 1, __ATOMIC_RELAXED);
    return arg;
}

static void *publisher(void *arg)
{
    for (int i = 0; i < 5; i++) message[i] = "hello"[i];
    __atomic_store_n(&ready, 1, __ATOMIC_RELEASE);
    return arg;
}

int main(void)
{
    pthread_t a, b, p;
    pthread_create(&a, 0, counter, 0);
    pthread_create(&p, 0, publisher, 0);
    pthread_create(&b, 0, counter, 0);
    while (!__atomic_load_n(&ready, __ATOMIC_ACQUIRE)) continue;
    printf("message = %s\n", message);
    pthread_join(a, 0);
    pthread_join(b, 0);
    pthread_join(p, 0);
    printf("hits = %d\n", __atomic_load_n(&hits, __ATOMIC_RELAXED));
    return 0;
}
