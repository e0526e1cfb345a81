/*
 * math_impl.h: what the math_*.c files share: access to the bits of a double or float,
 * errno reporting, and double-double arithmetic.
 *
 * A double-double (struct dd) is an unevaluated sum hi + lo of two doubles with
 * |lo| <= ulp(hi)/2: about 106 bits of precision. The functions compute their result as a
 * double-double, accurate to much more than 53 bits, and round it once at the end
 * (hi + lo), which is how they stay within one ulp of the correctly rounded result
 * without large tables. The exact building blocks are Knuth's two_sum and the product
 * error given exactly by a fused multiply-add (the fmadd instruction).
 */
#ifndef _CLONIX_MATH_IMPL_H
#define _CLONIX_MATH_IMPL_H

#include <errno.h>
#include <math.h>
#include <stdint.h>

static inline uint64_t asuint64(double x)
{
    union { double d; uint64_t u; } b;
    b.d = x;
    return b.u;
}

static inline double asdouble(uint64_t u)
{
    union { double d; uint64_t u; } b;
    b.u = u;
    return b.d;
}

static inline uint32_t asuint32(float x)
{
    union { float f; uint32_t u; } b;
    b.f = x;
    return b.u;
}

static inline float asfloat(uint32_t u)
{
    union { float f; uint32_t u; } b;
    b.u = u;
    return b.f;
}

/* The biased exponent field of x (0 for zero and subnormals, 0x7ff for inf and NaN). */
static inline int exponent_bits(double x)
{
    return (int)(asuint64(x) >> 52) & 0x7ff;
}

/* Sets errno and returns the result: what a function does on a domain error or a range error. */
static inline double with_errno(double result, int error)
{
    errno = error;
    return result;
}

/* 2^k for -1022 <= k <= 1023, built from its bits. */
static inline double pow2i(int k)
{
    return asdouble((uint64_t)(k + 1023) << 52);
}

struct dd {
    double hi, lo;
};

static inline struct dd dd_make(double hi, double lo)
{
    struct dd r;
    r.hi = hi;
    r.lo = lo;
    return r;
}

/* a + b exactly, as a double-double (Knuth's two_sum: no condition on the magnitudes). */
static inline struct dd two_sum(double a, double b)
{
    double s = a + b;
    double bb = s - a;
    return dd_make(s, (a - (s - bb)) + (b - bb));
}

/* a + b exactly, when |a| >= |b| (or a is zero): Dekker's shorter fast_two_sum. */
static inline struct dd fast_two_sum(double a, double b)
{
    double s = a + b;
    return dd_make(s, b - (s - a));
}

/* a * b exactly: the rounding error of the product is what fma(a, b, -p) computes. */
static inline struct dd two_prod(double a, double b)
{
    double p = a * b;
    return dd_make(p, __builtin_fma(a, b, -p));
}

static inline struct dd dd_add(struct dd a, struct dd b)
{
    struct dd s = two_sum(a.hi, b.hi);
    return fast_two_sum(s.hi, s.lo + a.lo + b.lo);
}

/* A double-double plus a double. */
static inline struct dd dd_add_d(struct dd a, double b)
{
    struct dd s = two_sum(a.hi, b);
    return fast_two_sum(s.hi, s.lo + a.lo);
}

static inline struct dd dd_mul(struct dd a, struct dd b)
{
    struct dd p = two_prod(a.hi, b.hi);
    return fast_two_sum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi));
}

static inline struct dd dd_mul_d(struct dd a, double b)
{
    struct dd p = two_prod(a.hi, b);
    return fast_two_sum(p.hi, p.lo + a.lo * b);
}

/* a / b: the quotient of the high parts, then the remainder (exact through fma) divided again. */
static inline struct dd dd_div(struct dd a, struct dd b)
{
    double q = a.hi / b.hi;
    double r = __builtin_fma(-q, b.hi, a.hi) + a.lo - q * b.lo;
    return fast_two_sum(q, r / b.hi);
}

/* The square root of a double-double, corrected once by Newton's method. */
static inline struct dd dd_sqrt(struct dd a)
{
    double s = __builtin_sqrt(a.hi);
    double r = __builtin_fma(-s, s, a.hi) + a.lo;
    return fast_two_sum(s, r / (2 * s));
}

static inline struct dd dd_neg(struct dd a)
{
    return dd_make(-a.hi, -a.lo);
}

/* Internal cores shared between families (each documented where it is defined). */
struct dd __log_reduced(double x, int *k);
struct dd __log_dd(double x);
struct dd __log1p_dd(struct dd x);
struct dd __expm1_reduced(struct dd x, int *k);
double __exp_scaled(struct dd e, int k);
struct dd __atan_dd(struct dd x);
struct dd __sin_dd(struct dd y);
struct dd __cos_dd(struct dd y);

/*
 * A double result narrowed to float, with the errno that a float function owes when the
 * narrowing overflows to inf, or the result is below the smallest float (2^-149) in
 * magnitude, where glibc's float functions report underflow.
 */
static inline float narrow(double r)
{
    float f = (float)r;
    if ((f - f != 0 && r - r == 0) || (r != 0 && fabs(r) < 0x1p-149)) errno = ERANGE;
    return f;
}

/* The same, for the float functions that glibc makes report underflow only when the result is zero. */
static inline float narrow_to_zero(double r)
{
    float f = (float)r;
    if ((f - f != 0 && r - r == 0) || (f == 0 && r != 0)) errno = ERANGE;
    return f;
}

/* The NaN that glibc returns for some domain errors: quiet, with the sign bit clear. */
#define POSITIVE_NAN asdouble(0x7ff8000000000000ULL)

/* The double-double constants the families share. */
#define LN2_HI 0.6931471805599453
#define LN2_LO 2.3190468138462996e-17
#define PIO2_HI 1.5707963267948966
#define PIO2_LO 6.123233995736766e-17
#define PI_HI 3.141592653589793
#define PI_LO 1.2246467991473532e-16

#endif /* _CLONIX_MATH_IMPL_H */
