/*
 * Shared by the memory stresses of tests/stress: each program multiplies one kind of kernel
 * object until the kernel refuses, and prints the errno it got by name, so that a test can
 * check that the guest ran out of memory (with Linux's errno) before the host did.
 */
#ifndef STRESS_H
#define STRESS_H

#include <errno.h>
#include <fcntl.h>
#include <sys/types.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* The name of errno value e, as Linux's errno.h spells it. */
static const char *errname(int e) {
    switch (e) {
    case EPERM: return "EPERM";
    case EAGAIN: return "EAGAIN";
    case ENOMEM: return "ENOMEM";
    case EFAULT: return "EFAULT";
    case EINVAL: return "EINVAL";
    case ENFILE: return "ENFILE";
    case EMFILE: return "EMFILE";
    case EFBIG: return "EFBIG";
    case ENOSPC: return "ENOSPC";
    default: return "another errno";
    }
}

/* Writes text to the /proc/sys file path; exits if it cannot. */
static void sysctl(const char *path, const char *text) {
    int fd = open(path, O_WRONLY);
    if (fd < 0 || write(fd, text, strlen(text)) < 0) {
        printf("cannot set %s: %s\n", path, errname(errno));
        _exit(1);
    }
    close(fd);
}

/* The number of lines of the file at path (a small /proc file), or -1. */
static int count_lines(const char *path) {
    char buf[4096];
    int fd = open(path, O_RDONLY), lines = 0;
    if (fd < 0) return -1;
    long n;
    while ((n = read(fd, buf, sizeof buf)) > 0) {
        for (long i = 0; i < n; i++) lines += buf[i] == '\n';
    }
    close(fd);
    return lines;
}

/* The value in kB of the /proc/meminfo line NAME, read from its start through fd, or -1. */
static long meminfo_from(int fd, const char *name) {
    static char text[4096];
    lseek(fd, 0, SEEK_SET);
    long n = read(fd, text, sizeof text - 1);
    if (n <= 0) return -1;
    text[n] = 0;
    size_t len = strlen(name);
    for (char *line = text; *line; line++) {
        if ((line == text || line[-1] == '\n') && strncmp(line, name, len) == 0 && line[len] == ':') {
            long v = 0;
            for (char *p = line + len + 1; *p && *p != '\n'; p++) if (*p >= '0' && *p <= '9') v = v * 10 + (*p - '0');
            return v;
        }
    }
    return -1;
}

/* The value in kB of the /proc/meminfo line NAME, or -1. */
static long meminfo(const char *name) {
    int fd = open("/proc/meminfo", O_RDONLY);
    long v = meminfo_from(fd, name);
    close(fd);
    return v;
}

/*
 * Forks a child that runs body(out), out being the write end of a pipe of its own, and
 * returns its pid (or -1 with errno); the read end goes to *in. The parent keeps no write
 * end, so a child that dies before it reports gives end of file rather than a hang. A
 * child that has used up some resource should free a little before it reports, since the
 * report itself needs a pipe page.
 */
static pid_t spawn(void (*body)(int out), int *in) {
    int p[2];
    if (pipe(p) < 0) return -1;
    pid_t pid = fork();
    if (pid == 0) {
        close(p[0]);
        body(p[1]);
        _exit(0);
    }
    int e = errno;
    close(p[1]);
    if (pid < 0) {
        close(p[0]);
        errno = e;
        return -1;
    }
    *in = p[0];
    return pid;
}

/*
 * A child's report to its parent through out; a child that cannot even report (no page for
 * the pipe) exits, which its parent sees as end of file.
 */
static void report(int out, const void *r, size_t size) {
    if (write(out, r, size) != (long) size) _exit(1);
}

#endif
