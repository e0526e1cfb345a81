/* timerfd.c: timerfd_create, timerfd_settime, timerfd_gettime and signalfd (signalfd4). */
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include "libc.h"

/* The kernel's sigset_t: 64 signals, 8 bytes. */
#define KERNEL_SIGSET_SIZE 8

int timerfd_create(clockid_t clockid, int flags) {
    return (int)__syscall_ret(__syscall2(SYS_timerfd_create, clockid, flags));
}

int timerfd_settime(int fd, int flags, const struct itimerspec *new_value, struct itimerspec *old_value) {
    return (int)__syscall_ret(__syscall4(SYS_timerfd_settime, fd, flags, new_value, old_value));
}

int timerfd_gettime(int fd, struct itimerspec *curr_value) {
    return (int)__syscall_ret(__syscall2(SYS_timerfd_gettime, fd, curr_value));
}

int signalfd(int fd, const sigset_t *mask, int flags) {
    return (int)__syscall_ret(__syscall4(SYS_signalfd4, fd, mask, KERNEL_SIGSET_SIZE, flags));
}
