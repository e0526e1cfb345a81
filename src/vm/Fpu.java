package vm;

import static vm.Isa.*;

/**
 * The floating-point instructions (opcodes 0xC0..0xDF): IEEE-754 binary64 and binary32
 * arithmetic, comparisons and conversions on values kept in the integer registers.
 *
 * <p>A double is held as its 64-bit pattern; a float as its 32-bit pattern in the low half of
 * the register, with the upper half zero. Java's {@code double} and {@code float} arithmetic
 * is exactly IEEE-754 with round-to-nearest-even on every host (Java 17 is always strict), so
 * the ordinary results need nothing more. What Java does not fix is <em>which</em> NaN comes
 * out: that depends on the host processor. So every NaN result is replaced by the one x86-64's
 * SSE unit gives (the machine Linux programs are compared against), which also keeps the bits
 * deterministic on any host:
 *
 * <ul>
 *   <li>an operation with a NaN operand returns the first NaN operand, quieted;
 *   <li>an invalid operation on ordinary operands (0/0, inf - inf, sqrt(-1)) returns the
 *       "default NaN", which has the sign bit set (glibc prints it as {@code -nan}).
 * </ul>
 *
 * Conversions to integers truncate toward zero; a NaN or out-of-range value gives
 * 0x8000000000000000, as x86-64's {@code cvttsd2si} does. docs/isa.md is the reference.
 * Stateless: every method is a pure function of its arguments. The C compiler folds
 * floating constant expressions with {@link #execute} too, so folding gives the run-time bits.
 */
public final class Fpu {
    private Fpu() {}

    private static final long D_SIGN = 0x8000_0000_0000_0000L, D_QUIET = 0x0008_0000_0000_0000L;
    private static final long D_DEFAULT_NAN = 0xFFF8_0000_0000_0000L;
    private static final int S_SIGN = 0x8000_0000, S_QUIET = 0x0040_0000;
    private static final int S_DEFAULT_NAN = 0xFFC0_0000;
    private static final double TWO_63 = 0x1p63;
    private static final float TWO_63F = 0x1p63f;

    /**
     * Executes floating-point opcode {@code op} with source registers holding {@code a} (rs1)
     * and {@code b} (rs2), and {@code c} the old value of rd (the addend of fmadd). Returns
     * the new value of rd.
     */
    public static long execute(int op, long a, long b, long c) {
        switch (op) {
            case FADDD: return fadd_d(a, b, c);
            case FSUBD: return fsub_d(a, b, c);
            case FMULD: return fmul_d(a, b, c);
            case FDIVD: return fdiv_d(a, b, c);
            case FSQRTD: return fsqrt_d(a, b, c);
            case FNEGD: return fneg_d(a, b, c);
            case FMADDD: return fmadd_d(a, b, c);
            case FCVTSD: return fcvt_s_d(a, b, c);
            case FCVTDS: return fcvt_d_s(a, b, c);

            case FADDS: return fadd_s(a, b, c);
            case FSUBS: return fsub_s(a, b, c);
            case FMULS: return fmul_s(a, b, c);
            case FDIVS: return fdiv_s(a, b, c);
            case FSQRTS: return fsqrt_s(a, b, c);
            case FNEGS: return fneg_s(a, b, c);
            case FMADDS: return fmadd_s(a, b, c);

            case FEQD: return feq_d(a, b, c);
            case FLTD: return flt_d(a, b, c);
            case FLED: return fle_d(a, b, c);
            case FEQS: return feq_s(a, b, c);
            case FLTS: return flt_s(a, b, c);
            case FLES: return fle_s(a, b, c);

            case FCVTDL: return fcvt_d_l(a, b, c);
            case FCVTDLU: return fcvt_d_lu(a, b, c);
            case FCVTLD: return fcvt_l_d(a, b, c);
            case FCVTLUD: return fcvt_lu_d(a, b, c);
            case FCVTSL: return fcvt_s_l(a, b, c);
            case FCVTSLU: return fcvt_s_lu(a, b, c);
            case FCVTLS: return fcvt_l_s(a, b, c);
            case FCVTLUS: return fcvt_lu_s(a, b, c);
            default: throw new AssertionError("not a floating-point opcode: " + op);
        }
    }

    /**
     * The name of the method of this class that executes floating-point opcode {@code op} (its
     * mnemonic with "_" for "."), taking (rs1, rs2, old rd) as execute does. The JIT calls it
     * rather than execute: a method this small HotSpot inlines into the translated code, where
     * execute, with its switch over every opcode, is too large to be inlined and would be a call.
     */
    static String methodName(int op) {
        return Isa.mnemonic(op).replace('.', '_');
    }

    // One method per opcode, each a pure function of (rs1, rs2, old rd): the new rd.

    static long fadd_d(long a, long b, long c) { return d(a, b, d(a) + d(b)); }
    static long fsub_d(long a, long b, long c) { return d(a, b, d(a) - d(b)); }
    static long fmul_d(long a, long b, long c) { return d(a, b, d(a) * d(b)); }
    static long fdiv_d(long a, long b, long c) { return d(a, b, d(a) / d(b)); }
    static long fsqrt_d(long a, long b, long c) { return d(a, a, Math.sqrt(d(a))); }
    static long fneg_d(long a, long b, long c) { return a ^ D_SIGN; }
    static long fmadd_d(long a, long b, long c) { return fmaD(a, b, c); }
    static long fcvt_s_d(long a, long b, long c) { return isNaN(a) ? narrowNaN(a) : s((float) d(a)); }
    static long fcvt_d_s(long a, long b, long c) { return isNaN((int) a) ? widenNaN((int) a) : bits((double) f(a)); }

    static long fadd_s(long a, long b, long c) { return s(a, b, f(a) + f(b)); }
    static long fsub_s(long a, long b, long c) { return s(a, b, f(a) - f(b)); }
    static long fmul_s(long a, long b, long c) { return s(a, b, f(a) * f(b)); }
    static long fdiv_s(long a, long b, long c) { return s(a, b, f(a) / f(b)); }
    // Rounding the exact square root of a float to double and then to float is exact:
    // a double holds more than twice the float's precision plus two bits.
    static long fsqrt_s(long a, long b, long c) { return s(a, a, (float) Math.sqrt(f(a))); }
    static long fneg_s(long a, long b, long c) { return (a ^ S_SIGN) & 0xFFFF_FFFFL; }
    static long fmadd_s(long a, long b, long c) { return fmaS(a, b, c); }

    static long feq_d(long a, long b, long c) { return d(a) == d(b) ? 1 : 0; }
    static long flt_d(long a, long b, long c) { return d(a) < d(b) ? 1 : 0; }
    static long fle_d(long a, long b, long c) { return d(a) <= d(b) ? 1 : 0; }
    static long feq_s(long a, long b, long c) { return f(a) == f(b) ? 1 : 0; }
    static long flt_s(long a, long b, long c) { return f(a) < f(b) ? 1 : 0; }
    static long fle_s(long a, long b, long c) { return f(a) <= f(b) ? 1 : 0; }

    static long fcvt_d_l(long a, long b, long c) { return bits((double) a); }
    static long fcvt_d_lu(long a, long b, long c) { return bits(unsignedToDouble(a)); }
    static long fcvt_l_d(long a, long b, long c) { return toLong(d(a)); }
    static long fcvt_lu_d(long a, long b, long c) { return d(a) >= TWO_63 ? toLong(d(a) - TWO_63) ^ D_SIGN : toLong(d(a)); }
    static long fcvt_s_l(long a, long b, long c) { return s((float) a); }
    static long fcvt_s_lu(long a, long b, long c) { return s(unsignedToFloat(a)); }
    static long fcvt_l_s(long a, long b, long c) { return toLong(f(a)); }
    static long fcvt_lu_s(long a, long b, long c) { return f(a) >= TWO_63F ? toLong(f(a) - TWO_63F) ^ D_SIGN : toLong(f(a)); }

    // ---- binary64 ----

    private static double d(long bits) {
        return Double.longBitsToDouble(bits);
    }

    private static long bits(double v) {
        return Double.doubleToRawLongBits(v);
    }

    private static boolean isNaN(long bits) {
        return (bits & ~D_SIGN) > 0x7FF0_0000_0000_0000L;
    }

    /** The result r of an operation on a and b, with x86-64's NaN if r is a NaN. */
    private static long d(long a, long b, double r) {
        if (r == r) return bits(r);
        if (isNaN(a)) return a | D_QUIET;
        if (isNaN(b)) return b | D_QUIET;
        return D_DEFAULT_NAN;
    }

    private static long fmaD(long a, long b, long c) {
        double r = Math.fma(d(a), d(b), d(c));
        if (r == r) return bits(r);
        if (isNaN(c) && !isNaN(a) && !isNaN(b)) return c | D_QUIET;
        return d(a, b, r);
    }

    /** Truncates toward zero; NaN and values outside the long range give Long.MIN_VALUE. */
    private static long toLong(double v) {
        return v >= -TWO_63 && v < TWO_63 ? (long) v : Long.MIN_VALUE;
    }

    /**
     * The unsigned 64-bit value u rounded to double. Halving u keeps its top bits exact, and
     * or-ing the lost bit back in as a "sticky" bit keeps the rounding decision right.
     */
    private static double unsignedToDouble(long u) {
        if (u >= 0) return (double) u;
        return (double) ((u >>> 1) | (u & 1)) * 2.0;
    }

    // ---- binary32 ----

    private static float f(long reg) {
        return Float.intBitsToFloat((int) reg);
    }

    /** A float result in the register form: its bits in the low half, the upper half zero. */
    private static long s(float v) {
        return Float.floatToRawIntBits(v) & 0xFFFF_FFFFL;
    }

    private static boolean isNaN(int bits) {
        return (bits & ~S_SIGN) > 0x7F80_0000;
    }

    private static long s(long a, long b, float r) {
        if (r == r) return s(r);
        if (isNaN((int) a)) return ((int) a | S_QUIET) & 0xFFFF_FFFFL;
        if (isNaN((int) b)) return ((int) b | S_QUIET) & 0xFFFF_FFFFL;
        return S_DEFAULT_NAN & 0xFFFF_FFFFL;
    }

    private static long fmaS(long a, long b, long c) {
        float r = Math.fma(f(a), f(b), f(c));
        if (r == r) return s(r);
        if (isNaN((int) c) && !isNaN((int) a) && !isNaN((int) b)) return ((int) c | S_QUIET) & 0xFFFF_FFFFL;
        return s(a, b, r);
    }

    private static float unsignedToFloat(long u) {
        if (u >= 0) return (float) u;
        return (float) ((u >>> 1) | (u & 1)) * 2.0f;
    }

    /** A double NaN narrowed to float as x86-64 does: same sign, top payload bits, quieted. */
    private static long narrowNaN(long a) {
        int sign = (int) (a >>> 32) & S_SIGN;
        int payload = (int) ((a & 0x000F_FFFF_FFFF_FFFFL) >>> 29);
        return (sign | 0x7F80_0000 | S_QUIET | payload) & 0xFFFF_FFFFL;
    }

    /** A float NaN widened to double: same sign and payload, quieted. */
    private static long widenNaN(int a) {
        long sign = (long) (a & S_SIGN) << 32;
        long payload = (long) (a & 0x007F_FFFF) << 29;
        return sign | 0x7FF0_0000_0000_0000L | D_QUIET | payload;
    }
}
