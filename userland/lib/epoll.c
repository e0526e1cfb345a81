/*
 * epoll.c: the epoll calls and eventfd. epoll_wait and epoll_pwait are cancellation
 * points, as in glibc. glibc's eventfd is eventfd2 with the flags.
 */
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "libc.h"

/* The kernel's sigset_t: 64 signals, 8 bytes. */
#define KERNEL_SIGSET_SIZE 8

int epoll_create(int size) {
    return (int)__syscall_ret(__syscall1(SYS_epoll_create, size));
}

int epoll_create1(int flags) {
    return (int)__syscall_ret(__syscall1(SYS_epoll_create1, flags));
}

int epoll_ctl(int epfd, int op, int fd, struct epoll_event *event) {
    return (int)__syscall_ret(__syscall4(SYS_epoll_ctl, epfd, op, fd, event));
}

int epoll_wait(int epfd, struct epoll_event *events, int maxevents, int timeout) {
    return (int)__syscall_ret(__syscall_cancel4(SYS_epoll_wait, epfd, events, maxevents, timeout));
}

int epoll_pwait(int epfd, struct epoll_event *events, int maxevents, int timeout, const sigset_t *sigmask) {
    return (int)__syscall_ret(__syscall_cancel(SYS_epoll_pwait, epfd, (long)events, maxevents, timeout,
                                               (long)sigmask, KERNEL_SIGSET_SIZE));
}

int eventfd(unsigned int initval, int flags) {
    return (int)__syscall_ret(__syscall2(SYS_eventfd2, initval, flags));
}

int eventfd_read(int fd, eventfd_t *value) {
    return read(fd, value, sizeof *value) == sizeof *value ? 0 : -1;
}

int eventfd_write(int fd, eventfd_t value) {
    return write(fd, &value, sizeof value) == sizeof value ? 0 : -1;
}
