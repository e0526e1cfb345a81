/*
 * pthread_futex.c: the futex calls under every libpthread object, and the checks of
 * absolute timeouts that the timed functions share.
 */
#include <errno.h>
#include <linux/futex.h>
#include <sys/syscall.h>
#include <time.h>
#include "libc.h"
#include "pthread_impl.h"

long __futex(volatile void *addr, int op, int val, const struct timespec *ts, volatile void *addr2, int val3)
{
    return __syscall6(SYS_futex, (long)addr, op, val, (long)ts, (long)addr2, val3);
}

int __check_abstime(const struct timespec *abstime)
{
    return abstime->tv_nsec < 0 || abstime->tv_nsec >= 1000000000L ? EINVAL : 0;
}

/*
 * FUTEX_WAIT_BITSET takes an absolute time on CLOCK_MONOTONIC, or on CLOCK_REALTIME with
 * FUTEX_CLOCK_REALTIME: exactly what the POSIX timed functions are given, so the deadline
 * needs no conversion and a wait that is woken early and resumed keeps the same deadline.
 */
int __futex_wait_abs(volatile void *word, int val, const struct timespec *abstime, int clock, int private_flag)
{
    int op = FUTEX_WAIT_BITSET | private_flag;
    long r;
    if (abstime && abstime->tv_sec < 0) return ETIMEDOUT; /* before the epoch: already past */
    if (abstime && clock == CLOCK_REALTIME) op |= FUTEX_CLOCK_REALTIME;
    r = __futex(word, op, val, abstime, 0, (int)FUTEX_BITSET_MATCH_ANY);
    return r < 0 ? (int)-r : 0;
}
