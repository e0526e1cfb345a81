/* resource.c: resource limits and the nice value (sys/resource.h), the kernel log (sys/klog.h). */
#include <errno.h>
#include <sys/resource.h>
#include <unistd.h>
#include <sys/klog.h>
#include <sys/syscall.h>
#include "libc.h"

/*
 * getrlimit and setrlimit are prlimit64 on the caller, as in glibc: so a null pointer means
 * "nothing to read" or "nothing to set" rather than EFAULT (the getrlimit and setrlimit
 * system calls, 97 and 160, copy the structure and would fail).
 */
int getrlimit(int resource, struct rlimit *rlim) { return (int)__syscall_ret(__syscall4(SYS_prlimit64, 0, resource, 0, rlim)); }
int setrlimit(int resource, const struct rlimit *rlim) { return (int)__syscall_ret(__syscall4(SYS_prlimit64, 0, resource, rlim, 0)); }

int prlimit(pid_t pid, int resource, const struct rlimit *new_limit, struct rlimit *old_limit)
{
    return (int)__syscall_ret(__syscall4(SYS_prlimit64, pid, resource, new_limit, old_limit));
}

/*
 * The getpriority system call returns 20 - nice (1..40), never negative, so that it cannot
 * be mistaken for an error; the wrapper turns it back into the nice value, as glibc does.
 */
int getpriority(int which, id_t who)
{
    long r = __syscall_ret(__syscall2(SYS_getpriority, which, who));
    return r < 0 ? (int)r : 20 - (int)r;
}

int setpriority(int which, id_t who, int prio) { return (int)__syscall_ret(__syscall3(SYS_setpriority, which, who, prio)); }

/*
 * nice(inc) adds inc to the caller's nice value and returns the new one, as glibc: -1 is a
 * valid result, so a caller checks errno, which is left untouched on success. Lowering the
 * value without the privilege fails with EPERM (setpriority says EACCES).
 */
int nice(int inc)
{
    int saved = errno;
    errno = 0;
    int prio = getpriority(PRIO_PROCESS, 0);
    if (prio == -1 && errno != 0) return -1;
    if (setpriority(PRIO_PROCESS, 0, prio + inc) < 0) {
        if (errno == EACCES) errno = EPERM;
        return -1;
    }
    errno = saved;
    return getpriority(PRIO_PROCESS, 0);
}

int klogctl(int type, char *bufp, int len) { return (int)__syscall_ret(__syscall3(SYS_syslog, type, bufp, len)); }
