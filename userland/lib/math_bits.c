/*
 * math_bits.c: the functions that read or change the fields of a double (sign, exponent,
 * significand) directly: classification, fabs, copysign, frexp, ldexp/scalbn, ilogb,
 * logb, nextafter, fmin, fmax, fdim and nan. All are exact. The float versions work on
 * the float converted to double, which is exact, except nextafterf (the next float is not
 * the next double), which works on the float's own bits.
 */
#include <stdlib.h>
#include "math_impl.h"

#define SIGN_BIT 0x8000000000000000ULL
#define MANTISSA_BITS 0x000fffffffffffffULL

int __fpclassify(double x)
{
    uint64_t u = asuint64(x);
    int e = (int)(u >> 52) & 0x7ff;
    uint64_t m = u & MANTISSA_BITS;
    if (e == 0x7ff) return m ? FP_NAN : FP_INFINITE;
    if (e == 0) return m ? FP_SUBNORMAL : FP_ZERO;
    return FP_NORMAL;
}

int __fpclassifyf(float x)
{
    uint32_t u = asuint32(x);
    int e = (int)(u >> 23) & 0xff;
    uint32_t m = u & 0x7fffff;
    if (e == 0xff) return m ? FP_NAN : FP_INFINITE;
    if (e == 0) return m ? FP_SUBNORMAL : FP_ZERO;
    return FP_NORMAL;
}

int __signbit(double x)
{
    return (int)(asuint64(x) >> 63);
}

/* The sign bit itself, as gcc's builtin gives it for a float: INT_MIN when negative. */
int __signbitf(float x)
{
    return (int)(asuint32(x) & 0x80000000U);
}

/* 1 for +inf, -1 for -inf, else 0. */
int __isinf(double x)
{
    if (__fpclassify(x) != FP_INFINITE) return 0;
    return x < 0 ? -1 : 1;
}

int __isinff(float x)
{
    return __isinf(x);
}

int __isunordered(double x, double y)
{
    return x != x || y != y;
}

int __islessgreater(double x, double y)
{
    return x < y || x > y;
}

double fabs(double x)
{
    return asdouble(asuint64(x) & ~SIGN_BIT);
}

float fabsf(float x)
{
    return asfloat(asuint32(x) & 0x7fffffffU);
}

double copysign(double x, double y)
{
    return asdouble((asuint64(x) & ~SIGN_BIT) | (asuint64(y) & SIGN_BIT));
}

float copysignf(float x, float y)
{
    return asfloat((asuint32(x) & 0x7fffffffU) | (asuint32(y) & 0x80000000U));
}

/*
 * x = m * 2^e with 0.5 <= |m| < 1. A subnormal is first multiplied by 2^64 so that its
 * exponent field means something. Zero, inf and NaN come back unchanged with *e = 0.
 */
double frexp(double x, int *e)
{
    int ex = exponent_bits(x);
    int adjust = 0;
    *e = 0;
    if (x == 0 || ex == 0x7ff) return x + x;
    if (ex == 0) {
        x *= 18446744073709551616.0; /* 2^64 */
        adjust = 64;
        ex = exponent_bits(x);
    }
    *e = ex - 1022 - adjust;
    return asdouble((asuint64(x) & ~(0x7ffULL << 52)) | (1022ULL << 52));
}

float frexpf(float x, int *e)
{
    return (float)frexp(x, e);
}

/*
 * x * 2^n, rounded once. A large n is applied in steps of 2^1023 (or, downwards, of
 * 2^-969 = 2^-1022 * 2^53, which keeps all 53 bits of x normal), so that only the last
 * multiplication can round: rounding twice in the subnormal range could be off by one.
 */
double scalbn(double x, int n)
{
    if (n > 1023) {
        x *= pow2i(1023);
        n -= 1023;
        if (n > 1023) {
            x *= pow2i(1023);
            n -= 1023;
            if (n > 1023) n = 1023;
        }
    } else if (n < -1022) {
        x *= pow2i(-1022) * pow2i(53);
        n += 969;
        if (n < -1022) {
            x *= pow2i(-1022) * pow2i(53);
            n += 969;
            if (n < -1022) n = -1022;
        }
    }
    return x * pow2i(n);
}

/* Float exponents are small enough that a clamped n makes the double computation exact. */
float scalbnf(float x, int n)
{
    if (n > 400) n = 400;
    if (n < -400) n = -400;
    return (float)scalbn(x, n);
}

double scalbln(double x, long n)
{
    if (n > 3000) n = 3000;
    if (n < -3000) n = -3000;
    return scalbn(x, (int)n);
}

float scalblnf(float x, long n)
{
    if (n > 400) n = 400;
    if (n < -400) n = -400;
    return scalbnf(x, (int)n);
}

/* scalbn, and ERANGE when a finite non-zero x overflows to inf or underflows to zero (as glibc). */
double ldexp(double x, int n)
{
    double r;
    if (x == 0 || exponent_bits(x) == 0x7ff) return x + x;
    r = scalbn(x, n);
    if (r == 0 || exponent_bits(r) == 0x7ff) errno = ERANGE;
    return r;
}

float ldexpf(float x, int n)
{
    float r;
    if (x == 0 || __fpclassifyf(x) <= FP_INFINITE) return x + x;
    r = scalbnf(x, n);
    if (r == 0 || __fpclassifyf(r) == FP_INFINITE) errno = ERANGE;
    return r;
}

/* The unbiased exponent of x, as an int; a subnormal counts its leading zeros. */
static int exponent_of(double x)
{
    int e = exponent_bits(x);
    if (e == 0) return exponent_bits(x * 18446744073709551616.0) - 1023 - 64;
    return e - 1023;
}

/* 0 and NaN give FP_ILOGB0 / FP_ILOGBNAN and inf gives INT_MAX, each with EDOM (as glibc). */
int ilogb(double x)
{
    int e = exponent_bits(x);
    if (x == 0) {
        errno = EDOM;
        return FP_ILOGB0;
    }
    if (e == 0x7ff) {
        errno = EDOM;
        return (asuint64(x) & MANTISSA_BITS) ? FP_ILOGBNAN : 2147483647;
    }
    return exponent_of(x);
}

int ilogbf(float x)
{
    return ilogb(x);
}

/* The exponent as a double: logb(0) is -inf, logb(+-inf) is +inf. */
double logb(double x)
{
    if (x == 0) return -1 / fabs(x);
    if (exponent_bits(x) == 0x7ff) return x * x;
    return exponent_of(x);
}

float logbf(float x)
{
    return (float)logb(x);
}

/*
 * The next double after x towards y: one step of the bit pattern, which is ordered like
 * the value within each sign. Reaching inf from a finite x, or a subnormal or zero result
 * from a non-zero x, sets ERANGE as glibc does.
 */
double nextafter(double x, double y)
{
    uint64_t ux = asuint64(x);
    double r;
    if (x != x || y != y) return x + y;
    if (x == y) return y;
    if (x == 0) return asdouble((asuint64(y) & SIGN_BIT) | 1);
    if ((x < y) == !(ux >> 63)) {
        r = asdouble(ux + 1);
    } else {
        r = asdouble(ux - 1);
    }
    if (exponent_bits(r) == 0x7ff || exponent_bits(r) == 0) errno = ERANGE;
    return r;
}

float nextafterf(float x, float y)
{
    uint32_t ux = asuint32(x);
    float r;
    if (x != x || y != y) return x + y;
    if (x == y) return y;
    if (x == 0) return asfloat((asuint32(y) & 0x80000000U) | 1);
    if ((x < y) == !(ux >> 31)) {
        r = asfloat(ux + 1);
    } else {
        r = asfloat(ux - 1);
    }
    if (__fpclassifyf(r) == FP_INFINITE || __fpclassifyf(r) == FP_SUBNORMAL || r == 0) errno = ERANGE;
    return r;
}

/* long double is double on Clonix, so nexttoward is nextafter. */
double nexttoward(double x, long double y)
{
    return nextafter(x, (double)y);
}

float nexttowardf(float x, long double y)
{
    double d = (double)y;
    uint32_t ux = asuint32(x);
    float r;
    if (x != x || d != d) return (float)(x + d);
    if ((double)x == d) return (float)d;
    if (x == 0) return asfloat((asuint64(d) >> 32 & 0x80000000U) | 1);
    if (((double)x < d) == !(ux >> 31)) {
        r = asfloat(ux + 1);
    } else {
        r = asfloat(ux - 1);
    }
    if (__fpclassifyf(r) == FP_INFINITE || __fpclassifyf(r) == FP_SUBNORMAL || r == 0) errno = ERANGE;
    return r;
}

/* A signaling NaN: a NaN whose quiet bit (the top bit of the significand) is clear. */
static int is_signaling(double x)
{
    return x != x && !(asuint64(x) & 0x0008000000000000ULL);
}

/*
 * The larger of x and y, treating a quiet NaN as missing data (C99 F.9.9.2); a signaling
 * NaN gives a NaN, as in glibc. The float versions go through double, which keeps a
 * signaling float NaN signaling.
 */
double fmax(double x, double y)
{
    if (x >= y) return x;
    if (x < y) return y;
    if (is_signaling(x) || is_signaling(y)) return x + y;
    return y != y ? x : y;
}

float fmaxf(float x, float y)
{
    if (x >= y) return x;
    if (x < y) return y;
    if (__fpclassifyf(x) == FP_NAN && !(asuint32(x) & 0x400000U)) return x + y;
    if (__fpclassifyf(y) == FP_NAN && !(asuint32(y) & 0x400000U)) return x + y;
    return y != y ? x : y;
}

double fmin(double x, double y)
{
    if (x <= y) return x;
    if (x > y) return y;
    if (is_signaling(x) || is_signaling(y)) return x + y;
    return y != y ? x : y;
}

float fminf(float x, float y)
{
    if (x <= y) return x;
    if (x > y) return y;
    if (__fpclassifyf(x) == FP_NAN && !(asuint32(x) & 0x400000U)) return x + y;
    if (__fpclassifyf(y) == FP_NAN && !(asuint32(y) & 0x400000U)) return x + y;
    return y != y ? x : y;
}

/* The positive difference: x - y if x > y, else +0; an overflow to inf sets ERANGE. */
double fdim(double x, double y)
{
    double r;
    if (x != x || y != y) return x + y;
    if (x <= y) return 0;
    r = x - y;
    if (exponent_bits(r) == 0x7ff && exponent_bits(x) != 0x7ff && exponent_bits(y) != 0x7ff) errno = ERANGE;
    return r;
}

float fdimf(float x, float y)
{
    float r;
    if (x != x || y != y) return x + y;
    if (x <= y) return 0;
    r = x - y;
    if (__fpclassifyf(r) == FP_INFINITE && __fpclassifyf(x) != FP_INFINITE && __fpclassifyf(y) != FP_INFINITE)
        errno = ERANGE;
    return r;
}

/*
 * A quiet NaN whose payload is the number tag spells, as strtod("NAN(tag)") gives it in
 * glibc; a tag that is not a number gives the default payload.
 */
double nan(const char *tag)
{
    char *end;
    unsigned long long payload = strtoull(tag, &end, 0);
    if (*end != '\0' || end == tag) payload = 0;
    return asdouble(0x7ff8000000000000ULL | (payload & 0x0007ffffffffffffULL));
}

float nanf(const char *tag)
{
    char *end;
    unsigned long long payload = strtoull(tag, &end, 0);
    if (*end != '\0' || end == tag) payload = 0;
    return asfloat(0x7fc00000U | (uint32_t)(payload & 0x3fffffU));
}
