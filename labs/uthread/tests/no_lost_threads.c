/*
 * no_lost_threads: no user thread is lost or run twice while the pool changes under it.
 * Four rounds of 48 threads: producers and consumers passing items through a bounded
 * buffer (uthread mutex and condition variables), and pairs of a reader blocked in
 * uthread_read on a pipe and the writer that feeds it after a short uthread_nanosleep.
 * Main sets a new level in the middle of each round, while the threads run, and the
 * readers make the pool grow. Every thread must start once, finish once and be joined
 * with the right result; a thread stranded on the run queue would leave its joiner
 * waiting for ever.
 */
#include "uthread_lab.h"

#define ROUNDS 4
#define THREADS 48
#define PAIRS (THREADS / 4)
#define ITEMS 10
#define BYTES 8
#define CAPACITY 4

static uthread_mutex_t lock = UTHREAD_MUTEX_INITIALIZER;
static uthread_cond_t not_full = UTHREAD_COND_INITIALIZER, not_empty = UTHREAD_COND_INITIALIZER;
static long buffer[CAPACITY];
static int head, count;
static int starts[THREADS], ends[THREADS];
static int pipes[PAIRS][2];

/* Counts a start or an end of thread i. */
static void note(int *counter)
{
    uthread_mutex_lock(&lock);
    (*counter)++;
    uthread_mutex_unlock(&lock);
}

/* Puts ITEMS items (i*100 + k) into the buffer; returns their sum. */
static long produce(int i)
{
    long sum = 0;
    int k;
    for (k = 0; k < ITEMS; k++) {
        uthread_mutex_lock(&lock);
        while (count == CAPACITY) uthread_cond_wait(&not_full, &lock);
        buffer[(head + count++) % CAPACITY] = i * 100 + k;
        sum += i * 100 + k;
        uthread_cond_signal(&not_empty);
        uthread_mutex_unlock(&lock);
    }
    return sum;
}

/* Takes ITEMS items from the buffer; returns their sum. */
static long consume(void)
{
    long sum = 0;
    int k;
    for (k = 0; k < ITEMS; k++) {
        uthread_mutex_lock(&lock);
        while (count == 0) uthread_cond_wait(&not_empty, &lock);
        sum += buffer[head];
        head = (head + 1) % CAPACITY;
        count--;
        uthread_cond_signal(&not_full);
        uthread_mutex_unlock(&lock);
    }
    return sum;
}

/* Reads BYTES bytes from the pipe of pair p, one at a time; returns their sum. */
static long read_pipe(int p)
{
    long sum = 0;
    int k;
    for (k = 0; k < BYTES; k++) {
        unsigned char c = 0;
        if (uthread_read(pipes[p][0], &c, 1) != 1) return -1;
        sum += c;
    }
    return sum;
}

/* Sleeps a millisecond, then writes BYTES bytes (p + k) into the pipe of pair p; returns their sum. */
static long write_pipe(int p)
{
    struct timespec ms = {0, 1000000};
    long sum = 0;
    int k;
    uthread_nanosleep(&ms, 0);
    for (k = 0; k < BYTES; k++) {
        unsigned char c = (unsigned char)(p + k);
        if (uthread_write(pipes[p][1], &c, 1) != 1) return -1;
        sum += c;
        uthread_yield();
    }
    return sum;
}

/* Thread i: its kind is i % 4 (producer, consumer, reader, writer). */
static void *work(void *arg)
{
    int i = (int)(long)arg;
    long result = 0;
    note(&starts[i]);
    switch (i % 4) {
    case 0: result = produce(i); break;
    case 1: result = consume(); break;
    case 2: result = read_pipe(i / 4); break;
    case 3: result = write_pipe(i / 4); break;
    }
    note(&ends[i]);
    return (void *)result;
}

/* The sum thread i must return (for a consumer: none fixed, the totals are compared instead). */
static long expected_result(int i)
{
    long sum = 0;
    int k;
    for (k = 0; k < ITEMS && i % 4 == 0; k++) sum += i * 100 + k;
    for (k = 0; k < BYTES && i % 4 >= 2; k++) sum += i / 4 + k;
    return sum;
}

int main(void)
{
    static const int levels[ROUNDS][2] = {{1, 3}, {3, 2}, {2, 4}, {4, 1}};
    char what[128];
    int round, i, bad_total = 0, bad_runs = 0, bad_results = 0, bad_levels = 0;
    for (i = 0; i < PAIRS; i++) pipe(pipes[i]);
    for (round = 0; round < ROUNDS; round++) {
        uthread_t t[THREADS];
        long produced = 0, consumed = 0;
        if (uthread_setconcurrency(levels[round][0]) != 0) bad_levels++;
        for (i = 0; i < THREADS; i++) {
            starts[i] = ends[i] = 0;
            uthread_create(&t[i], work, (void *)(long)i);
        }
        uthread_yield(); /* let the round begin on the first level */
        if (uthread_setconcurrency(levels[round][1]) != 0) bad_levels++;
        for (i = 0; i < THREADS; i++) {
            void *r;
            uthread_join(t[i], &r);
            if (starts[i] != 1 || ends[i] != 1) bad_runs++;
            if (i % 4 == 0) produced += (long)r;
            else if (i % 4 == 1) consumed += (long)r;
            else if ((long)r != expected_result(i)) bad_results++;
        }
        if (produced != consumed || count != 0) bad_total++;
    }
    snprintf(what, sizeof what, "%d rounds of %d threads: each started once, ended once and was joined", ROUNDS, THREADS);
    if (!check(bad_runs == 0, what)) printf("  %d threads did not run exactly once\n", bad_runs);
    if (!check(bad_results == 0 && bad_total == 0, "every item and every byte arrived")) {
        printf("  %d wrong pipe sums, %d rounds where items were lost\n", bad_results, bad_total);
    }
    if (!check(bad_levels == 0, "uthread_setconcurrency accepted every level")) printf("  %d refused\n", bad_levels);
    uthread_setconcurrency(1);
    i = wait_for_kernel_threads(1, 100);
    if (!check(i == 1 && uthread_lwp_count() == 1, "back to one LWP at level 1")) {
        printf("  uthread_lwp_count() %d, /proc/self/task %d\n", uthread_lwp_count(), i);
    }
    return 0;
}
