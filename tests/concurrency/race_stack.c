/*
 * race_stack.c: main passes a pointer to its own local variable to a thread, and both
 * update it with no lock. A data race through a pointer to a stack variable: --race
 * reports it on main's stack.
 */
#include <pthread.h>
#include <stdio.h>

static void *bump(void *arg)
{
    int *total = arg;
    for (int i = 0; i < 1000; i++) *total += 2;
    return 0;
}

int main(void)
{
    pthread_t t;
    int total = 0;
    pthread_create(&t, 0, bump, &total);
    for (int i = 0; i < 1000; i++) total += 1;
    pthread_join(t, 0);
    printf("total %d\n", total);
    return 0;
}
