/* assert.c: the failure half of assert(), printing glibc's message before abort(). */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>

/* Prints "prog: file:line: func: Assertion `expr' failed." as glibc does (without prog). */
void __assert_fail(const char *expr, const char *file, unsigned int line, const char *func)
{
    fflush(stdout);
    fprintf(stderr, "%s:%u: %s: Assertion `%s' failed.\n", file, line, func, expr);
    abort();
}
