/*
 * memory.c: the mem* functions of string.h, a word (8 bytes) at a time (see word.h for why
 * that is safe on this machine).
 *
 * They are the hottest functions of the library: pthread_create clears its thread's
 * descriptor with memset, stdio and malloc copy with memcpy. Byte loops cost about 8
 * instructions a byte here (load, store, two pointer steps, a count, a branch); a word loop
 * moves 8 bytes for the same price, and unrolled four times, 32 bytes for about 11.
 * Each function handles any alignment and any length, and touches no byte outside the
 * ones it was given.
 */
#include <string.h>
#include "word.h"

/* The stores are aligned (the first bytes are set one by one up to an 8-byte boundary). */
void *memset(void *s, int c, size_t n)
{
    unsigned char *p = s;
    word w;
    for (; n && MISALIGNED(p); n--) *p++ = (unsigned char)c;
    w = REPEAT(c);
    for (; n >= 4 * WORD_SIZE; n -= 4 * WORD_SIZE, p += 4 * WORD_SIZE) {
        ((word *)p)[0] = w;
        ((word *)p)[1] = w;
        ((word *)p)[2] = w;
        ((word *)p)[3] = w;
    }
    for (; n >= WORD_SIZE; n -= WORD_SIZE, p += WORD_SIZE) *(word *)p = w;
    for (; n; n--) *p++ = (unsigned char)c;
    return s;
}

/* Aligns the destination and reads the source at whatever alignment that leaves it. Each
 * word is read before the word it lands on is written, so the copy is also right when dst
 * lies below an overlapping src (memmove relies on that). */
void *memcpy(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    for (; n && MISALIGNED(d); n--) *d++ = *s++;
    for (; n >= 4 * WORD_SIZE; n -= 4 * WORD_SIZE, d += 4 * WORD_SIZE, s += 4 * WORD_SIZE) {
        ((word *)d)[0] = ((const word *)s)[0];
        ((word *)d)[1] = ((const word *)s)[1];
        ((word *)d)[2] = ((const word *)s)[2];
        ((word *)d)[3] = ((const word *)s)[3];
    }
    for (; n >= WORD_SIZE; n -= WORD_SIZE, d += WORD_SIZE, s += WORD_SIZE) *(word *)d = *(const word *)s;
    for (; n; n--) *d++ = *s++;
    return dst;
}

/* Copies forwards (memcpy) unless dst starts inside src; then backwards from the end, so
 * that overlapping regions come out right. */
void *memmove(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    /* As unsigned numbers, d - s >= n both when d is below s and when d is past src's end. */
    if ((word)d - (word)s >= n) return memcpy(dst, src, n);
    d += n;
    s += n;
    for (; n && MISALIGNED(d); n--) *--d = *--s;
    for (; n >= WORD_SIZE; n -= WORD_SIZE) {
        d -= WORD_SIZE;
        s -= WORD_SIZE;
        *(word *)d = *(const word *)s;
    }
    for (; n; n--) *--d = *--s;
    return dst;
}

/* Skips equal words, then compares the bytes of the first word that differs (and the tail)
 * one by one, as unsigned char, as C requires. */
int memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *x = a, *y = b;
    for (; n >= WORD_SIZE && *(const word *)x == *(const word *)y; n -= WORD_SIZE, x += WORD_SIZE, y += WORD_SIZE) {
    }
    for (; n; n--, x++, y++)
        if (*x != *y) return *x - *y;
    return 0;
}

/* A word holds c where the word XOR c repeated has a zero byte. */
void *memchr(const void *s, int c, size_t n)
{
    const unsigned char *p = s;
    word pattern = REPEAT(c), w;
    for (; n >= WORD_SIZE; n -= WORD_SIZE, p += WORD_SIZE) {
        w = *(const word *)p ^ pattern;
        if (HAS_ZERO(w)) break;
    }
    for (; n; n--, p++)
        if (*p == (unsigned char)c) return (void *)p;
    return 0;
}

void *memrchr(const void *s, int c, size_t n)
{
    const unsigned char *p = (const unsigned char *)s + n;
    while (n--)
        if (*--p == (unsigned char)c) return (void *)p;
    return 0;
}
