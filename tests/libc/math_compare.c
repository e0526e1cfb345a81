/*
 * math_compare.c: our libm (clx_*) against the correctly rounded result and against
 * glibc's libm, over a seeded corpus per function.
 *
 * The correctly rounded result comes from libquadmath: the function in binary128 (113
 * bits), rounded once to double or float. For each function the corpus is its special
 * values (zeros, infinities, NaN, subnormals, the limits, small integers) and random
 * arguments: uniform over the function's interesting interval, spread over all exponents,
 * and arbitrary bit patterns. Each line of the summary reads
 *   name: checked N, max ulp U (glibc G), errno mismatches E, nan mismatches M
 * where U is our largest distance, in units in the last place, from the correctly rounded
 * result, G glibc's own, E the arguments where errno differs from glibc's though the
 * results agree (where glibc's result is another, its errno follows it), and M where one
 * side is NaN and the other is not or the NaN's sign differs. A final line counts the
 * functions that exceed their bound (0 ulp for the exact functions, 1 for the others):
 *   failures F
 * The first argument, if any, is the number of random arguments per function.
 */
#include <errno.h>
#include <math.h>
#include <quadmath.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int *clx___errno_location(void);

/* The thread pointer that libc's errno.c asks for: these test programs have no control block. */
void *clx___tcb(void)
{
    return 0;
}

typedef double (*d1_fn)(double);
typedef double (*d2_fn)(double, double);
typedef float (*f1_fn)(float);
typedef float (*f2_fn)(float, float);
typedef __float128 (*q1_fn)(__float128);
typedef __float128 (*q2_fn)(__float128, __float128);

#define DECL1(n) double clx_##n(double); float clx_##n##f(float);
#define DECL2(n) double clx_##n(double, double); float clx_##n##f(float, float);
DECL1(sqrt) DECL1(cbrt) DECL1(fabs) DECL1(floor) DECL1(ceil) DECL1(trunc) DECL1(round) DECL1(rint)
DECL1(nearbyint) DECL1(logb) DECL1(exp) DECL1(exp2) DECL1(expm1) DECL1(log) DECL1(log2) DECL1(log10)
DECL1(log1p) DECL1(sin) DECL1(cos) DECL1(tan) DECL1(asin) DECL1(acos) DECL1(atan) DECL1(sinh) DECL1(cosh)
DECL1(tanh) DECL1(asinh) DECL1(acosh) DECL1(atanh) DECL1(erf) DECL1(erfc) DECL1(tgamma) DECL1(lgamma)
DECL2(copysign) DECL2(fmod) DECL2(remainder) DECL2(nextafter) DECL2(fmin) DECL2(fmax) DECL2(fdim)
DECL2(hypot) DECL2(pow) DECL2(atan2)
double clx_fma(double, double, double);
float clx_fmaf(float, float, float);
double clx_frexp(double, int *);
double clx_ldexp(double, int);
double clx_scalbn(double, int);
int clx_ilogb(double);
double clx_modf(double, double *);
double clx_remquo(double, double, int *);
long clx_lround(double);
long clx_lrint(double);
double clx_nan(const char *);

/* The quad function that libquadmath lacks. */
static __float128 q_exp2(__float128 x) { return expq(x * logq(2)); }

static uint64_t rng = 0x2545F4914F6CDD1DULL;
static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}
static double uniform(double lo, double hi) { return lo + (hi - lo) * ((double)(next() >> 11) / 9007199254740992.0); }
static double dbits(uint64_t u) { double d; memcpy(&d, &u, 8); return d; }
static uint64_t bitsd(double d) { uint64_t u; memcpy(&u, &d, 8); return u; }
static uint32_t bitsf(float f) { uint32_t u; memcpy(&u, &f, 4); return u; }

/* A double with a random significand and sign and an exponent in [elo, ehi]. */
static double spread(int elo, int ehi)
{
    int e = elo + (int)(next() % (uint64_t)(ehi - elo + 1));
    return dbits((next() & 0x800fffffffffffffULL) | ((uint64_t)(e + 1023) << 52));
}

static const double specials[] = {
    0.0, -0.0, 1.0 / 0.0, -1.0 / 0.0, 0.0 / 0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 3.0, -3.0, 10.0, 0.1,
    1.5, -1.5, 2.5, 100.0, -100.0, 1e-300, 4.9406564584124654e-324, -4.9406564584124654e-324,
    2.2250738585072014e-308, -2.2250738585072014e-308, 2.2250738585072009e-308, 1.7976931348623157e308,
    -1.7976931348623157e308, 1e300, -1e300, 709.78, 710.0, -745.2, -746.0, 1e22, 3.141592653589793,
    1.5707963267948966, 0.7853981633974483, 1e-8, -1e-8, 0.9999999999999999, 1.0000000000000002, 171.0,
    172.0, -171.5, 1e6, 6.0, 27.0, -27.0, 1024.0, -1075.0, -1074.5, 4503599627370496.5, 4503599627370497.0,
    0x1.6ac5b262ca1ffp+849, /* the double nearest a multiple of pi/2 (Muller's worst case for the reduction) */
};
#define NSPECIAL ((int)(sizeof specials / sizeof specials[0]))

/* The distance between two doubles in steps of the ordered bit patterns; NaNs handled by the caller. */
static uint64_t ulps(double a, double b)
{
    int64_t x = (int64_t)bitsd(a), y = (int64_t)bitsd(b);
    if (x < 0) x = INT64_MIN - x;
    if (y < 0) y = INT64_MIN - y;
    return x > y ? (uint64_t)(x - y) : (uint64_t)(y - x);
}

static uint64_t ulpsf(float a, float b)
{
    int32_t x = (int32_t)bitsf(a), y = (int32_t)bitsf(b);
    if (x < 0) x = INT32_MIN - x;
    if (y < 0) y = INT32_MIN - y;
    return x > y ? (uint64_t)((int64_t)x - y) : (uint64_t)((int64_t)y - x);
}

/* One function's results so far. */
struct tally {
    long checked, errno_mismatches, nan_mismatches;
    uint64_t max_ulp, glibc_ulp;
    double worst_x, worst_y;
};

static int failures;
static int verbose;

static void note(struct tally *t, const char *name, double x, double y, uint64_t mine_ulp, uint64_t glibc_ulp,
                 int nan_bad, int same_result, int my_errno, int glibc_errno)
{
    t->checked++;
    if (mine_ulp > t->max_ulp) {
        t->max_ulp = mine_ulp;
        t->worst_x = x;
        t->worst_y = y;
    }
    if (glibc_ulp > t->glibc_ulp) t->glibc_ulp = glibc_ulp;
    if (nan_bad && ++t->nan_mismatches <= 3 && verbose) printf("  %s(%a, %a): NaN differs\n", name, x, y);
    if (same_result && my_errno != glibc_errno && ++t->errno_mismatches <= 3 && verbose)
        printf("  %s(%a, %a): errno %d, glibc %d\n", name, x, y, my_errno, glibc_errno);
}

static void summary(const char *name, struct tally *t, int bound)
{
    int bad = t->max_ulp > (uint64_t)bound || t->errno_mismatches || t->nan_mismatches;
    printf("%s: checked %ld, max ulp %llu (glibc %llu), errno mismatches %ld, nan mismatches %ld%s\n", name,
           t->checked, (unsigned long long)t->max_ulp, (unsigned long long)t->glibc_ulp, t->errno_mismatches,
           t->nan_mismatches, bad ? " FAIL" : "");
    if (t->max_ulp > (uint64_t)bound) printf("  worst at %a, %a\n", t->worst_x, t->worst_y);
    if (bad) failures++;
}

static void check_d(struct tally *t, const char *name, double x, double y, double mine, double glibc, double cr,
                    int my_errno, int glibc_errno)
{
    int mn = mine != mine, gn = glibc != glibc;
    int nan_bad = mn != gn || (mn && gn && (bitsd(mine) >> 63) != (bitsd(glibc) >> 63));
    uint64_t mu = mn ? 0 : ulps(mine, cr), gu = gn ? 0 : ulps(glibc, cr);
    note(t, name, x, y, mn != (cr != cr) ? ~0ULL >> 1 : mu, gu, nan_bad, (mn && gn) || bitsd(mine) == bitsd(glibc),
         my_errno, glibc_errno);
}

static void check_f(struct tally *t, const char *name, float x, float y, float mine, float glibc, float cr,
                    int my_errno, int glibc_errno)
{
    int mn = mine != mine, gn = glibc != glibc;
    int nan_bad = mn != gn || (mn && gn && (bitsf(mine) >> 31) != (bitsf(glibc) >> 31));
    uint64_t mu = mn ? 0 : ulpsf(mine, cr), gu = gn ? 0 : ulpsf(glibc, cr);
    note(t, name, x, y, mn != (cr != cr) ? ~0ULL >> 1 : mu, gu, nan_bad, (mn && gn) || bitsf(mine) == bitsf(glibc),
         my_errno, glibc_errno);
}

/* An argument for a function whose interesting arguments lie in [lo, hi]. */
static double argument(int i, double lo, double hi)
{
    switch (i % 5) {
    case 0: case 1: return uniform(lo, hi);
    case 2: return spread(-30, 12);
    case 3: return spread(-1074 + 52, 1023);
    default: return dbits(next());
    }
}

static void test_d1(const char *name, d1_fn mine, d1_fn glibc, q1_fn quad, int bound, double lo, double hi, int n)
{
    struct tally t = {0};
    for (int i = 0; i < NSPECIAL + n; i++) {
        double x = i < NSPECIAL ? specials[i] : argument(i, lo, hi);
        errno = 0;
        *clx___errno_location() = 0;
        double m = mine(x), g = glibc(x);
        check_d(&t, name, x, 0, m, g, (double)quad(x), *clx___errno_location(), errno);
    }
    summary(name, &t, bound);
}

static void test_d2(const char *name, d2_fn mine, d2_fn glibc, q2_fn quad, int bound, double lo, double hi, int n)
{
    struct tally t = {0};
    for (int i = 0; i < NSPECIAL * NSPECIAL + n; i++) {
        double x, y;
        if (i < NSPECIAL * NSPECIAL) {
            x = specials[i / NSPECIAL];
            y = specials[i % NSPECIAL];
        } else {
            x = argument(i, lo, hi);
            y = argument((int)(next() % 5), lo, hi);
        }
        errno = 0;
        *clx___errno_location() = 0;
        double m = mine(x, y), g = glibc(x, y);
        check_d(&t, name, x, y, m, g, quad ? (double)quad(x, y) : g, *clx___errno_location(), errno);
    }
    summary(name, &t, bound);
}

static void test_f1(const char *name, f1_fn mine, f1_fn glibc, q1_fn quad, int bound, double lo, double hi, int n)
{
    struct tally t = {0};
    for (int i = 0; i < NSPECIAL + n; i++) {
        float x = (float)(i < NSPECIAL ? specials[i] : argument(i, lo, hi));
        if (i % 5 == 4) {
            uint32_t u = (uint32_t)next();
            memcpy(&x, &u, 4);
        }
        errno = 0;
        *clx___errno_location() = 0;
        float m = mine(x), g = glibc(x);
        check_f(&t, name, x, 0, m, g, (float)quad(x), *clx___errno_location(), errno);
    }
    summary(name, &t, bound);
}

static void test_f2(const char *name, f2_fn mine, f2_fn glibc, q2_fn quad, int bound, double lo, double hi, int n)
{
    struct tally t = {0};
    for (int i = 0; i < NSPECIAL * NSPECIAL + n; i++) {
        float x, y;
        if (i < NSPECIAL * NSPECIAL) {
            x = (float)specials[i / NSPECIAL];
            y = (float)specials[i % NSPECIAL];
        } else {
            x = (float)argument(i, lo, hi);
            y = (float)argument((int)(next() % 5), lo, hi);
        }
        errno = 0;
        *clx___errno_location() = 0;
        float m = mine(x, y), g = glibc(x, y);
        check_f(&t, name, x, y, m, g, (float)quad(x, y), *clx___errno_location(), errno);
    }
    summary(name, &t, bound);
}

/* pow: bases near 1 with large exponents, negative bases with integer exponents, and the rest. */
static void test_pow(int n)
{
    struct tally t = {0};
    for (int i = 0; i < NSPECIAL * NSPECIAL + n; i++) {
        double x, y;
        if (i < NSPECIAL * NSPECIAL) {
            x = specials[i / NSPECIAL];
            y = specials[i % NSPECIAL];
        } else {
            switch (i % 4) {
            case 0: x = uniform(0, 10); y = uniform(-300, 300); break;
            case 1: x = 1 + uniform(-1e-6, 1e-6); y = spread(0, 40); break;
            case 2: x = -uniform(0, 20); y = (double)(int64_t)uniform(-300, 300); break;
            default: x = spread(-1022, 1023); y = uniform(-3, 3); break;
            }
        }
        errno = 0;
        *clx___errno_location() = 0;
        double m = clx_pow(x, y), g = pow(x, y);
        check_d(&t, "pow", x, y, m, g, (double)powq(x, y), *clx___errno_location(), errno);
    }
    summary("pow", &t, 1);
}

/* fma against the exact result (quad holds the product and the sum of doubles exactly enough). */
static void test_fma(int n)
{
    struct tally t = {0};
    for (int i = 0; i < NSPECIAL * 8 + n; i++) {
        double x = i < NSPECIAL * 8 ? specials[i % NSPECIAL] : argument(i, -10, 10);
        double y = i < NSPECIAL * 8 ? specials[(i / 8) % NSPECIAL] : argument(i + 1, -10, 10);
        double z = i < NSPECIAL * 8 ? specials[(i * 7) % NSPECIAL] : -x * y * uniform(0.5, 1.5);
        errno = 0;
        *clx___errno_location() = 0;
        double m = clx_fma(x, y, z), g = fma(x, y, z);
        check_d(&t, "fma", x, y, m, g, g, *clx___errno_location(), errno);
    }
    summary("fma", &t, 0);
}

/* The functions with an integer argument or a second result, against glibc. */
static void test_int_results(int n)
{
    struct tally t = {0};
    for (int i = 0; i < NSPECIAL + n; i++) {
        double x = i < NSPECIAL ? specials[i] : argument(i, -1e6, 1e6);
        int k = (int)(next() % 4200) - 2100, e1 = 0, e2 = 0, q1 = 0, q2 = 0;
        double i1 = 0, i2 = 0;
        double y = argument((int)(next() % 5), -100, 100);
        int bad = 0;
        errno = 0;
        *clx___errno_location() = 0;
        bad |= bitsd(clx_frexp(x, &e1)) != bitsd(frexp(x, &e2)) || e1 != e2;
        bad |= bitsd(clx_ldexp(x, k)) != bitsd(ldexp(x, k));
        bad |= bitsd(clx_scalbn(x, k)) != bitsd(scalbn(x, k));
        bad |= clx_ilogb(x) != ilogb(x);
        bad |= bitsd(clx_modf(x, &i1)) != bitsd(modf(x, &i2)) || bitsd(i1) != bitsd(i2);
        double r1 = clx_remquo(x, y, &q1), r2 = remquo(x, y, &q2);
        bad |= (r1 == r1 || r2 == r2) && (bitsd(r1) != bitsd(r2) || (q1 & 7) != (q2 & 7));
        bad |= (clx_lround(x) != lround(x)) << 2;
        bad |= (clx_lrint(x) != lrint(x)) << 1;
        if (bad && verbose) printf("  x=%a y=%a k=%d: %d %d %d %d\n", x, y, k, e1, e2, q1, q2);
        check_d(&t, "frexp ldexp scalbn ilogb modf remquo lround lrint", x, y, x, x, bad ? 0 : x,
                *clx___errno_location(), errno);
    }
    int nan_bad = bitsd(clx_nan("")) != bitsd(nan("")) || bitsd(clx_nan("0x1234")) != bitsd(nan("0x1234"));
    t.nan_mismatches += nan_bad;
    summary("frexp ldexp scalbn ilogb modf remquo lround lrint nan", &t, 0);
}

/*
 * lgamma right at its negative zeros, where its value is tiny next to the terms it is
 * computed from: there the bound is on the absolute error (below 2^-70), not in ulps (glibc
 * too is several ulps off there). Prints the largest absolute error as a power of two.
 */
static void test_lgamma_zeros(void)
{
    static const double zeros[] = {-2.4570247382208006, -2.7476826467274127, -3.14358088834998,
                                   -3.955294284858598, -4.039361839740537, -5.0082181683225935};
    long checked = 0;
    double worst = 0;
    for (int i = 0; i < (int)(sizeof zeros / sizeof zeros[0]); i++) {
        for (int step = -1000; step <= 1000; step++) {
            double x = dbits(bitsd(zeros[i]) + (uint64_t)(int64_t)step);
            double err = fabs(clx_lgamma(x) - (double)lgammaq(x));
            if (err > worst) worst = err;
            checked++;
        }
    }
    printf("lgamma near its zeros: checked %ld, max absolute error 2^%d%s\n", checked, ilogb(worst),
           worst < 0x1p-70 ? "" : " FAIL");
    if (worst >= 0x1p-70) failures++;
}

#define D1(n, bound, lo, hi) test_d1(#n, clx_##n, n, n##q, bound, lo, hi, count)
#define D2(n, bound, lo, hi) test_d2(#n, clx_##n, n, n##q, bound, lo, hi, count)
#define F1(n, bound, lo, hi) test_f1(#n "f", clx_##n##f, n##f, n##q, bound, lo, hi, count)
#define F2(n, bound, lo, hi) test_f2(#n "f", clx_##n##f, n##f, n##q, bound, lo, hi, count)

int main(int argc, char **argv)
{
    int count = argc > 1 ? atoi(argv[1]) : 20000;
    const char *only = argc > 2 ? argv[2] : NULL;
    verbose = getenv("MATH_VERBOSE") != NULL;
    setvbuf(stdout, NULL, _IOLBF, 0); /* each summary line as soon as it is known */
#define WANT(s) (only == NULL || strstr(s, only) != NULL)
    if (WANT("bits")) {
        D1(fabs, 0, -10, 10); D1(floor, 0, -1e6, 1e6); D1(ceil, 0, -1e6, 1e6); D1(trunc, 0, -1e6, 1e6);
        D1(round, 0, -1e6, 1e6); D1(rint, 0, -1e6, 1e6); D1(nearbyint, 0, -1e6, 1e6); D1(logb, 0, -1e6, 1e6);
        D2(copysign, 0, -10, 10); /* The NaN rules of fmin and fmax are glibc's own (a signaling NaN gives a NaN). */
        test_d2("fmin", clx_fmin, fmin, NULL, 0, -10, 10, count);
        test_d2("fmax", clx_fmax, fmax, NULL, 0, -10, 10, count); D2(fdim, 0, -1e300, 1e300);
        F1(fabs, 0, -10, 10); F1(floor, 0, -1e6, 1e6); F1(ceil, 0, -1e6, 1e6); F1(trunc, 0, -1e6, 1e6);
        F1(round, 0, -1e6, 1e6); F1(rint, 0, -1e6, 1e6); F2(copysign, 0, -10, 10); F2(fmin, 0, -10, 10);
        F2(fmax, 0, -10, 10); F2(fdim, 0, -1e30, 1e30);
        test_d2("nextafter", clx_nextafter, nextafter, NULL, 0, -10, 10, count);
        test_int_results(count);
    }
    if (WANT("rem")) {
        D2(fmod, 0, -1e6, 1e6); D2(remainder, 0, -1e6, 1e6); F2(fmod, 0, -1e6, 1e6); F2(remainder, 0, -1e6, 1e6);
    }
    if (WANT("sqrt")) {
        D1(sqrt, 0, 0, 1e6); D1(cbrt, 1, -1e6, 1e6); D2(hypot, 1, -1e6, 1e6); test_fma(count);
        F1(sqrt, 0, 0, 1e6); F1(cbrt, 1, -1e6, 1e6); F2(hypot, 1, -1e6, 1e6);
    }
    if (WANT("exp")) {
        D1(exp, 1, -745, 710); D1(exp2, 1, -1075, 1024); D1(expm1, 1, -40, 710);
        F1(exp, 1, -104, 89); F1(exp2, 1, -150, 128); F1(expm1, 1, -20, 89);
    }
    if (WANT("log")) {
        D1(log, 1, 0, 10); D1(log2, 1, 0, 10); D1(log10, 1, 0, 10); D1(log1p, 1, -1, 10);
        F1(log, 1, 0, 10); F1(log2, 1, 0, 10); F1(log10, 1, 0, 10); F1(log1p, 1, -1, 10);
    }
    if (WANT("pow")) {
        test_pow(count);
        F2(pow, 1, 0, 10);
    }
    if (WANT("trig")) {
        D1(sin, 1, -10, 10); D1(cos, 1, -10, 10); D1(tan, 1, -10, 10);
        D1(asin, 1, -1, 1); D1(acos, 1, -1, 1); D1(atan, 1, -10, 10); D2(atan2, 1, -10, 10);
        F1(sin, 1, -10, 10); F1(cos, 1, -10, 10); F1(tan, 1, -10, 10);
        F1(asin, 1, -1, 1); F1(acos, 1, -1, 1); F1(atan, 1, -10, 10); F2(atan2, 1, -10, 10);
    }
    if (WANT("hyper")) {
        D1(sinh, 1, -30, 30); D1(cosh, 1, -30, 30); D1(tanh, 1, -10, 10);
        D1(asinh, 1, -10, 10); D1(acosh, 1, 1, 10); D1(atanh, 1, -1, 1);
        F1(sinh, 1, -30, 30); F1(cosh, 1, -30, 30); F1(tanh, 1, -10, 10);
        F1(asinh, 1, -10, 10); F1(acosh, 1, 1, 10); F1(atanh, 1, -1, 1);
    }
    if (WANT("erf")) {
        D1(erf, 1, -6, 6); D1(erfc, 1, -6, 28); F1(erf, 1, -6, 6); F1(erfc, 1, -6, 10);
    }
    if (WANT("gamma")) {
        D1(tgamma, 1, -20, 172); D1(lgamma, 1, -20, 100); test_lgamma_zeros(); F1(tgamma, 1, -20, 36); F1(lgamma, 1, -20, 100);
    }
    printf("failures %d\n", failures);
    return 0;
}
