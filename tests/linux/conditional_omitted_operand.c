/* GNU C's "x ?: y": x if it is non-zero, else y, with x evaluated only once. */
#include <stdio.h>
static int calls;
static int next(void) { return ++calls; }
int main(void) {
    int i = 3, z = 0;
    char *s = NULL, *t = "fallback";
    printf("%d %d %d\n", 3 ?: 5, 0 ?: 5, ++i ?: 10);
    printf("%d %s %d\n", z ?: 7, s ?: t, next() ?: 99);
    printf("calls %d i %d\n", calls, i);
    double d = 0.0;
    printf("%g\n", d ?: 2.5);
    return 0;
}
