/*
 * fmt_wide.c: printf's %lc and %ls. A wide character is written as the locale's multibyte
 * character, UTF-8 in Clonix's one locale (docs/libc.md), converted by wcrtomb as glibc
 * converts it. Widths and precisions count bytes, and a precision never cuts a character
 * in two. A character that has no multibyte form (a surrogate, a negative value) fails the
 * whole call with EILSEQ (wcrtomb sets errno), as in glibc: the caller stops there.
 */
#include <wchar.h>
#include "format.h"

/* %lc: returns 0, or -1 after setting s->failed. */
int __format_wide_char(struct sink *s, const struct spec *sp, wint_t wc)
{
    char buf[8];
    mbstate_t st = {0};
    size_t n = wcrtomb(buf, (wchar_t) wc, &st);
    if (n == (size_t) -1) {
        s->failed = 1;
        return -1;
    }
    long pad = sp->width > (int) n ? sp->width - (long) n : 0;
    if (!sp->left) __format_fill(s, ' ', pad);
    __format_emit(s, buf, n);
    if (sp->left) __format_fill(s, ' ', pad);
    return 0;
}

/* %ls: returns 0, or -1 after setting s->failed. */
int __format_wide_string(struct sink *s, const struct spec *sp, const wchar_t *ws)
{
    static const wchar_t null[] = {'(', 'n', 'u', 'l', 'l', ')', 0};
    static const wchar_t empty[] = {0};
    /* glibc prints "(null)" for NULL, or nothing if the precision cannot hold it. */
    if (!ws) ws = sp->prec < 0 || sp->prec >= 6 ? null : empty;
    /* First the length in bytes, so that the padding can come first. */
    size_t bytes = 0;
    for (const wchar_t *p = ws; *p; p++) {
        char buf[8];
        mbstate_t st = {0};
        size_t n = wcrtomb(buf, *p, &st);
        if (n == (size_t) -1) {
            s->failed = 1;
            return -1;
        }
        if (sp->prec >= 0 && bytes + n > (size_t) sp->prec) break;
        bytes += n;
    }
    long pad = sp->width > (int) bytes ? sp->width - (long) bytes : 0;
    if (!sp->left) __format_fill(s, ' ', pad);
    for (size_t done = 0; done < bytes; ws++) {
        char buf[8];
        mbstate_t st = {0};
        size_t n = wcrtomb(buf, *ws, &st);
        __format_emit(s, buf, n);
        done += n;
    }
    if (sp->left) __format_fill(s, ' ', pad);
    return 0;
}
