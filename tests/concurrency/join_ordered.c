/*
 * join_ordered.c: correct. The main thread reads what a worker wrote only after joining it,
 * and starts the second worker only then; every schedule prints the same line.
 */
#include <pthread.h>
#include <stdio.h>

static int stage;

static void *first(void *arg) { stage = 1; return arg; }
static void *second(void *arg) { stage = stage * 10 + 2; return arg; }

int main(void)
{
    pthread_t t;
    pthread_create(&t, 0, first, 0);
    pthread_join(t, 0);
    pthread_create(&t, 0, second, 0);
    pthread_join(t, 0);
    printf("stage = %d\n", stage);
    return stage == 12 ? 0 : 1;
}
