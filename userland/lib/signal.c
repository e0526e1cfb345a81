/* signal.c: signal sets, sigaction in glibc's layout, and the signal system calls. */
#include <signal.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include "libc.h"

/* The kernel's x86-64 struct sigaction: note the order and the 8-byte mask. */
struct kernel_sigaction {
    sighandler_t handler;
    unsigned long flags;
    void (*restorer)(void);
    unsigned long mask;
};

/* The kernel's sigset_t is 64 bits: glibc's first word. */
#define KERNEL_SIGSET_SIZE 8

int sigemptyset(sigset_t *set)
{
    memset(set, 0, sizeof *set);
    return 0;
}

int sigfillset(sigset_t *set)
{
    memset(set, 0xff, sizeof *set);
    return 0;
}

/* Signals are numbered 1..64; bit sig-1 stands for sig. EINVAL outside that range. */
static int bad_signal(int sig)
{
    if (sig < 1 || sig >= _NSIG) {
        errno = EINVAL;
        return 1;
    }
    return 0;
}

int sigaddset(sigset_t *set, int sig)
{
    if (bad_signal(sig)) return -1;
    set->__val[(sig - 1) / 64] |= 1UL << ((sig - 1) % 64);
    return 0;
}

int sigdelset(sigset_t *set, int sig)
{
    if (bad_signal(sig)) return -1;
    set->__val[(sig - 1) / 64] &= ~(1UL << ((sig - 1) % 64));
    return 0;
}

int sigismember(const sigset_t *set, int sig)
{
    if (bad_signal(sig)) return -1;
    return (set->__val[(sig - 1) / 64] >> ((sig - 1) % 64)) & 1;
}

/* The return trampoline of every handler (sigreturn.s): it calls rt_sigreturn. */
void __restore_rt(void);

/*
 * Installs act (if not NULL) as the action for sig and stores the previous one in old (if
 * not NULL), translating between glibc's layout and the kernel's. As glibc does, every
 * action gets SA_RESTORER with __restore_rt, the code a handler returns to; the kernel has
 * no trampoline of its own.
 */
int sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
    struct kernel_sigaction kact, kold;
    long r;
    if (act) {
        kact.handler = act->sa_handler;
        kact.flags = (unsigned int)act->sa_flags | SA_RESTORER;
        kact.restorer = __restore_rt;
        kact.mask = act->sa_mask.__val[0];
    }
    r = __syscall4(SYS_rt_sigaction, sig, act ? &kact : 0, old ? &kold : 0, KERNEL_SIGSET_SIZE);
    if (r < 0) return (int)__syscall_ret(r);
    if (old) {
        memset(old, 0, sizeof *old);
        old->sa_handler = kold.handler;
        old->sa_flags = (int)kold.flags;
        old->sa_restorer = kold.restorer;
        old->sa_mask.__val[0] = kold.mask;
    }
    return 0;
}

/* signal() with BSD semantics, as glibc's: the handler stays installed and calls restart. */
sighandler_t signal(int sig, sighandler_t handler)
{
    struct sigaction act, old;
    memset(&act, 0, sizeof act);
    act.sa_handler = handler;
    act.sa_flags = SA_RESTART;
    if (sigaction(sig, &act, &old) < 0) return SIG_ERR;
    return old.sa_handler;
}

int sigprocmask(int how, const sigset_t *set, sigset_t *old)
{
    if (old) memset(old, 0, sizeof *old);
    return (int)__syscall_ret(__syscall4(SYS_rt_sigprocmask, how, set, old, KERNEL_SIGSET_SIZE));
}

int sigpending(sigset_t *set)
{
    memset(set, 0, sizeof *set);
    return (int)__syscall_ret(__syscall2(SYS_rt_sigpending, set, KERNEL_SIGSET_SIZE));
}

/*
 * Waits for a signal of set and returns its number, storing its siginfo in info (if not
 * NULL); with a timeout, fails with EAGAIN once it has passed. The signals of set should be
 * blocked, or a handler may take them first. As glibc does, a signal the kernel reports as
 * sent by tkill or tgkill (SI_TKILL: raise and pthread_kill use them) is reported as SI_USER,
 * so that a program sees the same code whichever way its library sends a signal.
 */
int sigtimedwait(const sigset_t *set, siginfo_t *info, const struct timespec *timeout)
{
    int sig = (int)__syscall_ret(__syscall_cancel4(SYS_rt_sigtimedwait, set, info, timeout, KERNEL_SIGSET_SIZE));
    if (sig > 0 && info != NULL && info->si_code == SI_TKILL) info->si_code = SI_USER;
    return sig;
}

int sigwaitinfo(const sigset_t *set, siginfo_t *info) { return sigtimedwait(set, info, 0); }

/* sigwait stores the signal taken in *sig; it returns 0 or an error number, never -1 (POSIX). */
int sigwait(const sigset_t *set, int *sig)
{
    long r;
    do {
        r = __syscall_cancel4(SYS_rt_sigtimedwait, set, 0, 0, KERNEL_SIGSET_SIZE);
    } while (r == -EINTR);
    if (r < 0) return (int)-r;
    *sig = (int)r;
    return 0;
}

/* Sends sig with value to process pid (SI_QUEUE); real-time signals queue, one per call. */
int sigqueue(pid_t pid, int sig, const union sigval value)
{
    siginfo_t info;
    memset(&info, 0, sizeof info);
    info.si_signo = sig;
    info.si_code = SI_QUEUE;
    info.si_pid = getpid();
    info.si_uid = getuid();
    info.si_value = value;
    return (int)__syscall_ret(__syscall3(SYS_rt_sigqueueinfo, pid, sig, &info));
}

int sigsuspend(const sigset_t *mask) { return (int)__syscall_ret(__syscall_cancel2(SYS_rt_sigsuspend, mask, KERNEL_SIGSET_SIZE)); }
int sigaltstack(const stack_t *ss, stack_t *old) { return (int)__syscall_ret(__syscall2(SYS_sigaltstack, ss, old)); }
int kill(pid_t pid, int sig) { return (int)__syscall_ret(__syscall2(SYS_kill, pid, sig)); }
int tgkill(pid_t tgid, pid_t tid, int sig) { return (int)__syscall_ret(__syscall3(SYS_tgkill, tgid, tid, sig)); }
int pause(void) { return (int)__syscall_ret(__syscall_cancel0(SYS_pause)); }

/* raise sends sig to the calling thread, as glibc's does. */
int raise(int sig) { return tgkill(getpid(), gettid(), sig); }
