/* termios.c: getting and setting a terminal's attributes, with the kernel's ioctls. */
#include <errno.h>
#include <termios.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include "libc.h"

/* The attributes of the terminal on fd (ENOTTY if it is not one). */
int tcgetattr(int fd, struct termios *t)
{
    return (int)__syscall_ret(__syscall3(SYS_ioctl, fd, TCGETS, t));
}

/* Sets them now (TCSANOW), after output drains (TCSADRAIN) or also dropping unread input (TCSAFLUSH). */
int tcsetattr(int fd, int when, const struct termios *t)
{
    if (when < TCSANOW || when > TCSAFLUSH) {
        errno = EINVAL;
        return -1;
    }
    return (int)__syscall_ret(__syscall3(SYS_ioctl, fd, TCSETS + when, t));
}

/* Drops the input not yet read (TCIFLUSH), the output not yet written (TCOFLUSH) or both. */
int tcflush(int fd, int queue)
{
    return (int)__syscall_ret(__syscall3(SYS_ioctl, fd, TCFLSH, queue));
}

/* Raw mode, as glibc's cfmakeraw: no editing, echo, signals or output processing; 8 bits; a byte at a time. */
void cfmakeraw(struct termios *t)
{
    t->c_iflag &= ~(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
    t->c_oflag &= ~OPOST;
    t->c_lflag &= ~(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
    t->c_cflag &= ~(CSIZE | PARENB);
    t->c_cflag |= CS8;
    t->c_cc[VMIN] = 1;
    t->c_cc[VTIME] = 0;
}
