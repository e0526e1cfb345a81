package cc;

/**
 * Code for integer arithmetic, comparisons and conversions. Values are kept in registers
 * extended to 64 bits as their type says (see {@link Codegen}), so 32-bit signed operations
 * use the {@code ...w} instructions, which sign-extend, and 32-bit unsigned ones re-extend
 * with {@code zext.w}.
 */
final class Arithmetic {
    private final Codegen g;

    Arithmetic(Codegen g) {
        this.g = g;
    }

    /** Re-extends a register after an operation on type {@code t} (no-op for 64-bit types). */
    void normalize(String r, Type t) {
        if (t.kind == Type.Kind.BOOL) {
            g.emit("snei\t" + r + ", " + r + ", 0");
            return;
        }
        if (!t.isInteger() || t.size == 8) return;
        g.emit(extension(t) + "\t" + r + ", " + r);
    }

    private static String extension(Type t) {
        return switch (t.size) {
            case 1 -> t.unsigned ? "zext.b" : "sext.b";
            case 2 -> t.unsigned ? "zext.h" : "sext.h";
            default -> t.unsigned ? "zext.w" : "sext.w";
        };
    }

    /** Converts the value in {@code r} from type {@code from} to type {@code to}. */
    void convert(String r, Type from, Type to) {
        if (isNoOpConversion(from, to)) return;
        if (from.isFloat() || to.isFloat()) FloatCode.convert(g, r, from, to);
        else if (to.kind == Type.Kind.BOOL) g.emit("snei\t" + r + ", " + r + ", 0");
        else g.emit(extension(to) + "\t" + r + ", " + r);
    }

    /**
     * True if a value of type {@code from}, held as this generator holds values, already is
     * the value of type {@code to}: widening keeps the value, and pointers and 64-bit
     * integers share one representation.
     */
    static boolean isNoOpConversion(Type from, Type to) {
        if (to.kind == Type.Kind.VOID) return true;
        if (from.isFloat() || to.isFloat()) return from.isFloat() && to.isFloat() && from.size == to.size;
        if (to.kind == Type.Kind.BOOL) return from.kind == Type.Kind.BOOL;
        if (!to.isInteger() || to.size == 8) return true;
        if (!from.isInteger()) return false;
        if (from.size < to.size) return from.unsigned || !to.unsigned;
        return from.size == to.size && from.unsigned == to.unsigned;
    }

    /** {@code n} without conversions that generate no code. */
    static Node stripNoOpCasts(Node n) {
        while (n.kind == Node.Kind.CAST && n.lhs.type.kind != Type.Kind.ARRAY && n.lhs.type.kind != Type.Kind.FUNC
                && isNoOpConversion(n.lhs.type, n.type)) {
            n = n.lhs;
        }
        return n;
    }

    /**
     * {@code n} without conversions that generate no code and without multiplications by
     * 1 (the scaling of an index into a byte array): the node whose value {@code n} has.
     */
    static Node operand(Node n) {
        while (true) {
            n = stripNoOpCasts(n);
            if (n.kind != Node.Kind.MUL || n.rhs.kind != Node.Kind.NUM || n.rhs.val != 1) return n;
            n = n.lhs;
        }
    }

    /** Evaluates arithmetic or comparison node {@code n} into a new register. */
    String binary(Node n) {
        Type t = n.lhs.type;
        boolean w = t.size == 4 && t.isInteger();
        boolean u = t.unsigned;
        if (!t.isFloat() && n.rhs.kind == Node.Kind.NUM && fitsImmediate(n.rhs.val) && immediateForm(n, w, u)) return g.top();
        // A register local is read where it lives rather than copied to a temporary first.
        String leftHome = g.registerOf(operand(n.lhs)), rightHome = g.registerOf(operand(n.rhs));
        if (leftHome != null && rightHome != null) {
            String r = g.push(n.tok);
            emitBinary(n, t, r, leftHome, rightHome);
            return r;
        }
        if (leftHome != null) {
            int mark = g.out.length();
            String r = g.gen(n.rhs);
            emitBinary(n, t, r, leftHome, t.isFloat() ? r : Destinations.callResultInPlace(g.out, mark, r));
            return r;
        }
        if (rightHome != null) {
            String r = g.gen(n.lhs);
            emitBinary(n, t, r, r, rightHome);
            return r;
        }
        // Evaluate the operand that needs more registers first (Sethi-Ullman order), so a
        // deep right-leaning expression needs two registers rather than one per level.
        // C leaves the order of evaluation of these operands unspecified.
        if (need(n.rhs) > need(n.lhs)) {
            String right = g.gen(n.rhs);
            String left = g.gen(n.lhs);
            emitBinary(n, t, right, left, right);
            g.pop();
            return right;
        }
        String a = g.gen(n.lhs);
        int mark = g.out.length();
        String b = g.gen(n.rhs);
        emitBinary(n, t, a, a, t.isFloat() ? b : Destinations.callResultInPlace(g.out, mark, b));
        g.pop();
        return a;
    }

    /** How many registers evaluating {@code n} takes, roughly (the Sethi-Ullman number). */
    static int need(Node n) {
        if (n == null) return 0;
        switch (n.kind) {
            case NUM, VAR -> {
                return 1;
            }
            case ADD, SUB, MUL, DIV, MOD, BITAND, BITOR, BITXOR, SHL, SHR, EQ, NE, LT, LE -> {
                int l = need(n.lhs), r = need(n.rhs);
                return l == r ? l + 1 : Math.max(l, r);
            }
            case FUNCALL -> {
                return 1 + Math.min(n.args.size(), 2);
            }
            default -> {
                return Math.max(1, Math.max(need(n.lhs), Math.max(need(n.rhs), need(n.cond))) + (n.rhs != null ? 1 : 0));
            }
        }
    }

    /** Emits {@code dst = left op right} for binary node {@code n} whose operands have type {@code t}. */
    private void emitBinary(Node n, Type t, String dst, String left, String right) {
        if (t.isFloat()) {
            FloatCode.binary(g, n.kind, t, dst, left, right);
            return;
        }
        boolean w = t.size == 4 && t.isInteger();
        boolean u = t.unsigned;
        String op = switch (n.kind) {
            case ADD -> w && !u ? "addw" : "add";
            case SUB -> w && !u ? "subw" : "sub";
            case MUL -> w && !u ? "mulw" : "mul";
            case DIV -> w ? (u ? "divu" : "divw") : (u ? "divu" : "div");
            case MOD -> w ? (u ? "remu" : "remw") : (u ? "remu" : "rem");
            case BITAND -> "and";
            case BITOR -> "or";
            case BITXOR -> "xor";
            case SHL -> w ? "sllw" : "sll";
            case SHR -> w ? (u ? "srlw" : "sraw") : (u ? "srl" : "sra");
            case EQ -> "seq";
            case NE -> "sne";
            case LT -> u ? "sltu" : "slt";
            case LE -> u ? "sleu" : "sle";
            default -> throw new IllegalStateException("no code for " + n.kind);
        };
        g.emit(op + "\t" + dst + ", " + left + ", " + right);
        if (w && u && n.type.size == 4) g.emit("zext.w\t" + dst + ", " + dst);
    }

    private static boolean fitsImmediate(long v) {
        return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE && v != Integer.MIN_VALUE;
    }

    /** Emits {@code lhs op constant} with an immediate instruction, if there is one. */
    private boolean immediateForm(Node n, boolean w, boolean u) {
        long v = n.rhs.val;
        String op = switch (n.kind) {
            case ADD -> w && !u ? "addiw" : "addi";
            case SUB -> w && !u ? "addiw" : "addi";
            case BITAND -> "andi";
            case BITOR -> "ori";
            case BITXOR -> "xori";
            case SHL -> w ? "slliw" : "slli";
            case SHR -> w ? (u ? "srliw" : "sraiw") : (u ? "srli" : "srai");
            case EQ -> "seqi";
            case NE -> "snei";
            case LT -> u ? "sltiu" : "slti";
            case LE -> u ? "sleiu" : "slei";
            case MUL -> "muli";
            default -> null;
        };
        if (op == null) return false;
        if (n.kind == Node.Kind.MUL && v == 1) {
            // Scaling an index into a char array: the value is already the product.
            g.gen(n.lhs);
            return true;
        }
        if (n.kind == Node.Kind.MUL && v > 1 && Long.bitCount(v) == 1) {
            // Multiplying by a power of two is a shift (slliw sign-extends as mulw does).
            op = w ? "slliw" : "slli";
            v = Long.numberOfTrailingZeros(v);
        }
        // The unsigned immediate compares sign-extend their operand, so only use them for
        // constants that read the same either way.
        if ((n.kind == Node.Kind.LT || n.kind == Node.Kind.LE) && u && v < 0) return false;
        if ((n.kind == Node.Kind.SHL || n.kind == Node.Kind.SHR)) v &= w ? 31 : 63;
        if (n.kind == Node.Kind.SUB) v = -v;
        String home = g.registerOf(stripNoOpCasts(n.lhs));
        String a = home != null ? g.push(n.tok) : g.gen(n.lhs);
        g.emit(op + "\t" + a + ", " + (home != null ? home : a) + ", " + v);
        if (op.equals("muli") && w && !u) g.emit("sext.w\t" + a + ", " + a);
        else if (w && u && n.type.size == 4) g.emit("zext.w\t" + a + ", " + a);
        return true;
    }
}
