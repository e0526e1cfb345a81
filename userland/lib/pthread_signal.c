/*
 * pthread_signal.c: signals aimed at one thread, the thin wrappers glibc has. Unlike
 * kill and sigprocmask they return the error number instead of setting errno.
 */
#include <pthread.h>
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "libc.h"
#include "pthread_impl.h"

#define KERNEL_SIGSET_BYTES 8 /* the kernel's sigset: 64 signals */

/* Sends sig to thread (tgkill within this process); sig 0 only checks that the thread
 * exists. 0, or EINVAL for a bad signal number. As glibc 2.34 and later: a thread that has
 * ended but not been joined gets nothing and the call returns 0, not ESRCH. */
int pthread_kill(pthread_t thread, int sig)
{
    struct pthread *pd = (struct pthread *)thread;
    int tid = pd->tcb.tid;
    long r;
    if (tid == 0) return 0;
    r = __syscall3(SYS_tgkill, __syscall0(SYS_getpid), tid, sig);
    return r < 0 ? (int)-r : 0;
}

/* Changes the calling thread's signal mask (rt_sigprocmask): how is SIG_BLOCK, SIG_UNBLOCK
 * or SIG_SETMASK; the previous mask goes to *old if old is not 0. 0 or EINVAL. */
int pthread_sigmask(int how, const sigset_t *set, sigset_t *old)
{
    long r;
    if (old) memset(old, 0, sizeof *old);
    r = __syscall4(SYS_rt_sigprocmask, how, set, old, KERNEL_SIGSET_BYTES);
    return r < 0 ? (int)-r : 0;
}
