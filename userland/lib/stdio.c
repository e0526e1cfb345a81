/*
 * stdio.c: the standard streams and the buffering under every stdio call.
 *
 * Buffering is glibc's: stderr is unbuffered; stdout is line-buffered if it is a terminal
 * (isatty, decided on first use) and fully buffered otherwise; stdin and streams from
 * fopen are fully buffered. Before reading input from the descriptor, every line-buffered
 * stream is flushed, so a prompt without a newline is shown before the program waits.
 *
 * THREADS: each public function takes its stream's lock around an unlocked worker of the
 * same name with a _nolock suffix (see stdio_impl.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include "stdio_impl.h"
#include "libc.h"

static unsigned char stdin_buffer[BUFSIZ];
static unsigned char stdout_buffer[BUFSIZ];

static struct __clonix_file stderr_file = { 2, F_WRITE | F_STATIC, _IONBF, 0, 0, 0, 0, 0, EOF, 0 };
static struct __clonix_file stdout_file = { 1, F_WRITE | F_STATIC, MODE_UNDECIDED, stdout_buffer, BUFSIZ, 0, 0, 0, EOF, &stderr_file };
static struct __clonix_file stdin_file = { 0, F_READ | F_STATIC, _IOFBF, stdin_buffer, BUFSIZ, 0, 0, 0, EOF, &stdout_file };

FILE *stdin = &stdin_file;
FILE *stdout = &stdout_file;
FILE *stderr = &stderr_file;
FILE *__stdio_streams = &stdin_file;
volatile int __stdio_list_lock;

/* Decides stdout's buffering on first use, and gives a stream its buffer when it needs one. */
static void prepare(FILE *f)
{
    if (f->mode == MODE_UNDECIDED) f->mode = isatty(f->fd) ? _IOLBF : _IOFBF;
    if (f->mode != _IONBF && !f->buf) {
        f->buf = malloc(BUFSIZ);
        if (f->buf) {
            f->size = BUFSIZ;
            f->flags |= F_OWNBUF;
        } else {
            f->mode = _IONBF; /* no memory: carry on unbuffered rather than fail */
        }
    }
}

/* Writes n bytes, retrying short writes; 0, or EOF with the error flag set. */
static int write_all(FILE *f, const unsigned char *p, size_t n)
{
    while (n > 0) {
        ssize_t k = __write_nocancel(f->fd, p, n);
        if (k <= 0) {
            f->flags |= F_ERR;
            return EOF;
        }
        p += k;
        n -= (size_t)k;
    }
    return 0;
}

/* Writes out the pending bytes; 0 or EOF. */
static int flush_writes(FILE *f)
{
    size_t n = f->wlen;
    f->wlen = 0;
    return n ? write_all(f, f->buf, n) : 0;
}

void __stdio_drop_read(FILE *f)
{
    long unread = (long)(f->rlen - f->rpos) + (f->unget != EOF);
    /* Seeking fails harmlessly on pipes and terminals, whose bytes are simply consumed. */
    if (unread) lseek(f->fd, -unread, SEEK_CUR);
    f->rpos = f->rlen = 0;
    f->unget = EOF;
}

/* fflush on one stream, whose lock the caller holds. */
static int fflush_nolock(FILE *f)
{
    if (f->wlen) return flush_writes(f);
    if (f->rpos < f->rlen || f->unget != EOF) __stdio_drop_read(f);
    return 0;
}

/*
 * Writes out f's pending output, or gives back its read-ahead (seeking back). fflush(NULL)
 * writes out every stream's pending output and leaves input streams alone, as glibc's.
 */
int fflush(FILE *f)
{
    int result = 0;
    if (!f) {
        LIST_LOCK(); /* lock order: the list, then a stream */
        for (f = __stdio_streams; f; f = f->next) {
            FLOCK(f);
            if (f->wlen && flush_writes(f) == EOF) result = EOF;
            FUNLOCK(f);
        }
        LIST_UNLOCK();
        return result;
    }
    FLOCK(f);
    result = fflush_nolock(f);
    FUNLOCK(f);
    return result;
}

/* exit() calls this after the atexit handlers. */
void __stdio_exit(void) { fflush(0); }

/* Makes f ready to write; 0, or EOF with EBADF if it was not opened for writing. */
static int start_writing(FILE *f)
{
    if (!(f->flags & F_WRITE)) {
        f->flags |= F_ERR;
        errno = EBADF;
        return EOF;
    }
    if (f->rpos < f->rlen || f->unget != EOF) __stdio_drop_read(f);
    prepare(f);
    return 0;
}

/* Copies n bytes into f's buffer, writing the buffer out whenever it fills; 0 or EOF. */
static int buffer_bytes(FILE *f, const unsigned char *p, size_t n)
{
    while (n > 0) {
        size_t room = f->size - f->wlen;
        size_t k = n < room ? n : room;
        memcpy(f->buf + f->wlen, p, k);
        f->wlen += k;
        p += k;
        n -= k;
        if (f->wlen == f->size && flush_writes(f) == EOF) return EOF;
    }
    return 0;
}

/*
 * Writes nmemb items of size bytes; returns the number of whole items written (all or,
 * after an error, none). A line-buffered stream writes out everything up to the last
 * newline and keeps the rest, as glibc does.
 */
static size_t fwrite_nolock(const void *ptr, size_t size, size_t nmemb, FILE *f)
{
    const unsigned char *p = ptr;
    size_t total = size * nmemb;
    const unsigned char *newline;
    if (total == 0 || start_writing(f) == EOF) return 0;
    if (f->mode == _IONBF || (f->mode == _IOFBF && f->wlen == 0 && total >= f->size)) {
        /* Nothing to gain from copying: write straight through. */
        if (flush_writes(f) == EOF || write_all(f, p, total) == EOF) return 0;
        return nmemb;
    }
    newline = f->mode == _IOLBF ? memrchr(p, '\n', total) : 0;
    if (newline) {
        size_t line = (size_t)(newline - p) + 1;
        if (buffer_bytes(f, p, line) == EOF || flush_writes(f) == EOF) return 0;
        p += line;
        total -= line;
    }
    if (buffer_bytes(f, p, total) == EOF) return 0;
    return nmemb;
}

size_t fwrite(const void *ptr, size_t size, size_t nmemb, FILE *f)
{
    size_t n;
    FLOCK(f);
    n = fwrite_nolock(ptr, size, nmemb, f);
    FUNLOCK(f);
    return n;
}

/* Writes the byte c; returns it as unsigned char, or EOF. */
int fputc(int c, FILE *f)
{
    unsigned char byte = (unsigned char)c;
    return fwrite(&byte, 1, 1, f) == 1 ? byte : EOF;
}

/* Flushes every line-buffered stream: what glibc does before it waits for input. A stream
 * another thread is using is skipped rather than waited for, which could deadlock. */
static void flush_line_buffered(void)
{
    FILE *g;
    /* The caller holds a stream's lock, so the list's lock may only be tried (lock order). */
    if (__libc_multiple_threads && !__trylock(&__stdio_list_lock)) return;
    for (g = __stdio_streams; g; g = g->next) {
        if (g->mode == _IOLBF && g->wlen && __rlock_try(&g->lock)) {
            flush_writes(g);
            FUNLOCK(g);
        }
    }
    LIST_UNLOCK();
}

/* Refills f's read-ahead; the number of bytes now buffered, 0 at end of file or error. */
static size_t refill(FILE *f)
{
    ssize_t n;
    flush_line_buffered();
    n = __read_nocancel(f->fd, f->buf, f->size);
    f->rpos = 0;
    f->rlen = n > 0 ? (size_t)n : 0;
    if (n == 0) f->flags |= F_EOF;
    if (n < 0) f->flags |= F_ERR;
    return f->rlen;
}

/* Makes f ready to read; 0, or EOF with EBADF if it was not opened for reading. */
static int start_reading(FILE *f)
{
    if (!(f->flags & F_READ)) {
        f->flags |= F_ERR;
        errno = EBADF;
        return EOF;
    }
    if (f->wlen && flush_writes(f) == EOF) return EOF;
    prepare(f);
    return 0;
}

static size_t fread_nolock(void *ptr, size_t size, size_t nmemb, FILE *f)
{
    unsigned char *p = ptr;
    size_t total = size * nmemb, got = 0;
    if (total == 0 || start_reading(f) == EOF) return 0;
    if (f->unget != EOF) {
        p[got++] = (unsigned char)f->unget;
        f->unget = EOF;
    }
    while (got < total) {
        size_t k = f->rlen - f->rpos;
        if (k == 0) {
            if (f->mode == _IONBF || total - got >= f->size) {
                /* A big request (or no buffer): read straight into the caller's memory. */
                ssize_t n;
                flush_line_buffered();
                n = __read_nocancel(f->fd, p + got, total - got);
                if (n <= 0) {
                    f->flags |= n == 0 ? F_EOF : F_ERR;
                    break;
                }
                got += (size_t)n;
                continue;
            }
            if (refill(f) == 0) break;
            k = f->rlen;
        }
        if (k > total - got) k = total - got;
        memcpy(p + got, f->buf + f->rpos, k);
        f->rpos += k;
        got += k;
    }
    return got / size;
}

/* Reads up to nmemb items of size bytes; returns the number of whole items read. */
size_t fread(void *ptr, size_t size, size_t nmemb, FILE *f)
{
    size_t n;
    FLOCK(f);
    n = fread_nolock(ptr, size, nmemb, f);
    FUNLOCK(f);
    return n;
}

static int fgetc_nolock(FILE *f)
{
    unsigned char byte;
    if (f->unget != EOF && (f->flags & F_READ)) {
        int c = f->unget;
        f->unget = EOF;
        return c;
    }
    if (f->rpos < f->rlen) return f->buf[f->rpos++];
    return fread_nolock(&byte, 1, 1, f) == 1 ? byte : EOF;
}

/* The next byte as unsigned char, or EOF at end of file or on error. */
int fgetc(FILE *f)
{
    int c;
    FLOCK(f);
    c = fgetc_nolock(f);
    FUNLOCK(f);
    return c;
}

/* Pushes c back so the next read returns it; one byte of pushback, as POSIX guarantees. */
int ungetc(int c, FILE *f)
{
    int r = EOF;
    FLOCK(f);
    if (c != EOF && f->unget == EOF && (f->flags & F_READ)) {
        f->unget = (unsigned char)c;
        f->flags &= ~F_EOF;
        r = (unsigned char)c;
    }
    FUNLOCK(f);
    return r;
}

/*
 * Sets f's buffering: mode _IOFBF, _IOLBF or _IONBF, with the caller's buf of size bytes
 * or (buf NULL) one from malloc. Pending output is flushed first. 0, or -1 for a bad mode.
 */
int setvbuf(FILE *f, char *buf, int mode, size_t size)
{
    if (mode != _IOFBF && mode != _IOLBF && mode != _IONBF) {
        errno = EINVAL;
        return -1;
    }
    FLOCK(f);
    fflush_nolock(f);
    if (buf && mode != _IONBF && size > 0) {
        if (f->flags & F_OWNBUF) free(f->buf);
        f->flags &= ~F_OWNBUF;
        f->buf = (unsigned char *)buf;
        f->size = size;
    }
    f->mode = mode;
    FUNLOCK(f);
    return 0;
}

/* setbuf(f, buf) is setvbuf with BUFSIZ bytes, or unbuffered when buf is NULL. */
void setbuf(FILE *f, char *buf) { setvbuf(f, buf, buf ? _IOFBF : _IONBF, BUFSIZ); }

int feof(FILE *f) { return (f->flags & F_EOF) != 0; }
int ferror(FILE *f) { return (f->flags & F_ERR) != 0; }
void clearerr(FILE *f) { f->flags &= ~(F_EOF | F_ERR); }
int fileno(FILE *f) { return f->fd; }

/* Takes the list's lock and then every stream's, in list order (fork.c): afterwards no
 * other thread is inside stdio, so the child of a fork gets consistent streams. */
void __stdio_fork_lock(void)
{
    FILE *f;
    __lock(&__stdio_list_lock);
    for (f = __stdio_streams; f; f = f->next) FLOCK(f);
}

/* Releases what __stdio_fork_lock took, streams first, in the parent after fork. */
void __stdio_fork_unlock(void)
{
    FILE *f;
    for (f = __stdio_streams; f; f = f->next) FUNLOCK(f);
    __unlock(&__stdio_list_lock);
}

/* In the child of fork, whose only thread is the one that took the locks: every stream
 * lock and the list's are free again (the owner tid recorded in them is the parent's). */
void __stdio_fork_child(void)
{
    FILE *f;
    for (f = __stdio_streams; f; f = f->next) {
        f->lock.owner = 0;
        f->lock.depth = 0;
        f->lock.lock = 0;
    }
    __stdio_list_lock = 0;
}
