/*
 * math.h: the C99 mathematical functions (userland/lib/math_*.c), in double and float
 * versions. long double is double on Clonix (docs/preprocessor.md, "Floating point"), so
 * the l versions are the double functions under another name.
 *
 * Clonix's floating point is IEEE 754 binary64 and binary32 with round-to-nearest-even only
 * and no exception flags (see fenv.h), so math_errhandling is MATH_ERRNO: a domain error
 * sets errno to EDOM and a pole, overflow or underflow sets it to ERANGE, where glibc does.
 */
#ifndef _MATH_H
#define _MATH_H

typedef float float_t;
typedef double double_t;

#define HUGE_VAL __builtin_huge_val()
#define HUGE_VALF __builtin_huge_valf()
#define HUGE_VALL __builtin_huge_val()
#define INFINITY __builtin_inff()
#define NAN __builtin_nanf("")

/* The classes fpclassify returns, with glibc's values. */
#define FP_NAN 0
#define FP_INFINITE 1
#define FP_ZERO 2
#define FP_SUBNORMAL 3
#define FP_NORMAL 4

/* ilogb's answers for 0 and NaN, as glibc's on x86-64. */
#define FP_ILOGB0 (-2147483647 - 1)
#define FP_ILOGBNAN (-2147483647 - 1)

#define MATH_ERRNO 1
#define MATH_ERREXCEPT 2
#define math_errhandling MATH_ERRNO

/* Constants (glibc's, as the XSI extension defines them). */
#define M_E 2.7182818284590452354
#define M_LOG2E 1.4426950408889634074
#define M_LOG10E 0.43429448190325182765
#define M_LN2 0.69314718055994530942
#define M_LN10 2.30258509299404568402
#define M_PI 3.14159265358979323846
#define M_PI_2 1.57079632679489661923
#define M_PI_4 0.78539816339744830962
#define M_1_PI 0.31830988618379067154
#define M_2_PI 0.63661977236758134308
#define M_2_SQRTPI 1.12837916709551257390
#define M_SQRT2 1.41421356237309504880
#define M_SQRT1_2 0.70710678118654752440

/*
 * The classification macros take a float or a double (or long double, which is double).
 * sizeof picks the float or the double function, which test the bits of the IEEE
 * representation; each argument is evaluated once. The values are those that gcc's
 * builtins give under glibc's math.h, so that programs print the same: isinf is -1 for
 * -inf, and signbit of a negative float is INT_MIN (its sign bit as an int) but of a
 * negative double 1.
 */
int __fpclassify(double x);
int __fpclassifyf(float x);
int __signbit(double x);
int __signbitf(float x);
int __isinf(double x);
int __isinff(float x);
#define __MATH_TG(x, fn) (sizeof(x) == sizeof(float) ? fn##f((float)(x)) : fn((double)(x)))
#define fpclassify(x) __MATH_TG(x, __fpclassify)
#define signbit(x) __MATH_TG(x, __signbit)
#define isinf(x) __MATH_TG(x, __isinf)
#define isnan(x) (fpclassify(x) == FP_NAN)
#define isfinite(x) (fpclassify(x) > FP_INFINITE)
#define isnormal(x) (fpclassify(x) == FP_NORMAL)

/*
 * The quiet comparisons. On machines with exception flags they differ from < and > by not
 * raising "invalid" for a NaN; Clonix has no flags, so the plain operators do (and they
 * are already false when either side is a NaN). The two that need an argument twice are
 * functions, so that it is evaluated once; a float converts to double exactly.
 */
int __isunordered(double x, double y);
int __islessgreater(double x, double y);
#define isunordered(x, y) __isunordered((x), (y))
#define isgreater(x, y) ((x) > (y))
#define isgreaterequal(x, y) ((x) >= (y))
#define isless(x, y) ((x) < (y))
#define islessequal(x, y) ((x) <= (y))
#define islessgreater(x, y) __islessgreater((x), (y))

/* Declares name (double), namef (float) and namel (long double, which is double). */
#define __MATH_DECL1(name) \
    double name(double); float name##f(float); long double name##l(long double)
#define __MATH_DECL2(name) \
    double name(double, double); float name##f(float, float); long double name##l(long double, long double)

/* math_bits.c: sign, exponent and rounding to integers, all exact. */
__MATH_DECL1(fabs);
__MATH_DECL2(copysign);
__MATH_DECL1(floor);
__MATH_DECL1(ceil);
__MATH_DECL1(trunc);
__MATH_DECL1(round);
__MATH_DECL1(rint);
__MATH_DECL1(nearbyint);
long lround(double); long lroundf(float); long lroundl(long double);
long long llround(double); long long llroundf(float); long long llroundl(long double);
long lrint(double); long lrintf(float); long lrintl(long double);
long long llrint(double); long long llrintf(float); long long llrintl(long double);
double modf(double, double *); float modff(float, float *); long double modfl(long double, long double *);
double frexp(double, int *); float frexpf(float, int *); long double frexpl(long double, int *);
double ldexp(double, int); float ldexpf(float, int); long double ldexpl(long double, int);
double scalbn(double, int); float scalbnf(float, int); long double scalbnl(long double, int);
double scalbln(double, long); float scalblnf(float, long); long double scalblnl(long double, long);
int ilogb(double); int ilogbf(float); int ilogbl(long double);
__MATH_DECL1(logb);
__MATH_DECL2(nextafter);
double nexttoward(double, long double); float nexttowardf(float, long double);
long double nexttowardl(long double, long double);
__MATH_DECL2(fmin);
__MATH_DECL2(fmax);
__MATH_DECL2(fdim);
double nan(const char *); float nanf(const char *); long double nanl(const char *);

/* math_rem.c: remainders. */
__MATH_DECL2(fmod);
__MATH_DECL2(remainder);
double remquo(double, double, int *); float remquof(float, float, int *);
long double remquol(long double, long double, int *);

/* math_sqrt.c: roots and fused multiply-add. */
__MATH_DECL1(sqrt);
__MATH_DECL1(cbrt);
__MATH_DECL2(hypot);
double fma(double, double, double); float fmaf(float, float, float);
long double fmal(long double, long double, long double);

/* math_exp.c, math_log.c, math_pow.c: exponentials, logarithms and powers. */
__MATH_DECL1(exp);
__MATH_DECL1(exp2);
__MATH_DECL1(expm1);
__MATH_DECL1(log);
__MATH_DECL1(log2);
__MATH_DECL1(log10);
__MATH_DECL1(log1p);
__MATH_DECL2(pow);

/* math_trig.c and math_atan.c: circular functions and their inverses. */
__MATH_DECL1(sin);
__MATH_DECL1(cos);
__MATH_DECL1(tan);
__MATH_DECL1(asin);
__MATH_DECL1(acos);
__MATH_DECL1(atan);
__MATH_DECL2(atan2);

/* math_hyper.c: hyperbolic functions and their inverses. */
__MATH_DECL1(sinh);
__MATH_DECL1(cosh);
__MATH_DECL1(tanh);
__MATH_DECL1(asinh);
__MATH_DECL1(acosh);
__MATH_DECL1(atanh);

/* math_erf.c and math_gamma.c: the error and gamma functions. */
__MATH_DECL1(erf);
__MATH_DECL1(erfc);
__MATH_DECL1(tgamma);
__MATH_DECL1(lgamma);
/* The sign of Gamma(x) from the last lgamma call (an XSI variable, as in glibc). */
extern int signgam;

#undef __MATH_DECL1
#undef __MATH_DECL2

#endif /* _MATH_H */
