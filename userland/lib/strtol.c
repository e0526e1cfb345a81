/*
 * strtol.c: strtol, strtoul, strtoll, strtoull, atoi, atol, atoll.
 *
 * One parser reads the magnitude and the sign; each function then applies its own range.
 * As in glibc: leading white space and one sign are accepted; base 0 means 8, 10 or 16 by
 * prefix; "0x" without a hex digit after it is the number 0 followed by "x"; with no
 * digits at all *end is s itself; an out-of-range value saturates and sets ERANGE; a base
 * that is not 0 or 2..36 sets EINVAL.
 */
#include <stdlib.h>
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <inttypes.h>

/* The value of the digit c in any base up to 36, or 36 for "not a digit". */
static int digit_value(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 36;
}

struct parsed {
    unsigned long long magnitude;
    int negative;
    int overflow; /* the magnitude did not fit in 64 bits */
};

static struct parsed parse(const char *s, char **end, int base)
{
    struct parsed p;
    const char *q = s;
    const char *first_digit;
    p.magnitude = 0;
    p.negative = 0;
    p.overflow = 0;
    if (base < 0 || base == 1 || base > 36) {
        errno = EINVAL;
        if (end) *end = (char *)s;
        return p;
    }
    while (isspace((unsigned char)*q)) q++;
    if (*q == '+' || *q == '-') p.negative = *q++ == '-';
    if ((base == 0 || base == 16) && q[0] == '0' && (q[1] == 'x' || q[1] == 'X') &&
        digit_value((unsigned char)q[2]) < 16) {
        q += 2;
        base = 16;
    } else if (base == 0) {
        base = q[0] == '0' ? 8 : 10;
    }
    first_digit = q;
    for (;; q++) {
        int d = digit_value((unsigned char)*q);
        if (d >= base) break;
        if (p.magnitude > (ULLONG_MAX - d) / base) p.overflow = 1;
        else p.magnitude = p.magnitude * base + d;
    }
    if (end) *end = (char *)(q == first_digit ? s : q);
    return p;
}

long long strtoll(const char *s, char **end, int base)
{
    struct parsed p = parse(s, end, base);
    unsigned long long limit = p.negative ? (unsigned long long)LLONG_MAX + 1 : LLONG_MAX;
    if (p.overflow || p.magnitude > limit) {
        errno = ERANGE;
        return p.negative ? LLONG_MIN : LLONG_MAX;
    }
    return p.negative ? (long long)(0 - p.magnitude) : (long long)p.magnitude;
}

/* A minus sign negates the value in unsigned arithmetic, as C specifies ("-1" is ULLONG_MAX). */
unsigned long long strtoull(const char *s, char **end, int base)
{
    struct parsed p = parse(s, end, base);
    if (p.overflow) {
        errno = ERANGE;
        return ULLONG_MAX;
    }
    return p.negative ? 0 - p.magnitude : p.magnitude;
}

/* long is 64 bits, as long long (LP64). */
long strtol(const char *s, char **end, int base) { return (long)strtoll(s, end, base); }
unsigned long strtoul(const char *s, char **end, int base) { return (unsigned long)strtoull(s, end, base); }

int atoi(const char *s) { return (int)strtol(s, 0, 10); }
long atol(const char *s) { return strtol(s, 0, 10); }
long long atoll(const char *s) { return strtoll(s, 0, 10); }

/* inttypes.h's versions: intmax_t is long long's size (64 bits). */
intmax_t strtoimax(const char *s, char **end, int base) { return strtoll(s, end, base); }
uintmax_t strtoumax(const char *s, char **end, int base) { return strtoull(s, end, base); }
