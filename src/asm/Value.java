package asm;

import obj.Section;

/**
 * The value of an assembly-time expression: a plain number, or an address that only the
 * linker will know exactly.
 *
 * <ul>
 *   <li>A constant: {@code section} and {@code symbol} are null, {@code addend} is the number.</li>
 *   <li>An address in one of this file's sections: {@code section} is set, {@code symbol}
 *       names the label it was computed from (null for one computed from "."), and the
 *       address is the label's offset {@code base} plus {@code addend}.</li>
 *   <li>An address relative to a symbol defined in another file: {@code section} is null,
 *       {@code symbol} is its name, {@code addend} the constant added to it.</li>
 *   <li>A thread-pointer offset, {@code %tpoff(sym+addend)}: {@code tpoff} is set, {@code symbol}
 *       and {@code addend} name the thread-local variable; only the linker knows the number
 *       (Relocation.Type.TPOFF32), and no arithmetic applies to it.</li>
 *   <li>{@link #UNKNOWN}: during pass 1 only, a value that uses a symbol not seen yet.</li>
 * </ul>
 *
 * The arithmetic allows exactly what a linker can finish: address + constant, address -
 * constant, and the difference of two addresses in the same section (a constant).
 */
final class Value {
    static final Value UNKNOWN = new Value(null, null, 0, 0, true);

    final Section.Kind section;
    final String symbol;
    final long base;
    final long addend;
    final boolean unknown;
    final boolean tpoff;

    private Value(Section.Kind section, String symbol, long base, long addend, boolean unknown) {
        this(section, symbol, base, addend, unknown, false);
    }

    private Value(Section.Kind section, String symbol, long base, long addend, boolean unknown, boolean tpoff) {
        this.section = section;
        this.symbol = symbol;
        this.base = base;
        this.addend = addend;
        this.unknown = unknown;
        this.tpoff = tpoff;
    }

    /**
     * {@code %tpoff(v)}: the offset of the thread-local variable at address {@code v} from the
     * thread pointer. {@code op} is the '%' token, blamed when {@code v} is not a symbol's address.
     */
    static Value tpoff(Token op, Value v) {
        if (v.unknown) return UNKNOWN;
        if (v.symbol == null || v.tpoff) {
            throw new AsmError(op, "%tpoff needs the address of a thread-local symbol, not '" + v.describe() + "'");
        }
        if (v.section != null && !v.section.threadLocal()) {
            throw new AsmError(op, "%tpoff(" + v.symbol + "): '" + v.symbol + "' is in " + v.section.sectionName()
                    + ", not in .tdata or .tbss");
        }
        return new Value(null, v.symbol, 0, v.addend, false, true);
    }

    static Value constant(long v) {
        return new Value(null, null, 0, v, false);
    }

    /** The address of label {@code name}, defined at {@code offset} in {@code section}. */
    static Value label(Section.Kind section, String name, long offset) {
        return new Value(section, name, offset, 0, false);
    }

    /** The location counter: {@code offset} in {@code section}, not tied to any label. */
    static Value location(Section.Kind section, long offset) {
        return new Value(section, null, 0, offset, false);
    }

    /** The address of {@code name}, a symbol this file does not define. */
    static Value external(String name) {
        return new Value(null, name, 0, 0, false);
    }

    boolean isConstant() {
        return !unknown && section == null && symbol == null;
    }

    /** Fails when {@code v} is a %tpoff value, which no operator {@code op} may combine. */
    private static void noTpoff(Token op, Value v) {
        if (v.tpoff) throw new AsmError(op, "no arithmetic on '%tpoff(" + v.symbol + ")': write %tpoff(" + v.symbol + "+N)");
    }

    boolean isExternal() {
        return !unknown && section == null && symbol != null;
    }

    /** The offset inside {@link #section}, for addresses in this file. */
    long sectionOffset() {
        return base + addend;
    }

    private Value plus(long k) {
        return new Value(section, symbol, base, addend + k, false, tpoff);
    }

    /** The value for messages: "42", "msg+4", ".text+16" ... */
    String describe() {
        if (unknown) return "?";
        if (isConstant()) return Long.toString(addend);
        if (tpoff) return "%tpoff(" + symbol + (addend == 0 ? "" : (addend > 0 ? "+" : "") + addend) + ")";
        String name = symbol != null ? symbol : section.sectionName();
        long k = symbol != null ? addend : sectionOffset();
        return k == 0 && symbol != null ? name : name + (k >= 0 ? "+" : "") + k;
    }

    // ---- Arithmetic; {@code op} is the operator token, blamed for any error. ----

    static Value add(Token op, Value a, Value b) {
        if (a.unknown || b.unknown) return UNKNOWN;
        noTpoff(op, a);
        noTpoff(op, b);
        if (b.isConstant()) return a.plus(b.addend);
        if (a.isConstant()) return b.plus(a.addend);
        throw new AsmError(op, "cannot add two addresses ('" + a.describe() + "' and '" + b.describe() + "')");
    }

    static Value sub(Token op, Value a, Value b) {
        if (a.unknown || b.unknown) return UNKNOWN;
        noTpoff(op, a);
        noTpoff(op, b);
        if (b.isConstant()) return a.plus(-b.addend);
        if (a.section != null && a.section == b.section) return constant(a.sectionOffset() - b.sectionOffset());
        if (a.isExternal() && b.isExternal() && a.symbol.equals(b.symbol)) return constant(a.addend - b.addend);
        if (a.isConstant()) throw new AsmError(op, "cannot subtract an address ('" + b.describe() + "') from a constant");
        throw new AsmError(op, "cannot subtract '" + b.describe() + "' from '" + a.describe()
                + "': they are not in the same section of this file");
    }

    /** The binary operators other than + and -, which need two constants. */
    static Value arith(Token op, Value a, Value b) {
        if (a.unknown || b.unknown) return UNKNOWN;
        noTpoff(op, a);
        noTpoff(op, b);
        if (!a.isConstant() || !b.isConstant()) {
            Value addr = a.isConstant() ? b : a;
            throw new AsmError(op, "operator '" + op.text + "' needs constants, but '" + addr.describe() + "' is an address");
        }
        long x = a.addend, y = b.addend;
        switch (op.text) {
            case "*": return constant(x * y);
            case "/":
            case "%":
                if (y == 0) throw new AsmError(op, "division by zero in expression");
                return constant(op.text.equals("/") ? x / y : x % y);
            case "<<": return constant(y < 0 || y > 63 ? 0 : x << y);
            case ">>": return constant(x >> Math.min(Math.max(y, 0), 63));
            case "&": return constant(x & y);
            case "|": return constant(x | y);
            case "^": return constant(x ^ y);
            default: throw new AsmError(op, "unknown operator '" + op.text + "'");
        }
    }

    static Value unary(Token op, Value a) {
        if (a.unknown) return UNKNOWN;
        noTpoff(op, a);
        if (op.text.equals("+")) return a;
        if (!a.isConstant()) throw new AsmError(op, "operator '" + op.text + "' needs a constant, but '" + a.describe() + "' is an address");
        return constant(op.text.equals("-") ? -a.addend : ~a.addend);
    }
}
