/* time.c: the clock and sleeping. Guest time is virtual: it is the machine's clock. */
#include <time.h>
#include <unistd.h>
#include <errno.h>
#include <sys/syscall.h>
#include "libc.h"

int clock_gettime(clockid_t clk, struct timespec *ts) { return (int)__syscall_ret(__syscall2(SYS_clock_gettime, clk, ts)); }
/* A cancellation point; so are sleep and usleep, which call it. */
int nanosleep(const struct timespec *req, struct timespec *rem) { return (int)__syscall_ret(__syscall_cancel2(SYS_nanosleep, req, rem)); }

/* Seconds of CLOCK_REALTIME, also stored in *t when t is not NULL. */
time_t time(time_t *t)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_REALTIME, &ts) < 0) return (time_t)-1;
    if (t) *t = ts.tv_sec;
    return ts.tv_sec;
}

/*
 * Sleeps; when a signal cuts the sleep short, returns the whole seconds that were left,
 * rounded down as glibc does (so a sleep(5) interrupted after 3.5 s returns 1).
 */
unsigned int sleep(unsigned int seconds)
{
    struct timespec req, rem;
    req.tv_sec = seconds;
    req.tv_nsec = 0;
    if (nanosleep(&req, &rem) < 0) return (unsigned int)rem.tv_sec;
    return 0;
}

/* Sleeps usec microseconds; -1 and EINTR if a signal interrupted it. */
int usleep(useconds_t usec)
{
    struct timespec req;
    req.tv_sec = usec / 1000000;
    req.tv_nsec = (long)(usec % 1000000) * 1000;
    return nanosleep(&req, 0);
}
