/* sysinfo.c: the sysinfo(2) wrapper (sys/sysinfo.h). */
#include <errno.h>
#include <sys/sysinfo.h>
#include <sys/syscall.h>
#include "libc.h"

int sysinfo(struct sysinfo *info)
{
    // LAB syscall BEGIN: make system call 99 and turn its result into 0, or -1 and errno
    return (int)__syscall_ret(__syscall1(SYS_sysinfo, info));
    // LAB syscall STUB
    // (void)info;
    // errno = ENOSYS;
    // return -1;
    // LAB syscall END
}
