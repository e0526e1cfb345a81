/* The timed waits on CLOCK_REALTIME (pthread_cond_timedwait, pthread_mutex_timedlock, whose
 * futex deadlines are absolute FUTEX_CLOCK_REALTIME times) end at their deadline: not
 * before it, and not long after (a 20 ms wait takes less than a second). */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;

static long nanos(clockid_t clock)
{
    struct timespec t;
    clock_gettime(clock, &t);
    return t.tv_sec * 1000000000L + t.tv_nsec;
}

static struct timespec in_20ms(void)
{
    long at = nanos(CLOCK_REALTIME) + 20000000L;
    struct timespec t;
    t.tv_sec = at / 1000000000L;
    t.tv_nsec = at % 1000000000L;
    return t;
}

static void *hold(void *arg)
{
    long t0 = nanos(CLOCK_MONOTONIC), took;
    struct timespec d = in_20ms();
    int r;
    (void)arg;
    r = pthread_mutex_timedlock(&m, &d);
    took = nanos(CLOCK_MONOTONIC) - t0;
    printf("timedlock: %s after 20 ms to 1 s: %s\n", r == ETIMEDOUT ? "ETIMEDOUT" : "no timeout",
           took >= 20000000L && took < 1000000000L ? "yes" : "no");
    return 0;
}

int main(void)
{
    long t0 = nanos(CLOCK_MONOTONIC), took;
    struct timespec d = in_20ms();
    pthread_t t;
    int r;
    pthread_mutex_lock(&m);
    /* Nobody signals: a return before the deadline is a spurious wake-up (POSIX allows
     * them), so wait again, as every caller of a condition variable must. */
    while ((r = pthread_cond_timedwait(&c, &m, &d)) == 0) {
    }
    took = nanos(CLOCK_MONOTONIC) - t0;
    printf("cond_timedwait: %s after 20 ms to 1 s: %s\n", r == ETIMEDOUT ? "ETIMEDOUT" : "no timeout",
           took >= 20000000L && took < 1000000000L ? "yes" : "no");
    pthread_create(&t, 0, hold, 0);
    pthread_join(t, 0);
    pthread_mutex_unlock(&m);
    return 0;
}
