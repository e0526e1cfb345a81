/*
 * timer_thread.c: POSIX timers with SIGEV_THREAD, whose expiry calls a function in a new
 * thread. The kernel knows nothing of them; as glibc does, the C library keeps one helper
 * thread per process, made by the first such timer, that every one of them signals
 * (SIGEV_THREAD_ID with SIGTIMER, a signal the thread library keeps for itself). The helper
 * waits for that signal with sigwaitinfo and, for each expiry, starts a detached thread (with
 * the attributes the caller gave) that calls the timer's function with its value.
 *
 * THREADS: the list of timers is guarded by timers_lock; the helper looks a timer up by the
 * kernel's id under it, so a timer deleted while its signal was pending calls nothing.
 */
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
#include "libc.h"

/* glibc keeps signals 32 and 33 for itself; Clonix's thread library uses 32 (SIGCANCEL). */
#define SIGTIMER 33

/* A SIGEV_THREAD timer: the kernel's id, and what to call with what. */
struct thread_timer {
    int id;
    void (*fn)(union sigval);
    union sigval value;
    pthread_attr_t attr; /* the caller's attributes, made detached */
    struct thread_timer *next;
};

static struct thread_timer *timers;
static pthread_mutex_t timers_lock = PTHREAD_MUTEX_INITIALIZER;
/* The helper thread, and the process it belongs to (a fork child has none until it needs one). */
static pid_t helper_tid, helper_process;

/* One expiry's call, handed to the thread that makes it. */
struct call {
    void (*fn)(union sigval);
    union sigval value;
};

static void *run_call(void *arg)
{
    struct call c = *(struct call *)arg;
    free(arg);
    c.fn(c.value);
    return NULL;
}

/* The helper: every signal blocked (it was made so), it takes SIGTIMER with sigwaitinfo. */
static void *helper(void *ready)
{
    helper_tid = gettid();
    sem_post(ready);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTIMER);
    for (;;) {
        siginfo_t info;
        if (sigwaitinfo(&set, &info) != SIGTIMER || info.si_code != SI_TIMER) continue;
        pthread_mutex_lock(&timers_lock);
        struct thread_timer *t = timers;
        while (t != NULL && t->id != info.si_timerid) t = t->next;
        struct call *c = t != NULL ? malloc(sizeof *c) : NULL;
        pthread_attr_t attr;
        if (c != NULL) {
            c->fn = t->fn;
            c->value = t->value;
            attr = t->attr;
        }
        pthread_mutex_unlock(&timers_lock);
        pthread_t th;
        if (c != NULL && pthread_create(&th, &attr, run_call, c) != 0) free(c);
    }
    return NULL;
}

/* Makes the helper if this process has none (timers_lock held): 0, or an error number. */
static int start_helper(void)
{
    if (helper_process == getpid()) return 0;
    while (timers != NULL) { /* a fork child's copy of its parent's list: the kernel gave it no timers */
        struct thread_timer *next = timers->next;
        free(timers);
        timers = next;
    }
    sem_t ready;
    sem_init(&ready, 0, 0);
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_t th;
    int r = pthread_create(&th, &attr, helper, &ready);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (r != 0) return r;
    while (sem_wait(&ready) != 0) { }
    helper_process = getpid();
    return 0;
}

int __timer_create_thread(clockid_t clk, const struct sigevent *sev, timer_t *timerid)
{
    struct thread_timer *t = malloc(sizeof *t);
    if (t == NULL) {
        errno = EAGAIN; /* glibc's answer when it cannot allocate the timer */
        return -1;
    }
    t->fn = sev->sigev_notify_function;
    t->value = sev->sigev_value;
    if (sev->sigev_notify_attributes != NULL) t->attr = *(pthread_attr_t *)sev->sigev_notify_attributes;
    else pthread_attr_init(&t->attr);
    pthread_attr_setdetachstate(&t->attr, PTHREAD_CREATE_DETACHED);
    pthread_mutex_lock(&timers_lock);
    int r = start_helper();
    if (r != 0) {
        pthread_mutex_unlock(&timers_lock);
        free(t);
        errno = r;
        return -1;
    }
    struct sigevent kernel_event;
    memset(&kernel_event, 0, sizeof kernel_event);
    kernel_event.sigev_notify = SIGEV_THREAD_ID;
    kernel_event.sigev_signo = SIGTIMER;
    kernel_event.sigev_notify_thread_id = helper_tid;
    kernel_event.sigev_value = sev->sigev_value;
    long id = __syscall3(SYS_timer_create, clk, &kernel_event, &t->id);
    if (id < 0) {
        pthread_mutex_unlock(&timers_lock);
        free(t);
        return (int)__syscall_ret(id);
    }
    t->next = timers;
    timers = t;
    pthread_mutex_unlock(&timers_lock);
    *timerid = (timer_t)(long)t->id;
    return 0;
}

void __timer_thread_forget(int id)
{
    pthread_mutex_lock(&timers_lock);
    for (struct thread_timer **p = &timers; *p != NULL; p = &(*p)->next) {
        if ((*p)->id == id) {
            struct thread_timer *gone = *p;
            *p = gone->next;
            free(gone);
            break;
        }
    }
    pthread_mutex_unlock(&timers_lock);
}
