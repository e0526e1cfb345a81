/*
 * resize_running: the pool follows the concurrency level while user threads run. Eight
 * workers yield in a loop and note the LWP (gettid) each turn runs on; main sets the level
 * to 4, 2, 1 and 3 in turn. After each change the kernel must come to see that many LWPs
 * (/proc/self/task), and during the following phase the workers must run on exactly that
 * many LWPs, all of them listed in /proc/self/task: more would mean an LWP above the level
 * stayed, fewer that the pool does not use the LWPs it has.
 */
#include "uthread_lab.h"

#define WORKERS 8
#define MAX_TIDS 64

static uthread_mutex_t lock = UTHREAD_MUTEX_INITIALIZER;
static int tids[MAX_TIDS];
static int tid_count;
static int stop;

/* Notes the LWP the caller runs on, among the LWPs of this phase. */
static void note_tid(void)
{
    int tid = gettid(), i;
    uthread_mutex_lock(&lock);
    for (i = 0; i < tid_count && tids[i] != tid; i++) {}
    if (i == tid_count && tid_count < MAX_TIDS) tids[tid_count++] = tid;
    uthread_mutex_unlock(&lock);
}

/* Yields in a loop until told to stop; returns how many turns it had. */
static void *worker(void *arg)
{
    long turns = 0;
    while (!stop) {
        note_tid();
        turns++;
        uthread_yield();
    }
    return (void *)turns;
}

/* Sets the level, waits for the kernel to agree, then lets the workers run a phase and checks the LWPs they ran on. */
static void phase(int level)
{
    char what[128];
    int r = uthread_setconcurrency(level), kernel = wait_for_kernel_threads(level, 100), strangers = 0, i;
    long end;
    snprintf(what, sizeof what, "level %d: the kernel sees %d LWP%s", level, level, level > 1 ? "s" : "");
    if (!check(r == 0 && kernel == level && uthread_lwp_count() == level, what)) {
        printf("  uthread_setconcurrency returned %d; uthread_lwp_count() %d, /proc/self/task %d\n", r,
                uthread_lwp_count(), kernel);
    }
    uthread_mutex_lock(&lock);
    tid_count = 0;
    uthread_mutex_unlock(&lock);
    /* A phase lasts until every LWP has run a worker, or 20 ms of virtual time. */
    end = clock_ns(CLOCK_MONOTONIC) + 20000000L;
    while (tid_count < level && clock_ns(CLOCK_MONOTONIC) < end) uthread_yield();
    for (i = 0; i < 100; i++) uthread_yield();
    uthread_mutex_lock(&lock);
    for (i = 0; i < tid_count; i++) strangers += !is_kernel_thread(tids[i]);
    snprintf(what, sizeof what, "level %d: the workers ran on %d LWP%s of the process", level, level,
            level > 1 ? "s" : "");
    if (!check(tid_count == level && strangers == 0, what)) {
        printf("  they ran on %d LWPs, %d of them not in /proc/self/task\n", tid_count, strangers);
    }
    uthread_mutex_unlock(&lock);
}

int main(void)
{
    uthread_t t[WORKERS];
    long i, idle = 0;
    for (i = 0; i < WORKERS; i++) uthread_create(&t[i], worker, 0);
    phase(4);
    phase(2);
    phase(1);
    phase(3);
    stop = 1;
    for (i = 0; i < WORKERS; i++) {
        void *turns;
        uthread_join(t[i], &turns);
        if ((long)turns == 0) idle++;
    }
    check(idle == 0, "every worker ran and was joined");
    return 0;
}
