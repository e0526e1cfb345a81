/*
 * spin_flag.c: correct. The main thread spins, with atomic loads, until a worker raises a
 * flag. Under a priority-based strategy the spinner may outrank the worker: the run still
 * ends, because a thread that uses up its time slice yields to the others.
 */
#include <pthread.h>
#include <stdio.h>

static int flag;

static void *raiser(void *arg)
{
    __atomic_store_n(&flag, 1, __ATOMIC_SEQ_CST);
    return arg;
}

int main(void)
{
    pthread_t t;
    long spins = 0;
    pthread_create(&t, 0, raiser, 0);
    while (!__atomic_load_n(&flag, __ATOMIC_SEQ_CST)) spins++;
    pthread_join(t, 0);
    printf("flag raised\n");
    return 0;
}
