/*
 * math_rem.c: fmod, remainder and remquo, which are exact.
 *
 * All three do the schoolbook binary long division of the significands: shift the
 * dividend left one bit at a time, subtracting the divisor whenever it fits, one step per
 * bit of exponent difference. What remains is exactly x - q*y for the integer q whose
 * bits were produced. fmod keeps that (q truncated towards zero); remainder and remquo
 * then round q to nearest, ties to even, by subtracting |y| once more when the remainder
 * is past half of it. The float versions use the double code: their results are floats.
 */
#include "math_impl.h"

#define IMPLICIT_BIT 0x0010000000000000ULL

/* The significand of a finite non-zero |x| with its implicit bit, and its exponent (value = m * 2^(e - 1075)). */
static uint64_t significand(double x, int *e)
{
    uint64_t u = asuint64(x) & 0x7fffffffffffffffULL;
    int ex = (int)(u >> 52);
    uint64_t m = u & (IMPLICIT_BIT - 1);
    if (ex == 0) {
        ex = 1;
        while (!(m & IMPLICIT_BIT)) {
            m <<= 1;
            ex--;
        }
    } else {
        m |= IMPLICIT_BIT;
    }
    *e = ex;
    return m;
}

/*
 * |x| mod |y| for finite x and non-zero finite y, and the low bits of the truncated
 * quotient in *q. The result is non-negative; the callers give it its sign.
 */
static double remainder_core(double x, double y, unsigned *q)
{
    int ex, ey;
    uint64_t mx = significand(x, &ex), my = significand(y, &ey);
    unsigned bits = 0;
    *q = 0;
    if (ex < ey) return fabs(x); /* |x| < |y|: the quotient is 0 */
    for (; ex > ey; ex--) {
        bits <<= 1;
        if (mx >= my) {
            mx -= my;
            bits |= 1;
        }
        mx <<= 1;
    }
    bits <<= 1;
    if (mx >= my) {
        mx -= my;
        bits |= 1;
    }
    *q = bits;
    if (mx == 0) return 0;
    while (!(mx & IMPLICIT_BIT)) {
        mx <<= 1;
        ex--;
    }
    if (ex > 0) return asdouble((mx - IMPLICIT_BIT) | (uint64_t)ex << 52);
    return asdouble(mx >> (1 - ex)); /* subnormal: the shift drops only zero bits */
}

/*
 * The special cases every function here shares: a NaN operand gives that NaN; x infinite
 * or y zero is a domain error giving the default NaN (0/0). Returns non-zero when *r is
 * the answer.
 */
static int special_case(double x, double y, double *r)
{
    if (x != x || y != y) {
        *r = x + y;
        return 1;
    }
    if (y == 0 || exponent_bits(x) == 0x7ff) {
        *r = with_errno((x * y) / (x * y), EDOM);
        return 1;
    }
    if (exponent_bits(y) == 0x7ff || x == 0) {
        *r = x;
        return 1;
    }
    return 0;
}

double fmod(double x, double y)
{
    double r;
    unsigned q;
    if (special_case(x, y, &r)) return r;
    return copysign(remainder_core(x, y, &q), x);
}

/*
 * The remainder of the quotient rounded to nearest, and that quotient's sign and low
 * three bits in *quo (C99 requires at least three). The truncated remainder r < |y| goes
 * down by |y| (and the quotient up by one) when r > |y|/2, or r == |y|/2 with q odd. 2r
 * is exact, and r - |y| too (Sterbenz: r and |y| are within a factor 2).
 */
double remquo(double x, double y, int *quo)
{
    double r, ay = fabs(y);
    unsigned q = 0;
    int negative_quotient = (int)((asuint64(x) ^ asuint64(y)) >> 63);
    *quo = 0;
    if (special_case(x, y, &r)) return r;
    r = remainder_core(x, y, &q);
    if (2 * r > ay || (2 * r == ay && (q & 1))) {
        r -= ay;
        q++;
    }
    q &= 7;
    *quo = negative_quotient ? -(int)q : (int)q;
    return asdouble(asuint64(r) ^ (asuint64(x) & 0x8000000000000000ULL));
}

double remainder(double x, double y)
{
    int q;
    return remquo(x, y, &q);
}

float fmodf(float x, float y)
{
    return (float)fmod(x, y);
}

float remainderf(float x, float y)
{
    return (float)remainder(x, y);
}

float remquof(float x, float y, int *quo)
{
    return (float)remquo(x, y, quo);
}
