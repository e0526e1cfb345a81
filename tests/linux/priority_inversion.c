/*
 * Priority inversion, and priority inheritance curing it, on one CPU (every thread is
 * pinned to CPU 0) with real-time priorities, so that the highest runnable thread always
 * runs:
 *   low    (SCHED_FIFO 10) takes the mutex and works inside it;
 *   high   (SCHED_FIFO 30) wants the mutex, and must wait for low;
 *   medium (SCHED_FIFO 20) needs no mutex, and only computes.
 * With an ordinary mutex, medium outranks low, so it runs to its end while low, holding the
 * mutex, cannot run: high, the most urgent thread, waits for medium, which it outranks.
 * That is what struck Mars Pathfinder in 1997. With PTHREAD_PRIO_INHERIT, low runs with
 * high's priority while high waits for it (FUTEX_LOCK_PI lends it), finishes its critical
 * section before medium runs, and high gets the mutex at once. Low reads the priority it
 * runs with from /proc (field 18 of stat, -1 - priority for a real-time task).
 *
 * Needs root on Linux (real-time policies): run the gcc build with sudo.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static pthread_mutex_t m;
static const char *events[8];
static int nevents;
static int low_prio;
static volatile int low_locked, others_started;

static void event(const char *what) { events[__sync_fetch_and_add(&nevents, 1)] = what; }

static void compute(long n) {
    volatile long x = 0;
    for (long i = 0; i < n; i++) x += i;
}

/* Field 18 of /proc/thread-self/stat: the priority the calling thread is scheduled with. */
static int my_priority(void) {
    char path[64], buf[512], *p;
    FILE *f;
    int field, prio = 0;
    snprintf(path, sizeof path, "/proc/self/task/%ld/stat", (long)syscall(SYS_gettid));
    f = fopen(path, "r");
    if (!f || !fgets(buf, sizeof buf, f)) return 0;
    fclose(f);
    p = strrchr(buf, ')') + 2; /* field 3 */
    for (field = 3; field < 18; field++) p = strchr(p, ' ') + 1;
    sscanf(p, "%d", &prio);
    return -1 - prio;
}

static void *low(void *arg) {
    (void)arg;
    pthread_mutex_lock(&m);
    event("low: took the mutex");
    low_locked = 1;
    while (!others_started) compute(1000); /* still inside when high and medium arrive */
    compute(300000);
    low_prio = my_priority();
    event("low: released the mutex");
    pthread_mutex_unlock(&m);
    return NULL;
}

static void *medium(void *arg) {
    (void)arg;
    event("medium: started computing");
    compute(1000000);
    event("medium: done");
    return NULL;
}

static void *high(void *arg) {
    (void)arg;
    event("high: wants the mutex");
    pthread_mutex_lock(&m);
    event("high: took the mutex");
    pthread_mutex_unlock(&m);
    return NULL;
}

static pthread_t start(void *(*fn)(void *), int priority) {
    pthread_attr_t a;
    struct sched_param sp = {.sched_priority = priority};
    pthread_t t;
    pthread_attr_init(&a);
    pthread_attr_setinheritsched(&a, PTHREAD_EXPLICIT_SCHED);
    pthread_attr_setschedpolicy(&a, SCHED_FIFO);
    pthread_attr_setschedparam(&a, &sp);
    if (pthread_create(&t, &a, fn, NULL) != 0) {
        printf("pthread_create failed: real-time priorities need root\n");
        _exit(1);
    }
    pthread_attr_destroy(&a);
    return t;
}

static void run(int protocol) {
    pthread_mutexattr_t a;
    pthread_t l, h, md;
    int i;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_setprotocol(&a, protocol);
    pthread_mutex_init(&m, &a);
    nevents = 0;
    low_locked = others_started = 0;
    printf("%s:\n", protocol == PTHREAD_PRIO_INHERIT ? "PTHREAD_PRIO_INHERIT" : "PTHREAD_PRIO_NONE");
    l = start(low, 10);
    while (!low_locked) usleep(1000); /* main (priority 50) sleeps: low runs and takes the mutex */
    h = start(high, 30);
    md = start(medium, 20);
    others_started = 1;
    pthread_join(h, NULL); /* main sleeps: high, medium and low compete for the CPU */
    pthread_join(md, NULL);
    pthread_join(l, NULL);
    for (i = 0; i < nevents; i++) printf("  %d. %s\n", i + 1, events[i]);
    printf("  low ran its critical section at priority %d\n", low_prio);
    pthread_mutex_destroy(&m);
}

int main(void) {
    cpu_set_t one;
    struct sched_param sp = {.sched_priority = 50};
    CPU_ZERO(&one);
    CPU_SET(0, &one);
    sched_setaffinity(0, sizeof one, &one); /* one CPU: the threads created below inherit it */
    if (sched_setscheduler(0, SCHED_FIFO, &sp) != 0) {
        printf("sched_setscheduler failed: real-time priorities need root\n");
        return 1;
    }
    run(PTHREAD_PRIO_NONE);
    run(PTHREAD_PRIO_INHERIT);
    return 0;
}
