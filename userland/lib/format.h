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
#include <wchar.h>

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

/* One conversion specification, parsed. */
struct spec {
    int left;    /* '-': pad on the right */
    int plus;    /* '+': always a sign */
    int space;   /* ' ': a space where the sign of a positive number would be */
    int alt;     /* '#': 0 before octal, 0x before hex, always a point in floating point */
    int zero;    /* '0': pad numbers with zeros */
    int width;   /* minimum field width, 0 if none */
    int prec;    /* precision, -1 if none */
    int length;  /* 'H' hh, 'h', 'l' (also ll q j z t L), or 0 */
    int ldouble; /* L, ll or q: the floating-point argument is a long double */
};

/* Appends the n bytes at p to the sink (counting them even where they do not fit). */
void __format_emit(struct sink *s, const char *p, size_t n);

/* Appends n copies of c (nothing if n <= 0). */
void __format_fill(struct sink *s, char c, long n);

/*
 * Formats the double whose IEEE 754 bits are `bits` for the conversion conv (one of
 * f F e E g G a A) and the flags, width and precision in sp, exactly as glibc does
 * (fmt_fp.c).
 */
void __format_fp(struct sink *s, const struct spec *sp, int conv, unsigned long long bits);

/*
 * %lc and %ls (fmt_wide.c): the wide character or string written as UTF-8, padded and
 * limited in bytes. Return 0, or -1 after setting s->failed if a character has no
 * multibyte form (errno is then EILSEQ): glibc fails the whole call there.
 */
int __format_wide_char(struct sink *s, const struct spec *sp, wint_t wc);
int __format_wide_string(struct sink *s, const struct spec *sp, const wchar_t *ws);

/*
 * Formats fmt with the arguments in ap into s; returns the total bytes produced. A format
 * that ends inside a specification sets s->failed, as glibc fails such a call.
 */
size_t __vformat(struct sink *s, const char *fmt, va_list ap);

#endif
