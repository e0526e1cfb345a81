/*
 * futex_pingpong.c ROUNDS: futex round trips per second between two threads of one process.
 * Main and a CLONE_THREAD thread take turns over one word: each sleeps in FUTEX_WAIT_PRIVATE
 * until the word says it is its turn, then flips it and FUTEX_WAKE_PRIVATEs the other. One
 * round trip is two hand-overs. Prints "ROUNDS round trips in T ns" (CLOCK_MONOTONIC around
 * the loop) and exits 0; see docs/PERFORMANCE.md, "The scheduler".
 */
#define _GNU_SOURCE
#include <linux/futex.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static char stack[64 * 1024] __attribute__((aligned(16)));
static volatile int turn; /* 0: main's turn, 1: the thread's */
static volatile int ctid;
static long rounds;

static void wait_for(int mine) {
    int seen;
    while ((seen = turn) != mine) syscall(SYS_futex, &turn, FUTEX_WAIT_PRIVATE, seen, NULL, NULL, 0);
}

static void hand_over(int next) {
    turn = next;
    syscall(SYS_futex, &turn, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
}

static int pong(void *arg) {
    (void) arg;
    for (long i = 0; i < rounds; i++) {
        wait_for(1);
        hand_over(0);
    }
    return 0;
}

static long long now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: futex_pingpong ROUNDS\n");
        return 1;
    }
    rounds = atol(argv[1]);
    int flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM
              | CLONE_CHILD_CLEARTID;
    ctid = -1;
    long long start = now_ns();
    if (clone(pong, stack + sizeof stack, flags, NULL, NULL, NULL, &ctid) < 0) return 2;
    for (long i = 0; i < rounds; i++) {
        hand_over(1);
        wait_for(0);
    }
    long long elapsed = now_ns() - start;
    int seen;
    while ((seen = ctid) != 0) syscall(SYS_futex, &ctid, FUTEX_WAIT, seen, NULL, NULL, 0);
    printf("%ld round trips in %lld ns\n", rounds, elapsed);
    return 0;
}
