/* time_clocks: clock resolutions, bad clocks, and sleeps that last at least what they ask for. */
#include <errno.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* The raw result: the call's value, or -errno. */
static long R(long v) { return v == -1 ? -errno : v; }

/* The clock's reading in nanoseconds. */
static long now(int clock)
{
    struct timespec t;
    syscall(SYS_clock_gettime, clock, &t);
    return (long)t.tv_sec * 1000000000L + t.tv_nsec;
}

/* clock_nanosleep for sec seconds and nsec nanoseconds (absolute with flags 1). */
static long sleep_on(int clock, int flags, long sec, long nsec)
{
    struct timespec t;
    t.tv_sec = sec;
    t.tv_nsec = nsec;
    return R(syscall(SYS_clock_nanosleep, clock, flags, &t, 0));
}

int main(void)
{
    /* The high-resolution clocks: REALTIME, MONOTONIC, the CPU clocks, RAW and BOOTTIME. */
    int clocks[] = {0, 1, 2, 3, 4, 7};
    struct timespec req, res;
    long a, b, c, d, r;
    int i;

    for (i = 0; i < 6; i++) {
        r = R(syscall(SYS_clock_getres, clocks[i], &res));
        printf("clock %d resolution: %ld %ld.%09ld\n", clocks[i], r, (long)res.tv_sec, (long)res.tv_nsec);
    }
    a = R(syscall(SYS_clock_getres, 99, &res));
    b = R(syscall(SYS_clock_gettime, 99, &res));
    c = R(syscall(SYS_clock_getres, 1, (void *)0));
    printf("clock 99: getres %ld gettime %ld; getres with no buffer %ld\n", a, b, c);

    a = now(1);
    req.tv_sec = 0;
    req.tv_nsec = 10000000;
    r = R(syscall(SYS_nanosleep, &req, 0));
    b = now(1);
    printf("nanosleep 10 ms: %ld, monotonic did not decrease: %d, took at least 10 ms: %d\n", r, b >= a, b - a >= 10000000);

    r = sleep_on(1, 0, 0, 5000000);
    c = now(1);
    printf("clock_nanosleep 5 ms: %ld, took at least 5 ms: %d\n", r, c - b >= 5000000);
    d = c + 3000000;
    r = sleep_on(1, 1, d / 1000000000L, d % 1000000000L);
    printf("clock_nanosleep until now + 3 ms: %ld, reached it: %d\n", r, now(1) >= d);
    r = sleep_on(1, 1, 0, 0);
    printf("clock_nanosleep until a past time: %ld\n", r);
    a = now(0);
    d = a + 2000000;
    r = sleep_on(0, 1, d / 1000000000L, d % 1000000000L);
    printf("realtime absolute sleep: %ld, reached it: %d\n", r, now(0) >= d);

    req.tv_sec = 0;
    req.tv_nsec = 1000000000;
    a = R(syscall(SYS_nanosleep, &req, 0));
    req.tv_sec = -1;
    req.tv_nsec = 0;
    b = R(syscall(SYS_nanosleep, &req, 0));
    printf("nanosleep with tv_nsec 1e9: %ld, with tv_sec -1: %ld\n", a, b);
    a = sleep_on(3, 0, 0, 1);
    b = sleep_on(99, 0, 0, 1);
    c = sleep_on(4, 0, 0, 1);
    printf("clock_nanosleep on the thread CPU clock %ld, clock 99 %ld, MONOTONIC_RAW %ld\n", a, b, c);
    return 0;
}
