/*
 * printf_fp_compare.c: our snprintf (clx_snprintf, with fmt_fp.c) against glibc's for the
 * floating-point conversions f F e E g G a A: hand-picked values (zeros, ties, subnormals,
 * DBL_MAX, infinities, NaNs) under many fixed formats, exact digits at huge precisions,
 * truncation and return values, then random formats over random bit patterns spread evenly
 * over every exponent. Prints each mismatch (the first 20) and a summary line
 * "checked N, mismatches M".
 *
 * Usage: printf_fp_compare [RANDOM_CASES [SEED]] (default 100000 cases, seed 1).
 */
#include <float.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fake_os.h"

int clx_snprintf(char *buf, unsigned long size, const char *fmt, ...);

#define BUF 6000

static unsigned long long rng;
static unsigned long long next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}
static int below(int n) { return (int)(next() % (unsigned long long)n); }

static double from_bits(unsigned long long b)
{
    double d;
    memcpy(&d, &b, sizeof d);
    return d;
}

static long checked, mismatches;

static void report(const char *fmt, size_t size, double v, int n1, const char *ours, int n2, const char *theirs)
{
    unsigned long long b;
    memcpy(&b, &v, sizeof b);
    if (++mismatches <= 20)
        printf("MISMATCH fmt=\"%s\" size=%zu bits=0x%016llx: ours %d \"%.300s\" glibc %d \"%.300s\"\n", fmt, size, b, n1,
               ours, n2, theirs);
}

/* One call of each with fmt and up to two int arguments (for '*') before the double. */
static void compare_args(size_t size, const char *fmt, int stars, int a, int b, double v)
{
    static char ours[BUF], theirs[BUF];
    int n1, n2;
    memset(ours, 'Z', sizeof ours);
    memset(theirs, 'Z', sizeof theirs);
    if (stars == 0) {
        n1 = clx_snprintf(ours, size, fmt, v);
        n2 = snprintf(theirs, size, fmt, v);
    } else if (stars == 1) {
        n1 = clx_snprintf(ours, size, fmt, a, v);
        n2 = snprintf(theirs, size, fmt, a, v);
    } else {
        n1 = clx_snprintf(ours, size, fmt, a, b, v);
        n2 = snprintf(theirs, size, fmt, a, b, v);
    }
    checked++;
    if (n1 != n2 || memcmp(ours, theirs, sizeof ours) != 0) report(fmt, size, v, n1, ours, n2, theirs);
}

static void compare(size_t size, const char *fmt, double v) { compare_args(size, fmt, 0, 0, 0, v); }

/* %L with a long double that holds a double exactly: printed as that double. */
static void compare_long_double(const char *fmt, double v)
{
    char ours[BUF], theirs[BUF];
    int n1 = clx_snprintf(ours, sizeof ours, fmt, (long double)v);
    int n2 = snprintf(theirs, sizeof theirs, fmt, (long double)v);
    checked++;
    if (n1 != n2 || strcmp(ours, theirs) != 0) report(fmt, sizeof ours, v, n1, ours, n2, theirs);
}

static const unsigned long long special_bits[] = {
    0x0000000000000000ULL, 0x8000000000000000ULL, /* +0, -0 */
    0x0000000000000001ULL, 0x8000000000000001ULL, /* the smallest subnormal */
    0x000fffffffffffffULL, 0x0008000000000000ULL, /* the largest subnormal, half of DBL_MIN */
    0x0010000000000000ULL, 0x7fefffffffffffffULL, /* DBL_MIN, DBL_MAX */
    0x7ff0000000000000ULL, 0xfff0000000000000ULL, /* infinities */
    0x7ff8000000000000ULL, 0xfff8000000000000ULL, /* quiet NaNs; the second is x86's default NaN */
    0x7ff0000000000001ULL, 0x7ff4000000000000ULL, /* signalling NaNs */
};

static const double special_values[] = {
    1, -1, 0.5, 1.5, 2.5, 3.5, -2.5, 0.125, 0.375, 0.1, 0.2, 0.3, 0.15, 0.25, 0.05, 1.0 / 3, 2.0 / 3, 9.5, 99.5,
    999999.5, 9999995, 0.000095, 1e-4, 1e-5, 9.9999e-5, 0.00001234, 123456, 1234567, 100000, 1e6, 999999,
    9999999, 0.9999995, 9.9999999, 1e15, 1e16, 1e17, 1e21, 1e22, 1e23, 123456789012345678.0, 9007199254740993.0,
    18446744073709551616.0, 9223372036854775808.0, 4294967296.0, 3.141592653589793, 2.718281828459045,
    1.7976931348623157e308, 2.2250738585072014e-308, 4.9406564584124654e-324, 1e-300, 1e300, 1e-320, 5e-324,
    0x1.08p0, 0x1.18p0, 0x1.88p0, 0x1.f8p0, 0x1.fffffffffffffp0, 0x1.ffffffffffff8p0, 0x1.0000000000008p0,
    0x1.0000000000018p0, 0x1p-1074, 0x1p1023, 0x1.8p-1070, 65536.0, 0.0625, 1e100, 1.5e-10, 123.456, -987.654321,
};

static const char *const fixed_formats[] = {
    "%f", "%F", "%e", "%E", "%g", "%G", "%a", "%A", "%.0f", "%.1f", "%.2f", "%.3f", "%.10f", "%.17f", "%.20f",
    "%.0e", "%.1e", "%.3e", "%.16e", "%.20e", "%.0g", "%.1g", "%.2g", "%.6g", "%.10g", "%.15g", "%.16g", "%.17g",
    "%.20g", "%.0a", "%.1a", "%.2a", "%.12a", "%.13a", "%.14a", "%.20a", "%#f", "%#.0f", "%#e", "%#.0e", "%#g",
    "%#.0g", "%#.3g", "%#a", "%#.0a", "%+f", "% f", "%+ e", "%+g", "% a", "%20f", "%-20f|", "%020f", "%-020f|",
    "%+020.3f", "% 020.3e", "%020g", "%020a", "%-+20a|", "%1f", "%3.1f", "%030.20e", "%-12.4G|", "%+.0F",
    "%#020.5G", "%lf", "%le", "%lg", "%la", "%.30f", "%.40e", "%.350f", "%.330e", "%.400g", "%5.f", "%.e",
};

/* One random specification (flags, width, precision, conversion) over v. */
static void random_case(double v)
{
    static const size_t sizes[] = { 0, 1, 2, 7, 24, 80, BUF };
    char f[64] = "%";
    const char *flags = "-+ #0";
    const char *convs = "fFeEgGaA";
    int i, stars = 0, args[2] = { 0, 0 };
    for (i = 0; i < 5; i++)
        if (below(4) == 0) strncat(f, flags + i, 1);
    if (below(2)) {
        if (below(6) == 0) {
            strcat(f, "*");
            args[stars++] = below(61) - 30;
        } else {
            sprintf(f + strlen(f), "%d", below(40));
        }
    }
    if (below(4) != 0) {
        if (below(8) == 0) {
            strcat(f, ".*");
            args[stars++] = below(40) - 5;
        } else if (below(10) == 0) {
            strcat(f, ".");
        } else {
            sprintf(f + strlen(f), ".%d", below(8) == 0 ? below(800) : below(25));
        }
    }
    strncat(f, convs + below(8), 1);
    compare_args(below(4) == 0 ? sizes[below(7)] : BUF, f, stars, args[0], args[1], v);
}

/* A random double: any sign and exponent (subnormals and infinities included), or a short binary fraction or decimal (ties). */
static double random_value(void)
{
    unsigned long long sign = (unsigned long long)below(2) << 63;
    double v;
    int k;
    switch (below(5)) {
    case 0: /* a few significant bits: halfway cases for %f, %e and %a */
        return (below(2) ? -1 : 1) * (double)(next() >> (40 + below(24))) / (double)(1ULL << below(40));
    case 1: /* an integer-valued double */
        return (below(2) ? -1.0 : 1.0) * (double)(next() >> below(64));
    case 2: /* a short decimal such as 999999.5 or 0.000995, near the ties and carries of %g */
        v = (double)(below(2) ? below(10000000) : 10000000 - below(10)) + (below(2) ? 0.5 : 0);
        for (k = below(30); k > 0; k--) v = below(2) ? v * 10 : v / 10;
        return v;
    default:
        return from_bits(sign | ((unsigned long long)below(2048) << 52) | (next() >> 12));
    }
}

int main(int argc, char **argv)
{
    long cases = argc > 1 ? atol(argv[1]) : 100000, c;
    unsigned i, j;
    rng = 0x9E3779B97F4A7C15ULL ^ (argc > 2 ? strtoull(argv[2], 0, 0) : 1);
    for (i = 0; i < sizeof special_bits / sizeof special_bits[0]; i++)
        for (j = 0; j < sizeof fixed_formats / sizeof fixed_formats[0]; j++)
            compare(BUF, fixed_formats[j], from_bits(special_bits[i]));
    for (i = 0; i < sizeof special_values / sizeof special_values[0]; i++)
        for (j = 0; j < sizeof fixed_formats / sizeof fixed_formats[0]; j++) {
            compare(BUF, fixed_formats[j], special_values[i]);
            compare(BUF, fixed_formats[j], -special_values[i]);
        }
    /* Every digit of the smallest and largest numbers, and zeros beyond them. */
    compare(BUF, "%.1074f", 0x1p-1074);
    compare(BUF, "%.1100f", 0x1.fffffffffffffp-1022);
    compare(BUF, "%.1000f", 0x0.8p-1022);
    compare(BUF, "%.760e", 0x1.fffffffffffffp-1022);
    compare(BUF, "%.800e", 0x1p-1074);
    compare(BUF, "%.770g", -0x1.fffffffffffffp-1022);
    compare(BUF, "%#.1000g", 1e-300);
    compare(BUF, "%.400f", DBL_MAX);
    compare(BUF, "%5000.2000f", DBL_MAX);
    compare(BUF, "%.5000f", 0.1);
    compare(BUF, "%-5900e|", 1.0);
    /* Return values and truncation: the full length, at most size-1 bytes stored. */
    for (i = 0; i < 40; i++) {
        compare(i, "%f", DBL_MAX);
        compare(i, "%.20e", -0.1);
        compare(i, "%#020a", 1.0 / 3);
        compare(i, "%-12g|", 1e-7);
    }
    compare_long_double("%Lf", 1.5);
    compare_long_double("%.30Le", 0.1);
    compare_long_double("%LG", -1e-300);
    for (c = 0; c < cases; c++) random_case(random_value());
    printf("checked %ld, mismatches %ld\n", checked, mismatches);
    return 0;
}
