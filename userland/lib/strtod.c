/*
 * strtod.c: strtod, strtof, strtold and atof: text to floating point, correctly rounded.
 *
 * The accepted syntax is C's and glibc's, in the "C" locale: leading white space, an
 * optional sign, then one of
 *   - a decimal number: digits with an optional '.', at least one digit in all, then an
 *     optional exponent 'e' or 'E', a sign and digits ("1.5e-3", ".5", "7.");
 *   - a hexadecimal number: "0x" or "0X", hex digits with an optional '.', and an optional
 *     binary exponent 'p' or 'P' with a sign and decimal digits ("0x1.8p3" is 12);
 *   - "inf" or "infinity", or "nan" optionally followed by "(chars)" where chars are
 *     letters, digits and '_', all in any case. glibc reads chars as a number
 *     (strtoull, base 0) and, if that uses all of them, puts it in the NaN's fraction bits.
 * The number ends at the first character that cannot continue it: "1e+" is the number 1
 * followed by "e+", and "0x" is 0 followed by "x". *end is set just after the number, or
 * to the start of the string when there is none.
 *
 * The text is parsed here; the value is rounded in fp_round.c, with integer arithmetic.
 * strtof rounds once, straight from the text to binary32: going through double would
 * round twice and can give a different float.
 */
#include <stdlib.h>
#include <ctype.h>
#include <errno.h>
#include "fp_parse.h"

/* Exponents are saturated here while read: far beyond any that cannot overflow or underflow. */
#define EXPONENT_LIMIT 100000000L

/* Whether s starts with word (lower case), in any case. */
static int starts_with(const char *s, const char *word)
{
    for (; *word; s++, word++) {
        if (tolower((unsigned char)*s) != *word) return 0;
    }
    return 1;
}

static int hex_value(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/*
 * Reads an exponent (after its 'e' or 'p') at *p: an optional sign and at least one digit.
 * Returns 1 and moves *p past it, or 0 and leaves *p alone when there are no digits.
 */
static int read_exponent(const char **p, long *exponent)
{
    const char *q = *p;
    int negative = 0;
    long value = 0;
    if (*q == '+' || *q == '-') negative = *q++ == '-';
    if (!isdigit((unsigned char)*q)) return 0;
    for (; isdigit((unsigned char)*q); q++) {
        if (value < EXPONENT_LIMIT) value = value * 10 + (*q - '0');
    }
    *exponent = negative ? -value : value;
    *p = q;
    return 1;
}

/*
 * "nan" has been read and p is after it: the optional "(chars)". NaN's fraction, apart from
 * its top bit (which makes it quiet), holds the number chars spell if they spell one.
 */
static unsigned long long parse_nan(const char **p, int negative, const struct fp_format *f)
{
    unsigned long long bits = f->quiet_nan | (negative ? f->sign : 0);
    const char *q = *p + 1, *close = q;
    char *number_end;
    unsigned long long payload;
    if (**p != '(') return bits;
    while (isalnum((unsigned char)*close) || *close == '_') close++;
    if (*close != ')') return bits;
    *p = close + 1;
    payload = strtoull(q, &number_end, 0);
    if (number_end == close) {
        payload &= (f->quiet_nan & ~f->infinity) - 1; /* the fraction bits below the quiet bit */
        if (payload) bits |= payload;
    }
    return bits;
}

/*
 * The hexadecimal number at p (just after "0x", with at least one hex digit): up to 15
 * significant hex digits (60 bits) are kept exactly, any non-zero digit after them only
 * sets the sticky bit, and each digit dropped before the point, or kept after it, moves
 * the binary exponent by 4.
 */
static unsigned long long parse_hex(const char **p, int negative, const struct fp_format *f)
{
    const char *q = *p;
    unsigned long long mantissa = 0;
    long exp2 = 0, exponent;
    int kept = 0, sticky = 0, after_point = 0, d;
    for (;; q++) {
        if (*q == '.' && !after_point) {
            after_point = 1;
            continue;
        }
        d = hex_value((unsigned char)*q);
        if (d < 0) break;
        if (mantissa == 0 && d == 0) {
            if (after_point) exp2 -= 4; /* a leading zero after the point */
        } else if (kept < 15) {
            mantissa = mantissa << 4 | (unsigned)d;
            kept++;
            if (after_point) exp2 -= 4;
        } else {
            if (d) sticky = 1;
            if (!after_point) exp2 += 4;
        }
        if (exp2 < -4 * EXPONENT_LIMIT) exp2 = -4 * EXPONENT_LIMIT; /* absurdly many zeros */
    }
    if (*q == 'p' || *q == 'P') {
        const char *after = q + 1;
        /* A 'p' without digits after it is not part of the number. */
        if (read_exponent(&after, &exponent)) {
            q = after;
            exp2 += exponent;
        }
    }
    *p = q;
    return __fp_from_binary(mantissa, exp2, sticky, negative, f);
}

unsigned long long __strtofp(const char *s, char **end, const struct fp_format *f)
{
    const char *p = s, *digits, *digits_end;
    int negative = 0, seen_digit = 0, seen_point = 0;
    long after_point = 0, exponent = 0;
    unsigned long long bits;
    while (isspace((unsigned char)*p)) p++;
    if (*p == '+' || *p == '-') negative = *p++ == '-';
    if (starts_with(p, "inf")) {
        p += starts_with(p, "infinity") ? 8 : 3;
        bits = f->infinity | (negative ? f->sign : 0);
    } else if (starts_with(p, "nan")) {
        p += 3;
        bits = parse_nan(&p, negative, f);
    } else if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X') &&
               (hex_value((unsigned char)p[2]) >= 0 || (p[2] == '.' && hex_value((unsigned char)p[3]) >= 0))) {
        p += 2;
        bits = parse_hex(&p, negative, f);
    } else {
        digits = p;
        for (;; p++) {
            if (isdigit((unsigned char)*p)) {
                seen_digit = 1;
                after_point += seen_point;
            } else if (*p == '.' && !seen_point) {
                seen_point = 1;
            } else {
                break;
            }
        }
        if (!seen_digit) {
            if (end) *end = (char *)s;
            return 0;
        }
        digits_end = p;
        if (*p == 'e' || *p == 'E') {
            const char *q = p + 1;
            if (read_exponent(&q, &exponent)) p = q;
        }
        bits = __fp_from_decimal(digits, digits_end, exponent - after_point, negative, f);
    }
    if (end) *end = (char *)p;
    return bits;
}

/* The double glue: the bits __strtofp computed, given their type. */

double strtod(const char *s, char **end)
{
    union { unsigned long long bits; double d; } v;
    v.bits = __strtofp(s, end, &__fp_binary64);
    return v.d;
}

float strtof(const char *s, char **end)
{
    union { unsigned int bits; float f; } v;
    v.bits = (unsigned int)__strtofp(s, end, &__fp_binary32);
    return v.f;
}

/* long double is double on Clonix (docs/libc.md, "strtod and scanf"). */
long double strtold(const char *s, char **end) { return strtod(s, end); }

double atof(const char *s) { return strtod(s, 0); }
