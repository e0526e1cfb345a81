/*
 * Read-write locks: many readers at once, writers alone (a writer's two-step update is
 * never seen half done), the try and timed forms, and the errors glibc gives.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#define READERS 3
#define WRITERS 2
#define ROUNDS 300

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static long a, b; /* a writer keeps a == b */
static int torn;

static void *reader(void *arg)
{
    int i;
    (void)arg;
    for (i = 0; i < ROUNDS; i++) {
        pthread_rwlock_rdlock(&rw);
        if (a != b) torn = 1;
        pthread_rwlock_unlock(&rw);
    }
    return 0;
}

static void *writer(void *arg)
{
    int i;
    (void)arg;
    for (i = 0; i < ROUNDS; i++) {
        pthread_rwlock_wrlock(&rw);
        a++;
        sched_yield();
        b++;
        pthread_rwlock_unlock(&rw);
    }
    return 0;
}

static const char *name(int e)
{
    switch (e) {
    case 0: return "0";
    case EBUSY: return "EBUSY";
    case EDEADLK: return "EDEADLK";
    case ETIMEDOUT: return "ETIMEDOUT";
    default: return strerror(e);
    }
}

static void *try_read(void *arg) { return (void *)(long)pthread_rwlock_tryrdlock(arg); }
static void *try_write(void *arg) { return (void *)(long)pthread_rwlock_trywrlock(arg); }

static void *timed_write(void *arg)
{
    struct timespec t;
    clock_gettime(CLOCK_REALTIME, &t);
    t.tv_nsec += 10000000;
    t.tv_sec += t.tv_nsec / 1000000000;
    t.tv_nsec %= 1000000000;
    return (void *)(long)pthread_rwlock_timedwrlock(arg, &t);
}

static int in_thread(void *(*fn)(void *), void *arg)
{
    pthread_t t;
    void *r;
    pthread_create(&t, 0, fn, arg);
    pthread_join(t, &r);
    if (r == 0 && fn != timed_write) pthread_rwlock_unlock(arg);
    return (int)(long)r;
}

int main(void)
{
    pthread_t t[READERS + WRITERS];
    pthread_rwlock_t l;
    int i;

    for (i = 0; i < READERS; i++) pthread_create(&t[i], 0, reader, 0);
    for (i = 0; i < WRITERS; i++) pthread_create(&t[READERS + i], 0, writer, 0);
    for (i = 0; i < READERS + WRITERS; i++) pthread_join(t[i], 0);
    printf("a %ld, b %ld, a reader saw a torn update: %d\n", a, b, torn);

    pthread_rwlock_init(&l, 0);
    printf("rdlock %s\n", name(pthread_rwlock_rdlock(&l)));
    printf("rdlock again %s\n", name(pthread_rwlock_rdlock(&l)));
    printf("another reader (try) %s\n", name(in_thread(try_read, &l)));
    printf("a writer (try) %s\n", name(in_thread(try_write, &l)));
    printf("a writer (timed) %s\n", name(in_thread(timed_write, &l)));
    printf("destroy while held %s\n", name(pthread_rwlock_destroy(&l)));
    printf("unlock twice %s %s\n", name(pthread_rwlock_unlock(&l)), name(pthread_rwlock_unlock(&l)));
    printf("wrlock %s\n", name(pthread_rwlock_wrlock(&l)));
    printf("wrlock again %s\n", name(pthread_rwlock_wrlock(&l)));
    printf("rdlock by the writer %s\n", name(pthread_rwlock_rdlock(&l)));
    printf("a reader (try) %s\n", name(in_thread(try_read, &l)));
    printf("unlock %s\n", name(pthread_rwlock_unlock(&l)));
    printf("a writer (try) when free %s\n", name(in_thread(try_write, &l)));
    printf("destroy %s\n", name(pthread_rwlock_destroy(&l)));
    return 0;
}
