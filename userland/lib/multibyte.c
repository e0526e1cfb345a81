/*
 * multibyte.c: conversions between multibyte and wide characters. Clonix's one locale is
 * C.UTF-8 (locale.h), so a multibyte character is UTF-8 and a wide character its code
 * point, decoded as glibc does: sequences of up to six bytes (values to 0x7fffffff),
 * rejecting overlong forms and UTF-16 surrogates with EILSEQ, and reporting a sequence cut
 * short by n as (size_t)-2 after keeping its bytes in the mbstate_t.
 *
 * An mbstate_t's __count holds the bytes still expected (bits 0-7) and the sequence's
 * length (bits 8-15), its __value the bits read so far; bit 16 of __count marks a UTF-16
 * surrogate that mbrtoc16 or c16rtomb keeps in __value between calls.
 */
#include <wchar.h>
#include <uchar.h>
#include <stdlib.h>
#include <errno.h>

#define PENDING_SURROGATE 0x10000

/* The smallest value that needs a sequence of len bytes: anything less is overlong. */
static unsigned int min_value(int len)
{
    static const unsigned int min[] = {0, 0, 0x80, 0x800, 0x10000, 0x200000, 0x4000000};
    return min[len];
}

/* The length of the sequence that byte b starts, with its value bits in *bits; 0 if none. */
static int lead_byte(unsigned char b, unsigned int *bits)
{
    if (b >= 0xc2 && b <= 0xdf) { *bits = b & 0x1f; return 2; }
    if (b >= 0xe0 && b <= 0xef) { *bits = b & 0x0f; return 3; }
    if (b >= 0xf0 && b <= 0xf7) { *bits = b & 0x07; return 4; }
    if (b >= 0xf8 && b <= 0xfb) { *bits = b & 0x03; return 5; }
    if (b >= 0xfc && b <= 0xfd) { *bits = b & 0x01; return 6; }
    return 0;
}

static size_t illegal(mbstate_t *ps)
{
    ps->__count = 0;
    ps->__value = 0;
    errno = EILSEQ;
    return (size_t) -1;
}

size_t mbrtowc(wchar_t *pwc, const char *s, size_t n, mbstate_t *ps)
{
    static mbstate_t internal;
    if (!ps) ps = &internal;
    if (!s) {
        /* Resets the state; an unfinished sequence is an error, as in glibc. */
        if ((ps->__count & 0xff) != 0) return illegal(ps);
        ps->__count = 0;
        return 0;
    }
    if (n == 0) return (size_t) -2;
    int left = ps->__count & 0xff, len = (ps->__count >> 8) & 0xff;
    unsigned int value = ps->__value;
    size_t used = 0;
    if (left == 0) {
        unsigned char b = (unsigned char) s[used++];
        if (b < 0x80) {
            if (pwc) *pwc = b;
            return b ? 1 : 0;
        }
        len = lead_byte(b, &value);
        if (len == 0) return illegal(ps);
        left = len - 1;
    }
    while (left > 0) {
        if (used == n) {
            ps->__count = left | (len << 8);
            ps->__value = value;
            return (size_t) -2;
        }
        unsigned char b = (unsigned char) s[used++];
        if ((b & 0xc0) != 0x80) return illegal(ps);
        value = value << 6 | (b & 0x3f);
        left--;
        /* Refuse as soon as the bits so far show an overlong form or a surrogate. */
        if (((unsigned long) value + 1) << (6 * left) <= min_value(len)) return illegal(ps);
        if (len == 3 && (value << (6 * left)) >= 0xd800 && (value << (6 * left)) <= 0xdfff) return illegal(ps);
    }
    ps->__count = 0;
    ps->__value = 0;
    if (pwc) *pwc = (wchar_t) value;
    return value ? used : 0;
}

size_t mbrlen(const char *s, size_t n, mbstate_t *ps)
{
    static mbstate_t internal;
    return mbrtowc(NULL, s, n, ps ? ps : &internal);
}

int mbsinit(const mbstate_t *ps)
{
    return !ps || ps->__count == 0;
}

size_t wcrtomb(char *s, wchar_t wc, mbstate_t *ps)
{
    if (!s) return 1;
    if (ps) ps->__count = 0;
    unsigned int v = (unsigned int) wc;
    if (wc < 0 || (v >= 0xd800 && v <= 0xdfff)) {
        errno = EILSEQ;
        return (size_t) -1;
    }
    if (v < 0x80) {
        s[0] = (char) v;
        return 1;
    }
    int len = 2;
    while (len < 6 && v >= min_value(len + 1)) len++;
    for (int i = len - 1; i > 0; i--) {
        s[i] = (char) (0x80 | (v & 0x3f));
        v >>= 6;
    }
    s[0] = (char) ((0xff00 >> len) | v);
    return len;
}

size_t mbsrtowcs(wchar_t *dst, const char **src, size_t len, mbstate_t *ps)
{
    static mbstate_t internal;
    if (!ps) ps = &internal;
    const char *s = *src;
    size_t count = 0;
    for (; !dst || count < len; count++) {
        wchar_t wc;
        size_t r = mbrtowc(&wc, s, 6, ps);
        if (r == (size_t) -1) {
            if (dst) *src = s;
            return r;
        }
        if (dst) dst[count] = wc;
        if (r == 0) {
            if (dst) *src = NULL;
            return count;
        }
        s += r;
    }
    *src = s;
    return count;
}

size_t wcsrtombs(char *dst, const wchar_t **src, size_t len, mbstate_t *ps)
{
    const wchar_t *w = *src;
    size_t count = 0;
    for (;; w++) {
        char buf[6];
        size_t r = wcrtomb(buf, *w, ps);
        if (r == (size_t) -1) {
            if (dst) *src = w;
            return r;
        }
        if (dst && count + r > len) break;
        if (dst) {
            for (size_t i = 0; i < r; i++) dst[count + i] = buf[i];
        }
        if (*w == 0) {
            if (dst) *src = NULL;
            return count;
        }
        count += r;
    }
    *src = w;
    return count;
}

int mbtowc(wchar_t *pwc, const char *s, size_t n)
{
    if (!s) return 0; /* UTF-8 has no shift states */
    mbstate_t st = {0};
    size_t r = mbrtowc(pwc, s, n, &st);
    if (r == (size_t) -2) {
        errno = EILSEQ;
        return -1;
    }
    return (int) r;
}

int mblen(const char *s, size_t n)
{
    return mbtowc(NULL, s, n);
}

int wctomb(char *s, wchar_t wc)
{
    if (!s) return 0;
    return (int) wcrtomb(s, wc, NULL);
}

size_t mbstowcs(wchar_t *dst, const char *src, size_t n)
{
    mbstate_t st = {0};
    return mbsrtowcs(dst, &src, n, &st);
}

size_t wcstombs(char *dst, const wchar_t *src, size_t n)
{
    mbstate_t st = {0};
    return wcsrtombs(dst, &src, n, &st);
}

/* Only ASCII is a single-byte character in UTF-8. */
wint_t btowc(int c)
{
    return c >= 0 && c < 0x80 ? (wint_t) c : WEOF;
}

int wctob(wint_t c)
{
    return c < 0x80 ? (int) c : -1;
}

size_t mbrtoc32(char32_t *pc32, const char *s, size_t n, mbstate_t *ps)
{
    static mbstate_t internal;
    wchar_t wc;
    size_t r = mbrtowc(&wc, s, n, ps ? ps : &internal);
    if (pc32 && r <= 6) *pc32 = (char32_t) wc;
    return r;
}

size_t c32rtomb(char *s, char32_t c32, mbstate_t *ps)
{
    return wcrtomb(s, (wchar_t) c32, ps);
}

/*
 * A character past U+FFFF comes out as two char16_t: the high surrogate, with the bytes'
 * count, then the low one from the state, with (size_t)-3.
 */
size_t mbrtoc16(char16_t *pc16, const char *s, size_t n, mbstate_t *ps)
{
    static mbstate_t internal;
    if (!ps) ps = &internal;
    if (ps->__count & PENDING_SURROGATE) {
        if (pc16) *pc16 = (char16_t) ps->__value;
        ps->__count = 0;
        ps->__value = 0;
        return (size_t) -3;
    }
    wchar_t wc;
    size_t r = mbrtowc(&wc, s, n, ps);
    if (r > 6) return r;
    if (s && wc > 0xffff) {
        unsigned int v = (unsigned int) wc - 0x10000;
        if (pc16) *pc16 = (char16_t) (0xd800 + (v >> 10));
        ps->__count = PENDING_SURROGATE;
        ps->__value = 0xdc00 + (v & 0x3ff);
    } else if (pc16) {
        *pc16 = (char16_t) wc;
    }
    return r;
}

/* A high surrogate is kept until the low one that completes the character. */
size_t c16rtomb(char *s, char16_t c16, mbstate_t *ps)
{
    static mbstate_t internal;
    if (!ps) ps = &internal;
    if (!s) {
        ps->__count = 0;
        return 1;
    }
    if (c16 >= 0xd800 && c16 <= 0xdbff) {
        ps->__count = PENDING_SURROGATE;
        ps->__value = c16;
        return 0;
    }
    wchar_t wc = c16;
    if (ps->__count & PENDING_SURROGATE) {
        unsigned int high = ps->__value;
        ps->__count = 0;
        if (c16 < 0xdc00 || c16 > 0xdfff) return illegal(ps);
        wc = (wchar_t) (0x10000 + ((high - 0xd800) << 10) + (c16 - 0xdc00));
    }
    return wcrtomb(s, wc, ps);
}
