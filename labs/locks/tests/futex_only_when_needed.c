/*
 * System calls only when a thread must wait, and then it sleeps.
 *
 * Uncontended: a child process locks and unlocks a free mutex, trylocks it, timedlocks it,
 * and signals and broadcasts a condition variable nobody waits on, 2000 times each, and
 * exits; its parent reads the child's system time from wait4's struct rusage. A system call
 * costs system time (on Clonix exactly 100 ns each, and nothing else does), so a child
 * that made none has next to none; one system call per operation would be 1000 us.
 * Contended: a thread that must wait 20 ms for a mutex, and one that waits 20 ms for a
 * condition, use little CPU time meanwhile: they sleep in FUTEX_WAIT instead of polling.
 * Builds with gcc -pthread too, and prints the same on Linux.
 */
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include "locktest.h"

#define OPS 2000
#define HOLD_US 20000
#define STIME_LIMIT_US 50   /* 500 system calls in 10000 operations */
#define CPU_LIMIT_NS 2000000

/* As glibc's struct rusage starts: user and system time as struct timeval, then the
 * counters (zero on Clonix) wait4 also fills in. */
struct usage {
    long utime_sec, utime_usec, stime_sec, stime_usec;
    long counters[14];
};

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static int ready;
static long waited_cpu;

static void uncontended(void)
{
    struct timespec far = deadline_ms(60000);
    int i;
    for (i = 0; i < OPS; i++) {
        pthread_mutex_lock(&m);
        pthread_mutex_unlock(&m);
        pthread_mutex_trylock(&m);
        pthread_mutex_unlock(&m);
        pthread_mutex_timedlock(&m, &far);
        pthread_mutex_unlock(&m);
        pthread_cond_signal(&c);
        pthread_cond_broadcast(&c);
    }
}

static void *lock_waiter(void *arg)
{
    long before = thread_cpu();
    (void)arg;
    pthread_mutex_lock(&m);
    waited_cpu = thread_cpu() - before;
    pthread_mutex_unlock(&m);
    return 0;
}

static void *cond_waiter(void *arg)
{
    long before;
    (void)arg;
    pthread_mutex_lock(&m);
    before = thread_cpu();
    while (!ready) pthread_cond_wait(&c, &m);
    waited_cpu = thread_cpu() - before;
    pthread_mutex_unlock(&m);
    return 0;
}

int main(void)
{
    struct usage u;
    pthread_t t;
    int status;
    pid_t child;
    long stime_us;

    fflush(stdout);
    child = fork();
    if (child == 0) {
        uncontended();
        _exit(0);
    }
    wait4(child, &status, 0, (void *)&u);
    stime_us = u.stime_sec * 1000000 + u.stime_usec;
    if (!check(status == 0 && stime_us < STIME_LIMIT_US, "no system call for a free mutex or a condition without waiters")) {
        printf("  the child spent %ld us in system calls for %d operations\n", stime_us, 5 * OPS);
    }

    pthread_mutex_lock(&m);
    pthread_create(&t, 0, lock_waiter, 0);
    sleep_us(HOLD_US);
    pthread_mutex_unlock(&m);
    pthread_join(t, 0);
    if (!check(waited_cpu < CPU_LIMIT_NS, "a thread waiting 20 ms for a mutex sleeps")) {
        printf("  it used %ld us of CPU while waiting\n", waited_cpu / 1000);
    }

    pthread_create(&t, 0, cond_waiter, 0);
    sleep_us(HOLD_US);
    pthread_mutex_lock(&m);
    ready = 1;
    pthread_cond_signal(&c);
    pthread_mutex_unlock(&m);
    pthread_join(t, 0);
    if (!check(waited_cpu < CPU_LIMIT_NS, "a thread waiting 20 ms on a condition sleeps")) {
        printf("  it used %ld us of CPU while waiting\n", waited_cpu / 1000);
    }
    return failures != 0;
}
