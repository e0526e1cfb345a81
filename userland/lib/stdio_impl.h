/*
 * stdio_impl.h: what a FILE is, shared by libc's stdio files.
 *
 * One buffer serves both directions, but a stream is only ever in one of them at a time:
 * it holds either bytes waiting to be written (wlen > 0) or bytes read ahead and not yet
 * consumed (rpos < rlen). Switching direction first flushes the written bytes, or gives
 * back the unread ones by seeking the descriptor backwards.
 */
#ifndef _CLONIX_STDIO_IMPL_H
#define _CLONIX_STDIO_IMPL_H

#include <stdio.h>
#include "lock.h"

#define F_READ 1      /* opened for reading */
#define F_WRITE 2     /* opened for writing */
#define F_EOF 4       /* end of file seen (feof) */
#define F_ERR 8       /* an error happened (ferror) */
#define F_OWNBUF 16   /* buf came from malloc and is freed by fclose */
#define F_STATIC 32   /* stdin, stdout or stderr: the FILE itself is not freed */

#define MODE_UNDECIDED (-1) /* stdout: line or full buffering, decided at first use */

struct __clonix_file {
    int fd;
    int flags;
    int mode;              /* _IOFBF, _IOLBF, _IONBF or MODE_UNDECIDED */
    unsigned char *buf;    /* NULL until first needed (or for _IONBF) */
    size_t size;           /* capacity of buf */
    size_t wlen;           /* bytes in buf waiting to be written */
    size_t rpos, rlen;     /* read-ahead: the next byte and the end of valid bytes */
    int unget;             /* the byte pushed back by ungetc, or EOF */
    struct __clonix_file *next; /* every open stream, for fflush(NULL) and exit */
    struct __rlock lock;   /* held by each public stdio call on this stream */
};

/* The list of open streams (stdin, stdout, stderr first). */
extern FILE *__stdio_streams;

/* Guards the links of __stdio_streams (fopen and fclose change them) once there are
 * threads; stream contents are guarded by each stream's own lock. */
extern volatile int __stdio_list_lock;

/*
 * THREADS: as glibc, every public function locks its stream for the whole call, so a
 * printf of one line is never interleaved with another thread's output. The lock is
 * recursive because the functions call each other (puts -> fputs -> fwrite), and free
 * while the process has one thread (lock.h).
 */
#define FLOCK(f) __rlock_acquire(&(f)->lock)
#define FUNLOCK(f) __rlock_release(&(f)->lock)
#define LIST_LOCK() do { if (__libc_multiple_threads) __lock(&__stdio_list_lock); } while (0)
#define LIST_UNLOCK() do { if (__libc_multiple_threads) __unlock(&__stdio_list_lock); } while (0)

/* Gives back read-ahead bytes so the descriptor's offset is where the program thinks it is. */
void __stdio_drop_read(FILE *f);

#endif
