/*
 * strace's decoding of the structures and flags of single-process calls: errno messages,
 * NULL pointers, struct stat, timespec, sigaction and signal sets, rlimit, priorities,
 * pipes, lseek and access. Every call is made with syscall() so that gcc's glibc and
 * Clonix's libc make exactly the same system calls; the lines between the two markers
 * (writes to fd -1) are compared with what the real strace prints for the gcc build.
 */
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* The kernel's struct sigaction on x86-64 (glibc's and Clonix's user structures differ). */
struct ksigaction { unsigned long handler, flags, restorer, mask; };

int main(void)
{
    struct stat st;
    struct timespec ts = {0, 5000};
    struct rlimit rl = {64, 128}, old;
    struct ksigaction sa = {(unsigned long)SIG_IGN, 0, 0, 0}, was;
    unsigned long set = 1UL << (SIGUSR2 - 1), oset;
    int fds[2];
    unsigned long none = 0;
    syscall(SYS_rt_sigprocmask, SIG_SETMASK, &none, NULL, 8); /* what a shell's child starts with */
    syscall(SYS_write, -1, "begin", 5);
    syscall(SYS_close, 42);
    int fd = syscall(SYS_open, "strace.txt", O_WRONLY | O_CREAT | O_TRUNC, 0640);
    syscall(SYS_write, fd, "hello world\n", 12);
    syscall(SYS_stat, "strace.txt", &st);
    syscall(SYS_lstat, "no-such-file", &st);
    syscall(SYS_fstat, fd, &st);
    syscall(SYS_stat, "strace.txt", NULL);
    syscall(SYS_newfstatat, AT_FDCWD, "strace.txt", &st, AT_SYMLINK_NOFOLLOW);
    syscall(SYS_fchmod, fd, 04755);
    syscall(SYS_fstat, fd, &st);
    syscall(SYS_fchmod, fd, 0);
    syscall(SYS_chmod, "strace.txt", 0640);
    syscall(SYS_fstat, fd, &st);
    syscall(SYS_stat, "/dev/null", &st);
    syscall(SYS_access, "strace.txt", F_OK);
    syscall(SYS_access, "strace.txt", R_OK | W_OK);
    syscall(SYS_lseek, fd, 0, SEEK_END);
    syscall(SYS_lseek, fd, 0, 9);
    syscall(SYS_nanosleep, &ts, NULL);
    syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &ts, NULL);
    syscall(SYS_clock_gettime, CLOCK_MONOTONIC, NULL);
    syscall(SYS_setpriority, PRIO_PROCESS, 0, 3);
    syscall(SYS_getpriority, PRIO_PROCESS, 0);
    syscall(SYS_setpriority, 7, 0, 3);
    syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, &rl, NULL);
    syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, &old);
    rl.rlim_cur = 4096 * 1024;
    rl.rlim_max = RLIM_INFINITY;
    syscall(SYS_prlimit64, 0, RLIMIT_STACK, &rl, &old);
    syscall(SYS_getrlimit, RLIMIT_STACK, &old);
    syscall(SYS_getrlimit, 99, &old);
    syscall(SYS_pipe2, fds, O_CLOEXEC);
    syscall(SYS_pipe, fds);
    syscall(SYS_pipe2, NULL, 0);
    syscall(SYS_rt_sigaction, SIGUSR1, &sa, &was, 8);
    sa.flags = SA_RESTART | SA_NOCLDSTOP;
    sa.mask = 1UL << (SIGCHLD - 1) | 1UL << (SIGINT - 1);
    syscall(SYS_rt_sigaction, SIGUSR1, &sa, NULL, 8);
    syscall(SYS_rt_sigaction, SIGUSR1, NULL, &was, 8);
    syscall(SYS_rt_sigaction, 70, NULL, NULL, 8);
    syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, &oset, 8);
    syscall(SYS_rt_sigprocmask, SIG_UNBLOCK, NULL, &oset, 8);
    set = ~0UL & ~(1UL << (SIGKILL - 1));
    syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, NULL, 8);
    syscall(SYS_rt_sigprocmask, SIG_SETMASK, &oset, NULL, 8);
    syscall(SYS_wait4, -1, NULL, WNOHANG | WUNTRACED, NULL);
    syscall(SYS_unlink, "strace.txt");
    syscall(SYS_write, -1, "end", 3);
    return 0;
}
