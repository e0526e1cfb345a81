/*
 * A floating constant converted to an integer type it does not fit: GCC folds the
 * conversion at compile time, even at -O0, and saturates to the type's range (a NaN gives
 * 0), while the same conversion at run time gives x86-64's "integer indefinite" value.
 * Clonix folds as GCC does and runs as x86-64 does. GCC also folds the conversion into a
 * comma expression, the arms of a conditional and the value of an assignment.
 */
#include <stdio.h>

static int s_int = 1e20;
static unsigned s_unsigned = -1.5;
static long s_long = -1e30;
static unsigned long s_ulong = 1e30;
static short s_short = -1e6;

static int calls;
static int effect(void) { return ++calls; }

int main(void) {
    printf("static: %d %u %ld %lu %d\n", s_int, s_unsigned, s_long, s_ulong, s_short);

    int a = 1e20, b = -1e20;
    unsigned c = 5e9, d = -0.5;
    long e = 1e30;
    unsigned long f = -2.0;
    short g = 1e6;
    signed char h = 300.0;
    unsigned char i = 300.5;
    int j = (int)(float)3e9f;
    int k = 1e20 + 0;
    int nan = __builtin_nan("");
    printf("local: %d %d %u %u %ld %lu %d %d %d %d %d %d\n", a, b, c, d, e, f, g, h, i, j, k, nan);

    int m = (effect(), 3e9);
    long n = (effect(), -1e19);
    printf("comma: %d %ld, effects ran %d times\n", m, n, calls);

    float assigned;
    unsigned from_assignment = (assigned = -2.25f);
    unsigned from_conditional = calls ? 1e20 : -5.0;
    unsigned from_other_arm = calls == 7 ? 1e20 : -5.0;
    unsigned from_variable_arm = calls ? assigned : -5.0;
    printf("assignment %u, conditional %u %u, variable arm %u\n", from_assignment, from_conditional,
           from_other_arm, from_variable_arm);

    volatile double big = 1e20, not_a_number = __builtin_nan("");
    volatile float fbig = -3e9f;
    int r1 = big, r2 = not_a_number, r3 = fbig;
    long r4 = big;
    printf("run time: %d %d %d %ld\n", r1, r2, r3, r4);
    return 0;
}
