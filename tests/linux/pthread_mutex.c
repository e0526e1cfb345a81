/*
 * Mutexes: the three kinds' rules (normal, recursive, error-checking), trylock and
 * timedlock, destroy of a locked mutex, the static initialisers, and mutual exclusion
 * under contention (no increment lost).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#define THREADS 4
#define ROUNDS 5000

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t recursive = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;
static pthread_mutex_t checked = PTHREAD_ERRORCHECK_MUTEX_INITIALIZER_NP;
static long counter;

static const char *name(int e)
{
    switch (e) {
    case 0: return "0";
    case EBUSY: return "EBUSY";
    case EDEADLK: return "EDEADLK";
    case EPERM: return "EPERM";
    case EINVAL: return "EINVAL";
    case ETIMEDOUT: return "ETIMEDOUT";
    default: return strerror(e);
    }
}

static void *add(void *arg)
{
    int i;
    (void)arg;
    for (i = 0; i < ROUNDS; i++) {
        pthread_mutex_lock(&lock);
        counter++;
        pthread_mutex_unlock(&lock);
    }
    return 0;
}

static void *try_from_other(void *arg)
{
    return (void *)(long)pthread_mutex_trylock(arg);
}

static void *unlock_from_other(void *arg)
{
    return (void *)(long)pthread_mutex_unlock(arg);
}

static void *timed_from_other(void *arg)
{
    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_nsec += 20 * 1000 * 1000;
    if (deadline.tv_nsec >= 1000000000) {
        deadline.tv_sec++;
        deadline.tv_nsec -= 1000000000;
    }
    return (void *)(long)pthread_mutex_timedlock(arg, &deadline);
}

static void *bad_timed_from_other(void *arg)
{
    struct timespec bad;
    bad.tv_sec = 0;
    bad.tv_nsec = -1;
    return (void *)(long)pthread_mutex_timedlock(arg, &bad);
}

static int in_thread(void *(*fn)(void *), void *arg)
{
    pthread_t t;
    void *r;
    pthread_create(&t, 0, fn, arg);
    pthread_join(t, &r);
    return (int)(long)r;
}

int main(void)
{
    pthread_t threads[THREADS];
    pthread_mutexattr_t attr;
    pthread_mutex_t m;
    struct timespec bad;
    int i, type;

    for (i = 0; i < THREADS; i++) pthread_create(&threads[i], 0, add, 0);
    for (i = 0; i < THREADS; i++) pthread_join(threads[i], 0);
    printf("counter %ld (expected %d)\n", counter, THREADS * ROUNDS);

    /* Normal. */
    pthread_mutex_lock(&lock);
    printf("normal: trylock by owner %s\n", name(pthread_mutex_trylock(&lock)));
    printf("normal: trylock by another %s\n", name(in_thread(try_from_other, &lock)));
    printf("normal: timedlock by another %s\n", name(in_thread(timed_from_other, &lock)));
    printf("normal: destroy while locked %s\n", name(pthread_mutex_destroy(&lock)));
    printf("normal: unlock %s\n", name(pthread_mutex_unlock(&lock)));
    printf("normal: timedlock by another when free %s\n", name(in_thread(timed_from_other, &lock)));
    /* That thread ended holding the lock; a normal mutex does not care who unlocks. */
    printf("normal: unlock by main %s\n", name(pthread_mutex_unlock(&lock)));

    /* Recursive. */
    printf("recursive: lock %s\n", name(pthread_mutex_lock(&recursive)));
    printf("recursive: lock again %s\n", name(pthread_mutex_lock(&recursive)));
    printf("recursive: trylock again %s\n", name(pthread_mutex_trylock(&recursive)));
    printf("recursive: trylock by another %s\n", name(in_thread(try_from_other, &recursive)));
    printf("recursive: unlock by another %s\n", name(in_thread(unlock_from_other, &recursive)));
    printf("recursive: unlock x3 %s", name(pthread_mutex_unlock(&recursive)));
    printf(" %s", name(pthread_mutex_unlock(&recursive)));
    printf(" %s\n", name(pthread_mutex_unlock(&recursive)));
    printf("recursive: now free, trylock by another %s\n", name(in_thread(try_from_other, &recursive)));

    /* Error-checking. */
    printf("errorcheck: unlock unlocked %s\n", name(pthread_mutex_unlock(&checked)));
    printf("errorcheck: lock %s\n", name(pthread_mutex_lock(&checked)));
    printf("errorcheck: relock %s\n", name(pthread_mutex_lock(&checked)));
    printf("errorcheck: trylock by owner %s\n", name(pthread_mutex_trylock(&checked)));
    printf("errorcheck: unlock by another %s\n", name(in_thread(unlock_from_other, &checked)));
    printf("errorcheck: unlock %s\n", name(pthread_mutex_unlock(&checked)));

    /* Attributes. */
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_gettype(&attr, &type);
    printf("attr: default type %d\n", type);
    printf("attr: settype 9 %s\n", name(pthread_mutexattr_settype(&attr, 9)));
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_ERRORCHECK);
    pthread_mutexattr_gettype(&attr, &type);
    printf("attr: type now %d\n", type);
    pthread_mutex_init(&m, &attr);
    pthread_mutexattr_destroy(&attr);
    pthread_mutex_lock(&m);
    printf("init from attr: relock %s\n", name(pthread_mutex_lock(&m)));
    bad.tv_sec = 0;
    bad.tv_nsec = 2000000000;
    printf("timedlock with bad nsec on an owned errorcheck mutex %s\n", name(pthread_mutex_timedlock(&m, &bad)));
    pthread_mutex_unlock(&m);
    printf("destroy unlocked %s\n", name(pthread_mutex_destroy(&m)));
    pthread_mutex_init(&m, 0);
    pthread_mutex_lock(&m);
    printf("timedlock with bad nsec on a locked mutex %s\n", name(in_thread(bad_timed_from_other, &m)));
    pthread_mutex_unlock(&m);
    return 0;
}
