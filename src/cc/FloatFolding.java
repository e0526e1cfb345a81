package cc;

/**
 * Floating-point arithmetic at compile time, giving exactly the bits the machine's
 * instructions give at run time (docs/isa.md), so that folding a constant expression never
 * changes what a program prints. Values are bit patterns, as in {@link Node#val}: a double's
 * 64 bits, a float's 32 in the low half.
 *
 * <p>Java's double and float arithmetic is IEEE 754 with round-to-nearest-even, the
 * machine's; float operations are done in Java {@code float}, so single precision really is
 * single. Only the NaNs need care, because IEEE leaves their bits open and programs print
 * them ({@code -nan}): as on x86-64, an operation with a NaN operand returns the first NaN
 * operand, quieted, and an invalid operation (0/0, inf-inf) returns the default NaN, whose
 * sign bit is set.
 */
final class FloatFolding {
    private FloatFolding() {}

    /** x86-64's default NaN in each format. */
    static final long DEFAULT_NAN_DOUBLE = 0xFFF8000000000000L, DEFAULT_NAN_FLOAT = 0xFFC00000L;
    private static final long QUIET_DOUBLE = 1L << 51, QUIET_FLOAT = 1L << 22;
    private static final double TWO_63 = 0x1p63;

    /** The bits of {@code d} as a value of floating type {@code t}. */
    static long bits(double d, Type t) {
        return t.kind == Type.Kind.FLOAT ? Float.floatToRawIntBits((float) d) & 0xffffffffL : Double.doubleToRawLongBits(d);
    }

    /** The value of bits {@code v} of floating type {@code t}, as a Java double (exact). */
    static double value(long v, Type t) {
        return t.kind == Type.Kind.FLOAT ? Float.intBitsToFloat((int) v) : Double.longBitsToDouble(v);
    }

    private static boolean isNaN(long v, Type t) {
        return Double.isNaN(value(v, t));
    }

    /**
     * Folds {@code a k b} (or {@code k a} for NEG) on floating constants of type {@code t}:
     * the result's bits for + - * /, 0 or 1 for the comparisons, or null if {@code k} is not
     * an operation on floating values.
     */
    static Long fold(Node.Kind k, long a, long b, Type t) {
        boolean single = t.kind == Type.Kind.FLOAT;
        double x = value(a, t), y = value(b, t);
        switch (k) {
            case EQ -> {
                return x == y ? 1L : 0L;
            }
            case NE -> {
                return x != y ? 1L : 0L;
            }
            case LT -> {
                return x < y ? 1L : 0L;
            }
            case LE -> {
                return x <= y ? 1L : 0L;
            }
            case NEG -> {
                // Flips the sign bit only, of a NaN too.
                return single ? a ^ 0x80000000L : a ^ Long.MIN_VALUE;
            }
            case ADD, SUB, MUL, DIV -> {
                if (Double.isNaN(x)) return quiet(a, t);
                if (Double.isNaN(y)) return quiet(b, t);
                long r;
                if (single) {
                    float fx = (float) x, fy = (float) y;
                    r = bits(switch (k) {
                        case ADD -> fx + fy;
                        case SUB -> fx - fy;
                        case MUL -> fx * fy;
                        default -> fx / fy;
                    }, t);
                } else {
                    r = bits(switch (k) {
                        case ADD -> x + y;
                        case SUB -> x - y;
                        case MUL -> x * y;
                        default -> x / y;
                    }, t);
                }
                return isNaN(r, t) ? defaultNaN(t) : r;
            }
            default -> {
                return null;
            }
        }
    }

    /** NaN {@code v} with its quiet bit set. */
    static long quiet(long v, Type t) {
        return v | (t.kind == Type.Kind.FLOAT ? QUIET_FLOAT : QUIET_DOUBLE);
    }

    /** The NaN an invalid operation gives in type {@code t}. */
    static long defaultNaN(Type t) {
        return t.kind == Type.Kind.FLOAT ? DEFAULT_NAN_FLOAT : DEFAULT_NAN_DOUBLE;
    }

    /**
     * Converts constant bits {@code v} of type {@code from} to type {@code to}, where at least
     * one of them is floating and neither is _Bool (a test against zero, not a conversion).
     * Integers are held as {@link Sema#normalize} holds them.
     */
    static long convert(long v, Type from, Type to) {
        if (from.isFloat() && to.isFloat()) {
            if (from.kind == to.kind) return v;
            if (to.kind == Type.Kind.DOUBLE) {
                float f = Float.intBitsToFloat((int) v);
                // A NaN keeps its sign and payload, which moves to the top of the wider field.
                if (Float.isNaN(f)) return (v & 0x80000000L) << 32 | 0x7FF8000000000000L | (v & 0x3FFFFFL) << 29;
                return Double.doubleToRawLongBits(f);
            }
            double d = Double.longBitsToDouble(v);
            if (Double.isNaN(d)) return (v >>> 32 & 0x80000000L) | 0x7FC00000L | (v >>> 29 & 0x3FFFFFL);
            return Float.floatToRawIntBits((float) d) & 0xffffffffL;
        }
        if (to.isFloat()) {
            boolean unsigned64 = from.unsigned && from.size == 8;
            if (to.kind == Type.Kind.FLOAT) return Float.floatToRawIntBits(unsigned64 ? unsignedToFloat(v) : (float) v) & 0xffffffffL;
            return Double.doubleToRawLongBits(unsigned64 ? unsignedToDouble(v) : (double) v);
        }
        double d = value(v, from);
        long r = to.unsigned && to.size == 8 ? toUnsigned(d) : toSigned(d);
        return Sema.normalize(r, to);
    }

    /** fcvt.l.d: truncation toward zero; NaN or out of range gives 0x8000000000000000 (x86-64's cvttsd2si). */
    static long toSigned(double d) {
        if (Double.isNaN(d) || d >= TWO_63 || d < -TWO_63) return Long.MIN_VALUE;
        return (long) d;
    }

    /** fcvt.lu.d: gcc's x86-64 sequence, which converts values from 2^63 up by subtracting 2^63 first. */
    static long toUnsigned(double d) {
        return d >= TWO_63 ? toSigned(d - TWO_63) ^ Long.MIN_VALUE : toSigned(d);
    }

    /**
     * An unsigned 64-bit integer rounded once to double. Above 2^63 the value is halved
     * keeping its lowest bit as a sticky bit, which cannot change the rounding (63 bits are
     * more than 53 + 2), then doubled exactly.
     */
    static double unsignedToDouble(long v) {
        return v >= 0 ? (double) v : (double) (v >>> 1 | (v & 1)) * 2.0;
    }

    /** An unsigned 64-bit integer rounded once to float (the same halving as {@link #unsignedToDouble}). */
    static float unsignedToFloat(long v) {
        return v >= 0 ? (float) v : (float) (v >>> 1 | (v & 1)) * 2.0f;
    }
}
