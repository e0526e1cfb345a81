/*
 * math_erf.c: the error function erf and its complement erfc = 1 - erf.
 *
 * Two expansions, each summed in double-double:
 * - for |x| < 2.5, the Taylor series (Abramowitz and Stegun 7.1.5)
 *     erf x = 2/sqrt(pi) (x - x^3/3 + x^5/(5*2!) - ... + (-1)^n x^(2n+1)/((2n+1) n!) + ...)
 *   whose alternating terms cancel at most 5 of the 106 bits, and erfc x = 1 - erf x,
 *   which at worst cancels 11 more;
 * - for x >= 2.5, Laplace's continued fraction (A&S 7.1.14)
 *     erfc x = e^(-x^2)/sqrt(pi) * 1 / (x + (1/2) / (x + 1 / (x + (3/2) / (x + 2 / (x + ...)))))
 *   evaluated from 60 levels deep upwards, which is stable and good to 2^-68 there.
 * e^(-x^2) comes from the exponential core with x^2 exact as a double-double.
 */
#include "math_impl.h"

#define TWO_OVER_SQRTPI_HI 1.1283791670955126
#define TWO_OVER_SQRTPI_LO 1.533545961316588e-17
#define CF_DEPTH 60

/* e^(-x^2) = 2^k * (returned double-double), for 0 <= x <= 28. */
static struct dd exp_minus_square(double x, int *k)
{
    return dd_add_d(__expm1_reduced(dd_neg(two_prod(x, x)), k), 1);
}

/* erf x for 0 <= x < 2.5 as a double-double: power = (-1)^n x^(2n+1) / n!. */
static struct dd erf_series(double x)
{
    struct dd minus_z = dd_neg(two_prod(x, x)), power = dd_make(x, 0), sum = power, term;
    for (int n = 1; n < 200; n++) {
        power = dd_div(dd_mul(power, minus_z), dd_make(n, 0));
        term = dd_div(power, dd_make(2 * n + 1, 0));
        sum = dd_add(sum, term);
        if (fabs(term.hi) < sum.hi * 0x1p-110) break;
    }
    return dd_mul(sum, dd_make(TWO_OVER_SQRTPI_HI, TWO_OVER_SQRTPI_LO));
}

/* erfc x for x >= 2.5: the continued fraction, its last levels in double-double. */
static double erfc_fraction(double x)
{
    double f = x;
    struct dd g, e;
    int k;
    for (int n = CF_DEPTH; n > 4; n--) f = x + 0.5 * n / f;
    g = dd_make(f, 0);
    for (int n = 4; n > 0; n--) g = dd_add_d(dd_div(dd_make(0.5 * n, 0), g), x);
    e = exp_minus_square(x, &k);
    /* 1/sqrt(pi) is half of 2/sqrt(pi) */
    e = dd_div(dd_mul(e, dd_make(0.5 * TWO_OVER_SQRTPI_HI, 0.5 * TWO_OVER_SQRTPI_LO)), g);
    return __exp_scaled(e, k);
}

double erf(double x)
{
    double ax = fabs(x);
    struct dd r;
    if (x != x) return x + x;
    if (ax >= 6) return copysign(1.0, x); /* erfc 6 < 2^-55 */
    if (ax < 0x1p-28) return x + x * (TWO_OVER_SQRTPI_HI - 1); /* erf x = 2x/sqrt(pi) - ... */
    if (ax < 2.5) {
        r = erf_series(ax);
        return copysign(r.hi + r.lo, x);
    }
    r = two_sum(1, -erfc_fraction(ax));
    return copysign(r.hi + r.lo, x);
}

/* Beyond about 27.2 erfc underflows to zero (ERANGE, as glibc). */
double erfc(double x)
{
    double ax = fabs(x), r;
    struct dd s;
    if (x != x) return x + x;
    if (x < -6) return 2.0;
    if (ax < 0x1p-56) return 1.0;
    if (x < 2.5) {
        s = erf_series(ax);
        s = x < 0 ? dd_add_d(s, 1) : dd_add_d(dd_neg(s), 1);
        return s.hi + s.lo;
    }
    if (x > 28) return exponent_bits(x) == 0x7ff ? 0.0 : with_errno(0.0, ERANGE);
    r = erfc_fraction(x);
    if (r == 0) errno = ERANGE;
    return r;
}

float erff(float x) { return (float)erf(x); }
float erfcf(float x) { return narrow_to_zero(erfc(x)); }
