/*
 * Condition variables: a bounded producer/consumer queue (every item consumed exactly
 * once), pthread_cond_broadcast releasing every waiter, timedwait's ETIMEDOUT on both
 * clocks, and the attribute calls.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#define ITEMS 2000
#define SLOTS 4
#define CONSUMERS 3
#define WAITERS 6

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_empty = PTHREAD_COND_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER;
static int queue[SLOTS], head, count, done;
static long consumed_sum;
static int consumed_count;

static pthread_cond_t go = PTHREAD_COND_INITIALIZER;
static int started, released;

static void *producer(void *arg)
{
    int i;
    (void)arg;
    for (i = 1; i <= ITEMS; i++) {
        pthread_mutex_lock(&lock);
        while (count == SLOTS) pthread_cond_wait(&not_full, &lock);
        queue[(head + count) % SLOTS] = i;
        count++;
        pthread_cond_signal(&not_empty);
        pthread_mutex_unlock(&lock);
    }
    pthread_mutex_lock(&lock);
    done = 1;
    pthread_cond_broadcast(&not_empty);
    pthread_mutex_unlock(&lock);
    return 0;
}

static void *consumer(void *arg)
{
    (void)arg;
    for (;;) {
        int item;
        pthread_mutex_lock(&lock);
        while (count == 0 && !done) pthread_cond_wait(&not_empty, &lock);
        if (count == 0) {
            pthread_mutex_unlock(&lock);
            return 0;
        }
        item = queue[head];
        head = (head + 1) % SLOTS;
        count--;
        consumed_sum += item;
        consumed_count++;
        pthread_cond_signal(&not_full);
        pthread_mutex_unlock(&lock);
    }
}

static void *waiter(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&lock);
    started++;
    while (!released) pthread_cond_wait(&go, &lock);
    started--;
    pthread_mutex_unlock(&lock);
    return 0;
}

static struct timespec in_ms(clockid_t clock, int ms)
{
    struct timespec t;
    clock_gettime(clock, &t);
    t.tv_nsec += (long)ms * 1000000;
    t.tv_sec += t.tv_nsec / 1000000000;
    t.tv_nsec %= 1000000000;
    return t;
}

static const char *name(int e)
{
    switch (e) {
    case 0: return "0";
    case ETIMEDOUT: return "ETIMEDOUT";
    case EINVAL: return "EINVAL";
    default: return strerror(e);
    }
}

int main(void)
{
    pthread_t prod, cons[CONSUMERS], waiters[WAITERS];
    pthread_condattr_t attr;
    pthread_cond_t mono;
    struct timespec deadline, before, after;
    clockid_t clock;
    int i, r, all_waiting;

    pthread_create(&prod, 0, producer, 0);
    for (i = 0; i < CONSUMERS; i++) pthread_create(&cons[i], 0, consumer, 0);
    pthread_join(prod, 0);
    for (i = 0; i < CONSUMERS; i++) pthread_join(cons[i], 0);
    printf("consumed %d items, sum %ld (expected %d)\n", consumed_count, consumed_sum, ITEMS * (ITEMS + 1) / 2);

    for (i = 0; i < WAITERS; i++) pthread_create(&waiters[i], 0, waiter, 0);
    for (;;) {
        pthread_mutex_lock(&lock);
        all_waiting = started == WAITERS;
        if (all_waiting) {
            released = 1;
            pthread_cond_broadcast(&go);
        }
        pthread_mutex_unlock(&lock);
        if (all_waiting) break;
        sched_yield();
    }
    for (i = 0; i < WAITERS; i++) pthread_join(waiters[i], 0);
    printf("broadcast released all %d waiters: %d\n", WAITERS, started == 0);
    printf("signal and broadcast with no waiters: %s %s\n", name(pthread_cond_signal(&go)), name(pthread_cond_broadcast(&go)));

    pthread_mutex_lock(&lock);
    deadline = in_ms(CLOCK_REALTIME, 20);
    /* Nobody signals: a return before the deadline is a spurious wake-up, which POSIX
     * allows, so wait again, as every caller of a condition variable must. */
    while ((r = pthread_cond_timedwait(&go, &lock, &deadline)) == 0) {
    }
    clock_gettime(CLOCK_REALTIME, &after);
    printf("timedwait (realtime): %s, not early: %d\n", name(r),
           after.tv_sec > deadline.tv_sec || (after.tv_sec == deadline.tv_sec && after.tv_nsec >= deadline.tv_nsec));
    printf("mutex held after timeout: trylock gives %d\n", pthread_mutex_trylock(&lock) == EBUSY);

    pthread_condattr_init(&attr);
    pthread_condattr_getclock(&attr, &clock);
    printf("default clock %d\n", (int)clock);
    printf("setclock 2: %s\n", name(pthread_condattr_setclock(&attr, CLOCK_PROCESS_CPUTIME_ID)));
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_condattr_getclock(&attr, &clock);
    printf("clock now %d\n", (int)clock);
    pthread_cond_init(&mono, &attr);
    pthread_condattr_destroy(&attr);
    clock_gettime(CLOCK_MONOTONIC, &before);
    deadline = in_ms(CLOCK_MONOTONIC, 20);
    while ((r = pthread_cond_timedwait(&mono, &lock, &deadline)) == 0) {
    }
    clock_gettime(CLOCK_MONOTONIC, &after);
    printf("timedwait (monotonic): %s, waited at least 20 ms: %d\n", name(r),
           (after.tv_sec - before.tv_sec) * 1000000000L + after.tv_nsec - before.tv_nsec >= 20000000L);
    deadline.tv_nsec = 1000000000;
    printf("timedwait with bad nsec: %s\n", name(pthread_cond_timedwait(&mono, &lock, &deadline)));
    pthread_mutex_unlock(&lock);
    printf("destroy: %s\n", name(pthread_cond_destroy(&mono)));
    return 0;
}
