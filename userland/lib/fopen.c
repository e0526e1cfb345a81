/* fopen.c: opening, closing and positioning streams (fopen, fdopen, fclose, fseek, ftell, rewind). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include "stdio_impl.h"
#include "libc.h"

/*
 * The open(2) flags for an fopen mode: "r", "w" or "a", then optionally '+' (read and
 * write), 'b' (ignored: there is no text mode), 'x' (O_EXCL) and 'e' (O_CLOEXEC), as
 * glibc accepts. -1 and EINVAL for anything else.
 */
static int mode_flags(const char *mode, int *stream_flags)
{
    int flags;
    const char *p;
    switch (mode[0]) {
    case 'r': flags = O_RDONLY; *stream_flags = F_READ; break;
    case 'w': flags = O_WRONLY | O_CREAT | O_TRUNC; *stream_flags = F_WRITE; break;
    case 'a': flags = O_WRONLY | O_CREAT | O_APPEND; *stream_flags = F_WRITE; break;
    default: errno = EINVAL; return -1;
    }
    for (p = mode + 1; *p; p++) {
        if (*p == '+') {
            flags = (flags & ~O_ACCMODE) | O_RDWR;
            *stream_flags = F_READ | F_WRITE;
        } else if (*p == 'x') {
            flags |= O_EXCL;
        } else if (*p == 'e') {
            flags |= O_CLOEXEC;
        }
    }
    return flags;
}

/* A new fully buffered stream on fd, linked into the list of open streams. */
static FILE *new_stream(int fd, int stream_flags)
{
    FILE *f = malloc(sizeof *f);
    if (!f) return 0;
    memset(f, 0, sizeof *f);
    f->fd = fd;
    f->flags = stream_flags;
    f->mode = _IOFBF;
    f->unget = EOF;
    LIST_LOCK();
    f->next = __stdio_streams;
    __stdio_streams = f;
    LIST_UNLOCK();
    return f;
}

/* Opens path as a stream; NULL with errno on failure (from open, or EINVAL for the mode). */
FILE *fopen(const char *path, const char *mode)
{
    int stream_flags, fd;
    FILE *f;
    int flags = mode_flags(mode, &stream_flags);
    if (flags < 0) return 0;
    fd = open(path, flags, 0666);
    if (fd < 0) return 0;
    f = new_stream(fd, stream_flags);
    if (!f) close(fd);
    return f;
}

/* A stream on an open descriptor; the mode must suit how fd was opened (not checked). */
FILE *fdopen(int fd, const char *mode)
{
    int stream_flags;
    if (mode_flags(mode, &stream_flags) < 0) return 0;
    return new_stream(fd, stream_flags);
}

/* Flushes and closes f and frees it; 0, or EOF if flushing or closing failed. */
int fclose(FILE *f)
{
    int result = fflush(f);
    FILE **link;
    /* Not a cancellation point, as glibc's close_nocancel: cancelled here, the stream
     * would stay on the list with its descriptor closed. */
    if (__close_nocancel(f->fd) < 0) result = EOF;
    LIST_LOCK();
    for (link = &__stdio_streams; *link; link = &(*link)->next) {
        if (*link == f) {
            *link = f->next;
            break;
        }
    }
    LIST_UNLOCK();
    if (f->flags & F_OWNBUF) free(f->buf);
    if (!(f->flags & F_STATIC)) free(f);
    return result;
}

/* Moves f's position (flushing output and dropping read-ahead first); 0 or -1 with errno. */
int fseek(FILE *f, long offset, int whence)
{
    if (fflush(f) == EOF) return -1;
    if (lseek(f->fd, offset, whence) < 0) return -1;
    f->flags &= ~F_EOF;
    return 0;
}

/* The position the program sees: the descriptor's, less read-ahead, plus pending output. */
long ftell(FILE *f)
{
    long pos = lseek(f->fd, 0, SEEK_CUR);
    if (pos < 0) return -1;
    return pos - (long)(f->rlen - f->rpos) - (f->unget != EOF) + (long)f->wlen;
}

void rewind(FILE *f)
{
    fseek(f, 0, SEEK_SET);
    f->flags &= ~F_ERR;
}
