/*
 * FUTEX_CMP_REQUEUE wakes some waiters of one word and moves the others to a second word,
 * where FUTEX_WAKE finds them; FUTEX_WAKE_BITSET wakes only the waiters whose
 * FUTEX_WAIT_BITSET mask shares a bit with its own. To know how many threads sleep on a
 * word without waking them, main requeues the word onto itself (0 to wake, all to move):
 * the result counts the sleepers, and polling it makes the program deterministic.
 */
#define _GNU_SOURCE
#include <limits.h>
#include <linux/futex.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

#define STACK_SIZE (64 * 1024)
#define THREADS 3

static int first, second;            /* the futex words; their values stay 0 */
static volatile int ctid[THREADS];
static long result[THREADS];
static int mask[THREADS];

static long futex(int *addr, int op, int val, long val2, int *addr2, int val3) {
    return syscall(SYS_futex, addr, op, val, val2, addr2, val3);
}

static long sleepers(int *word) {
    return futex(word, FUTEX_REQUEUE | FUTEX_PRIVATE_FLAG, 0, INT_MAX, word, 0);
}

static int waiter(void *arg) {
    int i = (int) (long) arg;
    if (mask[i] == 0) result[i] = futex(&first, FUTEX_WAIT_PRIVATE, 0, 0, NULL, 0);
    else result[i] = futex(&first, FUTEX_WAIT_BITSET | FUTEX_PRIVATE_FLAG, 0, 0, NULL, mask[i]);
    return 0;
}

static void start(int i) {
    int flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM
              | CLONE_CHILD_CLEARTID;
    ctid[i] = -1;
    char *stack = malloc(STACK_SIZE);
    clone(waiter, stack + STACK_SIZE, flags, (void *) (long) i, NULL, NULL, &ctid[i]);
}

static void join(int i) {
    int seen;
    while ((seen = ctid[i]) != 0) syscall(SYS_futex, &ctid[i], FUTEX_WAIT, seen, NULL, NULL, 0);
}

static void wait_sleepers(int *word, int n) {
    while (sleepers(word) != n) sched_yield();
}

int main(void) {
    for (int i = 0; i < THREADS; i++) start(i);
    wait_sleepers(&first, THREADS);
    printf("sleepers on first: %ld\n", sleepers(&first));
    printf("CMP_REQUEUE wake 1, move 2: %ld\n",
           futex(&first, FUTEX_CMP_REQUEUE | FUTEX_PRIVATE_FLAG, 1, 2, &second, 0));
    printf("sleepers on first: %ld, on second: %ld\n", sleepers(&first), sleepers(&second));
    printf("WAKE first: %ld\n", futex(&first, FUTEX_WAKE_PRIVATE, 10, 0, NULL, 0));
    printf("WAKE second: %ld\n", futex(&second, FUTEX_WAKE_PRIVATE, 10, 0, NULL, 0));
    for (int i = 0; i < THREADS; i++) join(i);
    printf("wait results: %ld %ld %ld\n", result[0], result[1], result[2]);

    mask[0] = 1, mask[1] = 2, mask[2] = 3;
    for (int i = 0; i < THREADS; i++) start(i);
    wait_sleepers(&first, THREADS);
    printf("WAKE_BITSET 4: %ld\n", futex(&first, FUTEX_WAKE_BITSET | FUTEX_PRIVATE_FLAG, 10, 0, NULL, 4));
    printf("WAKE_BITSET 2: %ld\n", futex(&first, FUTEX_WAKE_BITSET | FUTEX_PRIVATE_FLAG, 10, 0, NULL, 2));
    join(1);
    join(2);
    printf("threads with mask 2 and 3 ended, sleepers left: %ld\n", sleepers(&first));
    printf("WAKE_BITSET any: %ld\n", futex(&first, FUTEX_WAKE_BITSET | FUTEX_PRIVATE_FLAG, 10, 0, NULL, -1));
    join(0);
    printf("wait results: %ld %ld %ld\n", result[0], result[1], result[2]);
    return 0;
}
