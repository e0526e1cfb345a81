/* fileattr.c: the calls about a file's storage, owner, times and extended status: fsync,
   fdatasync, sync, syncfs, fallocate, posix_fallocate, fchmod, chown and its forms, utimensat,
   futimens, utimes, utime and statx. */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <utime.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include "libc.h"

/* fsync and fdatasync wait for the disk on Linux, so they are cancellation points there. */
int fsync(int fd) { return (int)__syscall_ret(__syscall_cancel1(SYS_fsync, fd)); }
int fdatasync(int fd) { return (int)__syscall_ret(__syscall_cancel1(SYS_fdatasync, fd)); }
void sync(void) { __syscall0(SYS_sync); }
int syncfs(int fd) { return (int)__syscall_ret(__syscall1(SYS_syncfs, fd)); }
int fallocate(int fd, int mode, off_t offset, off_t len)
{
    return (int)__syscall_ret(__syscall4(SYS_fallocate, fd, mode, offset, len));
}

/* POSIX's form returns the error number itself and leaves errno alone. */
int posix_fallocate(int fd, off_t offset, off_t len)
{
    long r = __syscall4(SYS_fallocate, fd, 0, offset, len);
    return r < 0 ? (int)-r : 0;
}

int fchmod(int fd, mode_t mode) { return (int)__syscall_ret(__syscall2(SYS_fchmod, fd, mode)); }
int chown(const char *path, uid_t owner, gid_t group) { return (int)__syscall_ret(__syscall3(SYS_chown, path, owner, group)); }
int fchown(int fd, uid_t owner, gid_t group) { return (int)__syscall_ret(__syscall3(SYS_fchown, fd, owner, group)); }
int lchown(const char *path, uid_t owner, gid_t group) { return (int)__syscall_ret(__syscall3(SYS_lchown, path, owner, group)); }
int fchownat(int dirfd, const char *path, uid_t owner, gid_t group, int flags)
{
    return (int)__syscall_ret(__syscall5(SYS_fchownat, dirfd, path, owner, group, flags));
}

/* A NULL path is the kernel's way to say "dirfd itself"; glibc keeps that for futimens (EINVAL). */
int utimensat(int dirfd, const char *path, const struct timespec times[2], int flags)
{
    if (!path) {
        errno = EINVAL;
        return -1;
    }
    return (int)__syscall_ret(__syscall4(SYS_utimensat, dirfd, path, times, flags));
}

/* utimensat with no path works on dirfd itself. */
int futimens(int fd, const struct timespec times[2])
{
    return (int)__syscall_ret(__syscall4(SYS_utimensat, fd, 0, times, 0));
}

/* struct timeval as sys/time.h lays it out: seconds and microseconds. */
struct __timeval {
    long tv_sec;
    long tv_usec;
};

/* As glibc: microseconds become nanoseconds, so an out-of-range tv_usec is the kernel's EINVAL. */
int utimes(const char *path, const struct __timeval tv[2])
{
    struct timespec ts[2];
    if (!tv) return utimensat(AT_FDCWD, path, 0, 0);
    for (int i = 0; i < 2; i++) {
        ts[i].tv_sec = tv[i].tv_sec;
        ts[i].tv_nsec = tv[i].tv_usec * 1000;
    }
    return utimensat(AT_FDCWD, path, ts, 0);
}

int utime(const char *path, const struct utimbuf *times)
{
    struct timespec ts[2];
    if (!times) return utimensat(AT_FDCWD, path, 0, 0);
    ts[0].tv_sec = times->actime;
    ts[0].tv_nsec = 0;
    ts[1].tv_sec = times->modtime;
    ts[1].tv_nsec = 0;
    return utimensat(AT_FDCWD, path, ts, 0);
}

int statx(int dirfd, const char *path, int flags, unsigned int mask, struct statx *buf)
{
    return (int)__syscall_ret(__syscall5(SYS_statx, dirfd, path, flags, mask, buf));
}
