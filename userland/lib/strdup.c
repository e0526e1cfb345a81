/* strdup.c: copies of strings in memory from malloc. */
#include <string.h>
#include <stdlib.h>

/* A malloc'ed copy of s, or NULL (errno ENOMEM) when memory runs out. */
char *strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *copy = malloc(n);
    if (copy) memcpy(copy, s, n);
    return copy;
}

/* A malloc'ed copy of at most n bytes of s, always NUL-terminated. */
char *strndup(const char *s, size_t n)
{
    size_t len = strnlen(s, n);
    char *copy = malloc(len + 1);
    if (!copy) return 0;
    memcpy(copy, s, len);
    copy[len] = 0;
    return copy;
}
