/*
 * format.h: the printf engine's output side, shared by format.c and printf.c.
 *
 * A sink is a buffer plus what to do when it is full: a string sink (snprintf) just
 * counts the bytes that do not fit; a stream or descriptor sink hands the full buffer to
 * its flush function and starts again, so a whole printf usually becomes one write.
 */
#ifndef _CLONIX_FORMAT_H
#define _CLONIX_FORMAT_H

#include <stddef.h>
#include <stdarg.h>

struct sink {
    char *buf;
    size_t cap;                    /* bytes buf can take */
    size_t used;                   /* bytes in buf now */
    int (*flush)(struct sink *s);  /* empties buf; -1 on error; NULL: excess is dropped */
    void *stream;                  /* for flush: the FILE */
    int fd;                        /* for flush: the descriptor */
    int failed;                    /* a flush failed */
    size_t total;                  /* bytes produced, stored or not */
};

/*
 * Formats fmt with the arguments in ap into s; returns the total bytes produced. A format
 * that ends inside a specification sets s->failed, as glibc fails such a call.
 */
size_t __vformat(struct sink *s, const char *fmt, va_list ap);

#endif
