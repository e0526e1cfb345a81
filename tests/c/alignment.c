/*
 * _Alignas, _Alignof and stdalign.h, gcc's aligned and packed attributes on members,
 * structs and variables (locals too, beyond the frame's 16 bytes), attributes that change nothing (unused, noreturn, format...), and
 * the builtins __builtin_offsetof, __builtin_expect and __builtin_types_compatible_p.
 */
#include "print.h"
#include "../../userland/include/stdalign.h"

#define offsetof(t, m) __builtin_offsetof(t, m)

struct A { char c; _Alignas(16) int x; char d; };
struct __attribute__((packed)) P { char c; int x; short s; };
struct Q { char c; int x; } __attribute__((packed));
struct R { char c; int x __attribute__((aligned(8))); };
struct W { char c; } __attribute__((aligned(32)));
struct M { char c; struct P p; long l __attribute__((packed)); };
struct U { char c; alignas(long) char d; int arr[3]; };

alignas(64) char g1[3];
char g2 __attribute__((aligned(128)));
static int g3 __attribute__((aligned)) = 5;
__attribute__((unused)) static int g4;
struct P gp = {1, 0x12345678, 0x777};

__attribute__((noreturn)) void exit(int status);
static int twice(int x) __attribute__((unused));
static int twice(int x) { return 2 * x; }
long write(int fd, const void *buf, unsigned long count) __attribute__((nonnull(2)));

static void show_layout(const char *what, unsigned long size, unsigned long align) {
    print_str(what);
    print_str(": size ");
    print_long(size);
    print_str(", align ");
    print_long(align);
    print_str("\n");
}

int main(void) {
    alignas(16) char l1[5];
    _Alignas(long) char l2;
    int l3 __attribute__((aligned(16))) = 3;
    struct P p = {1, 0x12345678, 0x777};

    show_layout("A", sizeof(struct A), _Alignof(struct A));
    show("A.x", offsetof(struct A, x));
    show("A.d", offsetof(struct A, d));
    show_layout("P", sizeof(struct P), alignof(struct P));
    show("P.x", offsetof(struct P, x));
    show("P.s", offsetof(struct P, s));
    show_layout("Q", sizeof(struct Q), alignof(struct Q));
    show_layout("R", sizeof(struct R), alignof(struct R));
    show("R.x", offsetof(struct R, x));
    show_layout("W", sizeof(struct W), alignof(struct W));
    show_layout("M", sizeof(struct M), alignof(struct M));
    show("M.l", offsetof(struct M, l));
    show_layout("U", sizeof(struct U), alignof(struct U));
    show("U.d", offsetof(struct U, d));
    show("U.arr[2]", offsetof(struct U, arr[2]));

    show("g1 % 64", (long)g1 % 64);
    show("g2 % 128", (long)&g2 % 128);
    show("g3 % 16", (long)&g3 % 16);
    show("g3", g3);
    show("l1 % 16", (long)l1 % 16);
    show("l2 % 8", (long)&l2 % 8);
    show("l3 % 16", (long)&l3 % 16);
    show("alignof g1", __alignof__(g1));
    show("alignof l3", _Alignof(l3));

    /* Locals aligned beyond the frame's 16 bytes, initialised or not, in a loop. */
    for (int i = 0; i < 3; i++) {
        _Alignas(64) char line[10];
        struct W w = {'w'};
        _Alignas(256) int counters[3] = {i, 2, 3};
        line[0] = 'a';
        show("line % 64", (long)line % 64);
        show("&w % 32", (long)&w % 32);
        show("counters % 256", (long)counters % 256);
        show("counters[0] + w.c", counters[0] + w.c);
        show("alignof line", _Alignof(line));
    }

    /* Members of a packed struct at odd addresses still read and write whole. */
    show("p.x", p.x);
    show("p.s", p.s);
    p.x += 0x11111111;
    show("p.x", p.x);
    show("gp.x", gp.x);

    show("expect", __builtin_expect(twice(21), 1));
    if (__builtin_expect(l3 == 3, 0)) print_str("taken\n");
    show("int, int", __builtin_types_compatible_p(int, int));
    show("int, long", __builtin_types_compatible_p(int, long));
    show("int[], int[4]", __builtin_types_compatible_p(int[], int[4]));
    show("int *, long *", __builtin_types_compatible_p(int *, long *));
    show("struct P, struct Q", __builtin_types_compatible_p(struct P, struct Q));
    show("typeof(p), struct P", __builtin_types_compatible_p(__typeof__(p), struct P));
    return 0;
}
