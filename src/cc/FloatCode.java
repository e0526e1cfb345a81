package cc;

import vm.Isa;

/**
 * Code for floating-point arithmetic, comparisons and conversions (docs/isa.md). A double
 * is held in an integer register as its binary64 bits and a float as its binary32 bits in
 * the low half (the upper half zero), so loads, stores, moves and argument passing are the
 * integer ones; only operations on the values need the floating-point instructions chosen
 * here. {@link FloatFolding} runs the same instructions at compile time.
 *
 * <p>Comparisons follow IEEE: every comparison with a NaN is false except {@code !=}, so
 * {@code a > b} is {@code flt b, a} and {@code !(a < b)} stays a negated {@code flt}, never
 * {@code a >= b}.
 */
final class FloatCode {
    private FloatCode() {}

    /** The opcode of operation {@code k} on operands of floating type {@code t}, or -1 if there is none (NE is a negated EQ). */
    static int opcode(Node.Kind k, Type t) {
        boolean d = t.kind == Type.Kind.DOUBLE;
        return switch (k) {
            case ADD -> d ? Isa.FADDD : Isa.FADDS;
            case SUB -> d ? Isa.FSUBD : Isa.FSUBS;
            case MUL -> d ? Isa.FMULD : Isa.FMULS;
            case DIV -> d ? Isa.FDIVD : Isa.FDIVS;
            case NEG -> d ? Isa.FNEGD : Isa.FNEGS;
            case EQ -> d ? Isa.FEQD : Isa.FEQS;
            case LT -> d ? Isa.FLTD : Isa.FLTS;
            case LE -> d ? Isa.FLED : Isa.FLES;
            default -> -1;
        };
    }

    /**
     * The opcode converting an integer to a floating type or back, for {@code from} and
     * {@code to} one integer and one floating type. Only unsigned 64-bit integers need the
     * unsigned forms: narrower integers are held extended to 64 bits, where the signed
     * forms read them right, and a floating value converted to a narrower integer is
     * converted to 64 bits and truncated, which is exact for every value the narrower type
     * can hold (the others are undefined behaviour).
     */
    static int conversion(Type from, Type to) {
        if (to.isFloat()) {
            boolean unsigned = from.unsigned && from.size == 8;
            if (to.kind == Type.Kind.DOUBLE) return unsigned ? Isa.FCVTDLU : Isa.FCVTDL;
            return unsigned ? Isa.FCVTSLU : Isa.FCVTSL;
        }
        boolean unsigned = to.unsigned && to.size == 8;
        if (from.kind == Type.Kind.DOUBLE) return unsigned ? Isa.FCVTLUD : Isa.FCVTLD;
        return unsigned ? Isa.FCVTLUS : Isa.FCVTLS;
    }

    /** Emits {@code dst = left k right} for a binary operation or comparison on floating type {@code t}. */
    static void binary(Codegen g, Node.Kind k, Type t, String dst, String left, String right) {
        if (k == Node.Kind.NE) {
            g.emit(Isa.mnemonic(opcode(Node.Kind.EQ, t)) + "\t" + dst + ", " + left + ", " + right);
            g.emit("xori\t" + dst + ", " + dst + ", 1");
            return;
        }
        g.emit(Isa.mnemonic(opcode(k, t)) + "\t" + dst + ", " + left + ", " + right);
    }

    /** Emits {@code r = -r} for floating type {@code t} (the sign bit flipped, of a NaN too). */
    static void negate(Codegen g, String r, Type t) {
        g.emit(Isa.mnemonic(opcode(Node.Kind.NEG, t)) + "\t" + r + ", " + r);
    }

    /**
     * Converts the value in {@code r} from {@code from} to {@code to}, at least one of them
     * floating and {@code to} not _Bool (see {@link Sema#cast}).
     */
    static void convert(Codegen g, String r, Type from, Type to) {
        if (from.isFloat() && to.isFloat()) {
            if (from.kind != to.kind) g.emit((to.kind == Type.Kind.DOUBLE ? "fcvt.d.s\t" : "fcvt.s.d\t") + r + ", " + r);
            return;
        }
        g.emit(Isa.mnemonic(conversion(from, to)) + "\t" + r + ", " + r);
        if (to.isInteger()) g.normalize(r, to);
    }
}
