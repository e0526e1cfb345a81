package cc;

import vm.Fpu;
import vm.Isa;

/**
 * Floating-point arithmetic at compile time. A constant expression is folded by the
 * machine's own floating-point unit ({@link Fpu}), running the instruction the code
 * generator would emit, so folding gives exactly the bits the program would compute at run
 * time, NaNs and out-of-range conversions included. Values are bit patterns, as in
 * {@link Node#val}: a double's 64 bits, a float's 32 in the low half.
 */
final class FloatFolding {
    private FloatFolding() {}

    /** The bits of {@code d} rounded to floating type {@code t}. */
    static long bits(double d, Type t) {
        return t.kind == Type.Kind.FLOAT ? Float.floatToRawIntBits((float) d) & 0xffffffffL : Double.doubleToRawLongBits(d);
    }

    /**
     * Folds {@code a k b} (or {@code k a} for NEG) on floating constants of type {@code t}:
     * the result's bits for + - * / and negation, 0 or 1 for the comparisons, or null if
     * {@code k} is not an operation on floating values.
     */
    static Long fold(Node.Kind k, long a, long b, Type t) {
        if (k == Node.Kind.NE) return 1 - Fpu.execute(FloatCode.opcode(Node.Kind.EQ, t), a, b, 0);
        int op = FloatCode.opcode(k, t);
        return op < 0 ? null : Fpu.execute(op, a, b, 0);
    }

    /**
     * Folds an operation the way GCC folds it in a static initializer, where it must be a
     * constant: as {@link #fold}, except that an invalid operation (0.0/0.0, inf - inf) gives
     * GCC's compile-time NaN, which is positive, where the machine gives x86-64's negative
     * default NaN. Elsewhere GCC leaves such an operation to run time (it would raise the
     * invalid exception), and so does Clonix ({@link #isInvalid}).
     */
    static Long foldInInitializer(Node.Kind k, long a, long b, Type t) {
        Long v = fold(k, a, b, t);
        if (v == null || !isInvalid(k, a, b, v, t)) return v;
        return t.kind == Type.Kind.FLOAT ? 0x7FC0_0000L : 0x7FF8_0000_0000_0000L;
    }

    /** True if {@code a k b} = {@code v} made a NaN out of operands that were not NaNs. */
    static boolean isInvalid(Node.Kind k, long a, long b, long v, Type t) {
        boolean binary = k != Node.Kind.NEG;
        return isNaN(v, t) && !isNaN(a, t) && !(binary && isNaN(b, t));
    }

    /** A NaN is the one value not equal to itself (the test FloatBuiltins' isnan folds too). */
    private static boolean isNaN(long bits, Type t) {
        return fold(Node.Kind.EQ, bits, bits, t) == 0;
    }

    /**
     * Converts constant bits {@code v} of type {@code from} to type {@code to}, where at least
     * one of them is floating and neither is _Bool (which is a comparison with zero). Integers
     * are held as {@link Sema#normalize} holds them.
     *
     * <p>A floating constant out of the integer type's range is where compile time and run
     * time part: the machine (as x86-64's cvttsd2si) gives the "integer indefinite" value,
     * but GCC folds the conversion of a constant even at -O0 and saturates it to the type's
     * range, a NaN becoming 0 ({@code int i = 1e20;} is INT_MAX, {@code unsigned u = -1.5;}
     * is 0). Clonix folds as GCC does, so that such programs print what they print on Linux.
     */
    static long convert(long v, Type from, Type to) {
        if (from.isFloat() && to.isFloat()) {
            if (from.kind == to.kind) return v;
            return Fpu.execute(to.kind == Type.Kind.DOUBLE ? Isa.FCVTDS : Isa.FCVTSD, v, 0, 0);
        }
        if (from.isFloat()) {
            Long saturated = saturate(from.kind == Type.Kind.FLOAT ? Float.intBitsToFloat((int) v) : Double.longBitsToDouble(v), to);
            if (saturated != null) return Sema.normalize(saturated, to);
        }
        long r = Fpu.execute(FloatCode.conversion(from, to), v, 0, 0);
        if (FloatCode.throughInt32(to) && r != (int) r) r = Integer.MIN_VALUE;
        return to.isFloat() ? r : Sema.normalize(r, to);
    }

    /**
     * GCC's value for converting {@code d} to integer type {@code to} when {@code d}, truncated
     * toward zero, is outside the type's range: its minimum or maximum, or 0 for a NaN. Null
     * when the value is in range and the ordinary conversion applies.
     */
    private static Long saturate(double d, Type to) {
        if (Double.isNaN(d)) return 0L;
        int bits = to.size * 8;
        double limit = Math.scalb(1.0, to.unsigned ? bits : bits - 1); // one past the maximum
        if (to.unsigned) {
            if (d <= -1) return 0L;
            if (d >= limit) return bits == 64 ? -1L : (1L << bits) - 1;
        } else {
            if (d <= -limit - 1 && (bits < 64 || d < -limit)) return -(1L << (bits - 1));
            if (d >= limit) return (1L << (bits - 1)) - 1;
        }
        return null;
    }

    /** Runs floating-point opcode {@code op} (sqrt, fma) on constants; {@code c} is fma's addend. */
    static long execute(int op, long a, long b, long c) {
        return Fpu.execute(op, a, b, c);
    }
}
