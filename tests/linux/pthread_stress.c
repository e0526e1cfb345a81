/*
 * Stress: thousands of threads created and joined (and detached) with every stack and
 * descriptor reused rather than leaked (the process's mappings do not grow), and many
 * waiters on one condition variable released by repeated broadcasts, then one signal at
 * a time, none lost.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>

#define CREATES 2000
#define BATCH 8
#define DETACHED 200
#define WAITERS 50
#define ROUNDS 5

static long total;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static pthread_cond_t all_in = PTHREAD_COND_INITIALIZER;
static int round_no, waiting, woken, detached_done;
static int tokens, took;

/* Lines in /proc/self/maps: one per mapping. */
static int mappings(void)
{
    char buf[4096];
    int fd = open("/proc/self/maps", O_RDONLY), lines = 0;
    long n;
    while ((n = read(fd, buf, sizeof buf)) > 0) {
        long i;
        for (i = 0; i < n; i++)
            if (buf[i] == '\n') lines++;
    }
    close(fd);
    return lines;
}

static void *add(void *arg)
{
    return (void *)((long)arg + 1);
}

static void *detached_worker(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&lock);
    detached_done++;
    pthread_mutex_unlock(&lock);
    return 0;
}

/* Waits for each of ROUNDS broadcasts. */
static void *waiter(void *arg)
{
    int r;
    (void)arg;
    pthread_mutex_lock(&lock);
    for (r = 1; r <= ROUNDS; r++) {
        waiting++;
        if (waiting == WAITERS) pthread_cond_signal(&all_in);
        while (round_no < r) pthread_cond_wait(&cond, &lock);
        woken++;
    }
    pthread_mutex_unlock(&lock);
    return 0;
}

/* Waits for one token; main hands them out one pthread_cond_signal at a time. */
static void *token_waiter(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&lock);
    while (tokens == 0) pthread_cond_wait(&cond, &lock);
    tokens--;
    took++;
    pthread_mutex_unlock(&lock);
    return 0;
}

int main(void)
{
    pthread_t t[WAITERS];
    pthread_attr_t attr;
    int i, j, before = 0, after;
    void *r;

    for (i = 0; i < CREATES; i += BATCH) {
        for (j = 0; j < BATCH; j++) pthread_create(&t[j], 0, add, (void *)(long)(i + j));
        for (j = 0; j < BATCH; j++) {
            pthread_join(t[j], &r);
            total += (long)r;
        }
        if (i == 10 * BATCH) before = mappings();
    }
    after = mappings();
    printf("%d threads created and joined, sum of results %ld\n", CREATES, total);
    printf("mappings did not grow after the first batches: %d\n", after <= before);

    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    for (i = 0; i < DETACHED; i++) pthread_create(&t[0], &attr, detached_worker, 0);
    pthread_attr_destroy(&attr);
    for (;;) {
        pthread_mutex_lock(&lock);
        j = detached_done;
        pthread_mutex_unlock(&lock);
        if (j == DETACHED) break;
        usleep(1000);
    }
    usleep(10000);
    /* A join returns a stack to the cache, which trims it to its limit once threads are gone. */
    pthread_create(&t[0], 0, add, 0);
    pthread_join(t[0], 0);
    printf("%d detached threads ran, mappings did not grow: %d\n", j, mappings() <= before);

    for (i = 0; i < WAITERS; i++) pthread_create(&t[i], 0, waiter, 0);
    for (i = 1; i <= ROUNDS; i++) {
        pthread_mutex_lock(&lock);
        while (waiting < WAITERS) pthread_cond_wait(&all_in, &lock);
        waiting = 0;
        round_no = i;
        pthread_cond_broadcast(&cond);
        pthread_mutex_unlock(&lock);
    }
    for (i = 0; i < WAITERS; i++) pthread_join(t[i], 0);
    printf("%d waiters x %d broadcasts: %d wake-ups\n", WAITERS, ROUNDS, woken);

    /* A lost wake-up would leave a waiter asleep with a token available: the join hangs. */
    for (i = 0; i < WAITERS; i++) pthread_create(&t[i], 0, token_waiter, 0);
    for (i = 0; i < WAITERS; i++) {
        pthread_mutex_lock(&lock);
        tokens++;
        pthread_cond_signal(&cond);
        pthread_mutex_unlock(&lock);
        if (i % 8 == 0) sched_yield();
    }
    for (i = 0; i < WAITERS; i++) pthread_join(t[i], 0);
    printf("%d waiters, %d single signals: %d tokens taken\n", WAITERS, WAITERS, took);
    return 0;
}
