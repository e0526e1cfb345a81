/*
 * Two threads of one process take turns over a futex word: each sleeps in FUTEX_WAIT until
 * the word says it is its turn, prints, hands the turn over and wakes the other with
 * FUTEX_WAKE. The futex guarantees the strict alternation, so the output is fixed.
 */
#define _GNU_SOURCE
#include <linux/futex.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

#define STACK_SIZE (64 * 1024)
#define ROUNDS 5

static volatile int turn; /* 0: main's turn, 1: the thread's turn */
static volatile int ctid;

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
    for (int i = 0; i < ROUNDS; i++) {
        wait_for(1);
        printf("pong %d\n", i);
        hand_over(0);
    }
    return 0;
}

int main(void) {
    char *stack = malloc(STACK_SIZE);
    int flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM
              | CLONE_CHILD_CLEARTID;
    ctid = -1;
    clone(pong, stack + STACK_SIZE, flags, NULL, NULL, NULL, &ctid);
    for (int i = 0; i < ROUNDS; i++) {
        wait_for(0);
        printf("ping %d\n", i);
        hand_over(1);
    }
    wait_for(0);
    int seen;
    while ((seen = ctid) != 0) syscall(SYS_futex, &ctid, FUTEX_WAIT, seen, NULL, NULL, 0);
    printf("done after %d rounds\n", ROUNDS);
    return 0;
}
