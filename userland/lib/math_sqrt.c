/*
 * math_sqrt.c: sqrt, cbrt, hypot and fma.
 *
 * sqrt and fma are single instructions (fsqrt.d, fmadd.d: correctly rounded). cbrt and
 * hypot compute in double-double and round once (math_impl.h).
 */
#include "math_impl.h"

/* The square root of a negative number (not -0) is a domain error: the default NaN and EDOM. */
double sqrt(double x)
{
    if (x != x) return x + x;
    if (x < 0) return with_errno((x - x) / (x - x), EDOM);
    return __builtin_sqrt(x);
}

float sqrtf(float x)
{
    if (x != x) return x + x;
    if (x < 0) return (float)with_errno((x - x) / (x - x), EDOM);
    return __builtin_sqrtf(x);
}

/*
 * x * y + z with one rounding. When gcc builds this file for the host's tests, the
 * function alone is compiled for x86-64's FMA instructions, since gcc would otherwise
 * implement the builtin by calling fma itself.
 */
#if defined(__x86_64__) && !defined(__clonix__)
__attribute__((target("fma")))
#endif
double fma(double x, double y, double z)
{
    return __builtin_fma(x, y, z);
}

#if defined(__x86_64__) && !defined(__clonix__)
__attribute__((target("fma")))
#endif
float fmaf(float x, float y, float z)
{
    return __builtin_fmaf(x, y, z);
}

/*
 * The cube root. The first guess divides the exponent by three in the bit pattern (as
 * fdlibm does: it is good to about 5%), Newton's iteration t -= (t^3 - a) / (3 t^2)
 * doubles the correct bits each step, and a last step with t^3 - a computed in
 * double-double removes the rounding errors of the others.
 */
double cbrt(double x)
{
    double a = fabs(x), t, scale = 1;
    struct dd t3;
    if (x == 0 || exponent_bits(x) == 0x7ff) return x + x;
    if (exponent_bits(a) == 0) {
        a *= 0x1p54; /* whose cube root is 2^18 */
        scale = 0x1p-18;
    } else if (exponent_bits(a) > 0x7fe - 54) {
        a *= 0x1p-54; /* so that t * t * t cannot overflow */
        scale = 0x1p18;
    }
    t = asdouble(asuint64(a) / 3 + 0x2A9F789300000000ULL); /* fdlibm's B1 in the high word */
    for (int i = 0; i < 4; i++) t = t - (t * t * t - a) / (3 * t * t);
    t3 = dd_mul_d(two_prod(t, t), t);
    t = t - ((t3.hi - a) + t3.lo) / (3 * t * t);
    t *= scale;
    return copysign(t, x);
}

float cbrtf(float x)
{
    return (float)cbrt(x);
}

/*
 * sqrt(x^2 + y^2) without overflow or underflow in the middle: both are scaled by a power
 * of two into a safe range, the sum of squares is exact in double-double (two_prod), and
 * its square root is rounded once. An infinity wins over a NaN (C99 F.9.4.3).
 */
double hypot(double x, double y)
{
    double ax = fabs(x), ay = fabs(y), t, r;
    double scale = 1;
    struct dd s;
    if (exponent_bits(x) == 0x7ff || exponent_bits(y) == 0x7ff) {
        if ((ax == ax && exponent_bits(ax) == 0x7ff) || (ay == ay && exponent_bits(ay) == 0x7ff))
            return 1.0 / 0.0;
        return x + y;
    }
    if (ax < ay) {
        t = ax;
        ax = ay;
        ay = t;
    }
    if (ay == 0 || exponent_bits(ax) - exponent_bits(ay) > 60) return ax + ay;
    if (exponent_bits(ax) > 1023 + 500) {
        ax *= pow2i(-600);
        ay *= pow2i(-600);
        scale = pow2i(600);
    } else if (exponent_bits(ay) < 1023 - 500) {
        ax *= pow2i(600);
        ay *= pow2i(600);
        scale = pow2i(-600);
    }
    s = dd_add(two_prod(ax, ax), two_prod(ay, ay));
    s = dd_sqrt(s);
    r = (s.hi + s.lo) * scale;
    if (exponent_bits(r) == 0x7ff) errno = ERANGE;
    return r;
}

float hypotf(float x, float y)
{
    double dx = x, dy = y;
    float r;
    if (__fpclassifyf(x) == FP_INFINITE || __fpclassifyf(y) == FP_INFINITE) return 1.0f / 0.0f;
    if (x != x || y != y) return x + y;
    r = (float)__builtin_sqrt(dx * dx + dy * dy);
    if (__fpclassifyf(r) == FP_INFINITE) errno = ERANGE;
    return r;
}
