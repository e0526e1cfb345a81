/*
 * math_atan.c: atan, atan2, asin and acos.
 *
 * All four come down to atan of a non-negative double-double t:
 * - t > 1 uses atan t = pi/2 - atan(1/t);
 * - for t <= 1, c = k/8 is the nearest eighth and atan t = atan c + atan u with
 *   u = (t - c) / (1 + t c), |u| <= 1/16 (the addition formula), atan c from a table;
 * - atan u = u - u^3/3 + u^5/5 - ... converges fast since u^2 <= 2^-8.
 * asin x = atan(x / sqrt(1 - x^2)) and acos x = atan(sqrt(1 - x^2) / x), with 1 - x^2
 * formed exactly enough in double-double.
 */
#include "math_impl.h"

/* atan(k/8) for k = 1..8, each as a double-double. */
static const double ATAN_EIGHTHS[8][2] = {
    {0.12435499454676144, -3.1253241424539383e-18},
    {0.24497866312686414, 1.0698755618734451e-17},
    {0.35877067027057225, -2.4623815582638635e-17},
    {0.4636476090008061, 2.2698777452961687e-17},
    {0.5585993153435624, -5.4556305485916264e-18},
    {0.6435011087932844, 1.5834785051444286e-17},
    {0.7188299996216245, -2.1478388444456983e-17},
    {0.7853981633974483, 3.061616997868383e-17},
};

/* atan t for 0 <= t <= 1. */
static struct dd atan_unit(struct dd t)
{
    int k = (int)(t.hi * 8 + 0.5);
    double c = k / 8.0, z, q;
    struct dd u = t;
    if (k > 0) u = dd_div(dd_add_d(t, -c), dd_add_d(dd_mul_d(t, c), 1));
    z = u.hi * u.hi;
    q = u.hi * z * (-1.0 / 3 + z * (1.0 / 5 + z * (-1.0 / 7 + z * (1.0 / 9 + z * (-1.0 / 11 + z * (1.0 / 13
        + z * (-1.0 / 15 + z * (1.0 / 17))))))));
    u = dd_add_d(u, q);
    if (k > 0) u = dd_add(dd_make(ATAN_EIGHTHS[k - 1][0], ATAN_EIGHTHS[k - 1][1]), u);
    return u;
}

/* atan t for a finite non-negative double-double t. */
struct dd __atan_dd(struct dd t)
{
    if (t.hi <= 1) return atan_unit(t);
    return dd_add(dd_make(PIO2_HI, PIO2_LO), dd_neg(atan_unit(dd_div(dd_make(1, 0), t))));
}

double atan(double x)
{
    struct dd r;
    if (x != x) return x + x;
    if (exponent_bits(x) == 0x7ff) return copysign(PIO2_HI, x);
    if (fabs(x) < 0x1p-27) return x; /* atan x = x - x^3/3 rounds to x */
    r = __atan_dd(dd_make(fabs(x), 0));
    return copysign(r.hi + r.lo, x);
}

/*
 * The angle of the point (x, y): atan(|y/x|), taken from pi when x < 0, with the sign of
 * y. C99 F.9.1.4 fixes the results for zeros and infinities, signs included.
 */
double atan2(double y, double x)
{
    double ax = fabs(x), ay = fabs(y), r;
    int ex, ey;
    struct dd a;
    if (x != x || y != y) return x + y;
    if (y == 0) return copysign(asuint64(x) >> 63 ? PI_HI : 0.0, y);
    if (exponent_bits(y) == 0x7ff) {
        if (exponent_bits(x) != 0x7ff) r = PIO2_HI;
        else r = x > 0 ? PIO2_HI / 2 : 3 * (PIO2_HI / 2);
        return copysign(r, y);
    }
    if (exponent_bits(x) == 0x7ff) return copysign(x > 0 ? 0.0 : PI_HI, y);
    if (x == 0) return copysign(PIO2_HI, y);
    ex = exponent_bits(ax);
    ey = exponent_bits(ay);
    if (ey - ex > 60) return copysign(PIO2_HI, y);
    if (ex - ey > 60) {
        if (x < 0) return copysign(PI_HI, y);
        r = y / x;
        if (r == 0) errno = ERANGE; /* underflow all the way to zero, as glibc reports it */
        return r;
    }
    if (ex < 200 || ey < 200) { /* keep the division's remainder out of the subnormal range */
        ax *= 0x1p600;
        ay *= 0x1p600;
    }
    a = __atan_dd(dd_div(dd_make(ay, 0), dd_make(ax, 0)));
    if (x < 0) a = dd_add(dd_make(PI_HI, PI_LO), dd_neg(a));
    return copysign(a.hi + a.lo, y);
}

/* sqrt(1 - x^2) for 0 <= x < 1 as a double-double; 1 - x is exact when x >= 1/2. */
static struct dd cosine_of(double x)
{
    struct dd w;
    if (x >= 0.5) w = dd_mul(dd_make(1 - x, 0), two_sum(1, x));
    else w = dd_add_d(dd_neg(two_prod(x, x)), 1);
    return dd_sqrt(w);
}

/* Outside [-1, 1] both are domain errors, with a positive NaN as in glibc. */
double asin(double x)
{
    double ax = fabs(x);
    struct dd r;
    if (x != x) return x + x;
    if (ax > 1) return with_errno(POSITIVE_NAN, EDOM);
    if (ax == 1) return copysign(PIO2_HI, x);
    if (ax < 0x1p-27) return x;
    r = __atan_dd(dd_div(dd_make(ax, 0), cosine_of(ax)));
    return copysign(r.hi + r.lo, x);
}

double acos(double x)
{
    double ax = fabs(x);
    struct dd r;
    if (x != x) return x + x;
    if (ax > 1) return with_errno(POSITIVE_NAN, EDOM);
    if (x == 1) return 0.0;
    if (x == -1) return PI_HI;
    if (ax < 0x1p-60) return PIO2_HI; /* pi/2 - x rounds to pi/2 */
    r = __atan_dd(dd_div(cosine_of(ax), dd_make(ax, 0)));
    if (x < 0) r = dd_add(dd_make(PI_HI, PI_LO), dd_neg(r));
    return r.hi + r.lo;
}

float atanf(float x) { return (float)atan(x); }
float atan2f(float y, float x)
{
    float r = (float)atan2(y, x);
    if (r == 0 && y != 0 && __fpclassifyf(x) > FP_INFINITE) errno = ERANGE;
    return r;
}
float asinf(float x) { return (float)asin(x); }
float acosf(float x) { return (float)acos(x); }
