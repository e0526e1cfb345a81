/*
 * guest_printf_fp.c: printf's floating-point conversions through the libc as compiled by
 * Clonix's compiler: a table of doubles (given by their bits, so that the table means the
 * same under every compiler) under many formats, the exact digits of the smallest and largest
 * doubles, and the lengths and truncation of snprintf. guest_printf_fp.expected is what gcc
 * and glibc print for it on Linux x86-64.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static double from_bits(unsigned long long bits)
{
    double d;
    memcpy(&d, &bits, sizeof d);
    return d;
}
#define D(bits) from_bits(bits)
#define LD(bits) ((long double)from_bits(bits))

static const unsigned long long values[] = {
    0x0000000000000000ULL, /* 0 */
    0x8000000000000000ULL, /* -0 */
    0x3ff0000000000000ULL, /* 1 */
    0xbff8000000000000ULL, /* -1.5 */
    0x3fe0000000000000ULL, /* 0.5: %.0f rounds the tie to even, 0 */
    0x4004000000000000ULL, /* 2.5: %.0f is 2 */
    0x3fc0000000000000ULL, /* 0.125: %.2f is 0.12 */
    0x3fb999999999999aULL, /* 0.1 */
    0x3fd5555555555555ULL, /* 1/3 */
    0x400921fb54442d18ULL, /* pi */
    0x4005bf0a8b145769ULL, /* e */
    0x412e847f00000000ULL, /* 999999.5 */
    0x3f1a36e2eb1c432dULL, /* 1e-4 */
    0x3ee4f8b588e368f1ULL, /* 1e-5 */
    0x4415af1d78b58c40ULL, /* 1e20 */
    0x44b52d02c7e14af6ULL, /* 1e23 */
    0x43e0000000000000ULL, /* 2^63 */
    0xc0c81c8000000000ULL, /* -12345 */
    0x0000000000000001ULL, /* the smallest subnormal */
    0x000fffffffffffffULL, /* the largest subnormal */
    0x0010000000000000ULL, /* DBL_MIN */
    0x7fefffffffffffffULL, /* DBL_MAX */
    0x7ff0000000000000ULL, /* inf */
    0xfff0000000000000ULL, /* -inf */
    0x7ff8000000000000ULL, /* nan */
    0xfff8000000000000ULL, /* -nan: x86's default NaN, as 0.0/0.0 makes */
};

static const char *const formats[] = {
    "%f", "%F", "%e", "%E", "%g", "%G", "%a", "%A", "%.0f", "%.2f", "%.17g", "%.3e", "%.0e", "%.1a", "%#.0f",
    "%#g", "%+f", "% e", "%12.4f", "%-12.3g|", "%012.3f", "%+015.5e", "%020a", "%.20f", "%lg",
};

/* vsnprintf through a va_list, as a program's own logging function would. */
static int format_into(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}

int main(void)
{
    char buf[32];
    int v, f, n;
    for (v = 0; v < (int)(sizeof values / sizeof values[0]); v++) {
        printf("%016llx", values[v]);
        for (f = 0; f < (int)(sizeof formats / sizeof formats[0]); f++) {
            printf(" [");
            printf(formats[f], D(values[v]));
            printf("]");
        }
        printf("\n");
    }
    printf("long double [%Lf] [%.20Le]\n", LD(0x4005bf0a8b145769ULL), LD(0x3fb999999999999aULL));
    printf("smallest %.1074f\n", D(0x0000000000000001ULL));
    printf("largest subnormal %.770e\n", D(0x000fffffffffffffULL));
    printf("stars [%*.*f] [%-*.*e] [%.*g]\n", 10, 3, D(0x400921fb54442d18ULL), 12, 2, D(0x3fb999999999999aULL), -1,
           D(0x3fd5555555555555ULL));
    for (n = 0; n <= 12; n += 4) {
        int len = snprintf(buf, (size_t)n, "%.5f|%g", D(0x400921fb54442d18ULL), D(0x4415af1d78b58c40ULL));
        printf("snprintf size %d: %d \"%s\"\n", n, len, n ? buf : "");
    }
    n = format_into(buf, sizeof buf, "%.3e and %a", D(0xc0c81c8000000000ULL), D(0x3fe0000000000000ULL));
    printf("vsnprintf: %d \"%s\"\n", n, buf);
    fflush(stdout);
    n = dprintf(1, "dprintf %g %G\n", D(0x3ee4f8b588e368f1ULL), D(0x7ff0000000000000ULL));
    fprintf(stdout, "fprintf %.2f returned %d\n", D(0x4004000000000000ULL), n);
    return 0;
}
