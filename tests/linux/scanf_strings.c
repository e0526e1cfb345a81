/*
 * scanf_strings.c: sscanf's conversions, return counts and failures, as glibc gives them.
 *
 * Floating-point results are printed as their bit patterns (scanf stores the bits through
 * the pointer, so an unsigned integer of the same size receives them exactly).
 */
#include <stdio.h>
#include <string.h>
#include <errno.h>

static void ints(const char *in, const char *fmt)
{
    int a = -1, b = -1, n = -1;
    int r = sscanf(in, fmt, &a, &b, &n);
    printf("sscanf(\"%s\", \"%s\") = %d: %d %d %d\n", in, fmt, r, a, b, n);
}

static void dbl(const char *in)
{
    unsigned long long bits = 0;
    int n = -1, r;
    errno = 0;
    r = sscanf(in, "%lf%n", (void *)&bits, &n);
    printf("%%lf \"%s\" = %d: %016llx used %d errno %d\n", in, r, bits, n, errno);
}

static void flt(const char *in)
{
    unsigned int bits = 0;
    int n = -1, r;
    errno = 0;
    r = sscanf(in, "%f%n", (void *)&bits, &n);
    printf("%%f \"%s\" = %d: %08x used %d errno %d\n", in, r, bits, n, errno);
}

int main(void)
{
    char s1[32], s2[32];
    unsigned char uc = 0;
    short sh = 0;
    long l = 0;
    long long ll = 0;
    unsigned long ul = 0;
    void *p = &ll;
    int n = 0, r;

    /* Integers: bases, signs, prefixes, overflow (strtol's), the return count. */
    ints("42 -17", "%d %d%n");
    ints("0x1f 017 19", "%i %i%n");
    ints("0x1f", "%x%n");
    ints("ff", "%X%n");
    ints("777", "%o%n");
    ints("-1", "%u%n");
    ints("12345", "%3d%d%n");
    ints("99999999999999999999", "%d%n");
    ints("-5x", "%d%n");
    ints("0xg", "%x%n");
    ints("+", "%d%n");
    ints("abc", "%d%n");
    ints("", "%d%n");
    ints("   ", "%d%n");
    ints("7", "%d %d%n");
    ints("7 ", "%*d %d%n");
    ints("1,2", "%d,%d%n");
    ints("1;2", "%d,%d%n");
    ints("%5", "%%%d%n");
    r = sscanf("300 70000 -9223372036854775808 18446744073709551615 123456789012", "%hhu %hd %lld %lu %ld", &uc, &sh, &ll, &ul, &l);
    printf("sizes: %d %u %d %lld %lu %ld\n", r, uc, sh, ll, ul, l);
    r = sscanf("0x7fff1234", "%p", &p);
    printf("%%p: %d %p\n", r, p);
    r = sscanf("(nil)", "%p", &p);
    printf("%%p nil: %d %p\n", r, p);

    /* Characters, strings and scansets. */
    memset(s1, 0, sizeof s1);
    memset(s2, 0, sizeof s2);
    r = sscanf("  hello world", "%s%n %s", s1, &n, s2);
    printf("%%s: %d [%s] %d [%s]\n", r, s1, n, s2);
    r = sscanf("abcdef", "%3c%2s", s1, s2);
    printf("%%3c: %d [%.3s] [%s]\n", r, s1, s2);
    r = sscanf("key=value;rest", "%[^=]=%[a-z]%n", s1, s2, &n);
    printf("%%[: %d [%s] [%s] %d\n", r, s1, s2, n);
    r = sscanf("]]]x", "%[]]", s1);
    printf("%%[]]: %d [%s]\n", r, s1);
    r = sscanf("--9-x", "%[-0-9]", s1);
    printf("%%[-0-9]: %d [%s]\n", r, s1);
    r = sscanf("xyz", "%[a-c]", s1);
    printf("no match: %d\n", r);
    r = sscanf("ab", "%5c", s1);
    printf("%%5c short: %d [%.2s]\n", r, s1);

    /* Floating point: correctly rounded, hex, inf and nan, prefixes that stop early. */
    dbl("3.14159");
    dbl("0.1");
    dbl("-0");
    dbl("1e308");
    dbl("1e309");
    dbl("2.2250738585072011e-308");
    dbl("4.9406564584124654e-324");
    dbl("2.4703282292062327e-324");
    dbl("2.4703282292062328e-324");
    dbl("1e-400");
    dbl("9007199254740993");
    dbl("123456789012345678901234567890");
    dbl("0x1.8p3");
    dbl("0x1p-1074");
    dbl("-0X.8P+1");
    dbl("inf");
    dbl("-Infinity");
    dbl("nan");
    dbl("-nan");
    dbl("1e+");
    dbl("0x");
    dbl("-");
    dbl(".");
    dbl("  .5e1x");
    flt("3.4028235e38");
    flt("3.4028236e38");
    flt("1e-45");
    flt("0.1");
    flt("16777217");
    flt("1.00000005960464477539062500000001");
    return 0;
}
