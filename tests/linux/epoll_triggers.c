/* epoll(7): level-triggered, edge-triggered and one-shot watches on pipes and eventfds,
 * turns taken by ready watches, the data returned, a watch that goes when its file is
 * closed, an instance watching another, a sleeper woken by another process, and the
 * errors of epoll_create, epoll_ctl and epoll_wait in Linux's order. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void wait_and_show(const char *what, int ep, int max, int timeout) {
    struct epoll_event ev[8];
    memset(ev, 0, sizeof ev);
    int n = epoll_wait(ep, ev, max, timeout);
    printf("%-30s n=%d", what, n);
    for (int i = 0; i < n; i++) printf(" [%llu %#x]", (unsigned long long)ev[i].data.u64, ev[i].events);
    printf("\n");
}

/* Runs call and prints its result with errno, read after the call. */
#define TRY(what, call) \
    do { \
        errno = 0; \
        long r_ = (call); \
        printf("%-30s %ld %s\n", what, r_, r_ < 0 ? strerror(errno) : ""); \
    } while (0)

static void ctl(const char *what, int ep, int op, int fd, unsigned events, uint64_t data) {
    struct epoll_event ev = {events, {.u64 = data}};
    errno = 0;
    int r = epoll_ctl(ep, op, fd, &ev);
    printf("%-30s %d %s\n", what, r, r < 0 ? strerror(errno) : "");
}

int main(void) {
    printf("sizeof(struct epoll_event) = %zu\n", sizeof(struct epoll_event));
    int ep = epoll_create1(0);
    int a[2], b[2];
    pipe(a);
    pipe(b);
    ctl("add a[0] level", ep, EPOLL_CTL_ADD, a[0], EPOLLIN, 10);
    ctl("add b[0] edge", ep, EPOLL_CTL_ADD, b[0], EPOLLIN | EPOLLET, 20);
    ctl("add b[1] out", ep, EPOLL_CTL_ADD, b[1], EPOLLOUT, 21);
    ctl("add a[0] again", ep, EPOLL_CTL_ADD, a[0], EPOLLIN, 11);
    wait_and_show("write end writable", ep, 8, 0);
    ctl("del b[1]", ep, EPOLL_CTL_DEL, b[1], 0, 0);
    ctl("del b[1] again", ep, EPOLL_CTL_DEL, b[1], 0, 0);
    ctl("mod b[1] (not watched)", ep, EPOLL_CTL_MOD, b[1], EPOLLIN, 0);
    wait_and_show("nothing ready", ep, 8, 0);
    wait_and_show("nothing ready, 20 ms", ep, 8, 20);

    write(a[1], "x", 1);
    write(b[1], "y", 1);
    wait_and_show("both readable", ep, 8, 0);
    wait_and_show("level again, edge not", ep, 8, 0);
    write(b[1], "z", 1);
    wait_and_show("new data on the edge pipe", ep, 8, 0);
    char buf[16];
    read(a[0], buf, sizeof buf);
    read(b[0], buf, sizeof buf);
    wait_and_show("both drained", ep, 8, 0);

    /* Three level-triggered ready watches and one slot: they take turns. */
    int e1 = eventfd(1, 0), e2 = eventfd(1, 0), e3 = eventfd(1, 0);
    ctl("add e1", ep, EPOLL_CTL_ADD, e1, EPOLLIN, 31);
    ctl("add e2", ep, EPOLL_CTL_ADD, e2, EPOLLIN, 32);
    ctl("add e3", ep, EPOLL_CTL_ADD, e3, EPOLLIN, 33);
    for (int i = 0; i < 4; i++) wait_and_show("one slot", ep, 1, 0);
    wait_and_show("two slots", ep, 2, 0);
    ctl("mod e2 one-shot", ep, EPOLL_CTL_MOD, e2, EPOLLIN | EPOLLONESHOT, 42);
    wait_and_show("with the one-shot", ep, 8, 0);
    wait_and_show("one-shot disarmed", ep, 8, 0);
    ctl("re-arm e2", ep, EPOLL_CTL_MOD, e2, EPOLLIN | EPOLLOUT, 43);
    wait_and_show("re-armed", ep, 8, 0);

    /* Closing the last descriptor of a file takes its watch away; a dup keeps it. */
    int d = dup(e3);
    close(e3);
    wait_and_show("e3 closed, dup open", ep, 8, 0);
    close(d);
    wait_and_show("dup closed too", ep, 8, 0);
    close(e1);
    close(e2);

    /* Hang-ups: POLLHUP and POLLERR come without being asked for. */
    ctl("add a[1] for nothing", ep, EPOLL_CTL_ADD, a[1], 0, 50);
    close(a[0]);
    wait_and_show("reader of a gone", ep, 8, 0);
    close(b[1]);
    wait_and_show("writer of b gone", ep, 8, 0);
    close(a[1]);
    close(b[0]);

    /* An instance inside another. */
    int outer = epoll_create(1);
    int ev = eventfd(0, 0);
    ctl("outer watches ep", outer, EPOLL_CTL_ADD, ep, EPOLLIN, 60);
    ctl("ep watches ev", ep, EPOLL_CTL_ADD, ev, EPOLLIN, 61);
    wait_and_show("outer, nothing", outer, 8, 0);
    eventfd_write(ev, 1);
    wait_and_show("outer sees ep ready", outer, 8, 0);
    wait_and_show("ep itself", ep, 8, 0);
    ctl("ep watches outer: a loop", ep, EPOLL_CTL_ADD, outer, EPOLLIN, 62);
    ctl("ep watches itself", ep, EPOLL_CTL_ADD, ep, EPOLLIN, 63);
    struct pollfd p = {outer, POLLIN, 0};
    TRY("poll on outer", poll(&p, 1, 0));
    printf("revents %#x\n", p.revents);
    eventfd_t drain;
    eventfd_read(ev, &drain);

    /* A sleeper woken by another process. */
    pid_t child = fork();
    if (child == 0) {
        struct timespec nap = {0, 10 * 1000 * 1000};
        nanosleep(&nap, 0);
        eventfd_write(ev, 7);
        _exit(0);
    }
    wait_and_show("woken by the child", ep, 8, -1);
    waitpid(child, 0, 0);

    /* Errors. */
    TRY("epoll_create(0)", epoll_create(0));
    TRY("epoll_create1(1)", epoll_create1(1));
    int fd = open("/tmp/epoll_triggers.txt", O_RDWR | O_CREAT | O_TRUNC, 0600);
    ctl("a regular file", ep, EPOLL_CTL_ADD, fd, EPOLLIN, 0);
    ctl("epfd not epoll", fd, EPOLL_CTL_ADD, ev, EPOLLIN, 0);
    ctl("epfd not epoll, bad fd", fd, EPOLL_CTL_ADD, 99, EPOLLIN, 0);
    ctl("bad epfd", 98, EPOLL_CTL_ADD, fd, EPOLLIN, 0);
    ctl("unknown op", ep, 7, ev, EPOLLIN, 0);
    ctl("exclusive with MOD", ep, EPOLL_CTL_MOD, ev, EPOLLIN | EPOLLEXCLUSIVE, 0);
    ctl("exclusive with one-shot", ep, EPOLL_CTL_ADD, e1 = eventfd(0, 0), EPOLLIN | EPOLLEXCLUSIVE | EPOLLONESHOT, 0);
    ctl("exclusive", ep, EPOLL_CTL_ADD, e1, EPOLLIN | EPOLLEXCLUSIVE, 0);
    ctl("mod of an exclusive watch", ep, EPOLL_CTL_MOD, e1, EPOLLIN, 0);
    TRY("bad event pointer", epoll_ctl(ep, EPOLL_CTL_ADD, ev, (struct epoll_event *)8));
    TRY("bad pointer, DEL", epoll_ctl(ep, EPOLL_CTL_DEL, ev, (struct epoll_event *)8));
    ctl("watch ev again", ep, EPOLL_CTL_ADD, ev, EPOLLIN, 64);
    close(fd);
    unlink("/tmp/epoll_triggers.txt");
    struct epoll_event out[2];
    TRY("maxevents 0", epoll_wait(ep, out, 0, 0));
    TRY("not an epoll", epoll_wait(ev, out, 2, 0));
    TRY("bad epfd", epoll_wait(97, out, 2, 0));
    TRY("events beyond user space", epoll_wait(ep, (struct epoll_event *)-16L, 2, 0));
    eventfd_write(ev, 1);
    TRY("unwritable events", epoll_wait(ep, (struct epoll_event *)4096, 2, 0));
    TRY("epoll_pwait sigsetsize 4", syscall(SYS_epoll_pwait, ep, out, 2, 0, (void *)8, 4));
    sigset_t none;
    sigemptyset(&none);
    wait_and_show("still ready", ep, 8, 0);
    TRY("epoll_pwait", epoll_pwait(ep, out, 2, 0, &none));
    return 0;
}
