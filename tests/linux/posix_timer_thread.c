/* SIGEV_THREAD: each expiry calls the function, with the timer's value, in a thread that is
   not the caller's; a one-shot timer calls it once; after timer_delete it is not called. */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t changed = PTHREAD_COND_INITIALIZER;
static int calls, elsewhere, last_value;
static pid_t main_tid;

static void on_expiry(union sigval v)
{
    pthread_mutex_lock(&lock);
    calls++;
    elsewhere += gettid() != main_tid;
    last_value = v.sival_int;
    pthread_cond_signal(&changed);
    pthread_mutex_unlock(&lock);
}

static void wait_for(int n)
{
    pthread_mutex_lock(&lock);
    while (calls < n) pthread_cond_wait(&changed, &lock);
    pthread_mutex_unlock(&lock);
}

static timer_t make(int value)
{
    struct sigevent ev;
    memset(&ev, 0, sizeof ev);
    ev.sigev_notify = SIGEV_THREAD;
    ev.sigev_notify_function = on_expiry;
    ev.sigev_value.sival_int = value;
    timer_t t;
    if (timer_create(CLOCK_MONOTONIC, &ev, &t) != 0) perror("timer_create");
    return t;
}

int main(void)
{
    main_tid = gettid();
    timer_t periodic = make(7);
    struct itimerspec every = {{0, 20000000}, {0, 20000000}};
    timer_settime(periodic, 0, &every, NULL);
    wait_for(3);
    timer_delete(periodic);
    pthread_mutex_lock(&lock);
    printf("periodic: at least 3 calls %d, all in other threads %d, value %d\n", calls >= 3, elsewhere == calls, last_value);
    int before = calls;
    pthread_mutex_unlock(&lock);

    struct timespec nap = {0, 100000000};
    nanosleep(&nap, NULL);
    pthread_mutex_lock(&lock);
    printf("after timer_delete: calls stopped %d\n", calls <= before + 1);
    calls = 0;
    pthread_mutex_unlock(&lock);

    timer_t once = make(9);
    struct itimerspec single = {{0, 0}, {0, 10000000}};
    timer_settime(once, 0, &single, NULL);
    wait_for(1);
    nanosleep(&nap, NULL);
    pthread_mutex_lock(&lock);
    printf("one-shot: %d call, value %d\n", calls, last_value);
    pthread_mutex_unlock(&lock);
    printf("delete %d\n", timer_delete(once));
    return 0;
}
