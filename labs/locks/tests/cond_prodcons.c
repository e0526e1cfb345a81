/*
 * Producers and consumers share a bounded buffer through two condition variables.
 *
 * Two producers each put 200 numbered items into a buffer of 4 slots, waiting on
 * not_full while it is full; two consumers take them out, waiting on not_empty while it is
 * empty. Now and then a producer, or a consumer, sleeps 5 ms outside the lock, so that the
 * other side finds the buffer empty, or full, and must wait. Checked: every item arrives
 * exactly once and each producer's items arrive in the order it made them (nothing lost,
 * duplicated or reordered by a wake-up that retook the mutex badly), every thread ends (no
 * consumer sleeps through the end), and the threads that wait sleep instead of polling:
 * the CPU time they use while waiting is under a quarter of the time they wait (a thread
 * that polls uses its CPU all along, or shares it with the other pollers).
 * Builds with gcc -pthread too, and prints the same on Linux.
 */
#include "locktest.h"

#define PRODUCERS 2
#define CONSUMERS 2
#define ITEMS 200           /* per producer */
#define SLOTS 4
#define PAUSE_EVERY 50
#define PAUSE_US 5000
#define MIN_WAIT_NS 2000000 /* the pauses make the threads wait at least this long in all */

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER;
static pthread_cond_t not_empty = PTHREAD_COND_INITIALIZER;
static int buffer[SLOTS];
static int head, count, taken;
static int seen[PRODUCERS][ITEMS];
static int last[PRODUCERS];    /* the last item taken from each producer, -1 before any */
static int out_of_order;
/* What each thread's waits took: CPU time, and time on the clock. */
static long waited_cpu[PRODUCERS + CONSUMERS], waited[PRODUCERS + CONSUMERS];

/* Accounts one wait of thread i that began at CPU time cpu0 and clock time t0. */
static void waited_since(int i, long cpu0, long t0)
{
    waited_cpu[i] += thread_cpu() - cpu0;
    waited[i] += nanos(CLOCK_MONOTONIC) - t0;
}

static void *producer(void *arg)
{
    int p = (int)(long)arg, i;
    for (i = 0; i < ITEMS; i++) {
        if (i % PAUSE_EVERY == PAUSE_EVERY / 2) sleep_us(PAUSE_US);
        pthread_mutex_lock(&m);
        if (count == SLOTS) {
            long cpu0 = thread_cpu(), t0 = nanos(CLOCK_MONOTONIC);
            while (count == SLOTS) pthread_cond_wait(&not_full, &m);
            waited_since(p, cpu0, t0);
        }
        buffer[(head + count) % SLOTS] = p * ITEMS + i;
        count++;
        pthread_cond_signal(&not_empty);
        pthread_mutex_unlock(&m);
    }
    return 0;
}

static void *consumer(void *arg)
{
    int k = (int)(long)arg, n = 0;
    for (;;) {
        int item;
        if (++n % PAUSE_EVERY == 0) sleep_us(PAUSE_US);
        pthread_mutex_lock(&m);
        if (count == 0 && taken < PRODUCERS * ITEMS) {
            long cpu0 = thread_cpu(), t0 = nanos(CLOCK_MONOTONIC);
            while (count == 0 && taken < PRODUCERS * ITEMS) pthread_cond_wait(&not_empty, &m);
            waited_since(PRODUCERS + k, cpu0, t0);
        }
        if (count == 0) { /* everything has been taken: the end */
            pthread_mutex_unlock(&m);
            break;
        }
        item = buffer[head];
        head = (head + 1) % SLOTS;
        count--;
        taken++;
        seen[item / ITEMS][item % ITEMS]++;
        if (item % ITEMS <= last[item / ITEMS]) out_of_order++;
        last[item / ITEMS] = item % ITEMS;
        pthread_cond_signal(&not_full);
        /* The last item: wake the other consumers so that they see the end. */
        if (taken == PRODUCERS * ITEMS) pthread_cond_broadcast(&not_empty);
        pthread_mutex_unlock(&m);
    }
    return 0;
}

int main(void)
{
    pthread_t t[PRODUCERS + CONSUMERS];
    long used = 0, wait_time = 0;
    int i, j, once = 1;
    for (i = 0; i < PRODUCERS; i++) last[i] = -1;
    for (i = 0; i < CONSUMERS; i++) pthread_create(&t[PRODUCERS + i], 0, consumer, (void *)(long)i);
    for (i = 0; i < PRODUCERS; i++) pthread_create(&t[i], 0, producer, (void *)(long)i);
    for (i = 0; i < PRODUCERS + CONSUMERS; i++) pthread_join(t[i], 0);
    for (i = 0; i < PRODUCERS; i++) {
        for (j = 0; j < ITEMS; j++) once = once && seen[i][j] == 1;
    }
    for (i = 0; i < PRODUCERS + CONSUMERS; i++) {
        used += waited_cpu[i];
        wait_time += waited[i];
    }
    if (!check(once, "every item was taken exactly once")) printf("  %d items taken in all\n", taken);
    if (!check(out_of_order == 0, "each producer's items came out in order")) printf("  %d out of order\n", out_of_order);
    printf("ok: every producer and consumer finished\n"); /* all the joins returned */
    if (!check(wait_time >= MIN_WAIT_NS && used < wait_time / 4, "threads waiting for the buffer slept instead of polling")) {
        printf("  the threads used %ld us of CPU in %ld us of waiting\n", used / 1000, wait_time / 1000);
    }
    return failures != 0;
}
