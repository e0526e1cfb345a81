/* getline.c: stdio.h's getdelim and getline, which grow the caller's buffer to fit a whole line. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include "stdio_impl.h"

/* The first buffer glibc gives a caller who passes none. */
#define FIRST_SIZE 120

/*
 * Reads bytes up to and including delim, or to the end of the file, into *lineptr and
 * NUL-terminates them; *lineptr (malloc'ed, or NULL with any *n) is realloc'ed to fit and
 * *n keeps its size. Returns the bytes read without the NUL, or -1: at the end of the file
 * with nothing read, on a read error, EINVAL for a null lineptr or n, ENOMEM. As in glibc,
 * the stream's lock is held for the whole line, so threads reading one stream get whole lines.
 */
ssize_t getdelim(char **lineptr, size_t *n, int delim, FILE *f)
{
    if (lineptr == NULL || n == NULL) {
        errno = EINVAL;
        return -1;
    }
    FLOCK(f);
    if (*lineptr == NULL || *n == 0) {
        char *first = realloc(*lineptr, FIRST_SIZE);
        if (first == NULL) {
            FUNLOCK(f);
            return -1;
        }
        *lineptr = first;
        *n = FIRST_SIZE;
    }
    size_t len = 0;
    int c;
    while ((c = getc(f)) != EOF) {
        if (len + 2 > *n) { /* room for this byte and the NUL */
            if (*n > SSIZE_MAX / 2) {
                errno = EOVERFLOW;
                FUNLOCK(f);
                return -1;
            }
            char *bigger = realloc(*lineptr, *n * 2);
            if (bigger == NULL) {
                FUNLOCK(f);
                return -1;
            }
            *lineptr = bigger;
            *n *= 2;
        }
        (*lineptr)[len++] = (char)c;
        if (c == delim) break;
    }
    (*lineptr)[len] = '\0';
    FUNLOCK(f);
    return len == 0 ? -1 : (ssize_t)len;
}

ssize_t getline(char **lineptr, size_t *n, FILE *f) { return getdelim(lineptr, n, '\n', f); }
