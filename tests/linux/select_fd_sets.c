/* select(2) and pselect(2): the three sets, what is kept in each, the count, the timeout
 * written back, nfds beyond the descriptor table, and the errors in Linux's order. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void bits(const char *name, fd_set *s, int n) {
    printf(" %s{", name);
    for (int fd = 0; fd < n; fd++)
        if (FD_ISSET(fd, s)) printf(" %d", fd);
    printf(" }");
}

int main(void) {
    int a[2], b[2];
    pipe(a);
    pipe(b);
    write(a[1], "x", 1);
    fd_set r, w, e;
    FD_ZERO(&r);
    FD_ZERO(&w);
    FD_ZERO(&e);
    FD_SET(a[0], &r);
    FD_SET(b[0], &r);
    FD_SET(a[1], &w);
    FD_SET(b[1], &w);
    FD_SET(a[0], &e);
    struct timeval tv = {5, 0};
    int n = select(b[1] + 1, &r, &w, &e, &tv);
    printf("ready: %d", n);
    bits("r", &r, 16);
    bits("w", &w, 16);
    bits("e", &e, 16);
    printf(" timeout still %ld s\n", (long)tv.tv_sec + (tv.tv_usec > 0));

    /* The same descriptor in two sets counts twice. */
    FD_ZERO(&r);
    FD_ZERO(&w);
    FD_SET(a[0], &r);
    FD_SET(a[0], &w);
    n = select(a[0] + 1, &r, &w, 0, 0);
    printf("read end in both sets: %d", n);
    bits("r", &r, 16);
    bits("w", &w, 16);
    printf("\n");

    /* A timeout: 0 ready, the sets emptied, the timeval counted down to zero. */
    FD_ZERO(&r);
    FD_SET(b[0], &r);
    tv.tv_sec = 0;
    tv.tv_usec = 25000;
    n = select(b[0] + 1, &r, 0, 0, &tv);
    printf("timeout: %d", n);
    bits("r", &r, 16);
    printf(" left %ld.%06ld\n", (long)tv.tv_sec, (long)tv.tv_usec);

    /* Microseconds past a second carry into the seconds. */
    tv.tv_sec = 0;
    tv.tv_usec = 1000000;
    FD_ZERO(&w);
    FD_SET(b[1], &w);
    n = select(b[1] + 1, 0, &w, 0, &tv);
    printf("usec = 1000000: %d\n", n);

    /* A writer wakes a sleeping select; the hang-up of a pipe is readable. */
    pid_t child = fork();
    if (child == 0) {
        struct timespec nap = {0, 10 * 1000 * 1000};
        nanosleep(&nap, 0);
        write(b[1], "y", 1);
        _exit(0);
    }
    FD_ZERO(&r);
    FD_SET(b[0], &r);
    n = select(b[0] + 1, &r, 0, 0, 0);
    printf("woken: %d", n);
    bits("r", &r, 16);
    printf("\n");
    waitpid(child, 0, 0);
    char c;
    read(b[0], &c, 1);
    close(b[1]);
    FD_ZERO(&r);
    FD_SET(b[0], &r);
    n = select(b[0] + 1, &r, 0, 0, 0);
    printf("writer gone: %d", n);
    bits("r", &r, 16);
    printf("\n");

    /* pselect: a timespec, left as it was, and a mask. */
    struct timespec ts = {0, 5000000};
    sigset_t mask;
    sigemptyset(&mask);
    FD_ZERO(&r);
    FD_SET(a[0], &r);
    n = pselect(a[0] + 1, &r, 0, 0, &ts, &mask);
    printf("pselect: %d ts %ld.%09ld\n", n, (long)ts.tv_sec, ts.tv_nsec);

    /* Errors. */
    FD_ZERO(&r);
    FD_SET(a[0], &r);
    errno = 0;
    n = select(-1, &r, 0, 0, 0);
    printf("negative nfds: %d %s\n", n, strerror(errno));
    FD_SET(40, &r);
    errno = 0;
    n = select(41, &r, 0, 0, 0);
    printf("closed descriptor 40: %d %s\n", n, strerror(errno));
    errno = 0;
    n = select(41, (fd_set *)8, 0, 0, 0);
    printf("bad set: %d %s\n", n, strerror(errno));
    tv.tv_sec = -1;
    tv.tv_usec = 0;
    errno = 0;
    n = select(41, &r, 0, 0, &tv);
    printf("negative timeout before EBADF: %d %s\n", n, strerror(errno));
    tv.tv_sec = 0;
    tv.tv_usec = -1;
    errno = 0;
    n = select(1, 0, 0, 0, &tv);
    printf("negative usec: %d %s\n", n, strerror(errno));
    errno = 0;
    n = syscall(SYS_select, 1, 0, 0, 0, (void *)8);
    printf("bad timeout: %d %s\n", n, strerror(errno));

    /* nfds beyond the descriptor table is cut to its size: bits above it are not looked at. */
    fd_set big[4];
    memset(big, 0, sizeof big);
    FD_SET(a[0], &big[0]);
    ((unsigned long *)big)[60] = 1; /* descriptor 3840: far beyond the table */
    n = select(4000, &big[0], 0, 0, 0);
    printf("nfds 4000: %d, bit 3840 kept: %d\n", n, (int)(((unsigned long *)big)[60] & 1));

    /* pselect6's sigset size must be 8. */
    struct {
        sigset_t *ss;
        unsigned long len;
    } pack = {&mask, 16};
    ts.tv_sec = 0;
    ts.tv_nsec = 0;
    errno = 0;
    n = syscall(SYS_pselect6, 1, 0, 0, 0, &ts, &pack);
    printf("sigset size 16: %d %s\n", n, strerror(errno));
    errno = 0;
    n = syscall(SYS_pselect6, 1, 0, 0, 0, &ts, (void *)8);
    printf("bad sigset pack: %d %s\n", n, strerror(errno));
    ts.tv_nsec = 1000000000;
    errno = 0;
    n = syscall(SYS_pselect6, 1, 0, 0, 0, &ts, (void *)0);
    printf("nsec = 1e9: %d %s\n", n, strerror(errno));
    return 0;
}
