/*
 * math_pow.c: pow(x, y).
 *
 * After C99's special cases (Annex F.9.4.4), x^y = e^(y log|x|), with the sign of x when
 * y is an odd integer. log|x| comes from the log core as a double-double good to about
 * 2^-65, y times it is formed exactly enough in double-double, and the exponential core
 * takes that double-double argument. The care matters: an error d in y log|x| becomes a
 * relative error d in the result, and y log|x| can be as large as 745.
 */
#include "math_impl.h"

/* 0 if y is not an integer, 1 if it is an odd integer, 2 if an even one. */
static int integer_kind(double y)
{
    if (fabs(y) >= 0x1p53) return 2; /* every double this large is even */
    if (trunc(y) != y) return 0;
    return ((int64_t)y & 1) ? 1 : 2;
}

double pow(double x, double y)
{
    int kind, k;
    double ax = fabs(x), r;
    struct dd t, p;
    if (y == 0 || x == 1) return 1.0;
    if (x != x || y != y) return x + y;
    kind = integer_kind(y);
    if (exponent_bits(y) == 0x7ff) {
        if (ax == 1) return 1.0;
        return (ax < 1) == (y < 0) ? 1.0 / 0.0 : 0.0;
    }
    if (x == 0) {
        if (y < 0) return with_errno(kind == 1 ? 1 / x : 1.0 / 0.0, ERANGE);
        return kind == 1 ? x : 0.0;
    }
    if (exponent_bits(x) == 0x7ff) {
        r = y < 0 ? 0.0 : 1.0 / 0.0;
        return x < 0 && kind == 1 ? -r : r;
    }
    if (x < 0 && kind == 0) return with_errno((x - x) / (x - x), EDOM);

    if (ax == 1) return kind == 1 ? x : 1.0;
    /* Past 2^64, |y log|x|| >= 2^64 * 2^-53 for any x != 1: certainly out of range. */
    if (fabs(y) > 0x1p64) {
        r = (ax < 1) == (y < 0) ? 1.0 / 0.0 : 0.0;
        return with_errno(r, ERANGE);
    }
    t = dd_mul_d(__log_dd(ax), y);
    if (t.hi > 709.8) {
        r = 1.0 / 0.0;
    } else if (t.hi < -745.2) {
        r = 0.0;
    } else {
        p = __expm1_reduced(t, &k);
        r = __exp_scaled(dd_add_d(p, 1), k);
    }
    if (r == 0 || exponent_bits(r) == 0x7ff) errno = ERANGE;
    return x < 0 && kind == 1 ? -r : r;
}

float powf(float x, float y)
{
    return narrow(pow(x, y));
}
