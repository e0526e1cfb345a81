/*
 * math_log.c: log, log2, log10 and log1p, and the logarithm core that pow and the inverse
 * hyperbolic functions share.
 *
 * The method (as fdlibm's): write x = 2^k m with sqrt(1/2) <= m < sqrt(2), so that
 * log x = k ln2 + log m. With f = m - 1 (exact) and s = f / (2 + f), |s| <= 0.1716,
 *   log m = log((1 + s) / (1 - s)) = 2s + 2s^3/3 + 2s^5/5 + 2s^7/7 + ...
 * which converges fast because s^2 <= 0.0295. s and the first two terms are computed as
 * double-doubles and the rest (below 2^-14 of the result) in double, which makes log m
 * good to about 2^-65: enough for pow, which multiplies it by y.
 */
#include "math_impl.h"

#define SQRT2 1.4142135623730951
#define TWO_THIRDS_HI 0.6666666666666666
#define TWO_THIRDS_LO 3.700743415417188e-17
#define INVLN2_HI 1.4426950408889634
#define INVLN2_LO 2.0355273740931033e-17
#define INVLN10_HI 0.4342944819032518
#define INVLN10_LO 1.098319650216765e-17
#define LOG10_2_HI 0.3010299956639812
#define LOG10_2_LO (-2.8037281277851704e-18)

/* log m as a double-double, for positive finite x = 2^k m; k goes to *k. */
struct dd __log_reduced(double x, int *k)
{
    int e = 0;
    double m, f, z, tail;
    struct dd s, s2, s3, lm;
    if (exponent_bits(x) == 0) {
        x *= 18446744073709551616.0; /* 2^64 */
        e = -64;
    }
    e += exponent_bits(x) - 1023;
    m = asdouble((asuint64(x) & 0x000fffffffffffffULL) | 0x3ff0000000000000ULL);
    if (m > SQRT2) {
        m *= 0.5;
        e++;
    }
    *k = e;
    f = m - 1;
    s = dd_div(dd_make(f, 0), fast_two_sum(2, f));
    s2 = dd_mul(s, s);
    s3 = dd_mul(s2, s);
    z = s2.hi;
    tail = s3.hi * z * (2.0 / 5 + z * (2.0 / 7 + z * (2.0 / 9 + z * (2.0 / 11 + z * (2.0 / 13 + z * (2.0 / 15
           + z * (2.0 / 17 + z * (2.0 / 19 + z * (2.0 / 21 + z * (2.0 / 23))))))))));
    lm = dd_add_d(dd_mul(s3, dd_make(TWO_THIRDS_HI, TWO_THIRDS_LO)), tail);
    return dd_add(dd_make(2 * s.hi, 2 * s.lo), lm);
}

/* log x as a double-double, for positive finite x. */
struct dd __log_dd(double x)
{
    int k;
    struct dd lm = __log_reduced(x, &k);
    struct dd kl = two_prod(k, LN2_HI);
    kl.lo += k * LN2_LO;
    return dd_add(kl, lm);
}

/* log(1 + x) as a double-double, for 1 + x > 0: log(hi + lo) = log hi + lo/hi, closely enough. */
struct dd __log1p_dd(struct dd x)
{
    struct dd u = two_sum(1, x.hi);
    u.lo += x.lo;
    return dd_add_d(__log_dd(u.hi), u.lo / u.hi);
}

/*
 * What every logarithm does outside (0, inf): a NaN stays, log of a negative number is a
 * domain error (EDOM, and the default NaN, but a positive NaN for log10 as in glibc), log 0 is a pole (-inf, ERANGE) and log inf is inf.
 * Returns non-zero when *r is the answer.
 */
static int log_special(double x, double *r, int positive_nan)
{
    if (x != x) {
        *r = x + x;
    } else if (x < 0) {
        *r = with_errno(positive_nan ? POSITIVE_NAN : (x - x) / (x - x), EDOM);
    } else if (x == 0) {
        *r = with_errno(-1.0 / 0.0, ERANGE);
    } else if (exponent_bits(x) == 0x7ff) {
        *r = x;
    } else {
        return 0;
    }
    return 1;
}

double log(double x)
{
    struct dd r;
    double special;
    if (log_special(x, &special, 0)) return special;
    r = __log_dd(x);
    return r.hi + r.lo;
}

/* log2 x = k + log m / ln2, so that powers of two give exactly their exponent. */
double log2(double x)
{
    int k;
    struct dd r;
    double special;
    if (log_special(x, &special, 0)) return special;
    r = dd_mul(__log_reduced(x, &k), dd_make(INVLN2_HI, INVLN2_LO));
    r = dd_add_d(r, k);
    return r.hi + r.lo;
}

/* log10 x = k log10(2) + log m / ln10, in double-double, so that log10(10^n) is n exactly. */
double log10(double x)
{
    int k;
    struct dd r, kl;
    double special;
    if (log_special(x, &special, 1)) return special;
    r = dd_mul(__log_reduced(x, &k), dd_make(INVLN10_HI, INVLN10_LO));
    kl = two_prod(k, LOG10_2_HI);
    kl.lo += k * LOG10_2_LO;
    r = dd_add(kl, r);
    return r.hi + r.lo;
}

/* log(1 + x): 1 + x is formed exactly as a double-double, so small x keep their precision. */
double log1p(double x)
{
    struct dd r;
    if (x != x) return x + x;
    if (x < -1) return with_errno((x - x) / (x - x), EDOM);
    if (x == -1) return with_errno(-1.0 / 0.0, ERANGE);
    if (exponent_bits(x) == 0x7ff) return x;
    if (fabs(x) < 0x1p-54) return x;
    r = __log1p_dd(dd_make(x, 0));
    return r.hi + r.lo;
}

float logf(float x) { return (float)log(x); }
float log2f(float x) { return (float)log2(x); }
float log10f(float x) { return (float)log10(x); }
float log1pf(float x) { return (float)log1p(x); }
