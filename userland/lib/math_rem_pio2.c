/*
 * math_rem_pio2.c: the argument reduction of sin, cos and tan: x = n pi/2 + y with
 * |y| <= pi/4 (about), y as a double-double.
 *
 * The difficulty is that y can be tiny while x is huge: the closest a double comes to a
 * multiple of pi/2 is about 2^-61, so y can need some 60 bits beyond the 53 of x, and
 * pi/2 must be known to 1024 + 60 + 53 bits or more. Two methods:
 *
 * - Cody and Waite, for |x| < 2^20: pi/2 as the sum of three doubles (159 bits), and
 *   x - n * (P1 + P2 + P3) evaluated with exact products (fma) and exact sums.
 * - Payne and Hanek, beyond: x is an integer m times 2^e, and x * 2/pi modulo 4 only needs
 *   the bits of 2/pi from about 2^-e on, since the earlier ones give multiples of 4. So m
 *   is multiplied, in integer arithmetic, by a 224-bit window of a table of 2/pi; the
 *   integer part of the product gives n and its fraction times pi/2 gives y.
 */
#include "math_impl.h"

#define TWO_OVER_PI 0.6366197723675814
#define PIO2_1 1.5707963267948966
#define PIO2_2 6.123233995736766e-17
#define PIO2_3 (-1.4973849048591698e-33)

/*
 * The binary digits of 2/pi, 32 in each word: 2/pi = sum of TWO_OVER_PI_BITS[i] * 2^(-32(i+1)).
 * 40 words reach past 2^-1024-60-53-224, what the largest double needs.
 */
static const uint32_t TWO_OVER_PI_BITS[40] = {
    0xa2f9836e, 0x4e441529, 0xfc2757d1, 0xf534ddc0, 0xdb629599, 0x3c439041, 0xfe5163ab, 0xdebbc561,
    0xb7246e3a, 0x424dd2e0, 0x06492eea, 0x09d1921c, 0xfe1deb1c, 0xb129a73e, 0xe88235f5, 0x2ebb4484,
    0xe99c7026, 0xb45f7e41, 0x3991d639, 0x835339f4, 0x9c845f8b, 0xbdf9283b, 0x1ff897ff, 0xde05980f,
    0xef2f118b, 0x5a0a6d1f, 0x6d367ecf, 0x27cb09b7, 0x4f463f66, 0x9e5fea2d, 0x7527bac7, 0xebe5f17b,
    0x3d0739f7, 0x8a5292ea, 0x6bfb5fb1, 0x1f8d5d08, 0x56033046, 0xfc7b6bab, 0xf0cfbc20, 0x9af4361d,
};

#define WINDOW 7         /* words of 2/pi multiplied by m */
#define LIMBS (WINDOW + 2) /* 32-bit limbs of the product: 53 + 224 bits */

/* The 64 bits of the little-endian limbs p starting at bit pos (bits past the top read as 0). */
static uint64_t bits_at(const uint32_t *p, int pos)
{
    int i = pos / 32, s = pos % 32;
    uint64_t lo = p[i], mid = i + 1 < LIMBS ? p[i + 1] : 0, hi = i + 2 < LIMBS ? p[i + 2] : 0;
    uint64_t v = lo >> s | mid << (32 - s);
    return s == 0 ? (lo | mid << 32) : v | hi << (64 - s);
}

/* Payne-Hanek for |x| >= 2^20: returns n (mod 4 is what matters) and y in *y. */
static int reduce_large(double x, struct dd *y)
{
    uint64_t u = asuint64(x);
    uint64_t m = (u & 0x000fffffffffffffULL) | 0x0010000000000000ULL;
    int e = (int)(u >> 52 & 0x7ff) - 1075; /* x = m * 2^e, e >= -32 */
    int first = e >= 35 ? (e - 35) / 32 + 1 : 0;
    int point = 32 * (first + WINDOW) - e; /* the product's bits below this one are the fraction */
    uint32_t p[LIMBS] = {0};
    uint64_t m_lo = m & 0xffffffffU, m_hi = m >> 32, top, hi, lo;
    int n, negative = 0, lz = 0;
    double d1, d2;

    /* p = m * (the window of 2/pi, as one 224-bit integer), schoolbook. */
    for (int j = 0; j < WINDOW; j++) {
        uint64_t w = TWO_OVER_PI_BITS[first + WINDOW - 1 - j];
        uint64_t t = m_lo * w;
        uint64_t carry = 0;
        for (int k = j; k < LIMBS; k++) {
            uint64_t add = k == j ? (t & 0xffffffffU) : k == j + 1 ? (t >> 32) + (m_hi * w & 0xffffffffU)
                         : k == j + 2 ? (m_hi * w) >> 32 : 0;
            uint64_t s = (uint64_t)p[k] + add + carry;
            p[k] = (uint32_t)s;
            carry = s >> 32;
            if (k > j + 2 && carry == 0) break;
        }
    }
    n = (int)(bits_at(p, point) & 7);
    hi = bits_at(p, point - 64);
    lo = bits_at(p, point - 128);
    /* A fraction of one half or more rounds n up and leaves a negative y: negate the 128 bits. */
    if (hi >> 63) {
        n++;
        negative = 1;
        hi = ~hi;
        lo = ~lo + 1;
        if (lo == 0) hi++;
    }
    /* Normalize so that the top bit of hi is set; lz counts the shift. */
    while (!(hi >> 63) && lz < 128) {
        hi = hi << 1 | lo >> 63;
        lo <<= 1;
        lz++;
    }
    top = hi >> 11;
    d1 = (double)top * pow2i(-53 - lz);
    d2 = (double)((hi & 0x7ff) << 42 | lo >> 22) * pow2i(-106 - lz);
    *y = dd_mul(fast_two_sum(d1, d2), dd_make(PIO2_HI, PIO2_LO));
    if (negative) *y = dd_neg(*y);
    return n;
}

/* x = n pi/2 + y for finite x: returns n and y (|y| <= pi/4 or a hair more). */
int __rem_pio2(double x, struct dd *y)
{
    double ax = fabs(x), n, t1;
    struct dd a, s;
    int q;
    if (ax <= 0.7853981633974483) {
        *y = dd_make(x, 0);
        return 0;
    }
    if (ax < 0x1p20) {
        n = rint(x * TWO_OVER_PI);
        t1 = __builtin_fma(-n, PIO2_1, x); /* exact: see the comment at the top */
        a = two_prod(n, PIO2_2);
        s = two_sum(t1, -a.hi);
        *y = fast_two_sum(s.hi, s.lo - a.lo - n * PIO2_3);
        return (int)n;
    }
    q = reduce_large(ax, y);
    if (x < 0) {
        *y = dd_neg(*y);
        q = -q;
    }
    return q;
}
