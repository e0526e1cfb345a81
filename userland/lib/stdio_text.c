/* stdio_text.c: the character and line functions built on fgetc, fputc and fwrite. */
#include <stdio.h>
#include <string.h>
#include "stdio_impl.h"

int getc(FILE *f) { return fgetc(f); }
int getchar(void) { return fgetc(stdin); }
int putc(int c, FILE *f) { return fputc(c, f); }
int putchar(int c) { return fputc(c, stdout); }

/* Writes s without its NUL; a non-negative number, or EOF. */
int fputs(const char *s, FILE *f)
{
    size_t n = strlen(s);
    if (n == 0) return 0;
    return fwrite(s, 1, n, f) == n ? 1 : EOF;
}

/* Writes s and a newline to stdout. */
int puts(const char *s)
{
    int r = 1;
    FLOCK(stdout); /* the line and its newline in one piece */
    if (fputs(s, stdout) == EOF || fputc('\n', stdout) == EOF) r = EOF;
    FUNLOCK(stdout);
    return r;
}

/*
 * Reads a line of at most size-1 bytes, keeping its newline, and adds a NUL. Returns s, or
 * NULL if end of file or an error came before any byte.
 */
char *fgets(char *s, int size, FILE *f)
{
    int n = 0, empty_eof = 0;
    if (size <= 0) return 0;
    FLOCK(f); /* one line read as a whole, as glibc's */
    while (n < size - 1) {
        int c = fgetc(f);
        if (c == EOF) {
            empty_eof = n == 0;
            break;
        }
        s[n++] = (char)c;
        if (c == '\n') break;
    }
    FUNLOCK(f);
    if (empty_eof) return 0;
    s[n] = 0;
    return s;
}
