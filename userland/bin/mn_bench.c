/*
 * mn_bench MODE N: the figures of docs/PERFORMANCE.md, "Two-level threads".
 *
 * Times N operations of one kind and prints "N iterations in T ns", T read from
 * CLOCK_MONOTONIC (virtual time on Clonix) around the loop:
 *   create    uthread_create + uthread_join of a user thread that returns at once
 *   switch    hand-overs between two user threads on one LWP that yield to each other
 *   kcreate   the same life of a kernel thread: clone(CLONE_THREAD ...), exit, and a join
 *             that waits on the CLONE_CHILD_CLEARTID word with FUTEX_WAIT, as NPTL does
 *   kswitch   hand-overs between two kernel threads through a futex (FUTEX_WAIT/FUTEX_WAKE)
 * create/kcreate and switch/kswitch are the two-level library and the kernel's own
 * threads (1:1) doing the same thing, so their ratio is the point of the two-level model.
 */
#include <linux/futex.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include <uthread.h>

static long now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000L + ts.tv_nsec;
}

static void *nothing(void *arg) { return arg; }

static long switch_rounds;

/* One side of the user-level ping-pong: yield to the other thread, switch_rounds times. */
static void *yielder(void *arg)
{
    long i;
    for (i = 0; i < switch_rounds; i++) uthread_yield();
    return arg;
}

static char kstack[64 * 1024] __attribute__((aligned(16)));
static volatile int kchild_tid;
static volatile int turn; /* kswitch: 0 the main thread's turn, 1 the other's */
static long kswitch_rounds;

static int exit_at_once(void *arg) { return 0; }

static void futex_wait(volatile int *word, int value) { syscall(SYS_futex, word, FUTEX_WAIT_PRIVATE, value, 0, 0, 0); }
static void futex_wake(volatile int *word) { syscall(SYS_futex, word, FUTEX_WAKE_PRIVATE, 1, 0, 0, 0); }

/* Waits until it is mine's turn, as futex_pingpong.c in tests/bench does. */
static void wait_turn(int mine)
{
    int seen;
    while ((seen = turn) != mine) futex_wait(&turn, seen);
}

static void give_turn(int next)
{
    turn = next;
    futex_wake(&turn);
}

static int kernel_partner(void *arg)
{
    long i;
    for (i = 0; i < kswitch_rounds; i++) {
        wait_turn(1);
        give_turn(0);
    }
    return 0;
}

#define KTHREAD_FLAGS (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM \
        | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID)

/* Starts a kernel thread running fn on kstack and returns; join_kernel_thread waits for it. */
static void start_kernel_thread(int (*fn)(void *))
{
    if (clone(fn, kstack + sizeof kstack, KTHREAD_FLAGS, 0, &kchild_tid, 0, &kchild_tid) < 0) {
        perror("mn_bench: clone");
        exit(1);
    }
}

static void join_kernel_thread(void)
{
    int tid;
    while ((tid = kchild_tid) != 0) futex_wait(&kchild_tid, tid);
}

int main(int argc, char **argv)
{
    long n, i, start, elapsed;
    const char *mode;
    if (argc != 3 || (n = atol(argv[2])) < 0) {
        fprintf(stderr, "usage: mn_bench create|switch|kcreate|kswitch N\n");
        return 2;
    }
    mode = argv[1];
    uthread_self(); /* set the library up outside the timed loop */
    start = now_ns();
    if (strcmp(mode, "create") == 0) {
        for (i = 0; i < n; i++) {
            uthread_t t;
            uthread_create(&t, nothing, 0);
            uthread_join(t, 0);
        }
    } else if (strcmp(mode, "switch") == 0) {
        uthread_t a, b;
        switch_rounds = n / 2;
        uthread_create(&a, yielder, 0);
        uthread_create(&b, yielder, 0);
        uthread_join(a, 0);
        uthread_join(b, 0);
    } else if (strcmp(mode, "kcreate") == 0) {
        for (i = 0; i < n; i++) {
            start_kernel_thread(exit_at_once);
            join_kernel_thread();
        }
    } else if (strcmp(mode, "kswitch") == 0) {
        kswitch_rounds = n / 2;
        start_kernel_thread(kernel_partner);
        for (i = 0; i < kswitch_rounds; i++) {
            give_turn(1);
            wait_turn(0);
        }
        join_kernel_thread();
    } else {
        fprintf(stderr, "mn_bench: unknown mode %s\n", mode);
        return 2;
    }
    elapsed = now_ns() - start;
    printf("%ld iterations in %ld ns\n", n, elapsed);
    return 0;
}
