/* jobctl.c: sessions, the terminal's foreground process group, and alarm. */
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include "libc.h"

pid_t getsid(pid_t pid) { return (pid_t)__syscall_ret(__syscall1(SYS_getsid, pid)); }

/* The foreground process group of the terminal on fd (ENOTTY if it is not our session's). */
pid_t tcgetpgrp(int fd)
{
    int pgrp;
    long r = __syscall3(SYS_ioctl, fd, TIOCGPGRP, &pgrp);
    if (r < 0) return (pid_t)__syscall_ret(r);
    return pgrp;
}

/* Makes pgrp, a group of our session, the foreground group of the terminal on fd. */
int tcsetpgrp(int fd, pid_t pgrp)
{
    int value = pgrp;
    return (int)__syscall_ret(__syscall3(SYS_ioctl, fd, TIOCSPGRP, &value));
}

/* SIGALRM in seconds (0 cancels); returns what was left of the previous alarm. alarm cannot fail. */
unsigned int alarm(unsigned int seconds) { return (unsigned int)__syscall1(SYS_alarm, seconds); }
