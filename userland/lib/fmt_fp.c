/*
 * fmt_fp.c: printf's floating-point conversions %f %F %e %E %g %G %a %A, byte for byte
 * what glibc prints, computed from the bit pattern of a double with integer arithmetic only.
 *
 * A double is a sign, a biased exponent b (11 bits) and a fraction f (52 bits). Unless it is
 * an infinity or a NaN (b = 2047), its value is exactly m * 2^e with an integer m < 2^53:
 * m = 2^52 + f and e = b - 1075 for a normal number, m = f and e = -1074 for a subnormal one
 * (b = 0). Such a value always has a finite decimal expansion, and printf prints that exact
 * expansion, rounded only at the last digit asked for. The digits are found as follows:
 *
 *   - if e >= 0, the value is the integer m * 2^e: start from m and double it e times;
 *   - if e < 0, m / 2^-e = m * 5^-e / 10^-e, so the digits are those of the integer
 *     m * 5^-e, with the decimal point moved -e places to the left.
 *
 * These integers reach 2^1024 (309 digits, DBL_MAX) and 2^53 * 5^1074 (767 digits, the
 * smallest numbers), far beyond 64 bits, so they are kept as arrays of "limbs" in base 10^9:
 * each 32-bit limb holds nine decimal digits, the lowest limb first. Multiplying the array
 * by 2^29 or 5^13 at a time keeps every limb * factor + carry below 2^64, and base 10^9
 * makes the decimal digits fall out of each limb directly. (musl's printf works in the same
 * base; this file multiplies by powers of 5 rather than dividing by powers of 2.)
 *
 * Rounding then works on the decimal digits: to the nearest, and a tie (the dropped digits
 * are exactly 5000...) to the even neighbour, as glibc rounds in the default rounding mode:
 * %.0f of 0.5 is "0", of 2.5 is "2", and %.2f of 0.125 is "0.12". Since the digits are
 * exact, 0.15 (really 0.1499999999999999944...) prints as 0.1 with %.1f, as on Linux.
 *
 * %a needs no decimal digits: the 52 fraction bits are 13 hexadecimal digits already; a
 * precision rounds them, again half to even.
 */
#include "format.h"

#define LIMB_BASE 1000000000u  /* 10^9: nine decimal digits a limb */
#define MAX_LIMBS 90           /* 767 digits need 86 limbs */
#define MAX_DIGITS 800

/*
 * A finite value in decimal: digits d[0..n) (as characters, d[0] and d[n-1] not '0') with
 * the decimal point after the first `point` of them, so the value is 0.d[0]d[1]... * 10^point
 * (point may be negative or beyond n). Zero is n = 0.
 */
struct decimal {
    char d[MAX_DIGITS];
    int n;
    int point;
};

/* limb[0..*len) *= factor, for a factor below 2^32 (products stay below 2^64). */
static void multiply(unsigned int *limb, int *len, unsigned int factor)
{
    unsigned long long carry = 0;
    int i;
    for (i = 0; i < *len; i++) {
        unsigned long long t = (unsigned long long)limb[i] * factor + carry;
        limb[i] = (unsigned int)(t % LIMB_BASE);
        carry = t / LIMB_BASE;
    }
    while (carry) {
        limb[(*len)++] = (unsigned int)(carry % LIMB_BASE);
        carry /= LIMB_BASE;
    }
}

/* Sets x to the exact decimal digits of m * 2^e (m nonzero, below 2^53). */
static void to_decimal(unsigned long long m, int e, struct decimal *x)
{
    static const unsigned int pow5[13] = { 1, 5, 25, 125, 625, 3125, 15625, 78125, 390625, 1953125, 9765625,
                                           48828125, 244140625 };
    unsigned int limb[MAX_LIMBS];
    int len = 0, i, k, total;
    /* Fewer factors of 5 to multiply by: m * 2^e with m odd. */
    while (!(m & 1)) {
        m >>= 1;
        e++;
    }
    while (m) {
        limb[len++] = (unsigned int)(m % LIMB_BASE);
        m /= LIMB_BASE;
    }
    if (e >= 0) {
        for (k = e; k >= 29; k -= 29) multiply(limb, &len, 1u << 29);
        multiply(limb, &len, 1u << k);
    } else {
        for (k = -e; k >= 13; k -= 13) multiply(limb, &len, 1220703125u); /* 5^13 */
        multiply(limb, &len, pow5[k]);
    }
    /* The top limb without its leading zeros, then nine digits for every other limb. */
    x->n = 0;
    for (k = limb[len - 1]; k; k /= 10) x->n++;
    for (i = x->n, k = limb[len - 1]; i > 0; k /= 10) x->d[--i] = (char)('0' + k % 10);
    for (i = len - 2; i >= 0; i--) {
        unsigned int v = limb[i];
        for (k = 8; k >= 0; k--) {
            x->d[x->n + k] = (char)('0' + v % 10);
            v /= 10;
        }
        x->n += 9;
    }
    total = x->n;
    x->point = e >= 0 ? total : total + e;
    while (x->d[x->n - 1] == '0') x->n--;
}

/*
 * Keeps the first `keep` digits of x (any int), rounding to the nearest and a tie to even.
 * Rounding up may carry into a new leading digit (9.96 to two digits is 10).
 */
static void round_to(struct decimal *x, int keep)
{
    int up, i;
    if (keep >= x->n) return;
    if (keep < 0) {
        x->n = 0;
        return;
    }
    if (x->d[keep] != '5') up = x->d[keep] > '5';
    else if (keep + 1 < x->n) up = 1;   /* more nonzero digits follow: above the half */
    else up = keep > 0 && ((x->d[keep - 1] - '0') & 1); /* an exact tie: to even */
    x->n = keep;
    if (up) {
        for (i = keep - 1; i >= 0 && x->d[i] == '9'; i--) continue;
        if (i < 0) {   /* all nines, or nothing kept: the result is one unit higher */
            x->d[0] = '1';
            x->n = 1;
            x->point++;
            return;
        }
        x->d[i]++;
        x->n = i + 1;
    }
    while (x->n > 0 && x->d[x->n - 1] == '0') x->n--;
}

/* Emits the digits at positions [from, to) of x, with '0' wherever x has no digit. */
static void put_digits(struct sink *s, const struct decimal *x, long from, long to)
{
    while (from < to) {
        if (from >= 0 && from < x->n) {
            long end = to < x->n ? to : x->n;
            __format_emit(s, x->d + from, (size_t)(end - from));
            from = end;
        } else {
            long end = from < 0 && to > 0 ? 0 : to;
            __format_fill(s, '0', end - from);
            from = end;
        }
    }
}

/*
 * The part of a field before its body: spaces to the width (or, with the '0' flag and a
 * finite value, zeros after the prefix), then the prefix (sign, "0x"). body is the body's
 * length; put_after adds the spaces a '-' flag puts after it.
 */
static void put_before(struct sink *s, const struct spec *sp, const char *prefix, int plen, long body, int finite)
{
    long pad = sp->width - plen - body;
    if (pad < 0 || sp->left) pad = 0;
    if (sp->zero && finite) {
        __format_emit(s, prefix, (size_t)plen);
        __format_fill(s, '0', pad);
    } else {
        __format_fill(s, ' ', pad);
        __format_emit(s, prefix, (size_t)plen);
    }
}

static void put_after(struct sink *s, const struct spec *sp, int plen, long body)
{
    if (sp->left && sp->width > plen + body) __format_fill(s, ' ', sp->width - plen - body);
}

/* %f: the integer digits (at least "0"), then '.' and prec digits; x is already rounded. */
static void put_fixed(struct sink *s, const struct spec *sp, const char *prefix, int plen,
                      const struct decimal *x, long prec)
{
    long whole = x->n > 0 && x->point > 0 ? x->point : 1;
    int dot = prec > 0 || sp->alt;
    long body = whole + dot + prec;
    put_before(s, sp, prefix, plen, body, 1);
    if (x->n > 0 && x->point > 0) put_digits(s, x, 0, x->point);
    else __format_emit(s, "0", 1);
    if (dot) __format_emit(s, ".", 1);
    put_digits(s, x, x->point, x->point + prec);
    put_after(s, sp, plen, body);
}

/* %e: one digit, '.' and prec digits, then e+dd (at least two exponent digits); x is rounded. */
static void put_exponential(struct sink *s, const struct spec *sp, const char *prefix, int plen,
                            const struct decimal *x, long prec, int upper)
{
    int exp = x->n > 0 ? x->point - 1 : 0;
    char tail[8];
    int tlen = 0, mag = exp < 0 ? -exp : exp;
    int dot = prec > 0 || sp->alt;
    long body;
    tail[tlen++] = upper ? 'E' : 'e';
    tail[tlen++] = exp < 0 ? '-' : '+';
    if (mag >= 100) tail[tlen++] = (char)('0' + mag / 100);
    tail[tlen++] = (char)('0' + mag / 10 % 10);
    tail[tlen++] = (char)('0' + mag % 10);
    body = 1 + dot + prec + tlen;
    put_before(s, sp, prefix, plen, body, 1);
    put_digits(s, x, 0, 1);
    if (dot) __format_emit(s, ".", 1);
    put_digits(s, x, 1, 1 + prec);
    __format_emit(s, tail, (size_t)tlen);
    put_after(s, sp, plen, body);
}

/*
 * %a: "0x", the leading hex digit (1 for a normal number, 0 for zero and subnormals, as
 * glibc prints them), the fraction's 13 hex digits (all that matter, or prec of them,
 * rounded), then 'p' and the binary exponent in decimal.
 */
static void put_hex(struct sink *s, const struct spec *sp, char *prefix, int plen, int biased,
                    unsigned long long fraction, int upper)
{
    const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    unsigned long long v = biased ? (1ULL << 52) | fraction : fraction;
    int exp = biased ? biased - 1023 : fraction ? -1022 : 0;
    int digits = 13, lead, i, dot, tlen = 0, mag;
    long prec, body;
    char tail[8];
    if (sp->prec < 0) {
        while (digits > 0 && !(v & 0xf)) {   /* as many digits as the value needs */
            v >>= 4;
            digits--;
        }
        prec = digits;
    } else if (sp->prec < 13) {
        int shift = 4 * (13 - sp->prec);
        unsigned long long rest = v & ((1ULL << shift) - 1), half = 1ULL << (shift - 1);
        v >>= shift;
        if (rest > half || (rest == half && (v & 1))) v++;   /* may carry into the lead: 0x2p+0 */
        digits = sp->prec;
        prec = digits;
    } else {
        prec = sp->prec;
    }
    lead = (int)(v >> (4 * digits));
    prefix[plen++] = '0';
    prefix[plen++] = upper ? 'X' : 'x';
    dot = prec > 0 || sp->alt;
    mag = exp < 0 ? -exp : exp;
    tail[tlen++] = upper ? 'P' : 'p';
    tail[tlen++] = exp < 0 ? '-' : '+';
    if (mag >= 1000) tail[tlen++] = (char)('0' + mag / 1000);
    if (mag >= 100) tail[tlen++] = (char)('0' + mag / 100 % 10);
    if (mag >= 10) tail[tlen++] = (char)('0' + mag / 10 % 10);
    tail[tlen++] = (char)('0' + mag % 10);
    body = 1 + dot + prec + tlen;
    put_before(s, sp, prefix, plen, body, 1);
    __format_emit(s, set + lead, 1);
    if (dot) __format_emit(s, ".", 1);
    for (i = digits - 1; i >= 0; i--) __format_emit(s, set + ((v >> (4 * i)) & 0xf), 1);
    __format_fill(s, '0', prec - digits);
    __format_emit(s, tail, (size_t)tlen);
    put_after(s, sp, plen, body);
}

/* The floating-point conversions; the contract is in format.h. */
void __format_fp(struct sink *s, const struct spec *sp, int conv, unsigned long long bits)
{
    int biased = (int)(bits >> 52) & 0x7ff;
    unsigned long long fraction = bits & ((1ULL << 52) - 1);
    int upper = conv >= 'A' && conv <= 'Z';
    char prefix[4];
    int plen = 0;
    struct decimal x;
    long prec = sp->prec < 0 ? 6 : sp->prec;
    if (bits >> 63) prefix[plen++] = '-';
    else if (sp->plus) prefix[plen++] = '+';
    else if (sp->space) prefix[plen++] = ' ';
    if (biased == 0x7ff) {
        /* Infinities and NaNs ignore the precision and '#', and pad with spaces only. */
        const char *word = fraction ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
        put_before(s, sp, prefix, plen, 3, 0);
        __format_emit(s, word, 3);
        put_after(s, sp, plen, 3);
        return;
    }
    if (conv == 'a' || conv == 'A') {
        put_hex(s, sp, prefix, plen, biased, fraction, upper);
        return;
    }
    if (biased == 0 && fraction == 0) {
        x.n = 0;
        x.point = 0;
    } else {
        to_decimal(biased ? (1ULL << 52) | fraction : fraction, biased ? biased - 1075 : -1074, &x);
    }
    if (conv == 'f' || conv == 'F') {
        round_to(&x, x.point + prec > MAX_DIGITS ? MAX_DIGITS : (int)(x.point + prec));
        put_fixed(s, sp, prefix, plen, &x, prec);
    } else if (conv == 'e' || conv == 'E') {
        round_to(&x, prec + 1 > MAX_DIGITS ? MAX_DIGITS : (int)(prec + 1));
        put_exponential(s, sp, prefix, plen, &x, prec, upper);
    } else {
        /*
         * %g: P significant digits (precision 0 counts as 1). With X the exponent that %e
         * would print, the style is %f's with precision P-1-X if P > X >= -4, else %e's
         * with P-1; without '#' the fraction's trailing zeros (and a bare '.') go.
         */
        long p = prec == 0 ? 1 : prec, exp, unrounded = x.n > 0 ? x.point - 1 : 0;
        round_to(&x, p > MAX_DIGITS ? MAX_DIGITS : (int)p);
        exp = x.n > 0 ? x.point - 1 : 0;
        if (p > exp && exp >= -4) {
            long keep = x.n - x.point;
            put_fixed(s, sp, prefix, plen, &x, sp->alt ? p - 1 - exp : keep > 0 ? keep : 0);
        } else if (sp->alt && unrounded == p - 1 && exp == p) {
            /*
             * glibc chooses the style before rounding: a number that rounds up from P
             * integer digits to P+1 (999999.5 with %#g) gets %e style but keeps %f style's
             * empty fraction, so glibc prints "1.e+06" where C asks for "1.00000e+06".
             */
            put_exponential(s, sp, prefix, plen, &x, 0, upper);
        } else {
            put_exponential(s, sp, prefix, plen, &x, sp->alt ? p - 1 : x.n > 1 ? x.n - 1 : 0, upper);
        }
    }
}
