/*
 * poll.c: poll, ppoll, select and pselect. All four are cancellation points, as in glibc.
 * ppoll and pselect hand the kernel a copy of the timeout, since Linux writes what remains
 * back into it and POSIX says theirs is const; select lets Linux update the caller's.
 */
#include <poll.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include "libc.h"

/* The kernel's sigset_t: 64 signals, 8 bytes. */
#define KERNEL_SIGSET_SIZE 8

int poll(struct pollfd *fds, nfds_t nfds, int timeout) {
    return (int)__syscall_ret(__syscall_cancel3(SYS_poll, fds, nfds, timeout));
}

int ppoll(struct pollfd *fds, nfds_t nfds, const struct timespec *timeout, const sigset_t *sigmask) {
    struct timespec copy;
    if (timeout) {
        copy = *timeout;
        timeout = &copy;
    }
    return (int)__syscall_ret(__syscall_cancel(SYS_ppoll, (long)fds, (long)nfds, (long)timeout, (long)sigmask,
                                               KERNEL_SIGSET_SIZE, 0));
}

int select(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds, struct timeval *timeout) {
    return (int)__syscall_ret(__syscall_cancel(SYS_select, nfds, (long)readfds, (long)writefds, (long)exceptfds,
                                               (long)timeout, 0));
}

int pselect(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds, const struct timespec *timeout,
            const sigset_t *sigmask) {
    struct timespec copy;
    /* pselect6's sixth argument: the mask and its size, in one struct. */
    struct {
        const sigset_t *set;
        unsigned long size;
    } mask = {sigmask, KERNEL_SIGSET_SIZE};
    if (timeout) {
        copy = *timeout;
        timeout = &copy;
    }
    return (int)__syscall_ret(__syscall_cancel(SYS_pselect6, nfds, (long)readfds, (long)writefds, (long)exceptfds,
                                               (long)timeout, (long)&mask));
}
