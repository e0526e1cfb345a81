/*
 * lock_order.c: two threads take the same two mutexes in opposite orders. Bug, depth 2 (one
 * preemption): if each holds its first mutex when the other asks for it, both wait for ever
 * and the kernel reports a deadlock.
 */
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t accounts = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t audit = PTHREAD_MUTEX_INITIALIZER;
static int balance = 100, entries;

static void *transfer(void *arg)
{
    pthread_mutex_lock(&accounts);
    pthread_mutex_lock(&audit);
    balance -= 10;
    entries++;
    pthread_mutex_unlock(&audit);
    pthread_mutex_unlock(&accounts);
    return arg;
}

static void *report(void *arg)
{
    pthread_mutex_lock(&audit);
    pthread_mutex_lock(&accounts);
    entries++;
    pthread_mutex_unlock(&accounts);
    pthread_mutex_unlock(&audit);
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, 0, transfer, 0);
    pthread_create(&b, 0, report, 0);
    pthread_join(a, 0);
    pthread_join(b, 0);
    printf("balance %d, %d entries\n", balance, entries);
    return 0;
}
