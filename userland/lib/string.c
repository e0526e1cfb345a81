/*
 * string.c: the string functions of string.h (the mem* ones are in memory.c).
 *
 * strlen, strcpy and strcmp, which programs call most, go a word (8 bytes) at a time once
 * their pointers reach an 8-byte boundary, reading aligned words only (word.h says why
 * that never faults); the others are plain byte loops. Every function works for any
 * alignment and any length.
 */
#include <string.h>
#include <ctype.h>
#include "word.h"

size_t strlen(const char *s)
{
    const char *p = s;
    word w;
    for (; MISALIGNED(p); p++)
        if (!*p) return (size_t)(p - s);
    for (;; p += WORD_SIZE) {
        w = *(const word *)p;
        if (HAS_ZERO(w)) break;
    }
    while (*p) p++;
    return (size_t)(p - s);
}

size_t strnlen(const char *s, size_t max)
{
    size_t n = 0;
    while (n < max && s[n]) n++;
    return n;
}

/* Word by word when src and dst are equally far from an 8-byte boundary, so that the
 * loads and stores are both aligned; byte by byte otherwise and for the last word. */
char *strcpy(char *dst, const char *src)
{
    char *d = dst;
    word w;
    if (!MISALIGNED((word)d ^ (word)src)) {
        for (; MISALIGNED(src); d++, src++)
            if (!(*d = *src)) return dst;
        for (;; d += WORD_SIZE, src += WORD_SIZE) {
            w = *(const word *)src;
            if (HAS_ZERO(w)) break;
            *(word *)d = w;
        }
    }
    while ((*d++ = *src++)) {
    }
    return dst;
}

/* Copies at most n bytes and pads with NULs up to n; no NUL is added if src is that long. */
char *strncpy(char *dst, const char *src, size_t n)
{
    size_t i = 0;
    for (; i < n && src[i]; i++) dst[i] = src[i];
    for (; i < n; i++) dst[i] = 0;
    return dst;
}

/* As strcpy, but returns the address of the NUL it wrote. */
char *stpcpy(char *dst, const char *src)
{
    while ((*dst = *src++)) dst++;
    return dst;
}

char *strcat(char *dst, const char *src)
{
    strcpy(dst + strlen(dst), src);
    return dst;
}

/* Appends at most n bytes of src and always a NUL. */
char *strncat(char *dst, const char *src, size_t n)
{
    char *d = dst + strlen(dst);
    while (n-- && *src) *d++ = *src++;
    *d = 0;
    return dst;
}

/* Word by word while the words are equal and hold no NUL, when a and b are equally far
 * from an 8-byte boundary (else b's words would be unaligned and could cross into a page
 * past its NUL); the bytes that decide are compared one by one. */
int strcmp(const char *a, const char *b)
{
    word w;
    if (!MISALIGNED((word)a ^ (word)b)) {
        for (; MISALIGNED(a); a++, b++)
            if (!*a || *a != *b) return (unsigned char)*a - (unsigned char)*b;
        for (;; a += WORD_SIZE, b += WORD_SIZE) {
            w = *(const word *)a;
            if (w != *(const word *)b || HAS_ZERO(w)) break;
        }
    }
    while (*a && *a == *b) a++, b++;
    return (unsigned char)*a - (unsigned char)*b;
}

int strncmp(const char *a, const char *b, size_t n)
{
    for (; n; n--, a++, b++) {
        if (*a != *b) return (unsigned char)*a - (unsigned char)*b;
        if (!*a) return 0;
    }
    return 0;
}

int strcasecmp(const char *a, const char *b)
{
    while (*a && tolower((unsigned char)*a) == tolower((unsigned char)*b)) a++, b++;
    return tolower((unsigned char)*a) - tolower((unsigned char)*b);
}

int strncasecmp(const char *a, const char *b, size_t n)
{
    for (; n; n--, a++, b++) {
        int x = tolower((unsigned char)*a), y = tolower((unsigned char)*b);
        if (x != y) return x - y;
        if (!x) return 0;
    }
    return 0;
}

/* Only the "C" locale exists, where collation is byte order. */
int strcoll(const char *a, const char *b) { return strcmp(a, b); }

/* The terminating NUL counts as part of the string: strchr(s, 0) finds it. */
char *strchr(const char *s, int c)
{
    for (;; s++) {
        if (*s == (char)c) return (char *)s;
        if (!*s) return 0;
    }
}

char *strrchr(const char *s, int c)
{
    const char *found = 0;
    for (;; s++) {
        if (*s == (char)c) found = s;
        if (!*s) return (char *)found;
    }
}

char *strstr(const char *haystack, const char *needle)
{
    size_t n = strlen(needle);
    for (; *haystack; haystack++)
        if (strncmp(haystack, needle, n) == 0) return (char *)haystack;
    return n == 0 ? (char *)haystack : 0;
}

size_t strspn(const char *s, const char *accept)
{
    size_t n = 0;
    while (s[n] && strchr(accept, s[n])) n++;
    return n;
}

size_t strcspn(const char *s, const char *reject)
{
    size_t n = 0;
    while (s[n] && !strchr(reject, s[n])) n++;
    return n;
}

char *strpbrk(const char *s, const char *accept)
{
    s += strcspn(s, accept);
    return *s ? (char *)s : 0;
}

/* The re-entrant tokenizer: *saveptr remembers where the next search starts. */
char *strtok_r(char *s, const char *delim, char **saveptr)
{
    char *token;
    if (!s) s = *saveptr;
    s += strspn(s, delim);
    if (!*s) {
        *saveptr = s;
        return 0;
    }
    token = s;
    s += strcspn(s, delim);
    if (*s) *s++ = 0;
    *saveptr = s;
    return token;
}

char *strtok(char *s, const char *delim)
{
    static char *next;
    return strtok_r(s, delim, &next);
}

/* Cuts *sp at the first delimiter; empty fields are returned (unlike strtok). */
char *strsep(char **sp, const char *delim)
{
    char *s = *sp, *end;
    if (!s) return 0;
    end = s + strcspn(s, delim);
    if (*end) {
        *end = 0;
        *sp = end + 1;
    } else {
        *sp = 0;
    }
    return s;
}
