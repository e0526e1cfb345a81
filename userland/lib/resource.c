/* resource.c: resource limits (sys/resource.h) and the kernel log (sys/klog.h). */
#include <sys/resource.h>
#include <sys/klog.h>
#include <sys/syscall.h>
#include "libc.h"

int getrlimit(int resource, struct rlimit *rlim) { return (int)__syscall_ret(__syscall2(SYS_getrlimit, resource, rlim)); }
int setrlimit(int resource, const struct rlimit *rlim) { return (int)__syscall_ret(__syscall2(SYS_setrlimit, resource, rlim)); }

int prlimit(pid_t pid, int resource, const struct rlimit *new_limit, struct rlimit *old_limit)
{
    return (int)__syscall_ret(__syscall4(SYS_prlimit64, pid, resource, new_limit, old_limit));
}

int klogctl(int type, char *bufp, int len) { return (int)__syscall_ret(__syscall3(SYS_syslog, type, bufp, len)); }
