/*
 * race [racy|mutex|atomic] [THREADS] [ITERATIONS]: a racy counter and its two fixes.
 *
 * THREADS threads (default 4) each add 1 to one shared counter ITERATIONS times (default
 * 20000). `counter++` is three instructions, a load, an add and a store; when two CPUs
 * interleave them, both load the same value and one increment is lost. So `race` (or `race
 * racy`) ends with less than THREADS * ITERATIONS, and how much less depends on the
 * schedule; `race mutex` makes the increment a critical section with a pthread mutex, and
 * `race atomic` makes it one atomic fetch-and-add instruction. Both fixes always reach the
 * full count.
 *
 * Try in the shell: `race`, `race mutex`, `race atomic`. Under another `--seed` the racy
 * version loses another number of updates. Even with `--cpus 1` it loses many: a thread
 * preempted between its load and its store later writes back its stale value, wiping out
 * every increment the other threads made while it waited.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum mode { RACY, MUTEX, ATOMIC };

static enum mode mode;
static long iterations = 20000;
/* volatile makes every increment a real load and store, as at -O0, even under an optimiser. */
static volatile long counter;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

/* One thread: ITERATIONS increments of the shared counter, done the way the mode says. */
static void *add(void *arg)
{
    long i;
    (void)arg;
    for (i = 0; i < iterations; i++) {
        if (mode == RACY) {
            counter++;
        } else if (mode == MUTEX) {
            pthread_mutex_lock(&lock);
            counter++;
            pthread_mutex_unlock(&lock);
        } else {
            __sync_fetch_and_add(&counter, 1);
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    const char *name = argc > 1 ? argv[1] : "racy";
    int threads = argc > 2 ? atoi(argv[2]) : 4, i;
    pthread_t tid[64];
    long expected;

    if (argc > 3) iterations = atol(argv[3]);
    if (strcmp(name, "racy") == 0) mode = RACY;
    else if (strcmp(name, "mutex") == 0) mode = MUTEX;
    else if (strcmp(name, "atomic") == 0) mode = ATOMIC;
    else threads = 0;
    if (threads < 1 || threads > 64 || iterations < 1) {
        fprintf(stderr, "usage: race [racy|mutex|atomic] [THREADS (1-64)] [ITERATIONS]\n");
        return 2;
    }
    for (i = 0; i < threads; i++) pthread_create(&tid[i], 0, add, 0);
    for (i = 0; i < threads; i++) pthread_join(tid[i], 0);
    expected = threads * iterations;
    printf("%s: %d threads x %ld increments: counter = %ld (expected %ld", name, threads, iterations, counter,
            expected);
    if (counter != expected) printf(", lost %ld updates", expected - counter);
    printf(")\n");
    return 0;
}
