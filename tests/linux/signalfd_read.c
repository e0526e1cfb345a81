/* signalfd(2): blocked signals read as struct signalfd_siginfo instead of caught, several
 * per read, from kill, sigqueue and a child's exit; poll and epoll on it; a new mask for an
 * existing descriptor; a reader woken by another process; a child reading its own signals
 * through an inherited descriptor; and the errors in Linux's order. */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define TRY(what, call) \
    do { \
        errno = 0; \
        long r_ = (call); \
        printf("%-34s %ld %s\n", what, r_, r_ < 0 ? strerror(errno) : ""); \
    } while (0)

static void show(struct signalfd_siginfo *si, int self) {
    printf("  signo %u code %d from self %d", si->ssi_signo, si->ssi_code, si->ssi_pid == (unsigned)self);
    if (si->ssi_signo == SIGCHLD) printf(" status %d", si->ssi_status);
    if (si->ssi_code == SI_QUEUE) printf(" int %d ptr %llu", si->ssi_int, (unsigned long long)si->ssi_ptr);
    printf("\n");
}

int main(void) {
    printf("sizeof(struct signalfd_siginfo) = %zu\n", sizeof(struct signalfd_siginfo));
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGUSR1);
    sigaddset(&mask, SIGUSR2);
    sigaddset(&mask, SIGCHLD);
    sigaddset(&mask, SIGRTMIN);
    sigprocmask(SIG_BLOCK, &mask, 0);
    int fd = signalfd(-1, &mask, SFD_NONBLOCK);
    int self = getpid();
    struct signalfd_siginfo si[4];

    TRY("read with nothing pending", read(fd, si, sizeof si));
    struct pollfd p = {fd, POLLIN, 0};
    TRY("poll with nothing pending", poll(&p, 1, 0));
    kill(self, SIGUSR2);
    kill(self, SIGUSR1);
    union sigval v = {.sival_int = 1234};
    sigqueue(self, SIGRTMIN, v);
    TRY("poll with three pending", poll(&p, 1, 0));
    TRY("read room for one", read(fd, si, sizeof si[0]));
    show(&si[0], self);
    TRY("read room for four", read(fd, si, sizeof si));
    show(&si[0], self);
    show(&si[1], self);
    TRY("read with 100 bytes", read(fd, si, 100));

    /* A child's exit, read as SIGCHLD. */
    fflush(stdout);
    pid_t child = fork();
    if (child == 0) _exit(7);
    int ep = epoll_create1(0);
    struct epoll_event ev = {EPOLLIN, {.u64 = 5}}, got;
    epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
    TRY("epoll_wait for SIGCHLD", epoll_wait(ep, &got, 1, -1));
    TRY("read", read(fd, si, sizeof si));
    printf("  signo %u code %d status %d pid is the child's %d\n", si[0].ssi_signo, si[0].ssi_code, si[0].ssi_status,
           si[0].ssi_pid == (unsigned)child);
    waitpid(child, 0, 0);

    /* A new mask for the same descriptor: SIGUSR2 is no longer read. */
    sigset_t only1;
    sigemptyset(&only1);
    sigaddset(&only1, SIGUSR1);
    TRY("new mask, same descriptor", signalfd(fd, &only1, 0) == fd);
    kill(self, SIGUSR2);
    TRY("read with only SIGUSR2 pending", read(fd, si, sizeof si));
    sigset_t pending;
    sigpending(&pending);
    printf("SIGUSR2 still pending: %d\n", sigismember(&pending, SIGUSR2));
    signalfd(fd, &mask, 0);
    read(fd, si, sizeof si);

    /* A blocking signalfd woken by another process. */
    int blocking = signalfd(-1, &mask, SFD_CLOEXEC);
    int go[2];
    pipe(go);
    fflush(stdout);
    child = fork();
    if (child == 0) {
        struct timespec nap = {0, 10 * 1000 * 1000};
        nanosleep(&nap, 0);
        kill(getppid(), SIGUSR1);
        /* Stay alive until the parent has read, or its SIGCHLD could be read with SIGUSR1. */
        char byte;
        read(go[0], &byte, 1);
        _exit(0);
    }
    TRY("blocking read, woken", read(blocking, si, sizeof si));
    printf("  signo %u from the child %d\n", si[0].ssi_signo, si[0].ssi_pid == (unsigned)child);
    write(go[1], "", 1);
    waitpid(child, 0, 0);
    read(blocking, si, sizeof si); /* the child's SIGCHLD */

    /* A child reads its own signals through the inherited descriptor, not its parent's. */
    kill(self, SIGUSR2);
    fflush(stdout);
    child = fork();
    if (child == 0) {
        struct signalfd_siginfo mine;
        long r = read(fd, &mine, sizeof mine);
        printf("child, nothing of its own: %ld %s\n", r, r < 0 ? strerror(errno) : "");
        kill(getpid(), SIGUSR1);
        r = read(fd, &mine, sizeof mine);
        printf("child reads its own: %ld signo %u\n", r, mine.ssi_signo);
        fflush(stdout);
        _exit(0);
    }
    waitpid(child, 0, 0);
    TRY("parent still has its SIGUSR2", read(fd, si, sizeof si));
    printf("  signo %u\n", si[0].ssi_signo);

    /* Errors. */
    TRY("flags", signalfd(-1, &mask, 1));
    TRY("sizemask 4", syscall(SYS_signalfd4, -1, &mask, 4, 0));
    TRY("bad mask", syscall(SYS_signalfd4, -1, 8, 8, 0));
    TRY("bad mask and flags", syscall(SYS_signalfd4, -1, 8, 8, 1));
    TRY("sizemask 4 and bad mask", syscall(SYS_signalfd4, -1, 8, 4, 0));
    TRY("bad fd", signalfd(99, &mask, 0));
    TRY("not a signalfd", signalfd(ep, &mask, 0));
    TRY("signalfd(2) with sizemask 8", syscall(SYS_signalfd, -1, &mask, 8) >= 0);
    TRY("write", write(fd, si, sizeof si[0]));
    return 0;
}
