/* clock.c: time.h's clock_getres, clock_nanosleep and clock, sys/time.h's gettimeofday. */
#include <errno.h>
#include <time.h>
#include <sys/time.h>
#include <sys/syscall.h>
#include "libc.h"

int clock_getres(clockid_t clk, struct timespec *res) { return (int)__syscall_ret(__syscall2(SYS_clock_getres, clk, res)); }

/*
 * A cancellation point, as nanosleep. POSIX makes it return the error number itself and
 * leave errno alone, unlike the other wrappers. The calling thread's CPU clock is EINVAL,
 * as POSIX says and glibc checks (the system call says EOPNOTSUPP).
 */
int clock_nanosleep(clockid_t clk, int flags, const struct timespec *req, struct timespec *rem)
{
    if (clk == CLOCK_THREAD_CPUTIME_ID) return EINVAL;
    return (int)-__syscall_cancel4(SYS_clock_nanosleep, clk, flags, req, rem);
}

/*
 * The process's CPU time (CLOCK_PROCESS_CPUTIME_ID: every thread, exited ones included)
 * in CLOCKS_PER_SEC units, as glibc computes it; (clock_t)-1 if the clock cannot be read.
 */
clock_t clock(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) != 0) return (clock_t)-1;
    return ts.tv_sec * CLOCKS_PER_SEC + ts.tv_nsec / (1000000000 / CLOCKS_PER_SEC);
}

int gettimeofday(struct timeval *tv, void *tz) { return (int)__syscall_ret(__syscall2(SYS_gettimeofday, tv, tz)); }
