/* Signals and waiting for descriptors: poll and select end with EINTR when a handler runs,
 * even under SA_RESTART; select writes back what is left of its timeout; ppoll and pselect
 * take a signal only while their mask lets it through, and restore the caller's mask. */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile int caught;

static void on_usr1(int sig) {
    caught++;
}

/* A child that sends SIGUSR1 to the parent after ms milliseconds. */
static pid_t signal_later(int ms) {
    pid_t parent = getpid();
    pid_t child = fork();
    if (child == 0) {
        struct timespec nap = {0, ms * 1000L * 1000L};
        nanosleep(&nap, 0);
        kill(parent, SIGUSR1);
        _exit(0);
    }
    return child;
}

int main(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    sa.sa_flags = SA_RESTART;
    sigaction(SIGUSR1, &sa, 0);
    int p[2];
    pipe(p);

    pid_t child = signal_later(20);
    struct pollfd one = {p[0], POLLIN, 0};
    errno = 0;
    int r = poll(&one, 1, -1);
    printf("poll under SA_RESTART: r=%d %s caught=%d\n", r, strerror(errno), caught);
    waitpid(child, 0, 0);

    child = signal_later(20);
    fd_set set;
    FD_ZERO(&set);
    FD_SET(p[0], &set);
    struct timeval tv = {10, 0};
    errno = 0;
    r = select(p[0] + 1, &set, 0, 0, &tv);
    printf("select: r=%d %s caught=%d, left between 9 and 10 s: %s, set kept: %d\n", r, strerror(errno), caught,
           tv.tv_sec == 9 && tv.tv_usec > 0 ? "yes" : "no", FD_ISSET(p[0], &set));
    waitpid(child, 0, 0);

    /* Blocked: the signal waits until ppoll's mask lets it in. */
    sigset_t usr1, none, now;
    sigemptyset(&usr1);
    sigaddset(&usr1, SIGUSR1);
    sigemptyset(&none);
    sigprocmask(SIG_BLOCK, &usr1, 0);
    child = signal_later(10);
    waitpid(child, 0, 0);
    printf("pending while blocked, caught=%d\n", caught);
    struct timespec ts = {5, 0};
    errno = 0;
    r = ppoll(&one, 1, &ts, &none);
    sigprocmask(SIG_BLOCK, 0, &now);
    printf("ppoll with an empty mask: r=%d %s caught=%d, usr1 blocked again: %d\n", r, strerror(errno), caught,
           sigismember(&now, SIGUSR1));

    /* A mask that blocks it: ppoll times out, the signal stays pending. */
    child = signal_later(5);
    waitpid(child, 0, 0);
    ts.tv_sec = 0;
    ts.tv_nsec = 20 * 1000 * 1000;
    r = ppoll(&one, 1, &ts, &usr1);
    sigset_t pending;
    sigpending(&pending);
    printf("ppoll with usr1 in its mask: r=%d caught=%d pending=%d\n", r, caught, sigismember(&pending, SIGUSR1));

    /* pselect takes it. */
    FD_ZERO(&set);
    FD_SET(p[0], &set);
    errno = 0;
    r = pselect(p[0] + 1, &set, 0, 0, 0, &none);
    printf("pselect with an empty mask: r=%d %s caught=%d\n", r, strerror(errno), caught);

    /* Ready at once: the mask is restored and a pending signal is not taken. */
    child = signal_later(5);
    waitpid(child, 0, 0);
    write(p[1], "x", 1);
    r = ppoll(&one, 1, 0, &none);
    sigpending(&pending);
    printf("ppoll ready at once: r=%d revents=%#x caught=%d pending=%d\n", r, one.revents, caught,
           sigismember(&pending, SIGUSR1));

    /* ppoll's checks, through syscall(2) (glibc would pass a copy). */
    errno = 0;
    r = syscall(SYS_ppoll, &one, 1, 0, &none, 4);
    printf("sigsetsize 4: r=%d %s\n", r, strerror(errno));
    errno = 0;
    r = syscall(SYS_ppoll, &one, 1, 0, (void *)8, 8);
    printf("bad mask: r=%d %s\n", r, strerror(errno));
    ts.tv_sec = -1;
    errno = 0;
    r = syscall(SYS_ppoll, &one, 1, &ts, (void *)8, 4);
    printf("bad timeout first: r=%d %s\n", r, strerror(errno));
    ts.tv_sec = 1;
    ts.tv_nsec = 0;
    r = syscall(SYS_ppoll, &one, 1, &ts, 0, 0);
    printf("ready: r=%d, the kernel's ppoll writes back what is left, 0.9 to 1 s: %s\n", r,
           (ts.tv_sec == 1 && ts.tv_nsec == 0) || (ts.tv_sec == 0 && ts.tv_nsec > 900000000) ? "yes" : "no");
    struct pollfd empty = {p[1], POLLIN, 0};
    ts.tv_sec = 0;
    ts.tv_nsec = 30 * 1000 * 1000;
    r = syscall(SYS_ppoll, &empty, 1, &ts, 0, 0);
    printf("timed out: r=%d, timeout now %ld.%09ld\n", r, (long)ts.tv_sec, ts.tv_nsec);
    return 0;
}
