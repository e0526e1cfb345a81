package cc;

import java.math.BigInteger;

/**
 * Turns the spelling of a floating constant (C11 6.4.4.2) into the bits of its value:
 * decimal ({@code 1.5}, {@code .5e-3}, {@code 1e10}) or hexadecimal ({@code 0x1.8p3}, whose
 * binary exponent is required), with suffix {@code f}/{@code F} (float), {@code l}/{@code L}
 * (long double, which is double in Clonix) or none (double).
 *
 * <p>The value is rounded once, to nearest with ties to even, straight from the exact
 * number the digits spell to the constant's own format: a float constant is never rounded
 * to double first, which could round twice and land on the wrong float. Too large a value
 * is infinity and too small a one is zero or a subnormal, as gcc gives them.
 */
public final class FloatLiteral {
    private FloatLiteral() {
    }

    /** The binary32 format: 24 significant bits, normal exponents -126..127. */
    static final Format SINGLE = new Format(24, -126, 127);
    /** The binary64 format: 53 significant bits, normal exponents -1022..1023. */
    static final Format DOUBLE = new Format(53, -1022, 1023);

    /** An IEEE 754 binary format: the significand's bits (with the hidden one) and the normal exponent range. */
    record Format(int precision, int minExponent, int maxExponent) {
        /** The bits of +infinity. */
        long infinity() {
            return (long) (2 * maxExponent + 1) << (precision - 1);
        }
    }

    /**
     * Parses {@code text}, the spelling of one preprocessing number that is a floating
     * constant: its bits (a float's in the low 32) and type ("float", "double" or
     * "long double"), or the reason it is not a valid one. Never throws.
     */
    public static IntegerLiteral.Parsed parse(String text) {
        String lower = text.toLowerCase();
        boolean hex = lower.startsWith("0x");
        int base = hex ? 16 : 10;
        int i = hex ? 2 : 0;
        StringBuilder digits = new StringBuilder();
        int fractionDigits = 0;
        boolean point = false;
        for (; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == '.' && !point) {
                point = true;
            } else if (Character.digit(c, base) >= 0) {
                digits.append(c);
                if (point) fractionDigits++;
            } else {
                break;
            }
        }
        if (digits.length() == 0) return IntegerLiteral.Parsed.error("invalid suffix \"" + text.substring(hex ? 2 : 0) + "\" on floating constant");
        long exponent = 0;
        char marker = hex ? 'p' : 'e';
        if (i < lower.length() && lower.charAt(i) == marker) {
            int j = i + 1;
            boolean negative = false;
            if (j < lower.length() && (lower.charAt(j) == '+' || lower.charAt(j) == '-')) negative = lower.charAt(j++) == '-';
            int start = j;
            // Saturate: any exponent past a billion already means infinity or zero.
            while (j < lower.length() && Character.isDigit(lower.charAt(j))) exponent = Math.min(exponent * 10 + lower.charAt(j++) - '0', 1_000_000_000);
            if (j == start) return IntegerLiteral.Parsed.error("exponent has no digits");
            if (negative) exponent = -exponent;
            i = j;
        } else if (hex) {
            return IntegerLiteral.Parsed.error("hexadecimal floating constants require an exponent");
        }
        String suffix = text.substring(i);
        String type = switch (suffix) {
            case "" -> "double";
            case "f", "F" -> "float";
            case "l", "L" -> "long double";
            default -> null;
        };
        if (type == null) return IntegerLiteral.Parsed.error("invalid suffix \"" + suffix + "\" on floating constant");
        Format f = type.equals("float") ? SINGLE : DOUBLE;
        long bits = hex ? fromBinary(new BigInteger(digits.toString(), 16), exponent - 4L * fractionDigits, f)
                : fromDecimal(digits.toString(), exponent - fractionDigits, f);
        return new IntegerLiteral.Parsed(bits, type, null);
    }

    /**
     * Digits kept of a long decimal significand. Deciding how a decimal rounds to double
     * never needs more than 768 significant digits (the longest exact halfway point between
     * two doubles), so the rest can be replaced by one "sticky" digit, nonzero if any of
     * them is: the value moves, but never across a rounding boundary. This bounds the work
     * whatever the length of the spelling.
     */
    private static final int KEPT_DIGITS = 800;

    /** The bits of the decimal {@code digits * 10^e} in format {@code f}. */
    private static long fromDecimal(String digits, long e, Format f) {
        int lead = 0;
        while (lead < digits.length() && digits.charAt(lead) == '0') lead++;
        String significant = digits.substring(lead);
        if (significant.isEmpty()) return 0;
        if (significant.length() > KEPT_DIGITS + 1) {
            boolean sticky = significant.chars().skip(KEPT_DIGITS).anyMatch(c -> c != '0');
            e += significant.length() - (KEPT_DIGITS + 1);
            significant = significant.substring(0, KEPT_DIGITS) + (sticky ? "1" : "0");
        }
        return fromDecimal(new BigInteger(significant), significant.length(), e, f);
    }

    /** True if {@code type}, a NUMBER token's type name, is that of a floating constant. */
    static boolean isFloatingType(String type) {
        return type != null && (type.equals("float") || type.equals("double") || type.equals("long double"));
    }

    /** The bits of {@code m * 10^e} in format {@code f}; {@code m} has {@code length} digits, the first nonzero. */
    private static long fromDecimal(BigInteger m, int length, long e, Format f) {
        // m * 10^e lies in [10^(length-1+e), 10^(length+e)): far outside the format's range
        // the answer is known without computing 10^e (DBL_MAX < 10^309, half the smallest
        // subnormal double > 10^-324).
        if (length - 1 + e > 310) return f.infinity();
        if (length + e < -330) return 0;
        BigInteger power = BigInteger.TEN.pow((int) Math.abs(e));
        return e >= 0 ? round(m.multiply(power), BigInteger.ONE, f) : round(m, power, f);
    }

    /** The bits of {@code m * 2^e} in format {@code f}. */
    private static long fromBinary(BigInteger m, long e, Format f) {
        if (m.signum() == 0) return 0;
        if (m.bitLength() + e > f.maxExponent() + 2) return f.infinity();
        if (m.bitLength() + e < f.minExponent() - f.precision() - 2) return 0;
        return e >= 0 ? round(m.shiftLeft((int) e), BigInteger.ONE, f) : round(m, BigInteger.ONE.shiftLeft((int) -e), f);
    }

    /**
     * The bits of the positive rational {@code num / den} rounded to format {@code f}, to
     * nearest with ties to even: normal, subnormal, or infinity past the largest finite value.
     */
    static long round(BigInteger num, BigInteger den, Format f) {
        int p = f.precision();
        // k = floor(log2(num / den)), the exponent of the value's leading bit.
        int k = num.bitLength() - den.bitLength();
        if (num.shiftLeft(Math.max(0, -k)).compareTo(den.shiftLeft(Math.max(0, k))) < 0) k--;
        // The significand keeps p bits from the leading one, but no bit below the smallest
        // subnormal's: value = q * 2^shift with q < 2^p.
        int e = Math.max(k, f.minExponent());
        int shift = e - (p - 1);
        BigInteger n = shift < 0 ? num.shiftLeft(-shift) : num;
        BigInteger d = shift > 0 ? den.shiftLeft(shift) : den;
        BigInteger[] qr = n.divideAndRemainder(d);
        BigInteger q = qr[0];
        int half = qr[1].shiftLeft(1).compareTo(d);
        if (half > 0 || (half == 0 && q.testBit(0))) q = q.add(BigInteger.ONE);
        if (q.bitLength() > p) {
            // Rounding carried into a new leading bit: 2^p is 2^(p-1) one exponent up.
            q = q.shiftRight(1);
            e++;
        }
        if (e > f.maxExponent()) return f.infinity();
        long significand = q.longValue();
        // A full-width significand is normal (biased exponent e + bias); a shorter one is
        // subnormal (biased exponent 0) and can only occur at the smallest exponent.
        long biased = q.bitLength() == p ? e - f.minExponent() + 1 : 0;
        return biased << (p - 1) | (significand & ((1L << (p - 1)) - 1));
    }
}
