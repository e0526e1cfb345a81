/* gcc's attributes inside a declarator's parentheses, in a cast and in a declaration. */
#include <stdio.h>

#define UNUSED __attribute__((unused))

static int forty_two(void) { return 42; }

int main(void) {
    void *fp = (void *) forty_two;
    int a = ((UNUSED int (*)(void)) fp)();
    int b = ((int (UNUSED *)(void)) fp)();
    int (UNUSED *c)(void) = forty_two;
    int (__attribute__((unused)) __attribute__((used)) *d) = &a;
    printf("%d %d %d %d\n", a, b, c(), *d);
    return 0;
}
