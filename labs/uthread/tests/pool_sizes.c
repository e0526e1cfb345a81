/*
 * pool_sizes: on pools of 1, 2, 3 and 4 LWPs (set with uthread_setconcurrency), 24 user
 * threads all run to the end with the right results: each sums squares in steps, yielding
 * between steps, and adds to a counter under a uthread mutex. The pool must have exactly
 * the LWPs asked for, as the library and the kernel see it, and the threads must run only
 * on them.
 */
#include "uthread_lab.h"

#define THREADS 24
#define STEPS 20

static uthread_mutex_t lock = UTHREAD_MUTEX_INITIALIZER;
static long counter;
static int tids[THREADS * STEPS];
static int tid_count;

/* Notes the LWP the caller runs on (under lock). */
static void note_tid(void)
{
    int tid = gettid(), i;
    for (i = 0; i < tid_count && tids[i] != tid; i++) {}
    if (i == tid_count) tids[tid_count++] = tid;
}

/* Returns the sum of the squares of arg*STEPS .. arg*STEPS+STEPS-1, one term per turn. */
static void *sum_squares(void *arg)
{
    long first = (long)arg * STEPS, sum = 0, i;
    for (i = first; i < first + STEPS; i++) {
        sum += i * i;
        uthread_mutex_lock(&lock);
        counter++;
        note_tid();
        uthread_mutex_unlock(&lock);
        uthread_yield();
    }
    return (void *)sum;
}

int main(void)
{
    char what[128];
    int level;
    for (level = 1; level <= 4; level++) {
        uthread_t t[THREADS];
        long i, wrong = 0, strangers = 0;
        int r = uthread_setconcurrency(level), lwps = uthread_lwp_count(), kernel = kernel_threads();
        snprintf(what, sizeof what, "level %d: the pool has %d LWP%s, the kernel sees as many", level, level,
                level > 1 ? "s" : "");
        if (!check(r == 0 && lwps == level && kernel == level, what)) {
            printf("  uthread_setconcurrency returned %d; uthread_lwp_count() %d, /proc/self/task %d\n", r, lwps, kernel);
        }
        counter = 0;
        tid_count = 0;
        for (i = 0; i < THREADS; i++) uthread_create(&t[i], sum_squares, (void *)i);
        for (i = 0; i < THREADS; i++) {
            void *result;
            long first = i * STEPS, expected = 0, k;
            for (k = first; k < first + STEPS; k++) expected += k * k;
            uthread_join(t[i], &result);
            if ((long)result != expected) wrong++;
        }
        snprintf(what, sizeof what, "level %d: %d threads returned their sums and counted to %d", level, THREADS,
                THREADS * STEPS);
        if (!check(wrong == 0 && counter == THREADS * STEPS, what)) {
            printf("  %ld wrong sums, counter %ld\n", wrong, counter);
        }
        for (i = 0; i < tid_count; i++) strangers += !is_kernel_thread(tids[i]);
        snprintf(what, sizeof what, "level %d: the threads ran on at most %d LWP%s of the process", level, level,
                level > 1 ? "s" : "");
        if (!check(strangers == 0 && tid_count <= level, what)) {
            printf("  they ran on %d LWPs, %ld of them not in /proc/self/task\n", tid_count, strangers);
        }
    }
    return 0;
}
