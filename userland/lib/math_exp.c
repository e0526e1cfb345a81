/*
 * math_exp.c: exp, exp2 and expm1, and the exponential core that pow, the hyperbolic
 * functions and erf share.
 *
 * The method (as fdlibm's): write x = k ln2 + r with k an integer and |r| <= ln2/2, so
 * that e^x = 2^k e^r, where 2^k costs nothing (it goes into the exponent field) and e^r
 * is a short series because r is small. Here e^r - 1 = r + r^2/2! + ... + r^14/14! is
 * evaluated with r as a double-double, so the result is good to about 2^-58 before its
 * one final rounding.
 */
#include "math_impl.h"

#define INVLN2 1.4426950408889634
/* ln2 in two parts, the first with 21 trailing zero bits so that k * LN2_CW_HI is exact (Cody and Waite). */
#define LN2_CW_HI 6.93147180369123816490e-01
#define LN2_CW_LO 1.90821492927058770002e-10
/* Above this e^x overflows; below the other it rounds to zero. */
#define EXP_OVERFLOW 709.782712893384
#define EXP_UNDERFLOW (-745.1332191019412)

/*
 * e^r - 1 for x = k ln2 + r: returns it as a double-double and k in *k. |x.hi| must be at
 * most about 1100 (so that k * LN2_CW_HI is exact).
 */
struct dd __expm1_reduced(struct dd x, int *k)
{
    double kd = rint(x.hi * INVLN2);
    struct dd kl = two_prod(kd, LN2_CW_LO);
    /* x.hi - kd * LN2_CW_HI is exact: both are multiples of 2^-52 ulps of 1 and they nearly cancel. */
    struct dd r = two_sum(x.hi - kd * LN2_CW_HI, -kl.hi);
    double h, q;
    r = fast_two_sum(r.hi, r.lo + (x.lo - kl.lo));
    h = r.hi;
    q = h * h * (1.0 / 2 + h * (1.0 / 6 + h * (1.0 / 24 + h * (1.0 / 120 + h * (1.0 / 720 + h * (1.0 / 5040
        + h * (1.0 / 40320 + h * (1.0 / 362880 + h * (1.0 / 3628800 + h * (1.0 / 39916800
        + h * (1.0 / 479001600 + h * (1.0 / 6227020800.0 + h * (1.0 / 87178291200.0)))))))))))));
    *k = (int)kd;
    /* e^(h + l) - 1 = (e^h - 1) + l e^h, and l is so small that e^h ~ 1 + h is enough for it. */
    return fast_two_sum(h, q + r.lo * (1 + h));
}

/*
 * e * 2^k for a double-double e near 1, rounded once. Past the top it is inf. Where the
 * result is subnormal, the spacing of the result is 2^-1074: e * 2^(k + 1074) is rounded
 * to an integer, its low part deciding the cases that the high part alone leaves close,
 * so that the result is not rounded twice.
 */
double __exp_scaled(struct dd e, int k)
{
    double u, lo, n, rem;
    if (k >= -1021 && k <= 1023) return (e.hi + e.lo) * pow2i(k);
    if (k > 1023) return (e.hi + e.lo) * pow2i(1023) * pow2i(k - 1023);
    if (k < -1074 - 60) return 0.0;
    u = e.hi * pow2i(k + 1074);
    lo = e.lo * pow2i(k + 1074);
    n = rint(u);
    rem = (u - n) + lo; /* u - n is exact */
    if (rem > 0.5 || (rem == 0.5 && fmod(n, 2) != 0)) n += 1;
    else if (rem < -0.5 || (rem == -0.5 && fmod(n, 2) != 0)) n -= 1;
    return n * pow2i(-1022) * pow2i(-52);
}

/* e^x: inf and zero past the limits (ERANGE, as glibc), else the core. */
double exp(double x)
{
    struct dd p;
    int k;
    double r;
    if (x != x) return x + x;
    if (x > EXP_OVERFLOW) return exponent_bits(x) == 0x7ff ? x : with_errno(1.0 / 0.0, ERANGE);
    if (x < EXP_UNDERFLOW) return exponent_bits(x) == 0x7ff ? 0.0 : with_errno(0.0, ERANGE);
    if (fabs(x) < 0x1p-54) return 1 + x;
    p = __expm1_reduced(dd_make(x, 0), &k);
    r = __exp_scaled(dd_add_d(p, 1), k);
    if (r == 0 || exponent_bits(r) == 0x7ff) errno = ERANGE;
    return r;
}

/* 2^x = 2^k * e^(f ln2) with x = k + f, |f| <= 1/2: f ln2 is formed in double-double. */
double exp2(double x)
{
    struct dd p;
    int k, k2;
    double kd, f, r;
    if (x != x) return x + x;
    if (x >= 1024) return exponent_bits(x) == 0x7ff ? x : with_errno(1.0 / 0.0, ERANGE);
    if (x < -1075) return exponent_bits(x) == 0x7ff ? 0.0 : with_errno(0.0, ERANGE);
    kd = rint(x);
    f = x - kd;
    k = (int)kd;
    p = two_prod(f, LN2_HI);
    p.lo += f * LN2_LO;
    p = __expm1_reduced(p, &k2);
    r = __exp_scaled(dd_add_d(p, 1), k + k2);
    if (r == 0 || exponent_bits(r) == 0x7ff) errno = ERANGE;
    return r;
}

/*
 * e^x - 1, accurate also where it is tiny: the core gives e^r - 1 directly, and for
 * k != 0 the result 2^k (1 + p) - 1 is formed in double-double before the one rounding.
 */
double expm1(double x)
{
    struct dd p, e;
    int k;
    if (x != x) return x + x;
    if (x > EXP_OVERFLOW) return exponent_bits(x) == 0x7ff ? x : with_errno(1.0 / 0.0, ERANGE);
    if (x < -40) return -1.0;
    if (fabs(x) < 0x1p-54) return x;
    p = __expm1_reduced(dd_make(x, 0), &k);
    if (k == 0) return p.hi + p.lo;
    e = dd_add_d(p, 1);
    if (k > 1020) return __exp_scaled(e, k);
    e.hi *= pow2i(k);
    e.lo *= pow2i(k);
    e = dd_add_d(e, -1);
    return e.hi + e.lo;
}

float expf(float x) { return narrow(exp(x)); }
float exp2f(float x) { return narrow(exp2(x)); }
float expm1f(float x) { return narrow(expm1(x)); }
