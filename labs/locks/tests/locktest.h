/*
 * locktest.h: what the locks lab's tests share. Each test prints one line per property it
 * checks, "ok: ..." or "FAIL: ...", the ok lines fixed text so that the output can be
 * compared exactly, and a FAIL line followed by the figures that made it fail.
 *
 * The programs build with Clonix's cc and with gcc -pthread, and print the same lines on
 * Linux: the properties are POSIX's and futex(2)'s, not Clonix's.
 *
 * Sleeping, not spinning, is measured in CPU time: a thread that waits in FUTEX_WAIT uses
 * almost none, while one that polls the lock or the condition uses its CPU for as long as
 * it waits. So the tests make threads wait for long (milliseconds of sleep in a critical
 * section) and bound the CPU time they use.
 */
#ifndef LOCKTEST_H
#define LOCKTEST_H

#include <pthread.h>
#include <stdio.h>
#include <time.h>

static int failures;

/* Prints "ok: what" or "FAIL: what"; a failure is counted for main's exit status. */
static inline int check(int ok, const char *what)
{
    printf("%s: %s\n", ok ? "ok" : "FAIL", what);
    if (!ok) failures++;
    return ok;
}

static inline long nanos(clockid_t clock)
{
    struct timespec t;
    clock_gettime(clock, &t);
    return t.tv_sec * 1000000000L + t.tv_nsec;
}

/* CPU time used so far by the calling thread, and by the whole process, in nanoseconds. */
static inline long thread_cpu(void) { return nanos(CLOCK_THREAD_CPUTIME_ID); }
static inline long process_cpu(void) { return nanos(CLOCK_PROCESS_CPUTIME_ID); }

/* Sleeps us microseconds (nanosleep, so the CPU is free meanwhile). */
static inline void sleep_us(long us)
{
    struct timespec t;
    t.tv_sec = us / 1000000;
    t.tv_nsec = us % 1000000 * 1000;
    nanosleep(&t, 0);
}

/* The absolute CLOCK_REALTIME time ms milliseconds from now, for the timed waits. */
static inline struct timespec deadline_ms(long ms)
{
    struct timespec t;
    clock_gettime(CLOCK_REALTIME, &t);
    t.tv_sec += ms / 1000;
    t.tv_nsec += ms % 1000 * 1000000;
    if (t.tv_nsec >= 1000000000L) {
        t.tv_sec++;
        t.tv_nsec -= 1000000000L;
    }
    return t;
}

#endif
