/*
 * printf.c: the printf family, as front ends to the engine in format.c.
 *
 * Streams and descriptors are written through a 256-byte staging buffer on the stack, so
 * that even on an unbuffered stream (stderr) a short printf is a single write, as glibc
 * arranges too.
 */
#include <stdio.h>
#include <stdarg.h>
#include <unistd.h>
#include <limits.h>
#include "format.h"

#define STAGING 256

/* The int printf returns: the byte count, or -1 when output failed. */
static int result(struct sink *s)
{
    if (s->failed) return -1;
    return s->total > INT_MAX ? INT_MAX : (int)s->total;
}

/* Formats into buf, storing at most size-1 bytes and a NUL; returns the full length. */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    struct sink s;
    s.buf = buf;
    s.cap = size ? size - 1 : 0;
    s.used = 0;
    s.flush = 0;
    s.failed = 0;
    s.total = 0;
    __vformat(&s, fmt, ap);
    if (size) buf[s.used] = 0;
    return result(&s);
}

/* As vsnprintf without a limit: buf must be big enough. */
int vsprintf(char *buf, const char *fmt, va_list ap) { return vsnprintf(buf, (size_t)INT_MAX + 1, fmt, ap); }

static int flush_to_stream(struct sink *s)
{
    return fwrite(s->buf, 1, s->used, (FILE *)s->stream) == s->used ? 0 : -1;
}

/* Formats onto stream f; returns the byte count, or -1 if writing failed. */
int vfprintf(FILE *f, const char *fmt, va_list ap)
{
    char staging[STAGING];
    struct sink s;
    s.buf = staging;
    s.cap = STAGING;
    s.used = 0;
    s.flush = flush_to_stream;
    s.stream = f;
    s.failed = 0;
    s.total = 0;
    __vformat(&s, fmt, ap);
    if (s.used && flush_to_stream(&s) < 0) s.failed = 1;
    return result(&s);
}

/* Writes the whole staging buffer to the descriptor, retrying short writes. */
static int flush_to_fd(struct sink *s)
{
    size_t done = 0;
    while (done < s->used) {
        ssize_t n = write(s->fd, s->buf + done, s->used - done);
        if (n <= 0) return -1;
        done += (size_t)n;
    }
    return 0;
}

/* Formats straight to descriptor fd, bypassing stdio. */
int vdprintf(int fd, const char *fmt, va_list ap)
{
    char staging[STAGING];
    struct sink s;
    s.buf = staging;
    s.cap = STAGING;
    s.used = 0;
    s.flush = flush_to_fd;
    s.fd = fd;
    s.failed = 0;
    s.total = 0;
    __vformat(&s, fmt, ap);
    if (s.used && flush_to_fd(&s) < 0) s.failed = 1;
    return result(&s);
}

int vprintf(const char *fmt, va_list ap) { return vfprintf(stdout, fmt, ap); }

int printf(const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vfprintf(stdout, fmt, ap);
    va_end(ap);
    return n;
}

int fprintf(FILE *f, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vfprintf(f, fmt, ap);
    va_end(ap);
    return n;
}

int dprintf(int fd, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vdprintf(fd, fmt, ap);
    va_end(ap);
    return n;
}

int sprintf(char *buf, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsprintf(buf, fmt, ap);
    va_end(ap);
    return n;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}
