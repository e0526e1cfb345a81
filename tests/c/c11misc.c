/*
 * More of C11 and GNU C: _Generic, compound literals as lvalues, identity casts in
 * constant expressions, typedef names hidden by variables in inner scopes, designators
 * naming members of anonymous structs and unions, static flexible array member
 * initialisers, and K&R function definitions.
 */
#include "print.h"

typedef int T;
struct P { int x, y; };
struct A { int k; union { int u; char c; }; struct { int s1, s2; }; };
struct F { int n; int data[]; };
struct Name { int len; char text[]; };

static struct F fam = {3, {1, 2, 3}};
static struct F fam_designated = {.data = {[4] = 9}, .n = 5};
static struct Name name = {5, "hello"};
static struct F fam_empty = {7};
enum { K = (int)5 + (char)2 };
static int arr[(int)4];
static int identity = (int)(long)7;
static struct P *global_literal = &(struct P){10, 20};

int knr(a, b) int a; char *b; { return a + b[0]; }
int knr_default(x) { return x * 2; }
long knr_many(a, b, c) long c; short a; { return a * 100 + b * 10 + c; }

#define type_name(x) _Generic((x), int: "int", long: "long", char *: "char *", \
    struct P: "struct P", int *: "int *", default: "other")

int main(void) {
    {
        int T = 3;
        show("inner T", T);
        T++;
        show("inner T++", T);
    }
    T t = 4;
    show("outer T", t);
    show("sizeof(T)", sizeof(T));

    int *ip = &(int){5};
    struct P *pp = &(struct P){1, 2};
    (struct P){3, 4}.x = 9;
    pp->y = 7;
    *ip += 1;
    show("*ip", *ip);
    show("pp->x", pp->x);
    show("pp->y", pp->y);
    show("(int[]){4, 5, 6}[2]", (int[]){4, 5, 6}[2]);
    show("global_literal->y", global_literal->y);

    struct A a = {.k = 1, .u = 2, .s2 = 5};
    show("a.k", a.k);
    show("a.u", a.u);
    show("a.s1", a.s1);
    show("a.s2", a.s2);
    struct A b = {.c = 'x', .s1 = 8, 9};
    show("b.c", b.c);
    show("b.s2", b.s2);

    show("fam.n", fam.n);
    show("fam.data[2]", fam.data[2]);
    show("sizeof fam", sizeof fam);
    show("fam_designated.n", fam_designated.n);
    show("fam_designated.data[3]", fam_designated.data[3]);
    show("fam_designated.data[4]", fam_designated.data[4]);
    print_str(name.text); print_str("\n");
    show("fam_empty.n", fam_empty.n);

    show("K", K);
    show("sizeof arr", sizeof arr);
    show("identity", identity);

    show("knr", knr(1, "A"));
    show("knr_default", knr_default(21));
    show("knr_many", knr_many(1, 2, 3));

    struct P p = {1, 2};
    int x = 0;
    print_str(type_name(1)); print_str("\n");
    print_str(type_name(1L)); print_str("\n");
    print_str(type_name("s")); print_str("\n");
    print_str(type_name((short)1)); print_str("\n");
    print_str(type_name(p)); print_str("\n");
    print_str(type_name(&x)); print_str("\n");
    print_str(type_name(arr)); print_str("\n");
    show("_Generic is not evaluated", _Generic(x++, int: x, default: 0));
    return 0;
}
