/* asprintf.c: stdio.h's asprintf and vasprintf, printf into a string malloc'ed to fit. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

/*
 * Measures the output with vsnprintf on a copy of ap, then prints it into a buffer of
 * exactly that size. On failure returns -1; *strp is then undefined, as glibc documents.
 */
int vasprintf(char **strp, const char *fmt, va_list ap)
{
    va_list again;
    va_copy(again, ap);
    int len = vsnprintf(NULL, 0, fmt, again);
    va_end(again);
    if (len < 0) return -1;
    char *s = malloc((size_t)len + 1);
    if (s == NULL) return -1;
    vsnprintf(s, (size_t)len + 1, fmt, ap);
    *strp = s;
    return len;
}

int asprintf(char **strp, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int len = vasprintf(strp, fmt, ap);
    va_end(ap);
    return len;
}
