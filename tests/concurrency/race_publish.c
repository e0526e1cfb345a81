/*
 * race_publish.c: a worker fills a message and then sets a plain 'ready' flag; main waits
 * for the flag with an acquire load and prints the message. The flag's store is not a
 * release, so nothing orders the message: --race reports the message (and the flag).
 */
#include <pthread.h>
#include <stdio.h>

static int ready;
static int message;

static void *worker(void *arg)
{
    message = 42;
    ready = 1;
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, 0, worker, 0);
    while (!__atomic_load_n(&ready, __ATOMIC_ACQUIRE)) continue;
    printf("message = %d\n", message);
    pthread_join(t, 0);
    return 0;
}
