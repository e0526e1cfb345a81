/*
 * race_flag.c: main waits for a worker by spinning on a plain int flag, with no atomics.
 * A data race: --race reports the worker's write of 'done' against main's read of it.
 */
#include <pthread.h>
#include <stdio.h>

static int done;

static void *worker(void *arg)
{
    for (volatile int i = 0; i < 200; i++) continue;
    done = 1;
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, 0, worker, 0);
    while (!done) continue;
    printf("done\n");
    pthread_join(t, 0);
    return 0;
}
