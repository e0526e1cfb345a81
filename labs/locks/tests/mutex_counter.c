/*
 * A mutex keeps a shared counter exact, and its waiters sleep.
 *
 * Four threads each add 1 to a counter 200 times under one mutex, reading the counter,
 * yielding the CPU now and then, and writing it back: without mutual exclusion updates are
 * lost. Every 25th time, the holder also sleeps 1 ms inside the critical section, so the
 * others wait for the lock for a long time; the whole process must then use far less CPU
 * time than that sleeping, which it can only if its waiters sleep in the kernel.
 * Also checked: trylock fails with EBUSY on a held mutex and takes a free one.
 * Builds with gcc -pthread too, and prints the same on Linux.
 */
#include <errno.h>
#include <sched.h>
#include "locktest.h"

#define THREADS 4
#define ROUNDS 200
#define SLEEPY 25        /* every SLEEPY-th round the holder sleeps */
#define SLEEP_US 1000

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static volatile long counter;

static void *adder(void *arg)
{
    int i;
    (void)arg;
    for (i = 0; i < ROUNDS; i++) {
        long v;
        pthread_mutex_lock(&m);
        v = counter;
        if (i % 8 == 0) sched_yield(); /* let another thread try to get in */
        if (i % SLEEPY == 0) sleep_us(SLEEP_US);
        counter = v + 1;
        pthread_mutex_unlock(&m);
    }
    return 0;
}

static void *try_once(void *arg)
{
    (void)arg;
    return (void *)(long)pthread_mutex_trylock(&m);
}

int main(void)
{
    pthread_t t[THREADS];
    void *r;
    long slept = (long)THREADS * (ROUNDS / SLEEPY) * SLEEP_US * 1000, cpu;
    int i;
    for (i = 0; i < THREADS; i++) pthread_create(&t[i], 0, adder, 0);
    for (i = 0; i < THREADS; i++) pthread_join(t[i], 0);
    cpu = process_cpu();
    if (!check(counter == (long)THREADS * ROUNDS, "the counter is exact: no update was lost")) {
        printf("  counter %ld, expected %ld\n", counter, (long)THREADS * ROUNDS);
    }
    if (!check(cpu < slept / 4, "threads waiting for the mutex slept instead of spinning")) {
        printf("  the process used %ld us of CPU while holders slept %ld us\n", cpu / 1000, slept / 1000);
    }

    pthread_mutex_lock(&m);
    pthread_create(&t[0], 0, try_once, 0);
    pthread_join(t[0], &r);
    check((long)r == EBUSY, "trylock on a held mutex fails with EBUSY");
    pthread_mutex_unlock(&m);
    pthread_create(&t[0], 0, try_once, 0);
    pthread_join(t[0], &r);
    check((long)r == 0, "trylock on a free mutex takes it");
    pthread_mutex_unlock(&m); /* a normal mutex: any thread may release it */
    return failures != 0;
}
