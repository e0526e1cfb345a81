/* time.h: virtual time. Clonix's clock is the machine's cycle count, so it is deterministic. */
#ifndef _TIME_H
#define _TIME_H

#include <sys/types.h>

struct timespec {
    time_t tv_sec;
    long tv_nsec;
};

#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID 3
#define CLOCK_MONOTONIC_RAW 4
#define CLOCK_REALTIME_COARSE 5
#define CLOCK_MONOTONIC_COARSE 6
#define CLOCK_BOOTTIME 7 /* CLOCK_MONOTONIC plus the time suspended (Clonix never suspends) */
#define CLOCKS_PER_SEC 1000000L

int clock_gettime(clockid_t clk, struct timespec *ts);
int nanosleep(const struct timespec *req, struct timespec *rem);
time_t time(time_t *t);

/* clock_nanosleep's flag: req is a time of the clock to sleep until, not a duration. */
#define TIMER_ABSTIME 1
/* The resolution of clock clk (one nanosecond for every Clonix clock). */
int clock_getres(clockid_t clk, struct timespec *res);
/* Sleeps on clock clk; returns 0 or an error number (EINTR, EINVAL...), never -1 (POSIX). */
int clock_nanosleep(clockid_t clk, int flags, const struct timespec *req, struct timespec *rem);
/* The CPU time the process has used, in CLOCKS_PER_SEC units, or (clock_t)-1. */
clock_t clock(void);

/* POSIX timers (timer_create): a first expiry and a period, as two timespecs. */
struct itimerspec {
    struct timespec it_interval;
    struct timespec it_value;
};
struct sigevent; /* signal.h: how a timer's expiry is told */
int timer_create(clockid_t clk, struct sigevent *sev, timer_t *timerid);
int timer_settime(timer_t timerid, int flags, const struct itimerspec *new_value, struct itimerspec *old_value);
int timer_gettime(timer_t timerid, struct itimerspec *curr_value);
int timer_getoverrun(timer_t timerid);
int timer_delete(timer_t timerid);

/* Broken-down time, as POSIX's struct tm (gmtime.c). Clonix has no time zones: local time is UTC. */
struct tm {
    int tm_sec, tm_min, tm_hour;
    int tm_mday, tm_mon, tm_year; /* tm_mon 0..11, tm_year since 1900 */
    int tm_wday, tm_yday, tm_isdst;
    long tm_gmtoff;
    const char *tm_zone;
};

struct tm *gmtime_r(const time_t *t, struct tm *out);
struct tm *gmtime(const time_t *t);
struct tm *localtime_r(const time_t *t, struct tm *out);
struct tm *localtime(const time_t *t);

#endif
