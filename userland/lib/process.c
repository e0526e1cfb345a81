/* process.c: process, identity and wait system calls (unistd.h, sys/wait.h); fork is in fork.c. */
#include <unistd.h>
#include <sys/wait.h>
#include <sys/syscall.h>
#include "libc.h"

pid_t vfork(void) { return (pid_t)__syscall_ret(__syscall0(SYS_vfork)); }
int execve(const char *path, char *const argv[], char *const envp[]) { return (int)__syscall_ret(__syscall3(SYS_execve, path, argv, envp)); }

/* execv runs path with the current environment. */
int execv(const char *path, char *const argv[]) { return execve(path, argv, environ); }

pid_t getpid(void) { return (pid_t)__syscall0(SYS_getpid); }
pid_t getppid(void) { return (pid_t)__syscall0(SYS_getppid); }
pid_t gettid(void) { return (pid_t)__syscall0(SYS_gettid); }
uid_t getuid(void) { return (uid_t)__syscall0(SYS_getuid); }
uid_t geteuid(void) { return (uid_t)__syscall0(SYS_geteuid); }
gid_t getgid(void) { return (gid_t)__syscall0(SYS_getgid); }
gid_t getegid(void) { return (gid_t)__syscall0(SYS_getegid); }
pid_t getpgid(pid_t pid) { return (pid_t)__syscall_ret(__syscall1(SYS_getpgid, pid)); }
int setpgid(pid_t pid, pid_t pgid) { return (int)__syscall_ret(__syscall2(SYS_setpgid, pid, pgid)); }
pid_t getpgrp(void) { return (pid_t)__syscall0(SYS_getpgrp); }
pid_t setsid(void) { return (pid_t)__syscall_ret(__syscall0(SYS_setsid)); }

/* wait4, and so waitpid and wait, are cancellation points. */
pid_t wait4(pid_t pid, int *status, int options, void *rusage) { return (pid_t)__syscall_ret(__syscall_cancel4(SYS_wait4, pid, status, options, rusage)); }
pid_t waitpid(pid_t pid, int *status, int options) { return wait4(pid, status, options, 0); }
pid_t wait(int *status) { return wait4(-1, status, 0, 0); }

/* _exit ends the whole process (exit_group), as glibc's does, without atexit or stdio. */
void _exit(int status)
{
    for (;;) __syscall1(SYS_exit_group, status);
}
