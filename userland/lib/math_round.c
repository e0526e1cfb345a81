/*
 * math_round.c: rounding to an integer value: trunc, floor, ceil, round, rint, nearbyint,
 * their long conversions (lround, lrint...) and modf. All are exact.
 *
 * trunc clears the fraction bits of the significand; the others start from it and step
 * by one where needed. A double of magnitude 2^52 or more is already an integer. The
 * float versions round the float converted to double: the integer nearest to a float is
 * itself a float, so converting back is exact.
 */
#include "math_impl.h"

/* 2^52: the smallest magnitude at which every double is an integer. */
#define TWO52 4503599627370496.0

double trunc(double x)
{
    int e = exponent_bits(x) - 1023;
    uint64_t fraction;
    if (e == 1024) return x + x; /* inf, or NaN (quieted, as glibc) */
    if (e >= 52) return x;       /* an integer already */
    if (e < 0) return copysign(0.0, x);
    fraction = 0x000fffffffffffffULL >> e;
    return asdouble(asuint64(x) & ~fraction);
}

double floor(double x)
{
    double t = trunc(x);
    return x < t ? t - 1 : t;
}

double ceil(double x)
{
    double t = trunc(x);
    return x > t ? t + 1 : t;
}

/* Halfway cases away from zero. x - trunc(x) is exact: it only drops the integer bits. */
double round(double x)
{
    double t = trunc(x);
    if (fabs(x - t) >= 0.5) return t + copysign(1.0, x);
    return t;
}

/*
 * To nearest, ties to even (the only rounding mode): adding and subtracting 2^52 makes
 * the hardware's addition do the rounding, since at 2^52 the spacing of doubles is 1.
 */
double rint(double x)
{
    double a = fabs(x);
    if (exponent_bits(x) == 0x7ff) return x + x;
    if (a >= TWO52) return x;
    return copysign((a + TWO52) - TWO52, x);
}

/* rint without raising "inexact": the same here, since Clonix keeps no exception flags. */
double nearbyint(double x)
{
    return rint(x);
}

float truncf(float x) { return (float)trunc(x); }
float floorf(float x) { return (float)floor(x); }
float ceilf(float x) { return (float)ceil(x); }
float roundf(float x) { return (float)round(x); }
float rintf(float x) { return (float)rint(x); }
float nearbyintf(float x) { return (float)rint(x); }

/*
 * The conversions to long convert the rounded value. Out of range (or NaN) the conversion
 * gives LONG_MIN, as the x86-64 instruction that glibc relies on does (fcvt.l.d is
 * defined to match it).
 */
long lround(double x) { return (long)round(x); }
long lroundf(float x) { return (long)round(x); }
long long llround(double x) { return (long long)round(x); }
long long llroundf(float x) { return (long long)round(x); }
long lrint(double x) { return (long)rint(x); }
long lrintf(float x) { return (long)rint(x); }
long long llrint(double x) { return (long long)rint(x); }
long long llrintf(float x) { return (long long)rint(x); }

/* Splits x into an integer part (*ip) and a fraction with the sign of x. */
double modf(double x, double *ip)
{
    double t = trunc(x);
    *ip = t;
    if (exponent_bits(x) == 0x7ff && !(asuint64(x) << 12)) return copysign(0.0, x); /* inf */
    return copysign(x - t, x);
}

float modff(float x, float *ip)
{
    double i;
    float f = (float)modf(x, &i);
    *ip = (float)i;
    return f;
}
