/*
 * math_guest.c: what the math functions return over a fixed corpus, printed as bit
 * patterns with errno. Built by Clonix's compiler and run in Clonix, and built by the
 * host's gcc with the same libm sources (HostLibc: our functions as clx_*), it must print
 * the same bytes: the same C code and the same IEEE arithmetic give the same bits, so
 * this checks the compiler and the machine's floating point on the whole of libm. It also
 * checks the classification macros of math.h and fenv.h.
 */
#include <errno.h>
#include <fenv.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#ifdef __clonix__
#define M(f) f
#define ERRNO errno
#else
/* On the host: our libm renamed clx_*, beside glibc's. */
#define M(f) clx_##f
#define ERRNO (*clx___errno_location())
int *clx___errno_location(void);
void *clx___tcb(void) { return 0; }
#define DECL1(n) double clx_##n(double); float clx_##n##f(float);
#define DECL2(n) double clx_##n(double, double); float clx_##n##f(float, float);
DECL1(sqrt) DECL1(cbrt) DECL1(fabs) DECL1(floor) DECL1(ceil) DECL1(trunc) DECL1(round) DECL1(rint)
DECL1(nearbyint) DECL1(logb) DECL1(exp) DECL1(exp2) DECL1(expm1) DECL1(log) DECL1(log2) DECL1(log10)
DECL1(log1p) DECL1(sin) DECL1(cos) DECL1(tan) DECL1(asin) DECL1(acos) DECL1(atan) DECL1(sinh) DECL1(cosh)
DECL1(tanh) DECL1(asinh) DECL1(acosh) DECL1(atanh) DECL1(erf) DECL1(erfc) DECL1(tgamma) DECL1(lgamma)
DECL2(copysign) DECL2(fmod) DECL2(remainder) DECL2(nextafter) DECL2(fmin) DECL2(fmax) DECL2(fdim)
DECL2(hypot) DECL2(pow) DECL2(atan2)
double clx_fma(double, double, double);
double clx_frexp(double, int *);
double clx_ldexp(double, int);
int clx_ilogb(double);
double clx_modf(double, double *);
double clx_remquo(double, double, int *);
long clx_lround(double);
long clx_lrint(double);
double clx_nan(const char *);
int clx_fegetround(void);
int clx_fesetround(int);
#endif

typedef double (*d1_fn)(double);
typedef double (*d2_fn)(double, double);
typedef float (*f1_fn)(float);

static unsigned long long rng = 0x9E3779B97F4A7C15ULL;
static unsigned long long next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static unsigned long long bits(double d)
{
    unsigned long long u;
    memcpy(&u, &d, 8);
    return u;
}

static unsigned fbits(float f)
{
    unsigned u;
    memcpy(&u, &f, 4);
    return u;
}

/* A double from its bits: random significand and sign, exponent in [lo, hi]. */
static double spread(int lo, int hi)
{
    unsigned long long e = (unsigned long long)(lo + (int)(next() % (unsigned long long)(hi - lo + 1)) + 1023);
    unsigned long long u = (next() & 0x800fffffffffffffULL) | e << 52;
    double d;
    memcpy(&d, &u, 8);
    return d;
}

static const double specials[] = {
    0.0, -0.0, INFINITY, -INFINITY, NAN, 1.0, -1.0, 0.5, -0.5, 2.0, -3.0, 10.0, 0.1, 1.5, 100.0,
    1e-300, 4.9406564584124654e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 1e300, -1e300,
    709.78, -745.2, 1e22, 3.141592653589793, 1.5707963267948966, 1e-8, 171.0, -171.5, 27.0, -2.5,
    0x1.6ac5b262ca1ffp+849,
};
#define NSPECIAL ((int)(sizeof specials / sizeof specials[0]))
#define RANDOM 12

/* The arguments of one function: the specials, then random ones near 0..2^8 and anywhere. */
static double argument(int i)
{
    if (i < NSPECIAL) return specials[i];
    return i % 2 ? spread(-8, 8) : spread(-1074 + 52, 1023);
}

static void one(const char *name, d1_fn f)
{
    for (int i = 0; i < NSPECIAL + RANDOM; i++) {
        double x = argument(i), r;
        ERRNO = 0;
        r = f(x);
        printf("%s %016llx %016llx %d\n", name, bits(x), bits(r), ERRNO);
    }
}

static void two(const char *name, d2_fn f)
{
    for (int i = 0; i < NSPECIAL + RANDOM; i++) {
        double x = argument(i), y = argument((int)(next() % (NSPECIAL + RANDOM))), r;
        ERRNO = 0;
        r = f(x, y);
        printf("%s %016llx %016llx %016llx %d\n", name, bits(x), bits(y), bits(r), ERRNO);
    }
}

static void onef(const char *name, f1_fn f)
{
    for (int i = 0; i < NSPECIAL + RANDOM; i++) {
        float x = (float)argument(i), r;
        ERRNO = 0;
        r = f(x);
        printf("%s %08x %08x %d\n", name, fbits(x), fbits(r), ERRNO);
    }
}

/* The macros of math.h on doubles and floats, and its constants. */
static void classify(void)
{
    for (int i = 0; i < NSPECIAL; i++) {
        double x = specials[i];
        float f = (float)x;
        printf("classify %016llx: %d %d %d %d %d %d %d %d %d %d | %d %d %d %d %d %d\n", bits(x), fpclassify(x), isnan(x),
               isinf(x), isfinite(x), isnormal(x), signbit(x), isgreater(x, 1.0), isless(x, 1), islessgreater(x, 2.0),
               isunordered(x, 1.0), fpclassify(f), isinf(f), isnormal(f), signbit(f), isunordered(f, 1.0f),
               islessequal(f, 0.5f));
    }
    printf("constants %016llx %016llx %08x %016llx\n", bits(HUGE_VAL), bits(M_PI),
           fbits(INFINITY), bits(NAN) & 0x7fffffffffffffffULL);
}

int main(void)
{
    int e = 0, q = 0;
    double ip = 0;
#define ONE(n) one(#n, M(n))
#define TWO(n) two(#n, M(n))
#define ONEF(n) onef(#n "f", M(n##f))
    ONE(sqrt); ONE(cbrt); ONE(fabs); ONE(floor); ONE(ceil); ONE(trunc); ONE(round); ONE(rint); ONE(nearbyint);
    ONE(logb); ONE(exp); ONE(exp2); ONE(expm1); ONE(log); ONE(log2); ONE(log10); ONE(log1p); ONE(sin);
    ONE(cos); ONE(tan); ONE(asin); ONE(acos); ONE(atan); ONE(sinh); ONE(cosh); ONE(tanh); ONE(asinh);
    ONE(acosh); ONE(atanh); ONE(erf); ONE(erfc); ONE(tgamma); ONE(lgamma);
    TWO(copysign); TWO(fmod); TWO(remainder); TWO(nextafter); TWO(fmin); TWO(fmax); TWO(fdim); TWO(hypot);
    TWO(pow); TWO(atan2);
    ONEF(sqrt); ONEF(cbrt); ONEF(floor); ONEF(exp); ONEF(log); ONEF(sin); ONEF(cos); ONEF(tan); ONEF(atan);
    ONEF(tanh); ONEF(erf); ONEF(tgamma); ONEF(lgamma);
    for (int i = 0; i < NSPECIAL; i++) {
        double x = specials[i], y = specials[(i * 7 + 3) % NSPECIAL];
        double fr = M(frexp)(x, &e), mf = M(modf)(x, &ip), rq = M(remquo)(x, y, &q);
        printf("misc %016llx: %016llx %d %016llx %016llx %016llx %d %d %016llx %016llx %ld %ld\n", bits(x), bits(fr), e,
               bits(mf), bits(ip), bits(rq), q & 7, M(ilogb)(x), bits(M(ldexp)(x, i * 50 - 800)),
               bits(M(fma)(x, y, 1.0)), M(lround)(x), M(lrint)(x));
    }
    printf("nan %016llx %016llx\n", bits(M(nan)("")), bits(M(nan)("0x123")));
    printf("fenv %d %d %d\n", M(fegetround)(), M(fesetround)(FE_TONEAREST), M(fesetround)(FE_TONEAREST + 1) != 0);
    classify();
    return 0;
}
