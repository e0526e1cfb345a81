/*
 * strace's lines about child processes and signals: fork, wait4's decoded statuses, the
 * --- SIGCHLD {...} --- line of a child's end (taken when SIGCHLD is unblocked, and, with
 * it unblocked, after the wait4 the child's exit ends), a signal to a handler and a fatal
 * one, and +++ exited with N +++ / +++ killed by SIGTERM +++. Made with syscall() so that
 * gcc's glibc and Clonix's libc make the same system calls; each process's lines between
 * the markers (writes to fd -1) are compared with what the real strace prints.
 */
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
    int status;
    unsigned long chld = 1UL << (SIGCHLD - 1);
    struct timespec nap = {0, 50000000};
    syscall(SYS_write, -1, "begin", 5);
    /* The first child ends while SIGCHLD is blocked: its signal is taken at the unblock. */
    syscall(SYS_rt_sigprocmask, SIG_BLOCK, &chld, NULL, 8);
    if (syscall(SYS_fork) == 0) syscall(SYS_exit_group, 3);
    syscall(SYS_wait4, -1, &status, 0, NULL);
    syscall(SYS_rt_sigprocmask, SIG_UNBLOCK, &chld, NULL, 8);
    /* The second one ends while its parent waits: SIGCHLD shows after the wait4. */
    int pid = syscall(SYS_fork);
    if (pid == 0) {
        syscall(SYS_nanosleep, &nap, NULL);
        syscall(SYS_exit_group, 0);
    }
    syscall(SYS_wait4, pid, &status, 0, NULL);
    /* The third one spins until SIGTERM kills it. */
    syscall(SYS_rt_sigprocmask, SIG_BLOCK, &chld, NULL, 8);
    pid = syscall(SYS_fork);
    if (pid == 0)
        for (;;) {
        }
    syscall(SYS_kill, pid, SIGTERM);
    syscall(SYS_wait4, pid, &status, 0, NULL);
    syscall(SYS_rt_sigprocmask, SIG_UNBLOCK, &chld, NULL, 8);
    syscall(SYS_wait4, -1, NULL, 0, NULL);
    syscall(SYS_write, -1, "end", 3);
    return 0;
}
