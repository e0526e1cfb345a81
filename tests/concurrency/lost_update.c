/*
 * lost_update.c: two threads each add 1 to a shared counter with a plain load and store.
 * Bug, depth 2 (one preemption): if one thread is preempted between its load and its store
 * while the other does both, the other's increment is lost and the assertion fails.
 */
#include <assert.h>
#include <pthread.h>
#include <stdio.h>

static int counter;

static void *worker(void *arg)
{
    int seen = counter;
    counter = seen + 1;
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
    assert(counter == 2);
    return 0;
}
