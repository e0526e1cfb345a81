/*
 * math_trig.c: sin, cos and tan.
 *
 * The argument is reduced to x = n pi/2 + y with |y| <= pi/4 (math_rem_pio2.c); then, by
 * the quadrant n mod 4, sin x is one of sin y, cos y, -sin y, -cos y, and tan x is
 * sin y / cos y or -cos y / sin y. On |y| <= pi/4 the Taylor series converge quickly:
 *   sin y = y - y^3/3! + y^5/5! - ... (to y^17: the next term is below 2^-63 of the sum)
 *   cos y = 1 - y^2/2! + y^4/4! - ... (to y^18)
 * The leading terms are summed in double-double, so the one final rounding dominates the
 * error.
 */
#include "math_impl.h"

int __rem_pio2(double x, struct dd *y);

/* sin y for |y| <= pi/4 + a little, y a double-double (also for tgamma's sin(pi x)). */
struct dd __sin_dd(struct dd y)
{
    double h = y.hi, z = h * h;
    double q = h * z * (-1.0 / 6 + z * (1.0 / 120 + z * (-1.0 / 5040 + z * (1.0 / 362880 + z * (-1.0 / 39916800
               + z * (1.0 / 6227020800.0 + z * (-1.0 / 1307674368000.0 + z * (1.0 / 355687428096000.0))))))));
    /* sin(h + l) = sin h + l cos h, and l is so small that cos h ~ 1 - h^2/2 is enough. */
    return fast_two_sum(h, q + y.lo * (1 - 0.5 * z));
}

/* cos y for |y| <= pi/4 + a little: 1 - h^2/2 is exact in double-double. */
struct dd __cos_dd(struct dd y)
{
    double h = y.hi, z = h * h;
    struct dd hz = two_prod(h, h);
    double q = z * z * (1.0 / 24 + z * (-1.0 / 720 + z * (1.0 / 40320 + z * (-1.0 / 3628800 + z * (1.0 / 479001600
               + z * (-1.0 / 87178291200.0 + z * (1.0 / 20922789888000.0 + z * (-1.0 / 6402373705728000.0))))))));
    struct dd c = two_sum(1, -0.5 * hz.hi);
    return fast_two_sum(c.hi, c.lo + (q - 0.5 * hz.lo - y.lo * h));
}

/* sin(inf) and the like: a domain error (EDOM, the default NaN). */
static double trig_special(double x)
{
    if (x != x) return x + x;
    return with_errno(x - x, EDOM);
}

double sin(double x)
{
    struct dd y, r;
    if (exponent_bits(x) == 0x7ff) return trig_special(x);
    if (fabs(x) < 0x1p-26) return x; /* sin x = x - x^3/6 rounds to x */
    switch (__rem_pio2(x, &y) & 3) {
    case 0: r = __sin_dd(y); break;
    case 1: r = __cos_dd(y); break;
    case 2: r = dd_neg(__sin_dd(y)); break;
    default: r = dd_neg(__cos_dd(y)); break;
    }
    return r.hi + r.lo;
}

double cos(double x)
{
    struct dd y, r;
    if (exponent_bits(x) == 0x7ff) return trig_special(x);
    if (fabs(x) < 0x1p-27) return 1.0; /* cos x = 1 - x^2/2 rounds to 1 */
    switch (__rem_pio2(x, &y) & 3) {
    case 0: r = __cos_dd(y); break;
    case 1: r = dd_neg(__sin_dd(y)); break;
    case 2: r = dd_neg(__cos_dd(y)); break;
    default: r = __sin_dd(y); break;
    }
    return r.hi + r.lo;
}

/* tan x = sin y / cos y in even quadrants, -cos y / sin y in odd ones, divided in double-double. */
double tan(double x)
{
    struct dd y, r;
    if (exponent_bits(x) == 0x7ff) return trig_special(x);
    if (fabs(x) < 0x1p-27) return x; /* tan x = x + x^3/3 rounds to x */
    if (__rem_pio2(x, &y) & 1) {
        r = dd_neg(dd_div(__cos_dd(y), __sin_dd(y)));
    } else {
        r = dd_div(__sin_dd(y), __cos_dd(y));
    }
    return r.hi + r.lo;
}

float sinf(float x) { return (float)sin(x); }
float cosf(float x) { return (float)cos(x); }
float tanf(float x) { return (float)tan(x); }
