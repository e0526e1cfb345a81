/* sys/time.h: microsecond time (gettimeofday) and the interval timers (getitimer, setitimer). */
#ifndef _SYS_TIME_H
#define _SYS_TIME_H

#include <sys/types.h>
#include <time.h>

/* A time in seconds and microseconds, as Linux x86-64's (16 bytes). */
struct timeval {
    time_t tv_sec;
    suseconds_t tv_usec;
};

/* Obsolete: the zone gettimeofday reports. Clonix's is always UTC without daylight saving. */
struct timezone {
    int tz_minuteswest;
    int tz_dsttime;
};

/* CLOCK_REALTIME in seconds and microseconds; tz (if not NULL) gets UTC. 0, or -1 and errno. */
int gettimeofday(struct timeval *tv, void *tz);

/* The three interval timers of a process, each a signal when it runs out. */
#define ITIMER_REAL 0    /* the wall clock: SIGALRM (alarm uses it too) */
#define ITIMER_VIRTUAL 1 /* the process's user CPU time: SIGVTALRM */
#define ITIMER_PROF 2    /* the process's user and system CPU time: SIGPROF */

/* A timer's setting: it fires after it_value, then again every it_interval (0: once). */
struct itimerval {
    struct timeval it_interval;
    struct timeval it_value;
};

int getitimer(int which, struct itimerval *curr);
int setitimer(int which, const struct itimerval *new_value, struct itimerval *old_value);

/* The BSD macros on struct timeval (glibc defines them under _DEFAULT_SOURCE, the default). */
#define timerisset(tvp) ((tvp)->tv_sec || (tvp)->tv_usec)
#define timerclear(tvp) ((tvp)->tv_sec = (tvp)->tv_usec = 0)
#define timercmp(a, b, CMP) \
    (((a)->tv_sec == (b)->tv_sec) ? ((a)->tv_usec CMP (b)->tv_usec) : ((a)->tv_sec CMP (b)->tv_sec))
#define timeradd(a, b, result)                               \
    do {                                                     \
        (result)->tv_sec = (a)->tv_sec + (b)->tv_sec;        \
        (result)->tv_usec = (a)->tv_usec + (b)->tv_usec;     \
        if ((result)->tv_usec >= 1000000) {                  \
            ++(result)->tv_sec;                              \
            (result)->tv_usec -= 1000000;                    \
        }                                                    \
    } while (0)
#define timersub(a, b, result)                               \
    do {                                                     \
        (result)->tv_sec = (a)->tv_sec - (b)->tv_sec;        \
        (result)->tv_usec = (a)->tv_usec - (b)->tv_usec;     \
        if ((result)->tv_usec < 0) {                         \
            --(result)->tv_sec;                              \
            (result)->tv_usec += 1000000;                    \
        }                                                    \
    } while (0)

#endif
