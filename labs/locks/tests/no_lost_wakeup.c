/*
 * No wake-up is lost, however a signal and a wait interleave.
 *
 * Two threads pass a token back and forth 1000 times. Each sets the other's flag under the
 * mutex, releases the mutex and only then signals, so the signal often lands just as the
 * other thread is between releasing the mutex in pthread_cond_wait and falling asleep in
 * the kernel: the race a condition variable must win. A lost signal would leave a thread
 * asleep with its flag set; each waits with a deadline 1 s away, and a wait that times
 * out although its flag was set reports the lost wake-up instead of hanging the test.
 * Then one thread waits 20 ms for the token: it must sleep, not poll.
 * Builds with gcc -pthread too, and prints the same on Linux.
 */
#include <errno.h>
#include "locktest.h"

#define ROUNDS 1000
#define SLEEP_US 20000
#define CPU_LIMIT_NS 5000000 /* a quarter of the time it waits */

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t turn[2] = {PTHREAD_COND_INITIALIZER, PTHREAD_COND_INITIALIZER};
static int mine[2];        /* mine[i]: thread i holds the token */
static int lost, passes;
static long waited_cpu;

/* Waits until thread me holds the token: 0, or -1 if a wake-up was lost. */
static int take(int me)
{
    int r = 0;
    pthread_mutex_lock(&m);
    while (!mine[me]) {
        struct timespec limit = deadline_ms(1000);
        if (pthread_cond_timedwait(&turn[me], &m, &limit) == ETIMEDOUT && mine[me]) {
            lost++;
            r = -1;
        }
    }
    mine[me] = 0;
    pthread_mutex_unlock(&m);
    return r;
}

/* Hands the token to thread to: flag under the mutex, signal after releasing it. */
static void give(int to)
{
    pthread_mutex_lock(&m);
    mine[to] = 1;
    passes++;
    pthread_mutex_unlock(&m);
    pthread_cond_signal(&turn[to]);
}

static void *other(void *arg)
{
    int i;
    long before;
    (void)arg;
    for (i = 0; i < ROUNDS; i++) {
        take(1);
        give(0);
    }
    before = thread_cpu();
    take(1); /* main holds the token for SLEEP_US first */
    waited_cpu = thread_cpu() - before;
    return 0;
}

int main(void)
{
    pthread_t t;
    int i;
    pthread_create(&t, 0, other, 0);
    for (i = 0; i < ROUNDS; i++) {
        give(1);
        take(0);
    }
    sleep_us(SLEEP_US);
    give(1);
    pthread_join(t, 0);
    if (!check(lost == 0 && passes == 2 * ROUNDS + 1, "no wake-up was lost in 2000 hand-overs")) {
        printf("  %d wake-ups lost, %d hand-overs\n", lost, passes);
    }
    if (!check(waited_cpu < CPU_LIMIT_NS, "a thread waiting 20 ms for its turn sleeps")) {
        printf("  it used %ld us of CPU while waiting\n", waited_cpu / 1000);
    }
    return failures != 0;
}
