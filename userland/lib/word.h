/*
 * word.h: what the word-at-a-time string functions share (memory.c, string.c).
 *
 * They move 8 bytes per load or store where they can, so that memset(p, 0, 160) is 20
 * stores rather than 160, and deal with the bytes before the first 8-byte boundary and
 * after the last one one at a time.
 *
 * Two facts of the Clonix machine (docs/isa.md) make this safe:
 *   - A load or store of 8 bytes may have any alignment (only atomics must be aligned). So
 *     when only one of two pointers can be aligned, the other is read unaligned, and the
 *     functions given a length (mem*) read nothing outside the bytes they were given.
 *   - Memory is mapped and protected by whole 4 KiB pages, and an aligned 8-byte word never
 *     crosses a page boundary. So a function that looks for a NUL (strlen, strcpy, strcmp)
 *     may read the whole aligned word holding a byte it needs: the bytes past the NUL that
 *     it reads lie on the same page as the NUL, which is mapped. Such a function reads words
 *     only at aligned addresses, and never reads a word beyond the one holding the NUL.
 */
#ifndef _CLONIX_WORD_H
#define _CLONIX_WORD_H

#include <stddef.h>

/* may_alias: words are read from memory that C sees as char arrays (gcc would otherwise
 * assume the two cannot overlap; Clonix's compiler assumes nothing either way). */
typedef unsigned long __attribute__((__may_alias__)) word;

#define WORD_SIZE sizeof(word)
#define ONES ((word)-1 / 255)   /* 0x0101010101010101 */
#define HIGHS (ONES << 7)       /* 0x8080808080808080 */

/* Non-zero exactly when some byte of x is 0. x - ONES sets the high bit of every byte that
 * was 0 (and, by the borrow, perhaps of a 1 just above a 0); & ~x keeps only bytes whose
 * high bit was clear before. Bytes flagged above the lowest zero byte may be wrong, so the
 * callers find the zero byte itself byte by byte. */
#define HAS_ZERO(x) (((x) - ONES) & ~(x) & HIGHS)

/* The byte c repeated in every byte of a word. */
#define REPEAT(c) ((word)(unsigned char)(c) * ONES)

/* Non-zero if p is not on an 8-byte boundary. */
#define MISALIGNED(p) ((word)(p) & (WORD_SIZE - 1))

#endif
