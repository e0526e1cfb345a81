/*
 * math_hyper.c: sinh, cosh, tanh and their inverses asinh, acosh, atanh.
 *
 * Each is written in terms of e^x - 1 or log(1 + t), whose cores (math_exp.c,
 * math_log.c) work in double-double, so that the formulas keep their precision where
 * they would cancel in plain double arithmetic:
 *   sinh x = (E + E/(E + 1)) / 2 and tanh x = E' / (E' + 2), E = e^|x| - 1, E' = e^2|x| - 1;
 *   cosh x = (e^|x| + e^-|x|) / 2;
 *   asinh x = log1p(|x| + x^2 / (1 + sqrt(1 + x^2))), acosh x = log1p(t + sqrt(t (t + 2)))
 *   with t = x - 1, and atanh x = log1p(2|x| / (1 - |x|)) / 2.
 * Past |x| = 22, e^-|x| no longer matters and sinh, cosh are e^|x| / 2, tanh is 1.
 */
#include "math_impl.h"

/* e^x - 1 as a double-double, for |x| <= 44. */
static struct dd expm1_dd(double x)
{
    int k;
    struct dd p = __expm1_reduced(dd_make(x, 0), &k), e;
    if (k == 0) return p;
    e = dd_add_d(p, 1);
    e.hi *= pow2i(k);
    e.lo *= pow2i(k);
    return dd_add_d(e, -1);
}

/* e^|x| / 2 for |x| > 22, with the sign given: inf and ERANGE when it overflows. */
static double half_exp(double ax, double sign)
{
    int k;
    struct dd p;
    double r;
    if (ax > 1000) return with_errno(copysign(1.0 / 0.0, sign), ERANGE);
    p = __expm1_reduced(dd_make(ax, 0), &k);
    r = __exp_scaled(dd_add_d(p, 1), k - 1);
    if (exponent_bits(r) == 0x7ff) errno = ERANGE;
    return copysign(r, sign);
}

double sinh(double x)
{
    double ax = fabs(x);
    struct dd e, r;
    if (exponent_bits(x) == 0x7ff) return x + x;
    if (ax < 0x1p-26) return x; /* sinh x = x + x^3/6 rounds to x */
    if (ax > 22) return half_exp(ax, x);
    e = expm1_dd(ax);
    r = dd_add(e, dd_div(e, dd_add_d(e, 1)));
    return copysign(0.5 * (r.hi + r.lo), x);
}

double cosh(double x)
{
    double ax = fabs(x);
    int k;
    struct dd p, e, r;
    if (exponent_bits(x) == 0x7ff) return x * x;
    if (ax < 0x1p-27) return 1.0;
    if (ax > 22) return half_exp(ax, 1.0);
    p = __expm1_reduced(dd_make(ax, 0), &k);
    e = dd_add_d(p, 1);
    e.hi *= pow2i(k);
    e.lo *= pow2i(k);
    r = dd_add(e, dd_div(dd_make(1, 0), e));
    return 0.5 * (r.hi + r.lo);
}

double tanh(double x)
{
    double ax = fabs(x);
    struct dd e, r;
    if (x != x) return x + x;
    if (ax > 22) return copysign(1.0, x); /* also for inf */
    if (ax < 0x1p-27) return x; /* tanh x = x - x^3/3 rounds to x */
    e = expm1_dd(2 * ax);
    r = dd_div(e, dd_add_d(e, 2));
    return copysign(r.hi + r.lo, x);
}

/* log x + ln 2 as a double-double: asinh and acosh of an x so large that 1/x no longer counts. */
static struct dd log_twice(double x)
{
    return dd_add(__log_dd(x), dd_make(LN2_HI, LN2_LO));
}

double asinh(double x)
{
    double ax = fabs(x);
    struct dd a2, s, r;
    if (exponent_bits(x) == 0x7ff) return x + x;
    if (ax < 0x1p-26) return x; /* asinh x = x - x^3/6 rounds to x */
    if (ax > 0x1p28) {
        r = log_twice(ax);
    } else {
        a2 = two_prod(ax, ax);
        s = dd_sqrt(dd_add_d(a2, 1));
        r = __log1p_dd(dd_add_d(dd_div(a2, dd_add_d(s, 1)), ax));
    }
    return copysign(r.hi + r.lo, x);
}

/* Below 1 it is a domain error (EDOM and the default NaN, as glibc). */
double acosh(double x)
{
    struct dd t, r;
    if (x != x) return x + x;
    if (x < 1) return with_errno((x - x) / (x - x), EDOM);
    if (x == 1) return 0.0;
    if (exponent_bits(x) == 0x7ff) return x;
    if (x > 0x1p28) {
        r = log_twice(x);
    } else {
        t = two_sum(x, -1);
        r = __log1p_dd(dd_add(t, dd_sqrt(dd_mul(t, dd_add_d(t, 2)))));
    }
    return r.hi + r.lo;
}

/* |x| > 1 is a domain error (EDOM, default NaN) and |x| = 1 a pole (+-inf, ERANGE). */
double atanh(double x)
{
    double ax = fabs(x);
    struct dd r;
    if (x != x) return x + x;
    if (ax > 1) return with_errno((x - x) / (x - x), EDOM);
    if (ax == 1) return with_errno(x / 0.0, ERANGE);
    if (ax < 0x1p-27) return x; /* atanh x = x + x^3/3 rounds to x */
    r = __log1p_dd(dd_div(dd_make(2 * ax, 0), two_sum(1, -ax)));
    return copysign(0.5 * (r.hi + r.lo), x);
}

float sinhf(float x) { return narrow(sinh(x)); }
float coshf(float x) { return narrow(cosh(x)); }
float tanhf(float x) { return (float)tanh(x); }
float asinhf(float x) { return (float)asinh(x); }
float acoshf(float x) { return (float)acosh(x); }
float atanhf(float x) { return (float)atanh(x); }
