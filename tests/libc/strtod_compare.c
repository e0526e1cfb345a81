/*
 * strtod_compare.c: our strtod and strtof (clx_*) against glibc's, from a fixed seed.
 *
 * Every case compares the bits of the result, where the parse ended and errno. The inputs
 * are the hard ones for correct rounding: the exact decimal expansions of halfway points
 * between neighbouring doubles (and floats), and those expansions cut short or nudged by
 * one unit in their last digit, over every exponent range (subnormals, the smallest
 * normals, powers of two, the largest numbers); random decimal and hexadecimal strings;
 * inputs of thousands of digits; and the syntax corner cases (inf, nan(...), "1e+", "0x").
 * Prints "strtod: checked N, mismatches M" and the same for strtof, with one line per
 * mismatch (at most 20 per function).
 */
#include "fake_os.h"
#include <stdint.h>

double clx_strtod(const char *, char **);
float clx_strtof(const char *, char **);

static unsigned long long rng = 0x5eed1234abcdULL;
static unsigned long long next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}
static int below(int n) { return (int)(next() % (unsigned long long)n); }

static long checked[2], mismatches[2];

static void check_double(const char *s)
{
    char *e1, *e2;
    int err1, err2;
    double a, b;
    uint64_t ba, bb;
    *clx___errno_location() = 0;
    errno = 0;
    a = clx_strtod(s, &e1);
    err1 = *clx___errno_location();
    b = strtod(s, &e2);
    err2 = errno;
    memcpy(&ba, &a, 8);
    memcpy(&bb, &b, 8);
    checked[0]++;
    if (ba != bb || e1 != e2 || err1 != err2) {
        if (++mismatches[0] <= 20)
            printf("MISMATCH strtod(\"%.200s\"): ours %016llx end %ld errno %d, glibc %016llx end %ld errno %d\n", s,
                   (unsigned long long)ba, (long)(e1 - s), err1, (unsigned long long)bb, (long)(e2 - s), err2);
    }
}

static void check_float(const char *s)
{
    char *e1, *e2;
    int err1, err2;
    float a, b;
    uint32_t ba, bb;
    *clx___errno_location() = 0;
    errno = 0;
    a = clx_strtof(s, &e1);
    err1 = *clx___errno_location();
    b = strtof(s, &e2);
    err2 = errno;
    memcpy(&ba, &a, 4);
    memcpy(&bb, &b, 4);
    checked[1]++;
    if (ba != bb || e1 != e2 || err1 != err2) {
        if (++mismatches[1] <= 20)
            printf("MISMATCH strtof(\"%.200s\"): ours %08x end %ld errno %d, glibc %08x end %ld errno %d\n", s, ba,
                   (long)(e1 - s), err1, bb, (long)(e2 - s), err2);
    }
}

static void check_both(const char *s)
{
    check_double(s);
    check_float(s);
}

/*
 * The variants of an exact decimal expansion ("d.ddd...e±x", trailing zeros allowed): as
 * it is, cut to a few lengths, and with its last significant digit moved up or down by one.
 */
static void variants(const char *exact, void (*check)(const char *))
{
    static char buf[2000];
    const char *e = strchr(exact, 'e');
    size_t mant = (size_t)(e - exact), last = mant, n;
    static const size_t cuts[] = { 10, 17, 18, 19, 20, 25, 40, 100 };
    size_t i;
    check(exact);
    while (last > 0 && (exact[last - 1] == '0' || exact[last - 1] == '.')) last--;
    for (i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
        n = cuts[i] + 1; /* the point counts as a character */
        if (n >= last) break;
        snprintf(buf, sizeof buf, "%.*s%s", (int)n, exact, e);
        check(buf);
    }
    if (last > 2) {
        /* One unit up in the last significant digit (a 9 just becomes a longer number). */
        snprintf(buf, sizeof buf, "%.*s%c%s", (int)(last - 1), exact, exact[last - 1] == '9' ? '9' : exact[last - 1] + 1, e);
        if (exact[last - 1] == '9') snprintf(buf, sizeof buf, "%.*s1%s", (int)last, exact, e);
        check(buf);
        snprintf(buf, sizeof buf, "%.*s%c%s", (int)(last - 1), exact, exact[last - 1] - 1, e);
        check(buf);
        snprintf(buf, sizeof buf, "%.*s0000000000000000000001%s", (int)last, exact, e);
        check(buf);
    }
}

/* A random double of one of several kinds: any, subnormal, near the normal range's ends. */
static uint64_t random_double_bits(void)
{
    uint64_t bits = next() & ~(1ULL << 63);
    switch (below(6)) {
    case 0: bits &= 0x000fffffffffffffULL; break;                           /* subnormal */
    case 1: bits = (bits & 0x3ULL) | (1ULL << 52); break;                    /* just above DBL_MIN */
    case 2: bits = 0x7fefffffffffffffULL - (bits & 0xf); break;              /* near DBL_MAX */
    case 3: bits = (bits & 0x7ff0000000000000ULL) | (below(2) ? 0 : 0x000fffffffffffffULL); break; /* 2^k edges */
    default: break;
    }
    if ((bits >> 52) == 0x7ff || (bits >> 52) == 0x7fe && (bits & 0xfffffffffffffULL) == 0xfffffffffffffULL)
        bits = 0x7fefffffffffffffULL - 1;
    return bits;
}

static void halfway_doubles(int count)
{
    static char buf[2000];
    int i;
    for (i = 0; i < count; i++) {
        uint64_t bits = random_double_bits(), up = bits + 1;
        double lo, hi;
        long double mid;
        memcpy(&lo, &bits, 8);
        memcpy(&hi, &up, 8);
        mid = ((long double)lo + (long double)hi) / 2; /* exact: 64 bits of precision */
        snprintf(buf, sizeof buf, "%.800Le", mid);
        variants(buf, check_double);
        snprintf(buf, sizeof buf, "%.17g", lo);
        check_double(buf);
    }
}

static void halfway_floats(int count)
{
    static char buf[400];
    int i;
    for (i = 0; i < count; i++) {
        uint32_t bits = (uint32_t)next() & 0x7fffffff, up;
        float lo, hi;
        double mid;
        if (below(3) == 0) bits &= 0x007fffff;
        if ((bits >> 23) >= 0xfe) bits = 0x7f7ffffe;
        up = bits + 1;
        memcpy(&lo, &bits, 4);
        memcpy(&hi, &up, 4);
        mid = ((double)lo + (double)hi) / 2; /* exact in double */
        snprintf(buf, sizeof buf, "%.200e", mid);
        variants(buf, check_float);
        snprintf(buf, sizeof buf, "%.9g", lo);
        check_float(buf);
    }
}

static void random_decimals(int count)
{
    static char buf[200];
    int i, j;
    for (i = 0; i < count; i++) {
        int len = 0, digits = 1 + below(30), point = below(digits + 2) - 1;
        if (below(4) == 0) buf[len++] = " \t\n"[below(3)];
        if (below(3) == 0) buf[len++] = "+-"[below(2)];
        for (j = 0; j < digits; j++) {
            if (j == point) buf[len++] = '.';
            buf[len++] = (char)('0' + (below(4) == 0 ? 0 : below(10)));
        }
        if (below(4) != 0) len += sprintf(buf + len, "%c%d", "eE"[below(2)], below(800) - 400);
        if (below(5) == 0) buf[len++] = "x.e+-p9"[below(7)];
        buf[len] = 0;
        check_both(buf);
    }
}

static void random_hex(int count)
{
    static char buf[200];
    int i, j;
    for (i = 0; i < count; i++) {
        int len = 0, digits = below(22), point = below(digits + 2) - 1;
        if (below(3) == 0) buf[len++] = "+-"[below(2)];
        len += sprintf(buf + len, "0%c", "xX"[below(2)]);
        for (j = 0; j < digits; j++) {
            if (j == point) buf[len++] = '.';
            buf[len++] = "0123456789abcdefABCDEF"[below(4) == 0 ? 0 : below(22)];
        }
        if (below(4) != 0) len += sprintf(buf + len, "%c%d", "pP"[below(2)], below(2400) - 1200);
        if (below(5) == 0) buf[len++] = "x.e+-p9g"[below(8)];
        buf[len] = 0;
        check_both(buf);
    }
}

/* Thousands of digits: a long run of digits, zeros with a late non-zero digit, and so on. */
static void long_inputs(void)
{
    static char buf[12000];
    int i, n;
    for (i = 0; i < 40; i++) {
        int len = 0;
        n = 700 + below(5000);
        if (below(2)) len += sprintf(buf, "0.");
        while (len < n) buf[len++] = (char)(i % 3 == 0 ? '0' : '0' + below(10));
        if (i % 3 == 0) buf[len++] = '1';
        if (i % 4 == 1) len += sprintf(buf + len, "e-%d", below(700));
        else if (i % 4 == 2) len += sprintf(buf + len, "e%d", below(400) - 5000);
        buf[len] = 0;
        check_both(buf);
    }
}

static const char *const specials[] = {
    "", " ", "+", "-", ".", "-.", ".e1", "e5", "1e", "1e+", "1e-x", "1.e5", ".5", "5.", "00012.50e-0002", "0x", "0x.",
    "0x.p1", "0xp1", "0x1p", "0x1p+", "0x1.8p3", "-0x1.8P-3", "0X.8", "0x1.fffffffffffff8p0", "0x1.fffffffffffff7ffp0",
    "0x1p-1074", "0x1p-1075", "0x1.0000000000001p-1075", "0x1p-1022", "0x0.fffffffffffff8p-1022", "0x1p1024",
    "0x1.fffffffffffffp1023", "0x1p-149", "0x1p-150", "0x1.0000011p-150", "0x0.ffffffp-126", "0x1p128",
    "inf", "INF", "-Inf", "infinity", "-INFINITY", "infinit", "infx", "in", "nan", "-NaN", "nan(", "nan()", "nan(123)",
    "nan(0x7f)", "-nan(0xfffffffffffff)", "nan(0x8000000000000)", "nan(abc)", "nan(_1)", "nan(1 2)", "nan(99999999999999999999999)",
    "nan(077)", "nanx", "na", "1e400", "-1e400", "1e-400", "2e-324", "3e-324", "2.4703282292062327e-324",
    "2.4703282292062328e-324", "4.9406564584124654e-324", "2.2250738585072011e-308", "2.2250738585072012e-308",
    "2.2250738585072014e-308", "1.7976931348623157e308", "1.7976931348623158e308", "1.797693134862315808e308",
    "1.7976931348623159e308", "3.4028235e38", "3.4028236e38", "3.40282357e38", "1.4e-45", "7e-46", "7.1e-46",
    "1.17549435e-38", "1.1754942e-38", "1.17549428e-38", "0.1", "0.2", "0.3", "1e23", "8.589973e9", "9007199254740993",
    "9007199254740992.5", "18446744073709551615", "18446744073709551616", "123456789012345678901234567890",
    "1e99999999999999999999", "1e-99999999999999999999", "0e99999999999", "0.0000000000000000000000000e400",
    "  \t\n\v\f\r 42", "4 2", "1,5", "0x1.8p3x", "1e5e5", "--1", "+-1", "1..2",
};

/*
 * Where glibc is wrong: its strtof drops the 25th bit of a hexadecimal number whose
 * rounding position falls just above the significand (2^-150 + 2^-174 becomes 0, but it
 * lies above half of the smallest subnormal, 2^-149). gcc folds the same constant with
 * correct rounding, and that is the reference here.
 */
static void glibc_errors(void)
{
    float ours = clx_strtof("0x1.000001p-150", 0), right = 0x1.000001p-150f;
    checked[1]++;
    if (memcmp(&ours, &right, 4) != 0 && ++mismatches[1] <= 20) printf("MISMATCH strtof(\"0x1.000001p-150\") is not 2^-149\n");
}

int main(void)
{
    size_t i;
    glibc_errors();
    for (i = 0; i < sizeof specials / sizeof specials[0]; i++) check_both(specials[i]);
    halfway_doubles(1500);
    halfway_floats(1500);
    random_decimals(20000);
    random_hex(10000);
    long_inputs();
    printf("strtod: checked %ld, mismatches %ld\n", checked[0], mismatches[0]);
    printf("strtof: checked %ld, mismatches %ld\n", checked[1], mismatches[1]);
    return 0;
}
