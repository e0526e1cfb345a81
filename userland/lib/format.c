/*
 * format.c: the printf engine. Output is byte-for-byte glibc's for everything it supports:
 * flags - + space # 0, width and precision (also as *), length modifiers hh h l ll q j z
 * t L, and conversions d i u o x X c s p % and, through fmt_fp.c, f F e E g G a A and,
 * through fmt_wide.c, the wide %lc and %ls. Differences from glibc (docs/libc.md): %n
 * stores nothing; %m and positional arguments (%1$d) are not supported.
 */
#include <string.h>
#include "format.h"

void __format_emit(struct sink *s, const char *p, size_t n)
{
    s->total += n;
    while (n > 0) {
        size_t room;
        if (s->used == s->cap) {
            if (!s->flush) return;
            if (s->flush(s) < 0) s->failed = 1;
            s->used = 0;
            if (s->cap == 0) return;
        }
        room = s->cap - s->used;
        if (room > n) room = n;
        memcpy(s->buf + s->used, p, room);
        s->used += room;
        p += room;
        n -= room;
    }
}

void __format_fill(struct sink *s, char c, long n)
{
    char chunk[16];
    memset(chunk, c, sizeof chunk);
    while (n > 0) {
        long k = n < 16 ? n : 16;
        __format_emit(s, chunk, (size_t)k);
        n -= k;
    }
}

/* A string field: at most prec bytes of str, padded with spaces to the width (as glibc, even with '0'). */
static void put_string(struct sink *s, const struct spec *sp, const char *str)
{
    size_t n = sp->prec < 0 ? strlen(str) : strnlen(str, (size_t)sp->prec);
    int pad = sp->width > (int)n ? sp->width - (int)n : 0;
    if (!sp->left) __format_fill(s, ' ', pad);
    __format_emit(s, str, n);
    if (sp->left) __format_fill(s, ' ', pad);
}

/*
 * A number field: [spaces] [sign or 0x] [zeros] digits [spaces]. The precision is the
 * minimum number of digits (0 with value 0 means no digits); the '0' flag fills the width
 * with zeros only when there is no precision and no '-'.
 */
static void put_number(struct sink *s, const struct spec *sp, unsigned long long value,
                       int negative, int signed_form, int base, int upper)
{
    const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char digits[24];
    char prefix[3];
    int n = 0, plen = 0, zeros = 0, len, pad;
    unsigned long long v = value;
    while (v) {
        digits[n++] = set[v % (unsigned)base];
        v /= (unsigned)base;
    }
    if (sp->prec < 0) zeros = n == 0 ? 1 : 0;
    else if (sp->prec > n) zeros = sp->prec - n;
    if (base == 8 && sp->alt && zeros == 0) zeros = 1;
    if (negative) prefix[plen++] = '-';
    else if (signed_form && sp->plus) prefix[plen++] = '+';
    else if (signed_form && sp->space) prefix[plen++] = ' ';
    if (base == 16 && sp->alt && value != 0) {
        prefix[plen++] = '0';
        prefix[plen++] = upper ? 'X' : 'x';
    }
    len = plen + zeros + n;
    pad = sp->width > len ? sp->width - len : 0;
    if (!sp->left && sp->zero && sp->prec < 0) {
        zeros += pad;
        pad = 0;
    }
    if (!sp->left) __format_fill(s, ' ', pad);
    __format_emit(s, prefix, (size_t)plen);
    __format_fill(s, '0', zeros);
    while (n > 0) __format_emit(s, &digits[--n], 1);
    if (sp->left) __format_fill(s, ' ', pad);
}

/* Reads decimal digits at *p (an int, saturating far beyond any useful width). */
static int read_number(const char **p)
{
    int n = 0;
    while (**p >= '0' && **p <= '9') {
        if (n < 100000000) n = n * 10 + (**p - '0');
        (*p)++;
    }
    return n;
}

/* The engine itself; its contract is in format.h. */
size_t __vformat(struct sink *s, const char *fmt, va_list ap)
{
    while (*fmt) {
        struct spec sp;
        const char *start;
        char c;
        if (*fmt != '%') {
            const char *end = strchr(fmt, '%');
            size_t n = end ? (size_t)(end - fmt) : strlen(fmt);
            __format_emit(s, fmt, n);
            fmt += n;
            continue;
        }
        start = fmt++;
        memset(&sp, 0, sizeof sp);
        sp.prec = -1;
        for (;; fmt++) {
            if (*fmt == '-') sp.left = 1;
            else if (*fmt == '+') sp.plus = 1;
            else if (*fmt == ' ') sp.space = 1;
            else if (*fmt == '#') sp.alt = 1;
            else if (*fmt == '0') sp.zero = 1;
            else if (*fmt != '\'') break; /* grouping: nothing to group in the C locale */
        }
        if (*fmt == '*') {
            fmt++;
            sp.width = va_arg(ap, int);
            if (sp.width < 0) { /* a negative width is the '-' flag */
                sp.left = 1;
                sp.width = sp.width == -2147483647 - 1 ? 2147483647 : -sp.width;
            }
        } else {
            sp.width = read_number(&fmt);
        }
        if (*fmt == '.') {
            fmt++;
            if (*fmt == '*') {
                fmt++;
                sp.prec = va_arg(ap, int);
                if (sp.prec < 0) sp.prec = -1; /* a negative precision is none */
            } else {
                sp.prec = read_number(&fmt);
            }
        }
        if (fmt[0] == 'h' && fmt[1] == 'h') sp.length = 'H', fmt += 2;
        else if (fmt[0] == 'h') sp.length = 'h', fmt++;
        else if (fmt[0] == 'l' && fmt[1] == 'l') sp.length = 'l', sp.ldouble = 1, fmt += 2;
        else if (fmt[0] == 'L' || fmt[0] == 'q') sp.length = 'l', sp.ldouble = 1, fmt++;
        else if (strchr("ljzt", fmt[0]) && fmt[0]) sp.length = 'l', fmt++;
        c = *fmt;
        if (!c) {
            /* The format ends inside a specification: glibc fails the call (EINVAL, -1). */
            s->failed = 1;
            break;
        }
        fmt++;
        switch (c) {
        case 'd':
        case 'i': {
            long long v;
            if (sp.length == 'l') v = va_arg(ap, long);
            else if (sp.length == 'h') v = (short)va_arg(ap, int);
            else if (sp.length == 'H') v = (signed char)va_arg(ap, int);
            else v = va_arg(ap, int);
            put_number(s, &sp, v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v, v < 0, 1, 10, 0);
            break;
        }
        case 'u':
        case 'o':
        case 'x':
        case 'X': {
            unsigned long long v;
            if (sp.length == 'l') v = va_arg(ap, unsigned long);
            else if (sp.length == 'h') v = (unsigned short)va_arg(ap, unsigned int);
            else if (sp.length == 'H') v = (unsigned char)va_arg(ap, unsigned int);
            else v = va_arg(ap, unsigned int);
            put_number(s, &sp, v, 0, 0, c == 'u' ? 10 : c == 'o' ? 8 : 16, c == 'X');
            break;
        }
        case 'p': {
            void *p = va_arg(ap, void *);
            if (!p) {
                /* glibc prints "(nil)" as a string, never truncated. */
                if (sp.prec < 5) sp.prec = 5;
                put_string(s, &sp, "(nil)");
            } else {
                /* As %#lx, except that glibc keeps the '+' and ' ' flags here. */
                sp.alt = 1;
                put_number(s, &sp, (unsigned long)p, 0, 1, 16, 0);
            }
            break;
        }
        case 'c': {
            char ch;
            if (sp.length == 'l' && !sp.ldouble) { /* %lc: fmt_wide.c */
                if (__format_wide_char(s, &sp, va_arg(ap, wint_t)) < 0) return s->total;
                break;
            }
            ch = (char)va_arg(ap, int);
            int pad = sp.width > 1 ? sp.width - 1 : 0;
            if (!sp.left) __format_fill(s, ' ', pad);
            __format_emit(s, &ch, 1);
            if (sp.left) __format_fill(s, ' ', pad);
            break;
        }
        case 's': {
            const char *str;
            if (sp.length == 'l' && !sp.ldouble) { /* %ls: fmt_wide.c */
                if (__format_wide_string(s, &sp, va_arg(ap, const wchar_t *)) < 0) return s->total;
                break;
            }
            str = va_arg(ap, const char *);
            /* glibc prints "(null)" for NULL, or nothing if the precision cannot hold it. */
            if (!str) str = sp.prec < 0 || sp.prec >= 6 ? "(null)" : "";
            put_string(s, &sp, str);
            break;
        }
        case 'n':
            (void)va_arg(ap, void *); /* not supported: a classic attack vector, and rarely needed */
            break;
        case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': case 'a': case 'A': {
            unsigned long long bits;
            double d;
#if __SIZEOF_LONG_DOUBLE__ > __SIZEOF_DOUBLE__
            /* A host build, where long double is wider: it is printed as the nearest double. */
            d = sp.ldouble ? (double)va_arg(ap, long double) : va_arg(ap, double);
#else
            d = va_arg(ap, double); /* long double is double on Clonix */
#endif
            memcpy(&bits, &d, sizeof bits);
            __format_fp(s, &sp, c, bits);
            break;
        }
        case '%':
            __format_emit(s, "%", 1);
            break;
        default:
            /* An unknown conversion: glibc prints the specification as it is. */
            __format_emit(s, start, (size_t)(fmt - start));
            break;
        }
    }
    return s->total;
}
