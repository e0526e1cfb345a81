/* Floating values through calls: mixed int/double arguments past the eighth (on the stack), float parameters and results, variadic doubles read with va_arg, struct {float x, y} by value, unprototyped calls. */
#include "fp.h"

typedef __builtin_va_list va_list;
#define va_start(ap, last) __builtin_va_start(ap, last)
#define va_arg(ap, type) __builtin_va_arg(ap, type)
#define va_end(ap) __builtin_va_end(ap)

static double mixed(int a, double b, long c, float d, char e, double f, unsigned g, float h, double i, int j, double k, float l) {
    return a + b * 2 + c * 3 + d * 4 + e * 5 + f * 6 + g * 7 + h * 8 + i * 9 + j * 10 + k * 11 + l * 12;
}

static float half(float x) { return x / 2; }
static double twice(double x) { return x * 2; }
static float narrow(double x) { return x; }
static double widen(float x) { return x; }
static int truncate(double x) { return x; }
static double from_int(int x) { return x; }
static unsigned long to_ulong(double x) { return x; }

/* Sums n doubles, then one int, then n more doubles given as floats (promoted to double). */
static double vsum(int n, ...) {
    va_list ap;
    va_start(ap, n);
    double s = 0;
    for (int i = 0; i < n; i++) s += va_arg(ap, double);
    int k = va_arg(ap, int);
    for (int i = 0; i < n; i++) s += k * va_arg(ap, double);
    va_end(ap);
    return s;
}

struct point { float x, y; };
struct triple { double a, b, c; };
struct mixed { int tag; float f; double d; };

static struct point mid(struct point p, struct point q) {
    struct point r = {(p.x + q.x) / 2, (p.y + q.y) / 2};
    return r;
}

static struct triple scale(struct triple t, double k) {
    t.a *= k;
    t.b *= k;
    t.c *= k;
    return t;
}

static double weigh(struct mixed m, float w) { return m.tag * m.f * w + m.d; }

/* Declared without a prototype: a float argument is promoted to double (defined below main). */
double unprototyped();

static double apply(double (*f)(double), double x) { return f(x); }

static double many_floats(float a, float b, float c, float d, float e, float f, float g, float h, float i, float j) {
    return a - b + c - d + e - f + g - h + i - j;
}

int main(void) {
    volatile double v = 1.0 / 3;
    show_d("mixed", mixed(1, 0.5, 3, 0.25f, 'a', v, 7u, 1.5f, -2.5, 10, v * v, 0.1f));
    show_f("half(3.0f)", half(3.0f));
    show_f("half(int 5)", half(5));
    show_d("twice(v)", twice(v));
    show_d("twice(float)", twice(0.1f));
    show_f("narrow(v)", narrow(v));
    show_d("widen(0.1f)", widen(0.1f));
    show("truncate(-7.9)", truncate(-7.9));
    show_d("from_int(-3)", from_int(-3));
    show_hex("to_ulong(1e19)", to_ulong(1e19), 16);
    float f = 0.1f;
    show_d("vsum", vsum(3, 0.5, v, -1.25, 2, f, 2.5f, (float) v));
    show_d("vsum of nothing", vsum(0, 7));
    struct point p = {1.0f, 2.0f}, q = {4.0f, -1.0f};
    struct point m = mid(p, q);
    show_f("mid.x", m.x);
    show_f("mid.y", m.y);
    struct triple t = {0.1, 0.2, 0.3};
    t = scale(t, 3);
    show_d("scale.a", t.a);
    show_d("scale.b", t.b);
    show_d("scale.c", t.c);
    struct mixed mx = {3, 0.5f, 0.125};
    show_d("weigh", weigh(mx, 1.5f));
    show_d("unprototyped", unprototyped(2.5f, 3));
    show_d("apply(twice)", apply(twice, 0.75));
    double (*fp)(double) = twice;
    show_d("through a pointer", fp(fp(1.5)));
    show_d("many_floats", many_floats(0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f, 0.9f, 1.0f));
    show_d("nested calls", twice(half(twice(v))) + mixed(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, half(1)));
    return 0;
}

double unprototyped(double x, int y) { return x * y; }
