/*
 * uthread_lab.h: what the uthread lab's graded tests share. Each test checks the library
 * from outside it as well as through its own answers: the LWPs are kernel threads, so
 * /proc/self/task lists them, and the clocks tell whether blocked work overlapped and
 * whether idle LWPs burned CPU. Each check prints one line, "ok: WHAT" or "FAIL: WHAT"
 * followed by indented details, so the expected output is the list of ok lines.
 *
 * These programs use the two-level library of Clonix's libc (uthread.h), which has no
 * counterpart on Linux; they run under Clonix only.
 */
#ifndef UTHREAD_LAB_H
#define UTHREAD_LAB_H

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <uthread.h>

/* Prints "ok: what" or "FAIL: what"; returns ok, so that details can follow a failure. */
static int check(int ok, const char *what)
{
    printf("%s: %s\n", ok ? "ok" : "FAIL", what);
    return ok;
}

/* Nanoseconds of the clock id (CLOCK_MONOTONIC: virtual time; CLOCK_PROCESS_CPUTIME_ID: CPU used by every LWP). */
static long clock_ns(int id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return ts.tv_sec * 1000000000L + ts.tv_nsec;
}

/* The LWPs the kernel sees: the entries of /proc/self/task. */
static int kernel_threads(void)
{
    DIR *dir = opendir("/proc/self/task");
    struct dirent *e;
    int n = 0;
    if (!dir) return -1;
    while ((e = readdir(dir)) != 0) {
        if (e->d_name[0] != '.') n++;
    }
    closedir(dir);
    return n;
}

/* Whether tid is one of the process's kernel threads now (/proc/self/task/TID exists). */
static int is_kernel_thread(int tid)
{
    char path[64];
    int fd;
    snprintf(path, sizeof path, "/proc/self/task/%d/stat", tid);
    fd = open(path, O_RDONLY);
    if (fd < 0) return 0;
    close(fd);
    return 1;
}

/*
 * Waits, yielding to the other user threads, until the kernel sees n LWPs or `limit_ms`
 * milliseconds of virtual time have passed; returns what the kernel sees then. Yielding
 * is what lets an LWP above the level leave: it leaves when its thread gives it back.
 */
static int wait_for_kernel_threads(int n, long limit_ms)
{
    long end = clock_ns(CLOCK_MONOTONIC) + limit_ms * 1000000L;
    int seen = kernel_threads();
    while (seen != n && clock_ns(CLOCK_MONOTONIC) < end) {
        uthread_yield();
        seen = kernel_threads();
    }
    return seen;
}

#endif
