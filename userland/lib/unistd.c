/* unistd.c: the file system calls of unistd.h, fcntl.h and sys/stat.h, and stdio.h's rename
   and renameat: errno-setting wrappers. */
#include <unistd.h>
#include <stdio.h>
#include <fcntl.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include "libc.h"

/* read, write, close, open, openat and creat are cancellation points (libc.h, __syscall_cancel). */
ssize_t read(int fd, void *buf, size_t count) { return __syscall_ret(__syscall_cancel3(SYS_read, fd, buf, count)); }
ssize_t write(int fd, const void *buf, size_t count) { return __syscall_ret(__syscall_cancel3(SYS_write, fd, buf, count)); }
int close(int fd) { return (int)__syscall_ret(__syscall_cancel1(SYS_close, fd)); }
long __read_nocancel(int fd, void *buf, unsigned long count) { return __syscall_ret(__syscall3(SYS_read, fd, buf, count)); }
long __write_nocancel(int fd, const void *buf, unsigned long count) { return __syscall_ret(__syscall3(SYS_write, fd, buf, count)); }
int __close_nocancel(int fd) { return (int)__syscall_ret(__syscall1(SYS_close, fd)); }
off_t lseek(int fd, off_t offset, int whence) { return __syscall_ret(__syscall3(SYS_lseek, fd, offset, whence)); }
int pipe(int fds[2]) { return (int)__syscall_ret(__syscall1(SYS_pipe, fds)); }
int pipe2(int fds[2], int flags) { return (int)__syscall_ret(__syscall2(SYS_pipe2, fds, flags)); }
int dup(int fd) { return (int)__syscall_ret(__syscall1(SYS_dup, fd)); }
int dup2(int oldfd, int newfd) { return (int)__syscall_ret(__syscall2(SYS_dup2, oldfd, newfd)); }
int dup3(int oldfd, int newfd, int flags) { return (int)__syscall_ret(__syscall3(SYS_dup3, oldfd, newfd, flags)); }
int access(const char *path, int mode) { return (int)__syscall_ret(__syscall2(SYS_access, path, mode)); }
int unlink(const char *path) { return (int)__syscall_ret(__syscall1(SYS_unlink, path)); }
int unlinkat(int dirfd, const char *path, int flags) { return (int)__syscall_ret(__syscall3(SYS_unlinkat, dirfd, path, flags)); }
int rmdir(const char *path) { return (int)__syscall_ret(__syscall1(SYS_rmdir, path)); }
int link(const char *oldpath, const char *newpath) { return (int)__syscall_ret(__syscall2(SYS_link, oldpath, newpath)); }
int symlink(const char *target, const char *linkpath) { return (int)__syscall_ret(__syscall2(SYS_symlink, target, linkpath)); }
ssize_t readlink(const char *path, char *buf, size_t size) { return __syscall_ret(__syscall3(SYS_readlink, path, buf, size)); }
int chdir(const char *path) { return (int)__syscall_ret(__syscall1(SYS_chdir, path)); }
int fchdir(int fd) { return (int)__syscall_ret(__syscall1(SYS_fchdir, fd)); }
int truncate(const char *path, off_t length) { return (int)__syscall_ret(__syscall2(SYS_truncate, path, length)); }
int ftruncate(int fd, off_t length) { return (int)__syscall_ret(__syscall2(SYS_ftruncate, fd, length)); }
int stat(const char *path, struct stat *st) { return (int)__syscall_ret(__syscall2(SYS_stat, path, st)); }
int fstat(int fd, struct stat *st) { return (int)__syscall_ret(__syscall2(SYS_fstat, fd, st)); }
int lstat(const char *path, struct stat *st) { return (int)__syscall_ret(__syscall2(SYS_lstat, path, st)); }
int mkdir(const char *path, mode_t mode) { return (int)__syscall_ret(__syscall2(SYS_mkdir, path, mode)); }
int mkdirat(int dirfd, const char *path, mode_t mode) { return (int)__syscall_ret(__syscall3(SYS_mkdirat, dirfd, path, mode)); }
int rename(const char *oldpath, const char *newpath) { return (int)__syscall_ret(__syscall2(SYS_rename, oldpath, newpath)); }
int renameat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath)
{
    return (int)__syscall_ret(__syscall4(SYS_renameat, olddirfd, oldpath, newdirfd, newpath));
}
int chmod(const char *path, mode_t mode) { return (int)__syscall_ret(__syscall2(SYS_chmod, path, mode)); }
int creat(const char *path, mode_t mode) { return (int)__syscall_ret(__syscall_cancel2(SYS_creat, path, mode)); }

/* umask cannot fail: the kernel returns the previous mask. */
mode_t umask(mode_t mask) { return (mode_t)__syscall1(SYS_umask, mask); }

/* getcwd(2) returns a length; the C function returns buf (or NULL and errno). */
char *getcwd(char *buf, size_t size)
{
    if (__syscall_ret(__syscall2(SYS_getcwd, buf, size)) < 0) return 0;
    return buf;
}

/* The mode argument exists only when O_CREAT asks for it, so it is read only then. */
int open(const char *path, int flags, ...)
{
    int mode = 0;
    if (flags & O_CREAT) {
        va_list ap;
        va_start(ap, flags);
        mode = va_arg(ap, int);
        va_end(ap);
    }
    return (int)__syscall_ret(__syscall_cancel3(SYS_open, path, flags, mode));
}

/* As open(), relative to the directory dirfd (or AT_FDCWD). */
int openat(int dirfd, const char *path, int flags, ...)
{
    int mode = 0;
    if (flags & O_CREAT) {
        va_list ap;
        va_start(ap, flags);
        mode = va_arg(ap, int);
        va_end(ap);
    }
    return (int)__syscall_ret(__syscall_cancel4(SYS_openat, dirfd, path, flags, mode));
}

/* Every fcntl command takes at most one integer or pointer argument, passed as a long.
   Waiting for a record lock is a cancellation point, as in glibc. */
int fcntl(int fd, int cmd, ...)
{
    va_list ap;
    long arg;
    va_start(ap, cmd);
    arg = va_arg(ap, long);
    va_end(ap);
    if (cmd == F_SETLKW || cmd == F_OFD_SETLKW) return (int)__syscall_ret(__syscall_cancel3(SYS_fcntl, fd, cmd, arg));
    return (int)__syscall_ret(__syscall3(SYS_fcntl, fd, cmd, arg));
}

/* The third argument is a pointer or an integer depending on the request; both fit a long. */
int ioctl(int fd, unsigned long request, ...)
{
    va_list ap;
    long arg;
    va_start(ap, request);
    arg = va_arg(ap, long);
    va_end(ap);
    return (int)__syscall_ret(__syscall3(SYS_ioctl, fd, request, arg));
}

/* A terminal is whatever answers TCGETS, as glibc decides (errno ENOTTY otherwise). */
int isatty(int fd)
{
    char termios[64];
    return ioctl(fd, TCGETS, termios) == 0;
}

/* Clonix's pages are 4 KiB, as x86-64's. */
int getpagesize(void) { return 4096; }
