/*
 * c11_headers.c: the small C11 headers (assert.h's static_assert, stdalign.h,
 * stdnoreturn.h, iso646.h) and the preprocessor's __has_include, as gcc has them.
 */
#include <assert.h>
#include <iso646.h>
#include <stdalign.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdnoreturn.h>

static_assert(sizeof(int) == 4, "int is 32 bits");
static_assert(alignof(long) == 8, "long is 8-aligned");
_Static_assert(sizeof(long long) >= sizeof(long), "long long is at least a long");
_Static_assert(1);

struct s {
    char c;
    static_assert(__alignas_is_defined and __alignof_is_defined, "stdalign.h");
    int i;
};

static noreturn void finish(int status)
{
    fflush(stdout);
    exit(status);
}

int main(void)
{
    static_assert(sizeof(struct s) == 8, "struct s is padded");
    printf("alignof %zu %zu %zu\n", alignof(char), alignof(short), alignof(struct s));
    printf("iso646 %d %d %d %d\n", 1 and not 0, (6 bitand 3) xor 1, (4 bitor 1) not_eq 5, compl 0);
    int x = 12;
    x and_eq 10;
    x or_eq 1;
    x xor_eq 2;
    printf("x %d\n", x);
#if __has_include(<stdio.h>) && !__has_include("no_such_header.h")
    printf("__has_include works\n");
#endif
    finish(0);
}
