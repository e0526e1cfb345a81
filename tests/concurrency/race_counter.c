/*
 * race_counter.c: two threads add to a shared counter with a plain load and store, and
 * nothing orders them. A data race (the lost update): --race reports the write of one
 * worker against the read of the other, on the global 'counter'.
 */
#include <pthread.h>
#include <stdio.h>

static int counter;

static void *worker(void *arg)
{
    for (int i = 0; i < 10000; i++) {
        counter = counter + 1;
    }
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, 0, worker, 0);
    pthread_create(&b, 0, worker, 0);
    pthread_join(a, 0);
    pthread_join(b, 0);
    printf("counter = %d\n", counter);
    return 0;
}
