/*
 * fp_round.c: the nearest float or double to an exact decimal or binary number.
 *
 * Correct rounding means: of all the numbers the format can hold, return the one nearest
 * to the exact value written, and on a tie the one whose last significand bit is 0
 * ("round half to even", IEEE 754's default). A decimal number rarely lies on a double,
 * so the conversion must know the exact value well enough to tell on which side of the
 * halfway point between two neighbouring doubles it falls. "0.1" is not a double; it lies
 * a little above the double 0x1.999999999999ap-4 and a little further below the next.
 *
 * The method works with integers only, so it needs no floating-point hardware:
 *
 *  1. Fast path. If the number is an integer below 2^64 (a decimal with exponent >= 0 that
 *     fits, or any hexadecimal number, whose digits are already binary), its bits are
 *     known exactly and only need rounding (round_binary below).
 *
 *  2. Otherwise the value is a fraction N / M of two big integers: the digits D times
 *     10^e gives N = D * 10^e, M = 1 when e >= 0, and N = D, M = 10^-e when e < 0. We pick
 *     a power of two 2^E that brings N / (M * 2^E) between 2^61 and 2^63, multiply N or M
 *     by it, and divide: the quotient q has 62 or 63 bits, and the remainder says whether
 *     anything is left below q's last bit (the "sticky" bit). q * 2^E plus sticky is then
 *     rounded exactly like the fast path: 62 bits are far more than the 53 a double keeps,
 *     and the sticky bit is exact, so the rounding decision (below, at, or above half)
 *     is always right, however close the number is to a halfway point.
 *
 * Big integers are arrays of 32-bit limbs. Their size is bounded because every binary64
 * halfway point has at most 767 significant decimal digits: only the first 800 digits of
 * the input are kept, and the rest, if not all zero, are replaced by one digit 1, which
 * moves the number without ever moving it across a halfway point. Numbers beyond 10^310
 * overflow and numbers below 10^-330 underflow to zero before any arithmetic.
 */
#include <errno.h>
#include "fp_parse.h"

const struct fp_format __fp_binary64 = { 53, -1022, 1023, 1ULL << 63, 0x7ff0000000000000ULL, 0x7ff8000000000000ULL };
const struct fp_format __fp_binary32 = { 24, -126, 127, 1ULL << 31, 0x7f800000ULL, 0x7fc00000ULL };

#define MAX_DIGITS 800 /* decimal digits kept; more cannot change the rounding (see above) */
#define BIG_LIMBS 128  /* 4096 bits: enough for 10^1131 shifted by 2^126 (see from_fraction) */

/* A non-negative integer: limb[0] is the least significant 32 bits; len limbs are in use. */
struct big {
    int len;
    unsigned int limb[BIG_LIMBS];
};

static void big_set(struct big *b, unsigned int v)
{
    b->limb[0] = v;
    b->len = v != 0;
}

/* b = b * m + add, for m and add below 2^32. */
static void big_mul_add(struct big *b, unsigned int m, unsigned int add)
{
    unsigned long long carry = add;
    int i;
    for (i = 0; i < b->len; i++) {
        unsigned long long t = (unsigned long long)b->limb[i] * m + carry;
        b->limb[i] = (unsigned int)t;
        carry = t >> 32;
    }
    if (carry) b->limb[b->len++] = (unsigned int)carry;
}

/* b = b * 10^k, nine decimal digits (below 2^32) at a time. */
static void big_mul_pow10(struct big *b, long k)
{
    static const unsigned int pow10[10] = { 1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000,
                                            1000000000 };
    for (; k >= 9; k -= 9) big_mul_add(b, pow10[9], 0);
    if (k > 0) big_mul_add(b, pow10[k], 0);
}

/* b = b * 2^bits. */
static void big_shl(struct big *b, long bits)
{
    int words = (int)(bits / 32), shift = (int)(bits % 32), i;
    if (b->len == 0) return;
    if (shift) {
        unsigned int carry = 0;
        for (i = 0; i < b->len; i++) {
            unsigned int w = b->limb[i];
            b->limb[i] = w << shift | carry;
            carry = w >> (32 - shift);
        }
        if (carry) b->limb[b->len++] = carry;
    }
    if (words) {
        for (i = b->len - 1; i >= 0; i--) b->limb[i + words] = b->limb[i];
        for (i = 0; i < words; i++) b->limb[i] = 0;
        b->len += words;
    }
}

/* b = b / 2, rounding down. */
static void big_shr1(struct big *b)
{
    int i;
    for (i = 0; i < b->len; i++) {
        unsigned int above = i + 1 < b->len ? b->limb[i + 1] : 0;
        b->limb[i] = b->limb[i] >> 1 | above << 31;
    }
    if (b->len && b->limb[b->len - 1] == 0) b->len--;
}

/* The number of significant bits of b (0 for zero). */
static long big_bits(const struct big *b)
{
    unsigned int top;
    long n;
    if (b->len == 0) return 0;
    top = b->limb[b->len - 1];
    n = 32L * (b->len - 1);
    while (top) {
        n++;
        top >>= 1;
    }
    return n;
}

/* -1, 0 or 1 as a is below, equal to or above b. */
static int big_cmp(const struct big *a, const struct big *b)
{
    int i;
    if (a->len != b->len) return a->len < b->len ? -1 : 1;
    for (i = a->len - 1; i >= 0; i--) {
        if (a->limb[i] != b->limb[i]) return a->limb[i] < b->limb[i] ? -1 : 1;
    }
    return 0;
}

/* a = a - b, for a >= b. */
static void big_sub(struct big *a, const struct big *b)
{
    unsigned long long borrow = 0;
    int i;
    for (i = 0; i < a->len; i++) {
        unsigned long long t = (unsigned long long)a->limb[i] - (i < b->len ? b->limb[i] : 0) - borrow;
        a->limb[i] = (unsigned int)t;
        borrow = t >> 63; /* 1 if the subtraction wrapped */
    }
    while (a->len && a->limb[a->len - 1] == 0) a->len--;
}

/*
 * q shifted right by k bits (k >= 1), rounded to nearest, ties to even. The bits shifted
 * out, together with sticky, decide: below half rounds down, above half up, exactly half
 * (the first bit out set, nothing after it) to the even neighbour. *inexact tells whether
 * anything non-zero was dropped.
 */
static unsigned long long shift_round(unsigned long long q, long k, int sticky, int *inexact)
{
    unsigned long long m, half;
    int guard, below;
    if (k > 64) {
        *inexact = q != 0 || sticky;
        return 0;
    }
    m = k == 64 ? 0 : q >> k;
    half = 1ULL << (k - 1);
    guard = (q & half) != 0;
    below = (q & (half - 1)) != 0 || sticky;
    *inexact = guard || below;
    if (guard && (below || (m & 1))) m++;
    return m;
}

static unsigned long long overflow(int negative, const struct fp_format *f)
{
    errno = ERANGE;
    return f->infinity | (negative ? f->sign : 0);
}

unsigned long long __fp_from_binary(unsigned long long q, long exp2, int sticky, int negative,
                                    const struct fp_format *f)
{
    const long p = f->precision;
    const long lowest = f->emin - p + 1; /* the exponent of the last bit of a subnormal */
    unsigned long long sign = negative ? f->sign : 0, m, normal;
    long lead, lsb;
    int inexact, ignored;
    if (q == 0) return sign;
    /* Bring q to 63 or 64 bits, so that at least 10 bits lie below the kept ones. */
    while (!(q >> 62)) {
        q <<= 1;
        exp2--;
    }
    lead = exp2 + (q >> 63 ? 63 : 62); /* the exponent of q's leading bit */
    if (lead > f->emax) return overflow(negative, f);
    /* The last kept bit: p bits below the leading one, but never below a subnormal's. */
    lsb = lead - p + 1 < lowest ? lowest : lead - p + 1;
    m = shift_round(q, lsb - exp2, sticky, &inexact);
    if (m >> p) { /* rounding carried into a new bit: 1.11..1 became 10.00..0 */
        m >>= 1;
        lsb++;
    }
    if (lsb + p - 1 > f->emax) return overflow(negative, f);
    /*
     * Underflow, as x86-64 and glibc report it: the result is tiny if, rounded to full
     * precision with an unbounded exponent, it would still be below the smallest normal
     * number; tiny and inexact sets ERANGE.
     */
    if (lead < f->emin && inexact) {
        normal = lead == f->emin - 1 ? shift_round(q, lead - p + 1 - exp2, sticky, &ignored) : 0;
        if (normal >> p == 0) errno = ERANGE;
    }
    /*
     * The encoding: exponent field (lsb - lowest) above the p - 1 fraction bits, plus m. For
     * a normal number m's leading bit adds the 1 the exponent field is short of; a subnormal
     * has lsb == lowest and m below 2^(p-1), so its exponent field is 0.
     */
    return sign | (((unsigned long long)(lsb - lowest) << (p - 1)) + m);
}

/* Rounds the fraction n / m (both non-zero; n and m are clobbered). */
static unsigned long long from_fraction(struct big *n, struct big *m, int negative, const struct fp_format *f)
{
    long e = big_bits(n) - big_bits(m) - 62;
    unsigned long long q = 0;
    int i;
    /* Now n / m lies in [2^(e+61), 2^(e+63)): scale so the quotient lies in [2^61, 2^63). */
    if (e >= 0) big_shl(m, e);
    else big_shl(n, -e);
    /* Long division in base 2: subtract m * 2^i wherever it fits, for i from 62 down. */
    big_shl(m, 63);
    for (i = 62; i >= 0; i--) {
        big_shr1(m);
        if (big_cmp(n, m) >= 0) {
            big_sub(n, m);
            q |= 1ULL << i;
        }
    }
    return __fp_from_binary(q, e, n->len != 0, negative, f);
}

unsigned long long __fp_from_decimal(const char *begin, const char *end, long exp10, int negative,
                                     const struct fp_format *f)
{
    struct big n, m;
    const char *p = begin, *first, *last;
    long kept = 0, dropped = 0, decimal_exponent;
    int sticky = 0;
    unsigned long long small = 0;
    /* Find the significant digits: skip leading zeros, keep MAX_DIGITS, note the rest. */
    while (p < end && (*p == '0' || *p == '.')) p++;
    first = p;
    last = p;
    for (; p < end; p++) {
        if (*p == '.') continue;
        if (kept < MAX_DIGITS) {
            kept++;
            last = p + 1;
        } else {
            dropped++;
            if (*p != '0') sticky = 1;
        }
    }
    exp10 += dropped;
    if (kept == 0) return negative ? f->sign : 0;
    /* Trailing zeros only make the integers bigger (but the sticky digit must stay where it is). */
    while (!sticky && (last[-1] == '0' || last[-1] == '.')) {
        if (last[-1] == '0') {
            kept--;
            exp10++;
        }
        last--;
    }
    decimal_exponent = kept + exp10; /* the value lies in [10^(decimal_exponent-1), 10^decimal_exponent) */
    if (decimal_exponent > 310) return overflow(negative, f);
    if (decimal_exponent < -330) {
        errno = ERANGE;
        return negative ? f->sign : 0;
    }
    /* The fast path: an integer that fits in 64 bits is already exact. */
    if (!sticky && exp10 >= 0 && kept + exp10 <= 19) {
        for (p = first; p < last; p++) {
            if (*p != '.') small = small * 10 + (unsigned long long)(*p - '0');
        }
        for (; exp10 > 0; exp10--) small *= 10;
        return __fp_from_binary(small, 0, 0, negative, f);
    }
    /* The digits as a big integer, then the fraction N / M described at the top. */
    big_set(&n, 0);
    for (p = first; p < last; p++) {
        if (*p != '.') big_mul_add(&n, 10, (unsigned int)(*p - '0'));
    }
    if (sticky) {
        big_mul_add(&n, 10, 1);
        exp10--;
    }
    big_set(&m, 1);
    if (exp10 >= 0) big_mul_pow10(&n, exp10);
    else big_mul_pow10(&m, -exp10);
    return from_fraction(&n, &m, negative, f);
}
