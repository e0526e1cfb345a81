/* sys/uio.h: scatter-gather I/O, one call over several buffers (readv, writev). */
#ifndef _SYS_UIO_H
#define _SYS_UIO_H

#include <sys/types.h>

/* One buffer of a vector: where it starts and how many bytes it holds. */
struct iovec {
    void *iov_base;
    size_t iov_len;
};

/* The most buffers one call takes (Linux's UIO_MAXIOV); more is EINVAL. */
#define UIO_MAXIOV 1024

/* Reads into, or writes from, the iovcnt buffers of iov in order, as one read or write. */
ssize_t readv(int fd, const struct iovec *iov, int iovcnt);
ssize_t writev(int fd, const struct iovec *iov, int iovcnt);

#endif
