/*
 * fp_parse.h: libc's private interface for turning text into floating-point numbers.
 *
 * Everything here works on bit patterns held in unsigned long long, with integer
 * arithmetic only: the result of a conversion is the IEEE 754 encoding of the number
 * (binary64 in all 64 bits, or binary32 in the low 32 bits). strtod and strtof give it the
 * type double or float; scanf stores it through its pointer argument as it is.
 */
#ifndef _CLONIX_FP_PARSE_H
#define _CLONIX_FP_PARSE_H

/* An IEEE 754 binary format, described by what rounding needs to know. */
struct fp_format {
    int precision;                /* significand bits, the hidden one included: 53 or 24 */
    int emin, emax;               /* exponents of the smallest and largest normal numbers */
    unsigned long long sign;      /* the sign bit */
    unsigned long long infinity;  /* +inf: exponent field all ones, fraction zero */
    unsigned long long quiet_nan; /* the default quiet NaN, positive */
};

extern const struct fp_format __fp_binary64, __fp_binary32;

/*
 * strtod's parser: skips white space and reads the longest prefix of s that is a number
 * (decimal, hexadecimal, inf, infinity, nan or nan(chars), any case, with a sign), and
 * returns its value rounded to nearest-even in format f. *end (if end is not NULL) is set
 * after the number, or to s when there is none (the result is then +0). errno becomes
 * ERANGE when the result overflows to infinity, or is tiny (below the smallest normal
 * number after rounding) and inexact, as glibc sets it.
 */
unsigned long long __strtofp(const char *s, char **end, const struct fp_format *f);

/*
 * The value of the decimal digits between begin and end (a '.' among them is skipped)
 * times 10^exp10, correctly rounded to format f, with the sign bit if negative. errno as
 * for __strtofp.
 */
unsigned long long __fp_from_decimal(const char *begin, const char *end, long exp10, int negative,
                                     const struct fp_format *f);

/*
 * The value q * 2^exp2, correctly rounded to format f, where sticky says whether the exact
 * value is a little above that (non-zero bits were dropped below q's last bit). With the
 * sign bit if negative; errno as for __strtofp.
 */
unsigned long long __fp_from_binary(unsigned long long q, long exp2, int sticky, int negative,
                                    const struct fp_format *f);

#endif
