/* process.c: process, identity and wait system calls (unistd.h, sys/wait.h); fork is in fork.c. */
#include <errno.h>
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

/*
 * The set*id calls change the calling thread only, as the system calls do; glibc also makes
 * every other thread of the process follow (its setxid broadcast), Clonix's libc does not.
 */
int setuid(uid_t uid) { return (int)__syscall_ret(__syscall1(SYS_setuid, uid)); }
int setgid(gid_t gid) { return (int)__syscall_ret(__syscall1(SYS_setgid, gid)); }
int setreuid(uid_t ruid, uid_t euid) { return (int)__syscall_ret(__syscall2(SYS_setreuid, ruid, euid)); }
int setregid(gid_t rgid, gid_t egid) { return (int)__syscall_ret(__syscall2(SYS_setregid, rgid, egid)); }
int setresuid(uid_t ruid, uid_t euid, uid_t suid) { return (int)__syscall_ret(__syscall3(SYS_setresuid, ruid, euid, suid)); }
int setresgid(gid_t rgid, gid_t egid, gid_t sgid) { return (int)__syscall_ret(__syscall3(SYS_setresgid, rgid, egid, sgid)); }
int getresuid(uid_t *ruid, uid_t *euid, uid_t *suid) { return (int)__syscall_ret(__syscall3(SYS_getresuid, ruid, euid, suid)); }
int getgroups(int size, gid_t list[]) { return (int)__syscall_ret(__syscall2(SYS_getgroups, size, list)); }
int setgroups(size_t size, const gid_t *list) { return (int)__syscall_ret(__syscall2(SYS_setgroups, size, list)); }
int getresgid(gid_t *rgid, gid_t *egid, gid_t *sgid) { return (int)__syscall_ret(__syscall3(SYS_getresgid, rgid, egid, sgid)); }

/* seteuid and setegid: setresuid with only the effective id, and -1 refused as glibc does. */
int seteuid(uid_t euid)
{
    if (euid == (uid_t)-1) {
        errno = EINVAL;
        return -1;
    }
    return setresuid((uid_t)-1, euid, (uid_t)-1);
}

int setegid(gid_t egid)
{
    if (egid == (gid_t)-1) {
        errno = EINVAL;
        return -1;
    }
    return setresgid((gid_t)-1, egid, (gid_t)-1);
}
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
