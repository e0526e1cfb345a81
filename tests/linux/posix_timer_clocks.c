/* POSIX timers on the CPU-time clocks, with TIMER_ABSTIME, with SIGEV_NONE, and aimed at
   one thread with SIGEV_THREAD_ID. */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>

static volatile sig_atomic_t fired;
static volatile pid_t fired_in;

static void on_usr1(int sig, siginfo_t *info, void *ctx)
{
    (void)sig; (void)ctx;
    fired_in = (pid_t)syscall(SYS_gettid); /* first: main reads it once fired is set */
    fired = info->si_value.sival_int;
}

static double cpu(clockid_t clk)
{
    struct timespec ts;
    clock_gettime(clk, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static timer_t make(clockid_t clk, int notify, int value, pid_t tid)
{
    struct sigevent ev;
    memset(&ev, 0, sizeof ev);
    ev.sigev_notify = notify;
    ev.sigev_signo = SIGUSR1;
    ev.sigev_value.sival_int = value;
    ev._sigev_un._tid = tid;
    timer_t t;
    if (timer_create(clk, &ev, &t) != 0) perror("timer_create");
    return t;
}

static void arm(timer_t t, int flags, long sec, long nsec)
{
    struct itimerspec spec = {{0, 0}, {sec, nsec}};
    timer_settime(t, flags, &spec, NULL);
}

static pthread_t main_thread;
static pid_t worker_tid;
static volatile int worker_ready, worker_done;

static void *worker(void *arg)
{
    (void)arg;
    worker_tid = (pid_t)syscall(SYS_gettid);
    worker_ready = 1;
    while (!worker_done) sched_yield();
    return NULL;
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_usr1;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR1, &sa, NULL);

    /* The process CPU clock: 20 ms of CPU from now. Sleeping does not bring it closer. */
    timer_t p = make(CLOCK_PROCESS_CPUTIME_ID, SIGEV_SIGNAL, 1, 0);
    double start = cpu(CLOCK_PROCESS_CPUTIME_ID);
    arm(p, 0, 0, 20000000);
    struct timespec nap = {0, 50000000};
    nanosleep(&nap, NULL);
    printf("process clock after sleeping: fired %d\n", fired);
    while (!fired) { }
    printf("process clock: fired %d after at least 20 ms of CPU %d\n", fired, cpu(CLOCK_PROCESS_CPUTIME_ID) - start >= 0.019);

    /* The thread CPU clock, absolute: when this thread's CPU time reads now + 10 ms. */
    fired = 0;
    timer_t th = make(CLOCK_THREAD_CPUTIME_ID, SIGEV_SIGNAL, 2, 0);
    struct timespec now;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    long ns = now.tv_nsec + 10000000;
    arm(th, TIMER_ABSTIME, now.tv_sec + ns / 1000000000, ns % 1000000000);
    while (!fired) { }
    printf("thread clock absolute: fired %d\n", fired);

    /* An absolute time already past fires at once. */
    fired = 0;
    timer_t m = make(CLOCK_MONOTONIC, SIGEV_SIGNAL, 3, 0);
    arm(m, TIMER_ABSTIME, 0, 1);
    while (!fired) { }
    printf("monotonic absolute in the past: fired %d\n", fired);

    /* SIGEV_NONE: no signal, but timer_gettime counts down to 0. */
    fired = 0;
    timer_t none = make(CLOCK_MONOTONIC, SIGEV_NONE, 4, 0);
    arm(none, 0, 0, 30000000);
    struct itimerspec cur;
    timer_gettime(none, &cur);
    printf("SIGEV_NONE armed: counting down %d\n", cur.it_value.tv_nsec > 0 && cur.it_value.tv_nsec <= 30000000);
    nap.tv_nsec = 40000000;
    nanosleep(&nap, NULL);
    timer_gettime(none, &cur);
    printf("SIGEV_NONE expired: %ld %ld, signals %d\n", (long)cur.it_value.tv_sec, cur.it_value.tv_nsec, fired);

    /* SIGEV_THREAD_ID: the signal goes to that thread, not to any thread of the process. */
    pthread_t w;
    main_thread = pthread_self();
    pthread_create(&w, NULL, worker, NULL);
    while (!worker_ready) sched_yield();
    fired = 0;
    timer_t to = make(CLOCK_REALTIME, SIGEV_THREAD_ID, 5, worker_tid);
    arm(to, 0, 0, 10000000);
    while (!fired) sched_yield();
    printf("SIGEV_THREAD_ID: fired %d in the worker %d\n", fired, fired_in == worker_tid);
    worker_done = 1;
    pthread_join(w, NULL);

    /* A thread id outside the process is EINVAL. */
    struct sigevent ev;
    memset(&ev, 0, sizeof ev);
    ev.sigev_notify = SIGEV_THREAD_ID;
    ev.sigev_signo = SIGUSR1;
    ev._sigev_un._tid = 1;
    timer_t bad;
    int r = timer_create(CLOCK_MONOTONIC, &ev, &bad);
    printf("thread of another process: %d\n", r);
    printf("deletes %d %d %d %d %d\n", timer_delete(p), timer_delete(th), timer_delete(m), timer_delete(none), timer_delete(to));
    return 0;
}
