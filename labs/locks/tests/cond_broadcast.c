/*
 * A broadcast wakes every waiter; a signal wakes at least one.
 *
 * Five threads wait on one condition variable for a new generation number. Three times,
 * main waits until all five are waiting, lets them sleep 5 ms, then starts a new
 * generation with a single pthread_cond_broadcast (the first time while holding the mutex,
 * then after releasing it): all five must wake and see it. Then a fourth generation is
 * announced with pthread_cond_signal, once per waiter: each signal must wake at least one.
 * Each waiter retakes the mutex when it wakes, so the count of woken threads, kept under
 * the mutex, is exact. A waiter that is never woken is reported after a 2 s timed wait
 * instead of hanging the test. Waiters must sleep while they wait (little CPU time).
 * Builds with gcc -pthread too, and prints the same on Linux.
 */
#include <errno.h>
#include "locktest.h"

#define WAITERS 5
#define BROADCASTS 3
#define SLEEP_US 5000
#define CPU_LIMIT_NS 5000000 /* a quarter of the time they sleep */

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t go = PTHREAD_COND_INITIALIZER;      /* the waiters wait on it */
static pthread_cond_t changed = PTHREAD_COND_INITIALIZER; /* main waits on it */
static int generation, waiting, woken;
static long cpu[WAITERS];

static void *waiter(void *arg)
{
    int me = (int)(long)arg, round;
    pthread_mutex_lock(&m);
    for (round = 0; round <= BROADCASTS; round++) {
        int mine = generation;
        waiting++;
        pthread_cond_signal(&changed);
        while (generation == mine) pthread_cond_wait(&go, &m);
        woken++;
        pthread_cond_signal(&changed);
    }
    pthread_mutex_unlock(&m);
    cpu[me] = thread_cpu();
    return 0;
}

/* Waits until *count reaches n, or 2 s pass: whether it did. The caller holds m. */
static int await(int *count, int n)
{
    struct timespec limit = deadline_ms(2000);
    while (*count < n) {
        if (pthread_cond_timedwait(&changed, &m, &limit) == ETIMEDOUT) return *count >= n;
    }
    return 1;
}

int main(void)
{
    pthread_t t[WAITERS];
    int i, round, failed = -1, signalled = 0, silent = 0;
    long used = 0;
    for (i = 0; i < WAITERS; i++) pthread_create(&t[i], 0, waiter, (void *)(long)i);
    pthread_mutex_lock(&m);
    for (round = 0; round < BROADCASTS && failed < 0; round++) {
        await(&waiting, WAITERS);
        pthread_mutex_unlock(&m);
        sleep_us(SLEEP_US);
        pthread_mutex_lock(&m);
        waiting = woken = 0;
        generation++;
        if (round == 0) {
            pthread_cond_broadcast(&go);
        } else {
            pthread_mutex_unlock(&m);
            pthread_cond_broadcast(&go);
            pthread_mutex_lock(&m);
        }
        if (!await(&woken, WAITERS)) failed = round;
    }
    if (!check(failed < 0, "each broadcast woke all five waiters")) {
        printf("  broadcast %d woke %d of %d waiters\n", failed + 1, woken, WAITERS);
    }

    if (failed < 0 && await(&waiting, WAITERS)) {
        waiting = woken = 0;
        generation++;
        for (i = 1, signalled = 1; i <= WAITERS && signalled; i++) {
            pthread_cond_signal(&go);
            signalled = await(&woken, i);
            if (!signalled) silent = i;
        }
    }
    if (!check(signalled, "each signal woke at least one waiter")) {
        if (failed >= 0) printf("  not tried, since a broadcast failed\n");
        else if (silent) printf("  signal %d woke no waiter\n", silent);
        else printf("  the waiters did not all come back to wait\n");
    }
    pthread_mutex_unlock(&m);
    if (!signalled) return 1; /* waiters are still asleep: do not join them */

    for (i = 0; i < WAITERS; i++) pthread_join(t[i], 0);
    for (i = 0; i < WAITERS; i++) used += cpu[i];
    if (!check(used < CPU_LIMIT_NS, "waiters slept while they waited")) {
        printf("  the waiters used %ld us of CPU; they slept %d us each\n", used / 1000, BROADCASTS * SLEEP_US);
    }
    return failures != 0;
}
