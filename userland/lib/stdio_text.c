/* stdio_text.c: the character and line functions built on fgetc, fputc and fwrite. */
#include <stdio.h>
#include <string.h>

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
    if (fputs(s, stdout) == EOF || fputc('\n', stdout) == EOF) return EOF;
    return 1;
}

/*
 * Reads a line of at most size-1 bytes, keeping its newline, and adds a NUL. Returns s, or
 * NULL if end of file or an error came before any byte.
 */
char *fgets(char *s, int size, FILE *f)
{
    int n = 0;
    if (size <= 0) return 0;
    while (n < size - 1) {
        int c = fgetc(f);
        if (c == EOF) {
            if (n == 0) return 0;
            break;
        }
        s[n++] = (char)c;
        if (c == '\n') break;
    }
    s[n] = 0;
    return s;
}
