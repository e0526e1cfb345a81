/*
 * Which NaN an invalid operation gives depends on when it is computed, under gcc as under
 * Clonix: in a static initializer the compiler must fold it, and gcc's folded NaN is
 * positive; in code it is left to run time, where x86-64 gives the negative default NaN.
 */
#include <stdio.h>
#include <string.h>

static double s = 0.0 / 0.0, t = -(0.0 / 0.0), u = (0.0 / 0.0) * 2 + 1;
static float f = 0.0f / 0.0f;
static double g = (float) (0.0 / 0.0);
static double in = 1e308 * 10 - 1e308 * 10;

static void show(const char *what, double d) {
    unsigned long bits;
    memcpy(&bits, &d, sizeof bits);
    printf("%-22s %016lx %f\n", what, bits, d);
}

int main(void) {
    volatile double z = 0.0;
    double a = 0.0 / 0.0;
    static double local_static = 0.0 * (1e308 * 10);
    show("static 0/0", s);
    show("static -(0/0)", t);
    show("static (0/0)*2+1", u);
    show("static float 0/0", f);
    show("static (float)(0/0)", g);
    show("static inf-inf", in);
    show("local static 0*inf", local_static);
    show("code 0.0/0.0", a);
    show("code z/z", z / z);
    show("code -(0.0/0.0)", -(0.0 / 0.0));
    show("code 1/0", 1.0 / 0.0);
    return 0;
}
