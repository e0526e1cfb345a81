/*
 * grow_on_read: the pool grows when every LWP is blocked in the kernel while user threads
 * are ready. Three readers block in uthread_read on empty pipes before the writer that
 * fills the pipes gets to run, on a pool of one LWP: each reader takes an LWP into the
 * kernel with it, so the writer can run only if the pool grows to four LWPs (and no more
 * is needed). A pool that never grows deadlocks here, which the kernel reports.
 */
#include "uthread_lab.h"

#define READERS 3

static int pipes[READERS][2];

/* Reads one byte from its pipe and returns it. */
static void *reader(void *arg)
{
    char c = '?';
    uthread_read(pipes[(long)arg][0], &c, 1);
    return (void *)(long)c;
}

/* Writes one letter into each pipe, in order. */
static void *writer(void *arg)
{
    int i;
    for (i = 0; i < READERS; i++) uthread_write(pipes[i][1], "xyz" + i, 1);
    return arg;
}

int main(void)
{
    uthread_t r[READERS], w;
    char what[128];
    long i, wrong = 0;
    int lwps, level, kernel;
    for (i = 0; i < READERS; i++) pipe(pipes[i]);
    check(uthread_getconcurrency() == 1 && kernel_threads() == 1, "the pool starts with one LWP");
    for (i = 0; i < READERS; i++) uthread_create(&r[i], reader, (void *)i);
    uthread_create(&w, writer, 0);
    for (i = 0; i < READERS; i++) {
        void *c;
        uthread_join(r[i], &c);
        if ((char)(long)c != "xyz"[i]) wrong++;
    }
    uthread_join(w, 0);
    check(wrong == 0, "each reader read its letter");
    lwps = uthread_lwp_count();
    level = uthread_getconcurrency();
    kernel = kernel_threads();
    snprintf(what, sizeof what, "the pool grew to %d LWPs, one per blocked reader and one for the writer", READERS + 1);
    if (!check(lwps == READERS + 1 && level == READERS + 1 && kernel == READERS + 1, what)) {
        printf("  uthread_lwp_count() %d, uthread_getconcurrency() %d, /proc/self/task %d\n", lwps, level, kernel);
    }
    return 0;
}
