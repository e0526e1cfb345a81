/*
 * pthread_kill and pthread_sigmask: a signal sent to one thread is handled by that
 * thread, a thread's blocked signal stays pending for it until it unblocks it, masks are
 * per thread, and the errors come back as return values (EINVAL), not in errno.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static volatile long handled_by;
static volatile int handled_count;
static pthread_barrier_t step;
static long worker_tid;

static void on_usr1(int sig)
{
    (void)sig;
    handled_by = syscall(SYS_gettid);
    handled_count++;
}

static void *worker(void *arg)
{
    sigset_t set, pending;
    (void)arg;
    worker_tid = syscall(SYS_gettid);
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    pthread_sigmask(SIG_BLOCK, &set, 0);
    pthread_barrier_wait(&step); /* 1: mask set */
    pthread_barrier_wait(&step); /* 2: main has sent SIGUSR1 */
    sigpending(&pending);
    printf("worker: SIGUSR1 pending while blocked: %d, handled yet: %d\n", sigismember(&pending, SIGUSR1), handled_count);
    pthread_sigmask(SIG_UNBLOCK, &set, 0);
    printf("worker: after unblocking, handled %d time(s), by this thread: %d\n", handled_count, handled_by == worker_tid);
    pthread_barrier_wait(&step); /* 3 */
    pthread_barrier_wait(&step); /* 4: main has checked pthread_kill's errors */
    return 0;
}

static const char *name(int e)
{
    switch (e) {
    case 0: return "0";
    case EINVAL: return "EINVAL";
    case ESRCH: return "ESRCH";
    default: return strerror(e);
    }
}

int main(void)
{
    pthread_t t;
    struct sigaction sa;
    sigset_t set, old;
    int e;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    sigaction(SIGUSR1, &sa, 0);
    pthread_barrier_init(&step, 0, 2);

    pthread_create(&t, 0, worker, 0);
    pthread_barrier_wait(&step); /* 1 */
    printf("pthread_kill(worker, SIGUSR1): %s\n", name(pthread_kill(t, SIGUSR1)));
    printf("main did not handle it: %d\n", handled_count == 0);
    pthread_barrier_wait(&step); /* 2 */
    pthread_barrier_wait(&step); /* 3 */
    printf("pthread_kill(worker, 0): %s\n", name(pthread_kill(t, 0)));
    errno = 0;
    e = pthread_kill(t, 99);
    printf("pthread_kill(worker, 99): %s, errno untouched: %d\n", name(e), errno == 0);
    pthread_barrier_wait(&step); /* 4 */
    pthread_join(t, 0);

    /* Main's own mask was never changed by the worker's. */
    pthread_sigmask(SIG_SETMASK, 0, &old);
    printf("main blocks SIGUSR1: %d\n", sigismember(&old, SIGUSR1));
    sigemptyset(&set);
    errno = 0;
    e = pthread_sigmask(12345, &set, 0);
    printf("pthread_sigmask(bad how): %s, errno untouched: %d\n", name(e), errno == 0);

    handled_count = 0;
    e = pthread_kill(pthread_self(), SIGUSR1);
    printf("pthread_kill(self, SIGUSR1): %s, handled before it returned: %d, by main: %d\n",
           name(e), handled_count, handled_by == getpid());
    return 0;
}
