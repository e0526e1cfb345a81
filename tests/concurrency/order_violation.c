/*
 * order_violation.c: main publishes the configuration the worker reads, but only after it
 * has started the worker. Bug, depth 1: if the worker runs before main's store, it finds
 * no configuration and the assertion fails.
 */
#include <assert.h>
#include <pthread.h>
#include <stdio.h>

struct config { int verbose; };

static struct config settings = {1};
static struct config *published;

static void *worker(void *arg)
{
    assert(published != 0);
    printf("verbose = %d\n", published->verbose);
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, 0, worker, 0);
    published = &settings;
    pthread_join(t, 0);
    return 0;
}
