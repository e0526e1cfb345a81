/*
 * race_heap.c: two threads update the same field of a malloc'd object, one under a mutex
 * and one without. A data race on the heap: --race reports it as heap memory.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct account {
    long id;
    long balance;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void *deposit(void *arg)
{
    struct account *a = arg;
    for (int i = 0; i < 1000; i++) {
        pthread_mutex_lock(&lock);
        a->balance += 1;
        pthread_mutex_unlock(&lock);
    }
    return 0;
}

static void *withdraw(void *arg)
{
    struct account *a = arg;
    for (int i = 0; i < 1000; i++) {
        a->balance -= 1; /* forgot the lock */
    }
    return 0;
}

int main(void)
{
    pthread_t d, w;
    struct account *a = malloc(sizeof *a);
    a->id = 7;
    a->balance = 0;
    pthread_create(&d, 0, deposit, a);
    pthread_create(&w, 0, withdraw, a);
    pthread_join(d, 0);
    pthread_join(w, 0);
    printf("balance %ld\n", a->balance);
    free(a);
    return 0;
}
