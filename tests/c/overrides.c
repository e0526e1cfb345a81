/*
 * Initialisers that override earlier ones (C11 6.7.9p19), as gcc does it: a designator into
 * a subobject that a whole struct value initialised drops that value (the subobject then
 * holds only what is designated), and a whole value given later replaces earlier designators.
 */
#include "print.h"

struct S { int a, b, c; };
struct T { struct S s; int d; };
union U { struct S s; long l; };

static void show_s(const char *what, struct S s) {
    print_str(what);
    print_str(" ");
    print_long(s.a); print_str(" "); print_long(s.b); print_str(" "); print_long(s.c);
    print_str("\n");
}

int main(void) {
    struct S x = {1, 2, 3};
    struct S y[] = {x, [0].b = 30};
    struct T t1 = {x, .s.c = 9, 4};
    struct T t2 = {.s = x, .s.b = 7, .d = 8};
    struct T t3 = {.s.b = 7, .s = x};
    struct T t4 = {.s = x, 5};
    struct S z[2] = {x, x, [1].a = 11, 12};
    union U u = {.s = x, .s.c = 6};

    print_long(sizeof y / sizeof y[0]); print_str("\n");
    show_s("y[0]", y[0]);
    show_s("t1.s", t1.s); show("t1.d", t1.d);
    show_s("t2.s", t2.s); show("t2.d", t2.d);
    show_s("t3.s", t3.s); show("t3.d", t3.d);
    show_s("t4.s", t4.s); show("t4.d", t4.d);
    show_s("z[0]", z[0]); show_s("z[1]", z[1]);
    show_s("u.s", u.s);
    return 0;
}
