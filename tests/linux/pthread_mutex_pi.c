/*
 * PTHREAD_PRIO_INHERIT mutexes: the protocol attribute, each type's rules (ERRORCHECK's
 * EDEADLK and EPERM, RECURSIVE's depth, trylock's EBUSY), timedlock's ETIMEDOUT, a
 * condition wait, a robust PI mutex whose owner dies (EOWNERDEAD), and inheritance along a
 * chain: main (SCHED_FIFO 40) waits for b, whose owner waits for a, whose owner runs at
 * priority 5: both owners run at 40 until they unlock, and drop back then. Priorities are
 * read from /proc (field 18 of stat). Needs root on Linux (real-time policies).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static const char *name(int r) {
    switch (r) {
    case 0: return "0";
    case EOWNERDEAD: return "EOWNERDEAD";
    case EINVAL: return "EINVAL";
    case EDEADLK: return "EDEADLK";
    case EPERM: return "EPERM";
    case EBUSY: return "EBUSY";
    case ETIMEDOUT: return "ETIMEDOUT";
    default: return strerror(r);
    }
}

static void show(const char *what, int r) { printf("%-44s -> %s\n", what, name(r)); }

/* The priority thread tid is scheduled with: from field 18 of its stat. */
static int priority_of(long tid) {
    char path[64], buf[512], *p;
    FILE *f;
    int field, prio = 0;
    snprintf(path, sizeof path, "/proc/self/task/%ld/stat", tid);
    f = fopen(path, "r");
    if (!f || !fgets(buf, sizeof buf, f)) return -999;
    fclose(f);
    p = strrchr(buf, ')') + 2;
    for (field = 3; field < 18; field++) p = strchr(p, ' ') + 1;
    sscanf(p, "%d", &prio);
    return -1 - prio;
}

static void init_pi(pthread_mutex_t *m, int type, int robust) {
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_setprotocol(&a, PTHREAD_PRIO_INHERIT);
    pthread_mutexattr_settype(&a, type);
    pthread_mutexattr_setrobust(&a, robust);
    pthread_mutex_init(m, &a);
    pthread_mutexattr_destroy(&a);
}

static pthread_mutex_t m, a, b;
static void *trylock_other(void *arg) { return (void *)(long)pthread_mutex_trylock(arg); }
static void *unlock_other(void *arg) { return (void *)(long)pthread_mutex_unlock(arg); }
static void *lock_and_die(void *arg) { pthread_mutex_lock(arg); return NULL; }

static volatile long tid_a, tid_b;
static volatile int a_held, b_waiting_released;
static int a_boosted, b_boosted, a_after, b_after;

/* Holds a at priority 5 until b's owner and main wait behind it. */
static void *owner_a(void *arg) {
    (void)arg;
    pthread_mutex_lock(&a);
    tid_a = syscall(SYS_gettid);
    a_held = 1;
    while (!b_waiting_released) usleep(1000);
    a_boosted = priority_of(tid_a);
    pthread_mutex_unlock(&a);
    a_after = priority_of(tid_a);
    return NULL;
}

/* Holds b at priority 10, then waits for a. */
static void *owner_b(void *arg) {
    (void)arg;
    pthread_mutex_lock(&b);
    tid_b = syscall(SYS_gettid);
    pthread_mutex_lock(&a);
    b_boosted = priority_of(tid_b);
    pthread_mutex_unlock(&a);
    pthread_mutex_unlock(&b);
    b_after = priority_of(tid_b);
    return NULL;
}

static pthread_t start(void *(*fn)(void *), int priority) {
    pthread_attr_t at;
    struct sched_param sp = {.sched_priority = priority};
    pthread_t t;
    pthread_attr_init(&at);
    pthread_attr_setinheritsched(&at, PTHREAD_EXPLICIT_SCHED);
    pthread_attr_setschedpolicy(&at, SCHED_FIFO);
    pthread_attr_setschedparam(&at, &sp);
    pthread_create(&t, &at, fn, NULL);
    pthread_attr_destroy(&at);
    return t;
}

static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int ready;
static void *signal_ready(void *arg) {
    (void)arg;
    pthread_mutex_lock(&m);
    ready = 1;
    pthread_cond_broadcast(&cond);
    pthread_mutex_unlock(&m);
    return NULL;
}

int main(void) {
    pthread_mutexattr_t at;
    pthread_t t, ta, tb;
    struct timespec past = {0, 0};
    void *r;
    int v;

    pthread_mutexattr_init(&at);
    pthread_mutexattr_getprotocol(&at, &v);
    printf("default protocol: %s\n", v == PTHREAD_PRIO_NONE ? "PTHREAD_PRIO_NONE" : "?");
    show("setprotocol(3)", pthread_mutexattr_setprotocol(&at, 3));
    show("setprotocol(PTHREAD_PRIO_INHERIT)", pthread_mutexattr_setprotocol(&at, PTHREAD_PRIO_INHERIT));
    pthread_mutexattr_getprotocol(&at, &v);
    printf("protocol now: %s\n", v == PTHREAD_PRIO_INHERIT ? "PTHREAD_PRIO_INHERIT" : "?");

    init_pi(&m, PTHREAD_MUTEX_ERRORCHECK, PTHREAD_MUTEX_STALLED);
    show("ERRORCHECK: lock", pthread_mutex_lock(&m));
    show("ERRORCHECK: lock again", pthread_mutex_lock(&m));
    show("ERRORCHECK: trylock", pthread_mutex_trylock(&m));
    pthread_create(&t, NULL, trylock_other, &m);
    pthread_join(t, &r);
    show("ERRORCHECK: trylock by another thread", (int)(long)r);
    pthread_create(&t, NULL, unlock_other, &m);
    pthread_join(t, &r);
    show("ERRORCHECK: unlock by another thread", (int)(long)r);
    show("ERRORCHECK: unlock", pthread_mutex_unlock(&m));
    show("ERRORCHECK: unlock again", pthread_mutex_unlock(&m));
    show("ERRORCHECK: destroy", pthread_mutex_destroy(&m));

    init_pi(&m, PTHREAD_MUTEX_RECURSIVE, PTHREAD_MUTEX_STALLED);
    show("RECURSIVE: lock", pthread_mutex_lock(&m));
    show("RECURSIVE: lock again", pthread_mutex_lock(&m));
    show("RECURSIVE: trylock", pthread_mutex_trylock(&m));
    show("RECURSIVE: unlock", pthread_mutex_unlock(&m));
    show("RECURSIVE: unlock", pthread_mutex_unlock(&m));
    pthread_create(&t, NULL, trylock_other, &m);
    pthread_join(t, &r);
    show("RECURSIVE: trylock by another thread", (int)(long)r);
    show("RECURSIVE: unlock", pthread_mutex_unlock(&m));
    pthread_create(&t, NULL, trylock_other, &m);
    pthread_join(t, &r);
    show("RECURSIVE: trylock by another, now free", (int)(long)r);
    show("timedlock of a mutex a dead thread holds", pthread_mutex_timedlock(&m, &past));

    init_pi(&m, PTHREAD_MUTEX_NORMAL, PTHREAD_MUTEX_STALLED);
    pthread_mutex_lock(&m);
    pthread_create(&t, NULL, signal_ready, NULL);
    while (!ready) pthread_cond_wait(&cond, &m);
    show("NORMAL: unlock after a condition wait", pthread_mutex_unlock(&m));
    pthread_join(t, NULL);

    init_pi(&m, PTHREAD_MUTEX_NORMAL, PTHREAD_MUTEX_ROBUST);
    pthread_create(&t, NULL, lock_and_die, &m);
    pthread_join(t, NULL);
    show("robust: lock after the owner died", pthread_mutex_lock(&m));
    show("robust: consistent", pthread_mutex_consistent(&m));
    show("robust: unlock", pthread_mutex_unlock(&m));

    {
        struct sched_param sp = {.sched_priority = 40};
        cpu_set_t one;
        CPU_ZERO(&one);
        CPU_SET(0, &one);
        sched_setaffinity(0, sizeof one, &one);
        if (sched_setscheduler(0, SCHED_FIFO, &sp) != 0) {
            printf("sched_setscheduler failed: real-time priorities need root\n");
            return 1;
        }
    }
    init_pi(&a, PTHREAD_MUTEX_NORMAL, PTHREAD_MUTEX_STALLED);
    init_pi(&b, PTHREAD_MUTEX_NORMAL, PTHREAD_MUTEX_STALLED);
    ta = start(owner_a, 5);
    while (!a_held) usleep(1000);
    tb = start(owner_b, 10);
    while (!tid_b) usleep(1000);
    usleep(10000); /* owner_b is now asleep waiting for a */
    printf("owner of a before main waits: priority %d\n", priority_of(tid_a));
    b_waiting_released = 1;
    pthread_mutex_lock(&b); /* main (40) waits for b, whose owner waits for a */
    pthread_mutex_unlock(&b);
    pthread_join(ta, NULL);
    pthread_join(tb, NULL);
    printf("owner of a, main waiting behind it: priority %d, after unlocking: %d\n", a_boosted, a_after);
    printf("owner of b, main waiting behind it: priority %d, after unlocking: %d\n", b_boosted, b_after);
    return 0;
}
