/*
 * Early returns before the frame (shrink-wrapping), arguments computed into their
 * registers, and constants kept in a register across a loop: the edge cases of each, with
 * both paths of every early test taken.
 */
#include "print.h"

static long fib(int n) {
    if (n < 2) return n;
    return fib(n - 1) + fib(n - 2);
}

static int ack(int m, int n) {
    if (m == 0) return n + 1;
    if (n == 0) return ack(m - 1, 1);
    return ack(m - 1, ack(m, n - 1));
}

static long sink;

static void keep(long *p) {
    sink += *p;
}

/* Many locals, some in registers, one in memory, after two early tests. */
static long many(long n, long m) {
    if (n < 0) return -n;
    if (m == 7 || n + m > 1000) return n * 2 + m;
    long a = n + 1, b = m * 3, c = a * b, d = c - n, e = d ^ m, f = e + a, g = f * 2;
    long mem = a + g;
    keep(&mem);
    return a + b + c + d + e + f + g + mem;
}

/* An early test on a parameter that arrives on the stack (the ninth) cannot run early. */
static long ninth(long a, long b, long c, long d, long e, long f, long g, long h, long i) {
    if (i == 0) return a + h;
    keep(&a);
    return a + b + c + d + e + f + g + h + i;
}

struct pair {
    long x, y;
};

/* A struct parameter takes two registers before n. */
static long after_struct(struct pair p, int n) {
    if (n > 3) return p.x - n;
    if (p.y == 0) return 99;
    keep(&p.y);
    return p.x + p.y + n;
}

/* An early test that reads a global and a pointer parameter; a void function. */
static int calls;
static void count_to(int *p, int n) {
    if (p == 0 || n <= 0) return;
    if (*p >= calls + 100) return;
    *p += n;
    count_to(p, n - 1);
}

/* Leaves with something in memory, addressed without fp: an array, arguments on the stack, structs. */
static long leaf_array(long i, long v) {
    long a[5] = {1, 2, 3, 4, 5};
    a[i % 5] = v;
    return a[0] * 10000 + a[1] * 1000 + a[2] * 100 + a[3] * 10 + a[4];
}

static long leaf_stack_args(long a, long b, long c, long d, long e, long f, long g, long h, long i, long j) {
    return a + b + c + d + e + f + g + h + i * 100 + j * 1000;
}

static struct pair swap(struct pair p) {
    struct pair q = {p.y, p.x};
    return q;
}

/* A variable-length array after the early return. */
static long vla_sum(int n) {
    if (n <= 0) return -1;
    long v[n];
    for (int i = 0; i < n; i++) v[i] = (long) i * i;
    long s = 0;
    for (int i = 0; i < n; i++) s += v[i];
    keep(&s);
    return s;
}

/* Variadic: its early return still needs the register save area. */
static long sum_args(int n, ...) {
    if (n == 0) return 0;
    __builtin_va_list ap;
    __builtin_va_start(ap, n);
    long s = 0;
    for (int i = 0; i < n; i++) s += __builtin_va_arg(ap, long);
    __builtin_va_end(ap);
    return s;
}

/* An early return of a condition whose value is computed with temporaries. */
static int in_range(long v, long lo, long hi) {
    if (v < lo || v > hi) return (v < lo) * 2 + (v > hi) * 3;
    return fib((int) (v - lo) % 10) > 5 ? 10 : 11;
}

static long mix(long a, long b, long c, long d) {
    return a * 1000 + b * 100 + c * 10 + d;
}

static long twice(long v) {
    return v * 2;
}

/* Arguments computed around calls: only those after the last call can go straight to a0..a7. */
static void arguments(long x, long y) {
    show("args plain", mix(x + 1, y - 1, x * y, x ^ y));
    show("args call last", mix(x + 1, y - 1, x * y, twice(y)));
    show("args call first", mix(twice(x), y - 1, x * y, x ^ y));
    show("args call middle", mix(x + 1, twice(y) + 1, x * y, twice(x) - y));
    show("args nested", mix(mix(x, y, 1, 2) % 7, twice(mix(1, 2, 3, x)) % 5, x - y, y - x));
}

static char table[64];

/* Constants stored and compared inside loops, with nested loops, a switch and a goto into a loop. */
static long loops(int n) {
    unsigned long s = 0;
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < 64; i++) table[i] = 0;
        for (int i = 2; i < n && i < 64; i++) {
            if (table[i] == 1) continue;
            s = s * 3 + i;
            for (int j = i * i; j < 64; j += i) table[j] = 1;
        }
        int k = 0;
        while (k != 40) {
            switch (k % 4) {
            case 0: table[k] = 5; break;
            case 1: table[k] = 7; break;
            default: table[k] = 9;
            }
            k++;
        }
        for (int i = 0; i < 64; i++) s += table[i];
    }
    int m = n % 3;
    if (m == 1) goto inside;
    for (m = 0; m < 5; m++) {
        table[m] = 3;
    inside:
        table[m + 10] = 4;
        s += table[m] + table[m + 10];
    }
    /* Duff's device: the switch jumps into the middle of the loop. */
    int count = n, t = 0;
    switch (count % 4) {
    case 0: do { t += 6;
    case 3:      t += 6;
    case 2:      t += 6;
    case 1:      t += 6;
            } while ((count -= 4) > 0);
    }
    return (long) (s * 100 + t);
}

int main(void) {
    show("fib", fib(20));
    show("ack", ack(2, 9));
    show("many negative", many(-5, 3));
    show("many seven", many(4, 7));
    show("many big", many(900, 200));
    show("many", many(4, 5));
    show("ninth zero", ninth(1, 2, 3, 4, 5, 6, 7, 8, 0));
    show("ninth", ninth(1, 2, 3, 4, 5, 6, 7, 8, 9));
    struct pair p = {40, 2}, q = {40, 0};
    show("struct early", after_struct(p, 5));
    show("struct y zero", after_struct(q, 1));
    show("struct", after_struct(p, 1));
    show("leaf array", leaf_array(7, 9));
    show("leaf stack args", leaf_stack_args(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
    struct pair r = swap(p);
    show("leaf struct", r.x * 100 + r.y);
    int c = 0;
    count_to(0, 5);
    count_to(&c, 0);
    count_to(&c, 10);
    show("count", c);
    calls = -60;
    c = 0;
    count_to(&c, 10);
    show("count capped", c);
    show("vla none", vla_sum(0));
    show("vla", vla_sum(10));
    show("varargs none", sum_args(0));
    show("varargs", sum_args(4, 1L, 20L, 300L, 4000L));
    show("range low", in_range(1, 5, 9));
    show("range high", in_range(12, 5, 9));
    show("range in", in_range(7, 5, 9));
    arguments(6, 4);
    arguments(-3, 11);
    show("loops", loops(50));
    show("loops goto", loops(31));
    show("loops short", loops(5));
    show("sink", sink);
    return 0;
}
