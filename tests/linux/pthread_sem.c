/*
 * POSIX semaphores: counting (every post consumed exactly once by waiting threads), the
 * try and timed forms, and the errors with errno (EAGAIN, ETIMEDOUT, EINVAL).
 */
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#define WORKERS 4
#define POSTS 1000

static sem_t items;
static int next_item, taken[WORKERS];

/* Takes units until it gets one numbered past the real items: its stop token. */
static void *worker(void *arg)
{
    long me = (long)arg;
    for (;;) {
        sem_wait(&items);
        if (__sync_fetch_and_add(&next_item, 1) >= POSTS) return 0;
        taken[me]++;
    }
}

static const char *err(int r)
{
    if (r == 0) return "0";
    switch (errno) {
    case EAGAIN: return "-1 EAGAIN";
    case ETIMEDOUT: return "-1 ETIMEDOUT";
    case EINVAL: return "-1 EINVAL";
    default: return strerror(errno);
    }
}

int main(void)
{
    sem_t s;
    pthread_t t[WORKERS];
    struct timespec deadline;
    int value, total = 0;
    long i;

    printf("init with 2^31 (SEM_VALUE_MAX + 1): %s\n", err(sem_init(&s, 0, 2147483648u)));
    sem_init(&s, 0, 2);
    sem_getvalue(&s, &value);
    printf("value %d\n", value);
    printf("trywait %s", err(sem_trywait(&s)));
    printf(", %s", err(sem_trywait(&s)));
    printf(", %s\n", err(sem_trywait(&s)));
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_nsec += 10000000;
    deadline.tv_sec += deadline.tv_nsec / 1000000000;
    deadline.tv_nsec %= 1000000000;
    printf("timedwait on 0: %s\n", err(sem_timedwait(&s, &deadline)));
    deadline.tv_nsec = -5;
    printf("timedwait with bad nsec: %s\n", err(sem_timedwait(&s, &deadline)));
    sem_post(&s);
    printf("timedwait with bad nsec when a unit is there: %s\n", err(sem_timedwait(&s, &deadline)));
    sem_destroy(&s);

    /* One unit per item, then one stop token per worker. */
    sem_init(&items, 0, 0);
    for (i = 0; i < WORKERS; i++) pthread_create(&t[i], 0, worker, (void *)i);
    for (i = 0; i < POSTS + WORKERS; i++) sem_post(&items);
    for (i = 0; i < WORKERS; i++) pthread_join(t[i], 0);
    for (i = 0; i < WORKERS; i++) total += taken[i];
    sem_getvalue(&items, &value);
    printf("items taken %d (expected %d), units left %d\n", total, POSTS, value);
    sem_destroy(&items);
    return 0;
}
