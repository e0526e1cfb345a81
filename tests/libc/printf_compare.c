/*
 * printf_compare.c: our vsnprintf (clx_snprintf) against glibc's snprintf over thousands
 * of random formats and values from a fixed seed, plus a list of hand-picked cases.
 * Prints each mismatch and a summary line "checked N, mismatches M".
 *
 * All arguments are passed as long: on x86-64 a variadic int is read from the low half of
 * the same 8-byte slot, so both implementations see exactly the same values.
 */
#include <stdio.h>
#include <string.h>
#include <limits.h>
#include "fake_os.h"

int clx_snprintf(char *buf, unsigned long size, const char *fmt, ...);
int clx_sprintf(char *buf, const char *fmt, ...);

static unsigned long long rng = 0x9E3779B97F4A7C15ULL;
static unsigned long long next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}
static int below(int n) { return (int)(next() % (unsigned long long)n); }

static long checked, mismatches;

static void compare(size_t size, const char *fmt, long a, long b, long c)
{
    char ours[512], theirs[512];
    int n1, n2;
    memset(ours, 'Z', sizeof ours);
    memset(theirs, 'Z', sizeof theirs);
    n1 = clx_snprintf(ours, size, fmt, a, b, c);
    n2 = snprintf(theirs, size, fmt, a, b, c);
    checked++;
    if (n1 != n2 || memcmp(ours, theirs, sizeof ours) != 0) {
        if (++mismatches <= 20)
            printf("MISMATCH fmt=\"%s\" size=%zu args=%ld,%ld,%ld: ours %d \"%.*s\" glibc %d \"%.*s\"\n", fmt, size, a, b,
                   c, n1, (int)(size ? strnlen(ours, size) : 0), ours, n2, (int)(size ? strnlen(theirs, size) : 0), theirs);
    }
}

static const char *strings[] = { "", "a", "hello", "Hello, world", "tab\there", "0123456789abcdefghij" };

static long interesting(void)
{
    static const long values[] = { 0, 1, -1, 7, 8, 9, 10, 15, 16, 255, 256, -128, 127, 32767, -32768, 65535,
                                   INT_MAX, INT_MIN, UINT_MAX, LONG_MAX, LONG_MIN, 1000000007, -99999 };
    switch (below(3)) {
    case 0: return values[below((int)(sizeof values / sizeof values[0]))];
    case 1: return (long)(next() >> below(64));
    default: return -(long)(next() >> below(64));
    }
}

/* One random specification appended to f; its arguments appended to args. */
static void random_spec(char *f, long *args, int *nargs)
{
    static const char *lengths[] = { "", "", "", "hh", "h", "l", "ll", "z", "j", "t" };
    static const char convs[] = "diuoxXcsp%";
    char conv = convs[below(10)];
    const char *flags = "-+ #0";
    int i;
    strcat(f, "%");
    for (i = 0; i < 5; i++)
        if (below(4) == 0) strncat(f, flags + i, 1);
    if (below(2)) {
        if (below(5) == 0) {
            strcat(f, "*");
            args[(*nargs)++] = below(41) - 20;
        } else {
            sprintf(f + strlen(f), "%d", below(25));
        }
    }
    if (below(2)) {
        if (below(5) == 0) {
            strcat(f, ".*");
            args[(*nargs)++] = below(31) - 5;
        } else if (below(6) == 0) {
            strcat(f, ".");
        } else {
            sprintf(f + strlen(f), ".%d", below(22));
        }
    }
    if (conv == 'd' || conv == 'i' || conv == 'u' || conv == 'o' || conv == 'x' || conv == 'X')
        strcat(f, lengths[below(10)]);
    strncat(f, &conv, 1);
    if (conv == 's') args[(*nargs)++] = below(8) == 0 ? 0 : (long)strings[below(6)];
    else if (conv == 'p') args[(*nargs)++] = below(4) == 0 ? 0 : interesting();
    else if (conv == 'c') args[(*nargs)++] = 32 + below(95);
    else if (conv != '%') args[(*nargs)++] = interesting();
}

int main(void)
{
    static const size_t sizes[] = { 0, 1, 2, 5, 16, 512 };
    static const char *fixed[] = {
        "%d", "%5d", "%-5d|", "%05d", "%+d", "% d", "%.0d", "%.3d", "%8.3d", "%-8.3d|", "%08.3d",
        "%x", "%#x", "%#X", "%#o", "%#.0o", "%.0x", "%#5x", "%#08x", "%lu", "%ld", "%lld", "%hhd",
        "%hd", "%hu", "%zu", "%p", "%20p", "%-20p|", "%+p", "% p", "%#p", "%.20p", "%020p", "%s", "%.3s",
        "%10s", "%-10s|", "%010s", "%c", "%5c", "%-5c|", "%05c", "%%", "%5%", "abc%ydef", "%", "x%",
    };
    int i;
    for (i = 0; i < (int)(sizeof fixed / sizeof fixed[0]); i++) {
        if (strchr(fixed[i], 's')) {
            compare(512, fixed[i], (long)"str", 0, 0);
            compare(512, fixed[i], 0, 0, 0);
            continue;
        }
        compare(512, fixed[i], 42, 0, 0);
        compare(512, fixed[i], -42, 0, 0);
        compare(512, fixed[i], 0, 0, 0);
        compare(512, fixed[i], LONG_MIN, 0, 0);
    }
    compare(512, "%s", (long)"string", 0, 0);
    compare(512, "%.*s|%*s", 3, (long)"abcdef", -6);
    compare(512, "%-*d|", -7, 5, 0);
    compare(512, "%s", 0, 0, 0);
    compare(512, "%.5s|%.6s", 0, 0, 0);
    for (i = 0; i < 20000; i++) {
        char f[160] = "";
        long args[6] = { 0 };
        int nargs = 0;
        if (below(2)) strcat(f, "<");
        random_spec(f, args, &nargs);
        if (below(3) == 0) {
            strcat(f, " and ");
            if (nargs <= 1) random_spec(f, args, &nargs);
        }
        if (nargs > 3) continue;
        compare(sizes[below(6)], f, args[0], args[1], args[2]);
    }
    printf("checked %ld, mismatches %ld\n", checked, mismatches);
    return 0;
}
