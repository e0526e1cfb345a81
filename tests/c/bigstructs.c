/* Structs larger than 16 bytes returned by value, struct arguments on the stack, and struct assignment through pointers. */
#include "print.h"

struct vec { long x, y, z; };
struct small { int a; char b; };

static struct vec add(struct vec a, struct vec b) {
    struct vec r = {a.x + b.x, a.y + b.y, a.z + b.z};
    return r;
}

static struct vec scale(struct vec v, long k) {
    v.x *= k;
    v.y *= k;
    v.z *= k;
    return v;
}

static long sum9(long a, long b, long c, long d, long e, long f, long g, struct small s, struct vec v) {
    return a + b + c + d + e + f + g + s.a * 10 + s.b * 100 + v.x * 1000 + v.y * 10000 + v.z * 100000;
}

static struct small mk(int a, char b) {
    struct small s = {.b = b, .a = a};
    return s;
}

struct vec (*pick(int which))(struct vec, long) {
    return which ? scale : 0;
}

int main(void) {
    struct vec a = {1, 2, 3}, b = {10, 20, 30};
    struct vec c = add(a, b);
    show("c.x", c.x);
    show("c.z", c.z);
    show("add(add).y", add(add(a, b), c).y);
    struct vec d = pick(1)(a, 7);
    show("d.z", d.z);
    show("sum9", sum9(1, 2, 3, 4, 5, 6, 7, mk(8, 9), a));
    struct vec arr[2];
    struct vec *p = &arr[1];
    *p = scale(b, 2);
    arr[0] = *p;
    show("arr[0].y", arr[0].y);
    struct small s = mk(-4, 'q');
    show("s.a", s.a);
    show("s.b", s.b);
    return 0;
}
