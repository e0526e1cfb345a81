package cc;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Floating constants: their types, their errors, and their values, which must be the
 * representable number nearest to what the digits spell (ties to even), found directly in
 * the constant's own format. The values are checked against an exact oracle (BigDecimal
 * arithmetic on the neighbours of the result), not against another parser.
 */
class FloatLiteralTest {
    private static IntegerLiteral.Parsed parse(String text) {
        IntegerLiteral.Parsed p = IntegerLiteral.parse(text);
        assertNull(p.error(), text);
        return p;
    }

    @Test
    void suffixesGiveTheType() {
        assertEquals("double", parse("1.5").type());
        assertEquals("float", parse("1.5f").type());
        assertEquals("float", parse("1.5F").type());
        assertEquals("long double", parse("1.5l").type());
        assertEquals("long double", parse("1.5L").type());
        assertEquals("double", parse("1e3").type());
        assertEquals("double", parse("0x1p3").type());
        assertEquals("float", parse("0x1p3f").type());
        assertEquals("int", parse("0x1f").type(), "0x1f is a hex integer, not a float");
    }

    /** Values gcc gives on x86-64 (the bits of the same constants in tests/c/float_const.c). */
    @Test
    void knownSpellingsGiveGccsBits() {
        assertBits("0.1", 0x3fb999999999999aL);
        assertBits("1e23", 0x44b52d02c7e14af6L);
        assertBits("2.2250738585072011e-308", 0x000fffffffffffffL);
        assertBits("2.4703282292062328e-324", 0x0000000000000001L);
        assertBits("2.4703282292062327e-324", 0L);
        assertBits("1.7976931348623158e308", 0x7fefffffffffffffL);
        assertBits("1.7976931348623159e308", 0x7ff0000000000000L);
        assertBits("1e400", 0x7ff0000000000000L);
        assertBits("1e-400", 0L);
        assertBits("1e999999999999999999999", 0x7ff0000000000000L);
        assertBits("0x1.8p3", 0x4028000000000000L);
        assertBits("0x1.fffffffffffff8p0", 0x4000000000000000L);
        assertBits("0x1.fffffffffffff7p0", 0x3fffffffffffffffL);
        assertBits("0x1p-1075", 0L);
        assertBits("0x1.8p-1075", 1L);
        assertBits("0x1p1024", 0x7ff0000000000000L);
        assertBits("0.1f", 0x3dcccccdL);
        assertBits("16777217.0f", 0x4b800000L);
        // Just above the midpoint between 1 and the next float: rounding to double first
        // would land on the midpoint and then round to even, giving 1.0f.
        assertBits("1.000000059604644775390625000001f", 0x3f800001L);
        assertBits("3.4028236e38f", 0x7f800000L);
        assertBits("7e-46f", 0x00000000L);
        assertBits("1.4e-45f", 0x00000001L);
        assertBits("0x1.0000018p0f", 0x3f800001L);
        assertBits("0x1.000001p0f", 0x3f800000L);
    }

    private static void assertBits(String text, long bits) {
        assertEquals(Long.toHexString(bits), Long.toHexString(parse(text).value()), text);
    }

    /**
     * Leading zeros do not count towards the magnitude, and digits past the 800th still
     * decide a halfway case (gcc's bits): 1 + 2^-53 is exactly halfway between 1 and the next
     * double, so it rounds to even, but a 1 two thousand digits later rounds it up.
     */
    @Test
    void longSpellingsRoundAsTheirWholeValue() {
        assertBits("0.0000000000000000000000001e330", 0x7f423a516e82d9baL);
        String halfway = new BigDecimal(1).add(new BigDecimal(Math.ulp(1.0) / 2)).toPlainString();
        assertBits(halfway, 0x3ff0000000000000L);
        assertBits(halfway + "0".repeat(2000), 0x3ff0000000000000L);
        assertBits(halfway + "0".repeat(2000) + "1", 0x3ff0000000000001L);
        assertBits("0." + "0".repeat(5000) + "1e5001", 0x3ff0000000000000L);
    }

    @Test
    void malformedConstantsAreReportedAsGccReportsThem() {
        assertEquals("exponent has no digits", IntegerLiteral.parse("1e").error());
        assertEquals("exponent has no digits", IntegerLiteral.parse("1.5e+f").error());
        assertEquals("hexadecimal floating constants require an exponent", IntegerLiteral.parse("0x1.8").error());
        assertEquals("invalid suffix \"q\" on floating constant", IntegerLiteral.parse("1.5q").error());
        assertEquals("invalid suffix \"fl\" on floating constant", IntegerLiteral.parse("1.5fl").error());
    }

    /**
     * Random decimal spellings (up to 30 digits, exponents across both formats' whole range
     * and beyond) parse to the nearest double and the nearest float. A short seeded run.
     */
    @Test
    void randomDecimalSpellingsRoundToNearestEven() {
        Random rnd = new Random(16);
        for (int i = 0; i < 500; i++) {
            StringBuilder digits = new StringBuilder();
            int n = 1 + rnd.nextInt(rnd.nextBoolean() ? 30 : 9);
            for (int k = 0; k < n; k++) digits.append((char) ('0' + rnd.nextInt(10)));
            int point = rnd.nextInt(n + 1);
            int exponent = rnd.nextInt(700) - 360;
            if (i % 2 == 1) exponent = rnd.nextInt(100) - 60;
            String text = digits.substring(0, point) + "." + digits.substring(point) + "e" + exponent;
            BigDecimal exact = new BigDecimal(text);
            assertNearest(text, exact, parse(text).value(), false);
            assertNearest(text + "f", exact, parse(text + "f").value(), true);
        }
    }

    /** Random hexadecimal spellings likewise, including subnormal and overflowing ones. */
    @Test
    void randomHexSpellingsRoundToNearestEven() {
        Random rnd = new Random(61);
        for (int i = 0; i < 500; i++) {
            StringBuilder digits = new StringBuilder();
            int n = 1 + rnd.nextInt(20);
            for (int k = 0; k < n; k++) digits.append(Character.forDigit(rnd.nextInt(16), 16));
            int point = rnd.nextInt(n + 1);
            int exponent = rnd.nextInt(2400) - 1200;
            String text = "0x" + digits.substring(0, point) + "." + digits.substring(point) + "p" + exponent;
            BigDecimal mantissa = new BigDecimal(new java.math.BigInteger(digits.toString(), 16));
            int shift = exponent - 4 * (n - point);
            BigDecimal exact = shift >= 0 ? mantissa.multiply(new BigDecimal(java.math.BigInteger.TWO.pow(shift)))
                    : mantissa.divide(new BigDecimal(java.math.BigInteger.TWO.pow(-shift)));
            assertNearest(text, exact, parse(text).value(), false);
            assertNearest(text + "f", exact, parse(text + "f").value(), true);
        }
    }

    /**
     * Asserts that {@code bits} is the float or double nearest to {@code exact}: no finite
     * neighbour is nearer, a tie has an even significand, infinity only past the largest
     * finite value plus half an ulp.
     */
    private static void assertNearest(String text, BigDecimal exact, long bits, boolean single) {
        double value = single ? Float.intBitsToFloat((int) bits) : Double.longBitsToDouble(bits);
        double max = single ? Float.MAX_VALUE : Double.MAX_VALUE;
        double maxUlp = single ? Math.ulp(Float.MAX_VALUE) : Math.ulp(Double.MAX_VALUE);
        BigDecimal overflow = new BigDecimal(max).add(new BigDecimal(maxUlp).divide(BigDecimal.valueOf(2)));
        if (Double.isInfinite(value)) {
            assertTrue(exact.compareTo(overflow) >= 0, text + " is not past the largest finite value");
            return;
        }
        BigDecimal distance = exact.subtract(new BigDecimal(value)).abs();
        double down = single ? Math.nextDown((float) value) : Math.nextDown(value);
        double up = single ? Math.nextUp((float) value) : Math.nextUp(value);
        for (double neighbour : new double[] {down, up}) {
            if (Double.isInfinite(neighbour) || neighbour < 0) continue;
            int c = distance.compareTo(exact.subtract(new BigDecimal(neighbour)).abs());
            assertTrue(c <= 0, text + " rounds to " + value + " but " + neighbour + " is nearer");
            if (c == 0) assertEquals(0, bits & 1, text + " is a tie not rounded to even");
        }
        if (value == max) assertTrue(exact.compareTo(overflow) < 0, text + " should overflow");
    }
}
