/*
 * The results of futex(2) that do not sleep for long: EAGAIN when the word changed,
 * ETIMEDOUT for relative (FUTEX_WAIT) and absolute (FUTEX_WAIT_BITSET) timeouts, EINVAL for
 * a misaligned word, a zero bitset, a bad timespec or a negative requeue count, EFAULT for
 * an unmapped word, ENOSYS for an unknown operation.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/futex.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static int words[2] = {7, 0};

static void show(const char *what, long r) {
    if (r < 0) printf("%-40s -> -1 %s\n", what, strerror(errno));
    else printf("%-40s -> %ld\n", what, r);
}

static long futex(void *addr, int op, int val, const struct timespec *ts, void *addr2, int val3) {
    return syscall(SYS_futex, addr, op, val, ts, addr2, val3);
}

int main(void) {
    struct timespec short_wait = {0, 1000000}, bad = {0, 1000000000}, now, soon;
    show("WAIT on a changed word", futex(&words[0], FUTEX_WAIT, 8, NULL, NULL, 0));
    show("WAIT for 1 ms", futex(&words[0], FUTEX_WAIT_PRIVATE, 7, &short_wait, NULL, 0));
    show("WAIT with tv_nsec = 10^9", futex(&words[0], FUTEX_WAIT, 7, &bad, NULL, 0));
    clock_gettime(CLOCK_MONOTONIC, &now);
    soon = now;
    soon.tv_nsec += 2000000;
    if (soon.tv_nsec >= 1000000000) { soon.tv_sec++; soon.tv_nsec -= 1000000000; }
    show("WAIT_BITSET until now + 2 ms", futex(&words[0], FUTEX_WAIT_BITSET, 7, &soon, NULL, -1));
    show("WAIT_BITSET until a past time", futex(&words[0], FUTEX_WAIT_BITSET, 7, &now, NULL, -1));
    clock_gettime(CLOCK_REALTIME, &now);
    show("WAIT_BITSET|CLOCK_REALTIME, past time",
         futex(&words[0], FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME, 7, &now, NULL, -1));
    show("WAIT_BITSET with bitset 0", futex(&words[0], FUTEX_WAIT_BITSET, 7, NULL, NULL, 0));
    show("WAKE_BITSET with bitset 0", futex(&words[0], FUTEX_WAKE_BITSET, 1, NULL, NULL, 0));
    show("WAKE_BITSET, nobody waits", futex(&words[0], FUTEX_WAKE_BITSET, 1, NULL, NULL, 5));
    show("WAIT on a misaligned word", futex((char *) &words[0] + 2, FUTEX_WAIT, 0, NULL, NULL, 0));
    show("WAKE on a misaligned word", futex((char *) &words[0] + 1, FUTEX_WAKE, 1, NULL, NULL, 0));
    show("WAIT on NULL", futex(NULL, FUTEX_WAIT, 0, NULL, NULL, 0));
    show("WAKE on an unmapped word", futex((void *) 16, FUTEX_WAKE, 1, NULL, NULL, 0));
    show("WAKE_PRIVATE on an unmapped word", futex((void *) 16, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0));
    show("REQUEUE with a negative count",
         futex(&words[0], FUTEX_REQUEUE, -1, (struct timespec *) 1L, &words[1], 0));
    show("CMP_REQUEUE, word changed", futex(&words[0], FUTEX_CMP_REQUEUE, 1, (struct timespec *) 1L, &words[1], 8));
    show("CMP_REQUEUE, nobody waits", futex(&words[0], FUTEX_CMP_REQUEUE, 1, (struct timespec *) 1L, &words[1], 7));
    show("REQUEUE to the same word", futex(&words[0], FUTEX_REQUEUE, 1, (struct timespec *) 1L, &words[0], 0));
    show("unknown operation 99", futex(&words[0], 99, 0, NULL, NULL, 0));
    show("WAKE with FUTEX_CLOCK_REALTIME", futex(&words[0], FUTEX_WAKE | FUTEX_CLOCK_REALTIME, 1, NULL, NULL, 0));
    return 0;
}
