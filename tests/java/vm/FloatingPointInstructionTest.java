package vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vm.Isa.*;
import static vm.Machine.rr;
import static vm.Machine.rrr;

import org.junit.jupiter.api.Test;

/**
 * The floating-point instructions: IEEE-754 results with round-to-nearest-even, single
 * precision that is really single, and the NaNs and out-of-range conversions of x86-64
 * (the machine whose output Clonix programs are compared with).
 */
class FloatingPointInstructionTest {
    static long d(double v) { return Double.doubleToRawLongBits(v); }
    static long s(float v) { return Float.floatToRawIntBits(v) & 0xFFFF_FFFFL; }
    static final long DEFAULT_NAN = 0xFFF8_0000_0000_0000L;

    @Test
    void doubleArithmeticRoundsToNearestEven() {
        assertEquals(d(0.30000000000000004), rrr(FADDD, d(0.1), d(0.2)));
        assertEquals(d(1.0), rrr(FADDD, d(1.0), d(0x1p-53)));          // a tie goes to even
        assertEquals(d(1.0 + 0x1p-51), rrr(FADDD, d(1.0 + 0x1p-52), d(0x1p-53)));
        assertEquals(d(-1.5), rrr(FSUBD, d(1.5), d(3.0)));
        assertEquals(d(6.0), rrr(FMULD, d(2.0), d(3.0)));
        assertEquals(d(1.0 / 3.0), rrr(FDIVD, d(1.0), d(3.0)));
        assertEquals(d(Double.POSITIVE_INFINITY), rrr(FDIVD, d(1.0), d(0.0)));
        assertEquals(d(-0.0), rrr(FMULD, d(-1.0), d(0.0)));
        assertEquals(d(Double.MIN_VALUE), rrr(FMULD, d(0x1p-1074), d(1.0)));  // subnormals kept
    }

    @Test
    void squareRootIsCorrectlyRounded() {
        assertEquals(d(Math.sqrt(2.0)), rr(FSQRTD, d(2.0)));
        assertEquals(d(-0.0), rr(FSQRTD, d(-0.0)));
        assertEquals(DEFAULT_NAN, rr(FSQRTD, d(-1.0)));
        assertEquals(s(1.4142135f), rr(FSQRTS, s(2.0f)));
    }

    @Test
    void invalidOperationsGiveTheNegativeDefaultNaN() {
        assertEquals(DEFAULT_NAN, rrr(FDIVD, d(0.0), d(0.0)));
        assertEquals(DEFAULT_NAN, rrr(FSUBD, d(Double.POSITIVE_INFINITY), d(Double.POSITIVE_INFINITY)));
        assertEquals(0xFFC0_0000L, rrr(FDIVS, s(0.0f), s(0.0f)));
    }

    @Test
    void aNaNOperandPropagatesQuietedFirstOperandFirst() {
        long nan1 = 0x7FF8_0000_0000_0001L, nan2 = 0xFFF8_0000_0000_0002L;
        long signaling = 0x7FF0_0000_0000_0005L;
        assertEquals(nan1, rrr(FADDD, nan1, nan2));
        assertEquals(nan2, rrr(FADDD, d(1.0), nan2));
        assertEquals(signaling | 0x0008_0000_0000_0000L, rrr(FMULD, signaling, d(2.0)));
        assertEquals(0x7FC0_0001L, rrr(FADDS, 0x7F80_0001L, s(1.0f)));
    }

    @Test
    void singlePrecisionIsReallySingle() {
        assertEquals(s(16777216.0f), rrr(FADDS, s(16777216.0f), s(1.0f)));
        assertEquals(s(0.1f + 0.2f), rrr(FADDS, s(0.1f), s(0.2f)));
        assertEquals(0x3E99_999AL, rrr(FADDS, s(0.1f), s(0.2f)));   // 0.3f + 1 ulp, as gcc's float
        assertEquals(s(-2.0f), rr(FNEGS, s(2.0f)));
    }

    @Test
    void negationFlipsOnlyTheSignBit() {
        assertEquals(d(-0.0), rr(FNEGD, d(0.0)));
        assertEquals(0x7FF8_0000_0000_0000L, rr(FNEGD, DEFAULT_NAN));
    }

    @Test
    void comparisonsAreFalseForNaNAndZeroesAreEqual() {
        assertEquals(1, rrr(FEQD, d(0.0), d(-0.0)));
        assertEquals(0, rrr(FEQD, DEFAULT_NAN, DEFAULT_NAN));
        assertEquals(0, rrr(FLTD, DEFAULT_NAN, d(1.0)));
        assertEquals(0, rrr(FLED, d(1.0), DEFAULT_NAN));
        assertEquals(1, rrr(FLTD, d(-1.0), d(1.0)));
        assertEquals(1, rrr(FLED, d(1.0), d(1.0)));
        assertEquals(1, rrr(FLTS, s(1.0f), s(2.0f)));
        assertEquals(0, rrr(FEQS, 0x7FC0_0000L, 0x7FC0_0000L));
    }

    @Test
    void integerToFloatConversionsRound() {
        assertEquals(d(9007199254740992.0), rr(FCVTDL, (1L << 53) + 1));   // tie to even
        assertEquals(d(-1.0), rr(FCVTDL, -1));
        assertEquals(d(0x1p64), rr(FCVTDLU, -1L));
        assertEquals(d(0x1p63), rr(FCVTDLU, Long.MIN_VALUE));
        assertEquals(d(0x1.0000000000001p63), rr(FCVTDLU, Long.MIN_VALUE + 0x600));
        assertEquals(s(16777216.0f), rr(FCVTSL, 16777217));
        assertEquals(s(0x1p64f), rr(FCVTSLU, -1L));
        assertEquals(s(0x1.000002p63f), rr(FCVTSLU, Long.MIN_VALUE + (1L << 40) + 1)); // sticky bit
    }

    @Test
    void floatToIntegerConversionsTruncateAndOverflowToTheIndefiniteValue() {
        assertEquals(-2, rr(FCVTLD, d(-2.9)));
        assertEquals(Long.MIN_VALUE, rr(FCVTLD, d(0x1p63)));
        assertEquals(Long.MIN_VALUE, rr(FCVTLD, d(-0x1p64)));
        assertEquals(Long.MIN_VALUE, rr(FCVTLD, DEFAULT_NAN));
        assertEquals(0xFFFF_FFFF_FFFF_F800L, rr(FCVTLUD, d(0x1.fffffffffffffp63)));
        assertEquals(Long.MIN_VALUE, rr(FCVTLUD, d(0x1p63)));
        assertEquals(-1L, rr(FCVTLUD, d(-1.0)));                 // wraps, as gcc's x86-64 code
        assertEquals(7, rr(FCVTLS, s(7.5f)));
        assertEquals(0x8000_0100_0000_0000L, rr(FCVTLUS, s(0x1.000002p63f)));
    }

    @Test
    void conversionsBetweenFloatAndDouble() {
        assertEquals(s(0.1f), rr(FCVTSD, d(0.1)));
        assertEquals(d((double) 0.1f), rr(FCVTDS, s(0.1f)));
        assertEquals(s(Float.POSITIVE_INFINITY), rr(FCVTSD, d(1e300)));
        assertEquals(0xFFC0_0000L, rr(FCVTSD, DEFAULT_NAN));
        assertEquals(DEFAULT_NAN, rr(FCVTDS, 0xFFC0_0000L));
        assertEquals(0x7FC0_0001L, rr(FCVTSD, 0x7FF0_0000_2000_0000L));  // payload kept, quieted
    }

    @Test
    void fusedMultiplyAddRoundsOnce() {
        Machine m = new Machine().code(encode(FMADDD, A0, A1, A2, 0));
        double a = 1.0 + 0x1p-30;
        m.set(A1, d(a));
        m.set(A2, d(a));
        m.set(A0, d(-1.0));
        m.runClean(1);
        assertEquals(d(0x1p-29 + 0x1p-60), m.reg(A0));           // a*a-1 without the lost bit
    }
}
