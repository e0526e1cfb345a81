/*
 * math_gamma.c: tgamma (the gamma function) and lgamma (the logarithm of its absolute
 * value, with its sign in signgam).
 *
 * Both are computed through L(x) = log |Gamma(x)| as a double-double:
 * - for x >= 20, Stirling's series
 *     L(x) = (x - 1/2) log x - x + log(2 pi)/2 + 1/(12x) - 1/(360x^3) + 1/(1260x^5) - ...
 *   whose terms (Bernoulli numbers over powers of x) fall below 2^-70 by the eighth;
 * - for 1.5 <= x < 2.5, the Taylor series of L around 2, whose coefficients are values
 *   of the zeta function;
 * - for -20 < x < 20, the recurrence Gamma(x + 1) = x Gamma(x), down or up to there;
 * - for x <= -20, the reflection formula Gamma(x) Gamma(1 - x) = pi / sin(pi x).
 * tgamma is then e^L with the sign, which the exponential core takes as a double-double.
 */
#include "math_impl.h"

#define HALF_LOG_2PI_HI 0.9189385332046728
#define HALF_LOG_2PI_LO (-3.8782941580672414e-17)
#define LOG_PI_HI 1.1447298858494002
#define LOG_PI_LO 1.0265951162707826e-17

int signgam;

/*
 * The Taylor coefficients of L around 2, as double-doubles: L(2 + e) is the sum of
 * AROUND_TWO[k-1] e^k for k >= 1, where the first is 1 - Euler's constant and the k-th,
 * k >= 2, is (-1)^k (zeta(k) - 1) / k. They shrink like 2^-k, so 40 of them reach 2^-75
 * for |e| <= 1/2.
 */
static const double AROUND_TWO[40][2] = {
    {0.42278433509846713, 4.942915152430645e-18},
    {0.3224670334241132, 1.520336175199238e-17},
    {-0.0673523010531981, 6.87667631175899e-18},
    {0.020580808427784546, 1.4629392512775695e-18},
    {-0.007385551028673986, 4.1051370891788617e-19},
    {0.0028905103307415234, -7.357950161901912e-20},
    {-0.001192753911703261, 4.1747852352514e-20},
    {0.0005096695247430425, -2.780354175057013e-20},
    {-0.00022315475845357939, 6.032078299350848e-21},
    {9.945751278180853e-05, 2.734261130690314e-21},
    {-4.492623673813314e-05, 3.4577848248512954e-22},
    {2.050721277567069e-05, 4.864174577619616e-22},
    {-9.439488275268397e-06, 8.111985879973243e-22},
    {4.374866789907488e-06, -3.7021851137962053e-22},
    {-2.039215753801366e-06, -4.70891370095011e-23},
    {9.55141213040742e-07, 4.798512617588967e-23},
    {-4.492469198764566e-07, 1.4219340578032317e-23},
    {2.1207184805554665e-07, 1.2243193613787666e-23},
    {-1.0043224823968099e-07, -5.246728062732248e-24},
    {4.7698101693639804e-08, 1.6747349659198183e-24},
    {-2.2711094608943164e-08, -1.406065812811299e-24},
    {1.0838659214896955e-08, -5.018242148804151e-25},
    {-5.183475041970047e-09, -1.0891302535635231e-26},
    {2.4836745438024785e-09, -1.5805048837932932e-25},
    {-1.1921401405860912e-09, -5.269861418993634e-26},
    {5.731367241678862e-10, -2.3810866578223724e-26},
    {-2.7595228851242334e-10, 2.107257883073299e-26},
    {1.330476437424449e-10, 6.614614775208236e-27},
    {-6.4229645638381e-11, -4.232176684861536e-27},
    {3.1044247747322276e-11, -2.8715350933450543e-27},
    {-1.5021384080754142e-11, -5.063470614908766e-28},
    {7.275974480239079e-12, 4.879514445370743e-28},
    {-3.527742476575915e-12, -1.8425514965961343e-29},
    {1.711991790559618e-12, -6.994387860952799e-29},
    {-8.315385841420285e-13, 1.5951572809733943e-29},
    {4.04220052528944e-13, -1.2672480151835454e-29},
    {-1.9664756310966165e-13, 4.0719036606056276e-30},
    {9.573630387838556e-14, 1.9773509309959252e-30},
    {-4.6640760264283744e-14, 2.186282283713084e-30},
    {2.2737369600659724e-14, -9.672147869269828e-31},
};

/* log of a positive double-double. */
static struct dd log_of(struct dd x)
{
    return dd_add_d(__log_dd(x.hi), x.lo / x.hi);
}

/* L(x) for x >= 20 (a double-double): Stirling's series. */
static struct dd stirling(struct dd x)
{
    double w = 1 / x.hi, w2 = w * w;
    double series = w * (1.0 / 12 + w2 * (-1.0 / 360 + w2 * (1.0 / 1260 + w2 * (-1.0 / 1680 + w2 * (1.0 / 1188
                    + w2 * (-691.0 / 360360 + w2 * (1.0 / 156 + w2 * (-3617.0 / 122400))))))));
    struct dd r = dd_mul(dd_add_d(x, -0.5), log_of(x));
    r = dd_add(r, dd_neg(x));
    r = dd_add(r, dd_make(HALF_LOG_2PI_HI, HALF_LOG_2PI_LO));
    return dd_add_d(r, series);
}

/* L(2 + e) for |e| <= 1/2, e a double-double: the series, by Horner's rule in double-double. */
static struct dd around_two(struct dd e)
{
    struct dd sum = dd_make(AROUND_TWO[39][0], AROUND_TWO[39][1]);
    for (int k = 38; k >= 0; k--) sum = dd_add(dd_mul(sum, e), dd_make(AROUND_TWO[k][0], AROUND_TWO[k][1]));
    return dd_mul(sum, e);
}

/* |sin(pi x)| for x not an integer, as a double-double. */
static struct dd sin_pi(double x)
{
    double f = fabs(x) - floor(fabs(x)), g = f > 0.5 ? 1 - f : f; /* both exact */
    struct dd t;
    if (g <= 0.25) {
        t = two_prod(PI_HI, g);
        t.lo += PI_LO * g;
        return __sin_dd(t);
    }
    t = two_prod(PI_HI, 0.5 - g);
    t.lo += PI_LO * (0.5 - g);
    return __cos_dd(t);
}

/*
 * L(x) for finite x that is not 0 or a negative integer, as a double-double, and the sign
 * of Gamma(x) in *sign. Between -20 and 20 the recurrence Gamma(x + 1) = x Gamma(x) moves
 * x to y in [1.5, 2.5): L(x) = L(y) -+ log|product of the steps|. Both terms are then
 * small where L(x) is, near its zeros (1, 2, -2.457...), so their difference keeps its
 * precision.
 */
static struct dd log_gamma(double x, int *sign)
{
    struct dd y = dd_make(x, 0), product = dd_make(1, 0), r;
    *sign = 1;
    if (x >= 20) return stirling(y);
    if (x <= -20) {
        /* Reflection: Gamma(x) Gamma(1 - x) = pi / sin(pi x); Gamma(x) < 0 when floor(x) is odd. */
        r = dd_add(dd_make(LOG_PI_HI, LOG_PI_LO), dd_neg(log_of(sin_pi(x))));
        if (fmod(floor(x), 2) != 0) *sign = -1;
        return dd_add(r, dd_neg(stirling(two_sum(1, -x))));
    }
    if (x < 1.5) {
        while (y.hi < 1.5) {
            product = dd_mul(product, y);
            y = dd_add_d(y, 1);
        }
        if (product.hi < 0) {
            *sign = -1;
            product = dd_neg(product);
        }
        return dd_add(around_two(dd_add_d(y, -2)), dd_neg(log_of(product)));
    }
    while (y.hi >= 2.5) {
        y = dd_add_d(y, -1);
        product = dd_mul(product, y);
    }
    return dd_add(around_two(dd_add_d(y, -2)), log_of(product));
}

double tgamma(double x)
{
    struct dd l, p;
    int sign = 1, k;
    double r;
    if (x != x) return x + x;
    if (x == 0) return with_errno(1 / x, ERANGE);
    if (exponent_bits(x) == 0x7ff) return x > 0 ? x : with_errno(POSITIVE_NAN, EDOM);
    if (x < 0 && floor(x) == x) return with_errno(POSITIVE_NAN, EDOM);
    if (x > 171.62437695630272) return with_errno(1.0 / 0.0, ERANGE);
    if (fabs(x) < 0x1p-54) {
        r = 1 / x;
        if (exponent_bits(r) == 0x7ff) errno = ERANGE;
        return r;
    }
    if (x > 0 && x <= 23 && floor(x) == x) { /* (x - 1)! is exact in double */
        r = 1;
        for (int i = 2; i < x; i++) r *= i;
        return r;
    }
    if (x < -184) return with_errno(fmod(floor(x), 2) != 0 ? -0.0 : 0.0, ERANGE);
    l = log_gamma(x, &sign);
    p = __expm1_reduced(l, &k);
    r = __exp_scaled(dd_add_d(p, 1), k);
    if (r == 0 || exponent_bits(r) == 0x7ff) errno = ERANGE;
    return sign * r;
}

double lgamma(double x)
{
    struct dd l;
    int sign = 1;
    double r;
    signgam = 1;
    if (x != x) return x + x;
    if (exponent_bits(x) == 0x7ff) return x * x;
    if (x <= 0 && floor(x) == x) {
        if (asuint64(x) >> 63) signgam = -1;
        return with_errno(1.0 / 0.0, ERANGE);
    }
    if (x > 0x1p900) { /* L(x) = x (log x - 1) to well within an ulp; it overflows past about 2^1014 */
        l = dd_add_d(__log_dd(x), -1);
        r = l.hi * x + l.lo * x;
        if (exponent_bits(r) == 0x7ff) errno = ERANGE;
        return r;
    }
    l = log_gamma(x, &sign);
    signgam = sign;
    r = l.hi + l.lo;
    if (exponent_bits(r) == 0x7ff) errno = ERANGE;
    return r;
}

float tgammaf(float x) { return narrow_to_zero(tgamma(x)); }

float lgammaf(float x) { return narrow(lgamma(x)); }
