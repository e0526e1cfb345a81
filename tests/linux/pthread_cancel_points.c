/*
 * System calls as cancellation points: threads blocked in read on an empty pipe, in
 * nanosleep, sleep, usleep, pause, sigsuspend and waitpid are cancelled there; each runs its
 * cleanup handler and pthread_join returns PTHREAD_CANCELED. A thread with cancellation
 * disabled finishes its read, and is cancelled at its next read once it enables it again.
 * The threads print only from cleanup handlers (which run with cancellation disabled), so
 * nothing they print can itself be cut short.
 */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int quiet_pipe[2], late_pipe[2];
static pid_t child;

static void cleanup(void *name)
{
    printf("cleanup: %s\n", (const char *)name);
}

static void *in_read(void *arg)
{
    char c;
    pthread_cleanup_push(cleanup, "read");
    read(quiet_pipe[0], &c, 1);
    pthread_cleanup_pop(0);
    return arg;
}

static void *in_nanosleep(void *arg)
{
    struct timespec ts = {1000, 0};
    pthread_cleanup_push(cleanup, "nanosleep");
    nanosleep(&ts, 0);
    pthread_cleanup_pop(0);
    return arg;
}

static void *in_sleep(void *arg)
{
    pthread_cleanup_push(cleanup, "sleep");
    sleep(1000);
    pthread_cleanup_pop(0);
    return arg;
}

static void *in_usleep(void *arg)
{
    pthread_cleanup_push(cleanup, "usleep");
    usleep(900000);
    usleep(900000);
    pthread_cleanup_pop(0);
    return arg;
}

static void *in_pause(void *arg)
{
    pthread_cleanup_push(cleanup, "pause");
    pause();
    pthread_cleanup_pop(0);
    return arg;
}

static void *in_sigsuspend(void *arg)
{
    sigset_t none;
    sigemptyset(&none);
    pthread_cleanup_push(cleanup, "sigsuspend");
    sigsuspend(&none);
    pthread_cleanup_pop(0);
    return arg;
}

static void *in_waitpid(void *arg)
{
    int status;
    pthread_cleanup_push(cleanup, "waitpid");
    waitpid(child, &status, 0);
    pthread_cleanup_pop(0);
    return arg;
}

static void *disabled_then_enabled(void *arg)
{
    char c = 0;
    long n;
    pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, 0);
    n = read(late_pipe[0], &c, 1); /* cancelled meanwhile, but disabled: it completes */
    pthread_cleanup_push(cleanup, "read after enabling");
    printf("disabled: read %ld byte '%c' despite the cancel\n", n, c);
    pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, 0);
    read(late_pipe[0], &c, 1); /* the pending cancel acts here */
    printf("disabled: not reached\n");
    pthread_cleanup_pop(0);
    return arg;
}

/* Starts fn, lets it block, cancels it and joins it. */
static void cancel_blocked(const char *name, void *(*fn)(void *))
{
    pthread_t t;
    void *result;
    pthread_create(&t, 0, fn, 0);
    usleep(20000);
    pthread_cancel(t);
    pthread_join(t, &result);
    printf("%s: joined, %s\n", name, result == PTHREAD_CANCELED ? "PTHREAD_CANCELED" : "returned");
}

int main(void)
{
    pthread_t t;
    void *result;
    int status;
    setvbuf(stdout, 0, _IOLBF, 0);
    pipe(quiet_pipe);
    pipe(late_pipe);
    child = fork();
    if (child == 0) {
        pause();
        _exit(0);
    }
    cancel_blocked("read", in_read);
    cancel_blocked("nanosleep", in_nanosleep);
    cancel_blocked("sleep", in_sleep);
    cancel_blocked("usleep", in_usleep);
    cancel_blocked("pause", in_pause);
    cancel_blocked("sigsuspend", in_sigsuspend);
    cancel_blocked("waitpid", in_waitpid);

    pthread_create(&t, 0, disabled_then_enabled, 0);
    usleep(20000);
    pthread_cancel(t);
    usleep(20000);
    write(late_pipe[1], "x", 1);
    pthread_join(t, &result);
    printf("disabled: joined, %s\n", result == PTHREAD_CANCELED ? "PTHREAD_CANCELED" : "returned");

    kill(child, SIGTERM);
    waitpid(child, &status, 0);
    printf("child: %s\n", WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM ? "killed by SIGTERM" : "?");
    return 0;
}
