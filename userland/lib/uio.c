/* uio.c: positioned and vectored I/O (unistd.h's pread and pwrite, sys/uio.h's readv and writev). */
#include <unistd.h>
#include <sys/uio.h>
#include <sys/syscall.h>
#include "libc.h"

/* All four are cancellation points, as read and write are. */
ssize_t pread(int fd, void *buf, size_t count, off_t offset)
{
    return __syscall_ret(__syscall_cancel4(SYS_pread64, fd, buf, count, offset));
}

ssize_t pwrite(int fd, const void *buf, size_t count, off_t offset)
{
    return __syscall_ret(__syscall_cancel4(SYS_pwrite64, fd, buf, count, offset));
}

ssize_t readv(int fd, const struct iovec *iov, int iovcnt) { return __syscall_ret(__syscall_cancel3(SYS_readv, fd, iov, iovcnt)); }
ssize_t writev(int fd, const struct iovec *iov, int iovcnt) { return __syscall_ret(__syscall_cancel3(SYS_writev, fd, iov, iovcnt)); }
