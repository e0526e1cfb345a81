/*
 * Deferred cancellation: a thread cancelled while blocked in pthread_cond_wait (its cleanup
 * handler finds the mutex held again), sem_wait or pthread_join, or at pthread_testcancel,
 * ends with PTHREAD_CANCELED after its cleanup handlers ran in reverse order; a thread with
 * cancellation disabled finishes its work first; asynchronous cancellation stops a loop
 * with no cancellation point; pthread_cleanup_pop runs a handler only when asked.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static pthread_mutex_t lock = PTHREAD_ERRORCHECK_MUTEX_INITIALIZER_NP;
static pthread_cond_t never = PTHREAD_COND_INITIALIZER;
static sem_t empty;
static char trail[64];
static int unlock_in_cleanup = -1;
static volatile int work_done, spins;
static pthread_t sleeper;

static void note(void *arg)
{
    strcat(trail, (const char *)arg);
}

static void unlock_mutex(void *arg)
{
    (void)arg;
    unlock_in_cleanup = pthread_mutex_unlock(&lock); /* 0 only if the mutex is ours again */
}

static void *wait_on_cond(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&lock);
    pthread_cleanup_push(unlock_mutex, 0);
    for (;;) pthread_cond_wait(&never, &lock);
    pthread_cleanup_pop(0);
    return 0;
}

static void *wait_on_sem(void *arg)
{
    (void)arg;
    pthread_cleanup_push(note, "A");
    pthread_cleanup_push(note, "B");
    sem_wait(&empty);
    pthread_cleanup_pop(0);
    pthread_cleanup_pop(0);
    return 0;
}

static void *sleep_long(void *arg)
{
    (void)arg;
    sem_wait(&empty);
    return (void *)7L;
}

static void *wait_on_join(void *arg)
{
    (void)arg;
    pthread_join(sleeper, 0);
    return 0;
}

static void *busy_then_test(void *arg)
{
    (void)arg;
    for (;;) pthread_testcancel();
    return 0;
}

static void *with_cancel_disabled(void *arg)
{
    int old, i;
    (void)arg;
    pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
    sem_wait(&empty); /* not interrupted: main posts after cancelling */
    for (i = 0; i < 1000; i++) pthread_testcancel();
    work_done = 1;
    pthread_setcancelstate(old, 0);
    pthread_testcancel();
    return 0;
}

static void *spin_async(void *arg)
{
    (void)arg;
    pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, 0);
    for (;;) spins++;
    return 0;
}

static void *pops(void *arg)
{
    (void)arg;
    pthread_cleanup_push(note, "1");
    pthread_cleanup_push(note, "2");
    pthread_cleanup_push(note, "3");
    pthread_cleanup_pop(1); /* runs 3 */
    pthread_cleanup_pop(0); /* drops 2 */
    pthread_exit((void *)5L); /* runs 1 */
    pthread_cleanup_pop(0);
    return 0;
}

static const char *result_name(void *r)
{
    return r == PTHREAD_CANCELED ? "PTHREAD_CANCELED" : "not cancelled";
}

int main(void)
{
    pthread_t t;
    void *r;
    int old;

    sem_init(&empty, 0, 0);

    pthread_create(&t, 0, wait_on_cond, 0);
    usleep(10000);
    pthread_cancel(t);
    pthread_join(t, &r);
    printf("cond_wait: %s, cleanup unlocked the mutex it held: %d\n", result_name(r), unlock_in_cleanup == 0);

    pthread_create(&t, 0, wait_on_sem, 0);
    usleep(10000);
    pthread_cancel(t);
    pthread_join(t, &r);
    printf("sem_wait: %s, cleanup order %s\n", result_name(r), trail);

    pthread_create(&sleeper, 0, sleep_long, 0);
    pthread_create(&t, 0, wait_on_join, 0);
    usleep(10000);
    pthread_cancel(t);
    pthread_join(t, &r);
    printf("pthread_join: %s\n", result_name(r));
    sem_post(&empty);
    pthread_join(sleeper, &r);
    printf("the thread it was joining is still joinable: returned %ld\n", (long)r);

    pthread_create(&t, 0, busy_then_test, 0);
    pthread_cancel(t);
    pthread_join(t, &r);
    printf("pthread_testcancel: %s\n", result_name(r));

    pthread_create(&t, 0, with_cancel_disabled, 0);
    usleep(10000);
    pthread_cancel(t);
    sem_post(&empty);
    pthread_join(t, &r);
    printf("disabled: %s, work done first: %d\n", result_name(r), work_done);

    pthread_create(&t, 0, spin_async, 0);
    usleep(10000);
    pthread_cancel(t);
    pthread_join(t, &r);
    printf("asynchronous: %s\n", result_name(r));

    trail[0] = 0;
    pthread_create(&t, 0, pops, 0);
    pthread_join(t, &r);
    printf("pop(1), pop(0), pthread_exit: ran %s, result %ld\n", trail, (long)r);

    printf("setcancelstate(7): %s\n", pthread_setcancelstate(7, &old) == EINVAL ? "EINVAL" : "?");
    printf("setcanceltype(7): %s\n", pthread_setcanceltype(7, &old) == EINVAL ? "EINVAL" : "?");
    printf("cancel a finished, unjoined thread: %d\n", (pthread_create(&t, 0, sleep_long, 0), sem_post(&empty), usleep(10000), pthread_cancel(t)));
    pthread_join(t, &r);
    printf("it was not cancelled: %s\n", result_name(r));
    return 0;
}
