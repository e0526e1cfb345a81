/*
 * math_long.c: the long double versions of the math functions. long double is double on
 * Clonix (docs/preprocessor.md, "Floating point"), so each is its double function under
 * the name C99 gives it.
 */
#include "math_impl.h"

#define LONG1(name) \
    long double name##l(long double x) { return name((double)x); }
#define LONG2(name) \
    long double name##l(long double x, long double y) { return name((double)x, (double)y); }

LONG1(fabs) LONG2(copysign) LONG1(floor) LONG1(ceil) LONG1(trunc) LONG1(round) LONG1(rint) LONG1(nearbyint)
LONG1(logb) LONG2(nextafter) LONG2(fmin) LONG2(fmax) LONG2(fdim) LONG2(fmod) LONG2(remainder) LONG1(sqrt)
LONG1(cbrt) LONG2(hypot) LONG1(exp) LONG1(exp2) LONG1(expm1) LONG1(log) LONG1(log2) LONG1(log10) LONG1(log1p)
LONG2(pow) LONG1(sin) LONG1(cos) LONG1(tan) LONG1(asin) LONG1(acos) LONG1(atan) LONG2(atan2) LONG1(sinh)
LONG1(cosh) LONG1(tanh) LONG1(asinh) LONG1(acosh) LONG1(atanh) LONG1(erf) LONG1(erfc) LONG1(tgamma) LONG1(lgamma)

long lroundl(long double x) { return lround((double)x); }
long long llroundl(long double x) { return llround((double)x); }
long lrintl(long double x) { return lrint((double)x); }
long long llrintl(long double x) { return llrint((double)x); }
int ilogbl(long double x) { return ilogb((double)x); }
long double nexttowardl(long double x, long double y) { return nextafter((double)x, (double)y); }
long double nanl(const char *tag) { return nan(tag); }
long double fmal(long double x, long double y, long double z) { return fma((double)x, (double)y, (double)z); }

long double frexpl(long double x, int *e) { return frexp((double)x, e); }
long double ldexpl(long double x, int n) { return ldexp((double)x, n); }
long double scalbnl(long double x, int n) { return scalbn((double)x, n); }
long double scalblnl(long double x, long n) { return scalbln((double)x, n); }
long double remquol(long double x, long double y, int *quo) { return remquo((double)x, (double)y, quo); }

long double modfl(long double x, long double *ip)
{
    double i, f = modf((double)x, &i);
    *ip = i;
    return f;
}
