/* resource.c: resource limits (sys/resource.h) and the kernel log (sys/klog.h). */
#include <sys/resource.h>
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

int klogctl(int type, char *bufp, int len) { return (int)__syscall_ret(__syscall3(SYS_syslog, type, bufp, len)); }
