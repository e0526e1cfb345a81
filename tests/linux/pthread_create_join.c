/*
 * pthread_create, pthread_join, pthread_exit, pthread_self, pthread_equal and
 * pthread_detach: results travel back through join, threads share the process, and the
 * errors are Linux's (EDEADLK joining oneself, EINVAL joining or detaching a detached thread).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#define N 8

static int shared_counter;
static pthread_mutex_t counter_lock = PTHREAD_MUTEX_INITIALIZER;

struct job {
    int index;
    pthread_t self_seen;
    long tid;
    int same_pid;
};

static void *square(void *arg)
{
    struct job *job = arg;
    job->self_seen = pthread_self();
    job->tid = syscall(SYS_gettid);
    job->same_pid = getpid() == (pid_t)syscall(SYS_getpid);
    pthread_mutex_lock(&counter_lock);
    shared_counter += job->index;
    pthread_mutex_unlock(&counter_lock);
    if (job->index == 3) pthread_exit((void *)(long)(1000 + job->index)); /* leaves early */
    return (void *)(long)(job->index * job->index);
}

static void *idle(void *arg)
{
    (void)arg;
    return 0;
}

static void *join_self(void *arg)
{
    (void)arg;
    return (void *)(long)pthread_join(pthread_self(), 0);
}

static const char *name(int e)
{
    switch (e) {
    case 0: return "0";
    case EDEADLK: return "EDEADLK";
    case EINVAL: return "EINVAL";
    case ESRCH: return "ESRCH";
    default: return strerror(e);
    }
}

int main(void)
{
    pthread_t threads[N];
    struct job jobs[N];
    int i, distinct = 1, self_matches = 1, not_main = 1;
    long sum = 0;
    void *result;
    pthread_t detached;
    pthread_attr_t attr;

    for (i = 0; i < N; i++) {
        jobs[i].index = i;
        if (pthread_create(&threads[i], 0, square, &jobs[i]) != 0) printf("create %d failed\n", i);
    }
    for (i = 0; i < N; i++) {
        pthread_join(threads[i], &result);
        printf("thread %d returned %ld\n", i, (long)result);
        sum += (long)result;
    }
    for (i = 0; i < N; i++) {
        int j;
        if (!pthread_equal(jobs[i].self_seen, threads[i])) self_matches = 0;
        if (jobs[i].tid == getpid()) not_main = 0;
        for (j = 0; j < i; j++)
            if (jobs[j].tid == jobs[i].tid) distinct = 0;
    }
    printf("sum %ld, counter %d\n", sum, shared_counter);
    printf("pthread_self in each thread equals its pthread_t: %d\n", self_matches);
    printf("each thread has its own tid, not the pid: %d %d\n", distinct, not_main);
    printf("main equals itself: %d, differs from a thread: %d\n",
           pthread_equal(pthread_self(), pthread_self()) != 0, pthread_equal(pthread_self(), threads[0]) != 0);

    /* Errors. */
    printf("join self: %s\n", name(pthread_join(pthread_self(), 0)));
    pthread_create(&threads[0], 0, join_self, 0);
    pthread_join(threads[0], &result);
    printf("join self in a thread: %s\n", name((int)(long)result));

    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_create(&detached, &attr, idle, 0);
    printf("detach a detached thread: %s\n", name(pthread_detach(detached)));
    printf("join a detached thread: %s\n", name(pthread_join(detached, 0)));
    pthread_attr_destroy(&attr);

    pthread_create(&threads[1], 0, idle, 0);
    printf("detach: %s\n", name(pthread_detach(threads[1])));
    /* Give the detached threads time to end before main returns. */
    usleep(10000);
    return 0;
}
