/* Structs and unions: nesting, assignment, passing and returning by value, arrays of structs. */
#include "print.h"

struct point { int x, y; };
struct rect { struct point lo, hi; char tag; };
struct big { long v[5]; };
struct odd { char a, b, c; };
union word { unsigned int u; unsigned char bytes[4]; };

static struct point make(int x, int y) {
    struct point p;
    p.x = x;
    p.y = y;
    return p;
}

static int area(struct rect r) {
    return (r.hi.x - r.lo.x) * (r.hi.y - r.lo.y);
}

static struct big twice(struct big b) {
    for (int i = 0; i < 5; i++) b.v[i] *= 2;
    return b;
}

static struct odd bump(struct odd o) {
    o.a++;
    o.c += 2;
    return o;
}

static long many(long a, long b, long c, long d, long e, long f, long g, long h, long i, struct point j, long k) {
    return a + b + c + d + e + f + g + h + i * 100 + j.x * 1000 + j.y * 10000 + k * 100000;
}

int main(void) {
    struct rect r;
    r.lo = make(1, 2);
    r.hi = make(4, 6);
    r.tag = 'r';
    show("area", area(r));
    struct rect copy = r;
    copy.hi.x = 11;
    show("r.hi.x", r.hi.x);
    show("copy area", area(copy));
    struct big b = {{1, 2, 3, 4, 5}};
    struct big c = twice(b);
    show("b.v[4]", b.v[4]);
    show("c.v[4]", c.v[4]);
    show("twice(twice).v[2]", twice(twice(b)).v[2]);
    struct odd o = {1, 2, 3};
    struct odd o2 = bump(o);
    show("o2.a", o2.a);
    show("o2.c", o2.c);
    show("sizeof(struct odd)", sizeof(struct odd));
    show("sizeof(struct rect)", sizeof(struct rect));
    union word w;
    w.u = 0x11223344;
    show("bytes[0]", w.bytes[0]);
    show("bytes[3]", w.bytes[3]);
    show("sizeof(union word)", sizeof(union word));
    struct point pts[3] = {{1, 2}, {3, 4}, {5, 6}};
    struct point *pp = pts;
    show("pp[2].y", pp[2].y);
    show("(pp+1)->x", (pp + 1)->x);
    show("many", many(1, 2, 3, 4, 5, 6, 7, 8, 9, make(3, 4), 5));
    struct { int a; union { int b; char c; }; } anon;
    anon.b = 65;
    show("anon.c", anon.c);
    return 0;
}
