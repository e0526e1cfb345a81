package cc;

import java.math.BigInteger;

/**
 * Turns the spelling of a preprocessing number into an integer constant: its value and its
 * C type (C11 6.4.4.1), or the reason it is not a valid integer constant.
 *
 * <p>Bases: decimal, {@code 0x} hexadecimal, octal (leading {@code 0}) and {@code 0b} binary
 * (a GCC extension, also in C23). Suffixes: {@code u}, {@code l}, {@code ll} and their
 * combinations in either order and either case ({@code lL} is not allowed). The type is the
 * first of the standard's list for that base and suffix in which the value fits, with the
 * LP64 sizes of Clonix: int 32 bits, long and long long 64 bits. A decimal constant too big
 * for every signed type on its list gets the unsigned type of the same width, as GCC does
 * (with a warning there). A floating constant is handed to {@link FloatLiteral}, which
 * gives its bits and the type "float", "double" or "long double".
 */
public final class IntegerLiteral {
    /**
     * The outcome of {@link #parse}: either {@code error} is null, or it is the message. A
     * floating constant's value is its IEEE bit pattern.
     */
    public record Parsed(long value, String type, String error) {
        static Parsed error(String message) {
            return new Parsed(0, null, message);
        }
    }

    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger UINT_MAX = BigInteger.valueOf(0xffff_ffffL);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private IntegerLiteral() {
    }

    /** Parses {@code text}, the spelling of one preprocessing number. Never throws. */
    public static Parsed parse(String text) {
        String lower = text.toLowerCase();
        boolean hex = lower.startsWith("0x");
        boolean binary = lower.startsWith("0b");
        if (isFloating(lower, hex)) return FloatLiteral.parse(text);

        int base = hex ? 16 : binary ? 2 : lower.startsWith("0") ? 8 : 10;
        int start = (hex || binary) ? 2 : 0;
        int end = start;
        while (end < text.length() && Character.digit(text.charAt(end), base == 8 ? 10 : base) >= 0) end++;
        String digits = text.substring(start, end);
        String suffix = text.substring(end);
        if (digits.isEmpty()) {
            return Parsed.error("invalid suffix \"" + text.substring(start - 1) + "\" on integer constant");
        }
        if (base == 8) {
            for (int i = 0; i < digits.length(); i++) {
                if (digits.charAt(i) > '7') {
                    return Parsed.error("invalid digit \"" + digits.charAt(i) + "\" in octal constant");
                }
            }
        }
        int longs = longSuffix(suffix);
        boolean unsigned = suffix.indexOf('u') >= 0 || suffix.indexOf('U') >= 0;
        if (longs < 0) return Parsed.error("invalid suffix \"" + suffix + "\" on integer constant");

        BigInteger v = new BigInteger(digits, base);
        if (v.bitLength() > 64) return Parsed.error("integer constant is too large for its type");
        return new Parsed(v.longValue(), typeOf(v, base == 10, unsigned, longs), null);
    }

    /**
     * True if the number is a floating constant: it has a '.', or an exponent ({@code e} in
     * decimal, {@code p} in hexadecimal).
     */
    private static boolean isFloating(String lower, boolean hex) {
        if (lower.indexOf('.') >= 0) return true;
        if (hex) return lower.indexOf('p') >= 0;
        // "1e3" is floating, but "0b1" or a suffix letter is not: look for an 'e' after digits.
        int i = 0;
        while (i < lower.length() && Character.isDigit(lower.charAt(i))) i++;
        return i < lower.length() && lower.charAt(i) == 'e' && !lower.startsWith("0b");
    }

    /**
     * The number of 'l's in a valid suffix (0, 1 or 2), or -1 if the suffix is not one of
     * u, l, ll, ul, lu, ull, llu in any case; "ll" must be "ll" or "LL", not mixed.
     */
    private static int longSuffix(String suffix) {
        String s = suffix;
        if (s.startsWith("u") || s.startsWith("U")) s = s.substring(1);
        else if (s.endsWith("u") || s.endsWith("U")) s = s.substring(0, s.length() - 1);
        switch (s) {
            case "": return 0;
            case "l": case "L": return 1;
            case "ll": case "LL": return 2;
            default: return -1;
        }
    }

    /** The C11 6.4.4.1 type of value {@code v} for its base and suffix, on LP64. */
    private static String typeOf(BigInteger v, boolean decimal, boolean unsigned, int longs) {
        boolean fitsInt = v.compareTo(INT_MAX) <= 0;
        boolean fitsUInt = v.compareTo(UINT_MAX) <= 0;
        boolean fitsLong = v.compareTo(LONG_MAX) <= 0;
        String longName = longs == 2 ? "long long" : "long";
        if (unsigned) {
            if (longs == 0 && fitsUInt) return "unsigned int";
            return "unsigned " + longName;
        }
        if (longs == 0 && fitsInt) return "int";
        if (longs == 0 && !decimal && fitsUInt) return "unsigned int";
        if (fitsLong) return longName;
        // Too big for the signed 64-bit type. Octal and hex move on to the unsigned one as
        // the standard says; a decimal constant has no valid type, and GCC gives it the
        // unsigned one with a warning, which is what Clonix does (without the warning).
        return "unsigned " + longName;
    }
}
