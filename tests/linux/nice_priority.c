/*
 * The nice value: getpriority, setpriority and nice (run as root). Values are clamped to
 * -20..19; a bad `which` is EINVAL, a missing target ESRCH; PRIO_PGRP sets every process of
 * a group and reads back the group's highest priority (its lowest nice); nice returns the new
 * value. An unprivileged process may not change another user's (EPERM) nor lower its own
 * nice value beyond RLIMIT_NICE, 0 by default (EACCES, which nice reports as EPERM);
 * PRIO_USER 0 is the caller's real uid. A child inherits the nice value.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
static int R(int v) { return v == -1 && errno ? -errno : v; }
static int G(int which, int who) { errno = 0; return R(getpriority(which, who)); }
static int S(int which, int who, int prio) { errno = 0; return R(setpriority(which, who, prio)); }
int main(void)
{
    setvbuf(stdout, 0, _IONBF, 0);
    int r1 = G(PRIO_PROCESS, 0), r2 = S(PRIO_PROCESS, 0, 25), r3 = G(PRIO_PROCESS, getpid());
    printf("%d %d %d\n", r1, r2, r3);                       /* clamped to 19 */
    r1 = S(PRIO_PROCESS, 0, -30), r2 = G(PRIO_PROCESS, 0);
    printf("%d %d\n", r1, r2);                              /* clamped to -20 (root) */
    r1 = S(3, 0, 0), r2 = G(-1, 0), r3 = S(PRIO_PROCESS, 0x7ffffff0, 0);
    int r4 = G(PRIO_PROCESS, -5);
    printf("%d %d %d %d\n", r1, r2, r3, r4);                /* EINVAL EINVAL ESRCH ESRCH */
    S(PRIO_PROCESS, 0, 0);
    r1 = nice(3), r2 = nice(-1), r3 = G(PRIO_PROCESS, 0);
    printf("%d %d %d\n", r1, r2, r3);                       /* nice returns the new value */
    S(PRIO_PROCESS, 0, 0);
    int fds[2];
    pipe(fds);
    pid_t a = fork();
    if (a == 0) { setpgid(0, 0); close(fds[1]); char c; read(fds[0], &c, 1); _exit(0); }
    setpgid(a, a);
    pid_t b = fork();
    if (b == 0) { setpgid(0, a); close(fds[1]); char c; read(fds[0], &c, 1); _exit(0); }
    setpgid(b, a);
    r1 = S(PRIO_PGRP, a, 7), r2 = S(PRIO_PROCESS, b, 9), r3 = G(PRIO_PGRP, a), r4 = G(PRIO_PROCESS, b);
    int r5 = G(PRIO_PROCESS, a);
    printf("%d %d %d %d %d\n", r1, r2, r3, r4, r5);         /* the group's highest priority: nice 7 */
    close(fds[1]);                                          /* end of file: the children exit */
    waitpid(a, 0, 0);
    waitpid(b, 0, 0);
    printf("%d\n", S(PRIO_PGRP, a, 1));                     /* nobody left: ESRCH */
    pid_t c = fork();
    if (c == 0) {
        setresgid(54321, 54321, 54321);
        setresuid(54321, 54321, 54321);
        r1 = S(PRIO_PROCESS, getppid(), 5), r2 = G(PRIO_PROCESS, getppid());
        printf("c %d %d\n", r1, r2);                        /* EPERM: another user's process */
        r1 = S(PRIO_PROCESS, 0, 3), r2 = S(PRIO_PROCESS, 0, 2), r3 = G(PRIO_PROCESS, 0);
        printf("c %d %d %d\n", r1, r2, r3);                 /* up only (RLIMIT_NICE is 0): EACCES */
        r1 = S(PRIO_USER, 0, 10), r2 = G(PRIO_USER, 54321), r3 = G(PRIO_USER, 0);
        printf("c %d %d %d\n", r1, r2, r3);
        errno = 0;
        r1 = nice(-1);
        r2 = errno == EPERM;
        r3 = G(PRIO_PROCESS, 0);
        printf("c %d %d %d\n", r1, r2, r3);                 /* nice says EPERM where setpriority says EACCES */
        _exit(0);
    }
    waitpid(c, 0, 0);
    S(PRIO_PROCESS, 0, 6);
    pid_t d = fork();
    if (d == 0) { printf("d %d\n", G(PRIO_PROCESS, 0)); _exit(0); }   /* fork inherits the nice value */
    waitpid(d, 0, 0);
    return 0;
}
