package cc;

/**
 * C's type rules, used by the parser as it builds nodes: integer promotions, the usual
 * arithmetic conversions, pointer arithmetic, implicit conversions, and folding of integer
 * constant expressions. Every method returns a node whose {@link Node#type} is set.
 */
final class Sema {
    private Sema() {}

    /** A constant of type {@code t}, its value truncated and extended as {@code t} holds it. */
    static Node num(long v, Type t, Token tok) {
        Node n = new Node(Node.Kind.NUM, tok);
        n.type = t;
        n.val = normalize(v, t);
        return n;
    }

    /** A floating constant of type {@code t} whose value is {@code d} rounded to {@code t}. */
    static Node fnum(double d, Type t, Token tok) {
        return num(FloatFolding.bits(d, t), t, tok);
    }

    /**
     * {@code v} as a value of type {@code t} held in a 64-bit register (sign or zero
     * extended; a float's bits in the low 32, the upper ones zero).
     */
    static long normalize(long v, Type t) {
        if (t.kind == Type.Kind.BOOL) return v != 0 ? 1 : 0;
        if (t.kind == Type.Kind.FLOAT) return v & 0xffffffffL;
        if (!t.isInteger()) return v;
        return switch (t.size) {
            case 1 -> t.unsigned ? v & 0xff : (byte) v;
            case 2 -> t.unsigned ? v & 0xffff : (short) v;
            case 4 -> t.unsigned ? v & 0xffffffffL : (int) v;
            default -> v;
        };
    }

    /** The integer promotion: types narrower than int (and _Bool) become int, enums their underlying type. */
    static Type promote(Type t) {
        if (t.kind == Type.Kind.ENUM) return t.unsigned ? Type.UINT : Type.INT;
        if (t.isInteger() && t.size < 4) return Type.INT;
        return t.unqualified();
    }

    /**
     * The common type of the usual arithmetic conversions (C11 6.3.1.8) for two arithmetic
     * types: the wider floating type if either is floating, otherwise by integer rank.
     */
    static Type common(Type a, Type b) {
        if (a.isFloat() || b.isFloat()) {
            if (a.unqualified() == Type.LDOUBLE || b.unqualified() == Type.LDOUBLE) return Type.LDOUBLE;
            if (a.kind == Type.Kind.DOUBLE || b.kind == Type.Kind.DOUBLE) return Type.DOUBLE;
            return Type.FLOAT;
        }
        a = promote(a);
        b = promote(b);
        if (a.size != b.size) return a.size > b.size ? a : b;
        return a.unsigned ? a : b;
    }

    /**
     * Converts {@code n} to {@code t}: a CAST node, or a folded constant. A floating value
     * becomes _Bool by comparing it with zero (so 0.5 and NaN are true, -0.0 false). The
     * result is a value, so its type is {@code t} unqualified (C11 6.3.2.1p2).
     */
    static Node cast(Node n, Type t) {
        t = t.unqualified();
        if (n.type == t) return n;
        if (t.kind == Type.Kind.BOOL && n.type.isFloat()) return binary(Node.Kind.NE, n, fnum(0, n.type, n.tok), Type.BOOL, n.tok);
        if (n.kind == Node.Kind.NUM && (t.isFloat() || n.type.isFloat()) && t.isArithmetic()) {
            return num(FloatFolding.convert(n.val, n.type, t), t, n.tok);
        }
        if (n.type.isFloat() && t.isInteger()) {
            Node folded = castInto(n, t);
            if (folded != null) return folded;
        }
        if (n.kind == Node.Kind.NUM && t.isScalar() && !n.type.isFloat()) return num(n.val, t, n.tok);
        Node c = new Node(Node.Kind.CAST, n.tok);
        c.lhs = n;
        c.type = t;
        return c;
    }

    /**
     * GCC folds the conversion of a floating value to an integer type into the expression
     * that produces it, so that a constant value saturates as {@link FloatFolding#convert}
     * says even when it is not written directly: {@code (t)(e, c)} is {@code (e, (t)c)},
     * {@code (t)(x ? a : b)} is {@code x ? (t)a : (t)b}, and {@code (t)(v = c)} is
     * {@code (v = c, (t)c)}, the value of an assignment being its converted right-hand side.
     * Null for any other expression, which is converted at run time.
     */
    private static Node castInto(Node n, Type t) {
        switch (n.kind) {
            case COMMA:
                return Operators.comma(n.lhs, cast(n.rhs, t), n.tok);
            case COND: {
                Node c = new Node(Node.Kind.COND, n.tok);
                c.cond = n.cond;
                c.then = cast(n.then, t);
                c.els = cast(n.els, t);
                c.type = t;
                return c;
            }
            case ASSIGN:
                return n.rhs.kind == Node.Kind.NUM ? Operators.comma(n, cast(n.rhs, t), n.tok) : null;
            default:
                return null;
        }
    }

    /** Array and function designators decay to pointers when used as values. */
    static Node decay(Node n) {
        if (n.type.kind == Type.Kind.ARRAY) {
            Node c = new Node(Node.Kind.CAST, n.tok);
            c.lhs = n;
            c.type = Type.pointerTo(n.type.base);
            return c;
        }
        if (n.type.kind == Type.Kind.FUNC) {
            Node a = new Node(Node.Kind.ADDR, n.tok);
            a.lhs = n;
            a.type = Type.pointerTo(n.type);
            return a;
        }
        return n;
    }

    /** A binary node of kind {@code k} and type {@code t}, folded if both operands are constants. */
    static Node binary(Node.Kind k, Node l, Node r, Type t, Token tok) {
        Node n = new Node(k, tok);
        n.lhs = l;
        n.rhs = r;
        n.type = t;
        return fold(n);
    }

    /**
     * Arithmetic with the usual conversions: * / % + - & | ^ and the comparisons. Both
     * operands must be arithmetic, and integers for % & | ^ (the caller handles pointers).
     */
    static Node arith(Node.Kind k, Node l, Node r, Token tok) {
        Type t = common(l.type, r.type);
        Type result = switch (k) {
            case EQ, NE, LT, LE -> Type.INT;
            default -> t;
        };
        return binary(k, cast(l, t), cast(r, t), result, tok);
    }

    /** A shift: each operand is promoted on its own and the result has the left one's type. */
    static Node shift(Node.Kind k, Node l, Node r, Token tok) {
        Type t = promote(l.type);
        return binary(k, cast(l, t), cast(r, promote(r.type)), t, tok);
    }

    /** A unary node (NEG on promoted arithmetic operands, BITNOT on promoted integers; NOT gives int). */
    static Node unary(Node.Kind k, Node operand, Token tok) {
        Type t = k == Node.Kind.NOT ? Type.INT : promote(operand.type);
        Node n = new Node(k, tok);
        n.lhs = k == Node.Kind.NOT ? operand : cast(operand, t);
        n.type = t;
        return fold(n);
    }

    /** True if {@code n} is the constant 0 (a null pointer constant). */
    static boolean isNullConstant(Node n) {
        while (n.kind == Node.Kind.CAST && (n.type.isInteger() || (n.type.kind == Type.Kind.PTR && n.type.base.kind == Type.Kind.VOID))) n = n.lhs;
        return n.kind == Node.Kind.NUM && n.val == 0 && !n.type.isFloat();
    }

    /** Folds an operation on constants into one constant; leaves anything else (and x/0) alone. */
    static Node fold(Node n) {
        Node l = n.lhs, r = n.rhs;
        if (l == null || l.kind != Node.Kind.NUM || (r != null && r.kind != Node.Kind.NUM)) return n;
        if (l.type.isFloat()) {
            long b = r == null ? 0 : r.val;
            Long v = FloatFolding.fold(n.kind, l.val, b, l.type);
            // An invalid operation (0.0/0.0) is left to run time, as GCC leaves it: its NaN
            // differs from the one GCC folds into a static initializer (Initializers.eval).
            if (v == null || (n.type.isFloat() && FloatFolding.isInvalid(n.kind, l.val, b, v, l.type))) return n;
            return num(v, n.type, n.tok);
        }
        if (!n.type.isInteger() && n.kind != Node.Kind.EQ) return n;
        if (!l.type.isInteger() || (r != null && !r.type.isInteger())) return n;
        long a = l.val, b = r == null ? 0 : r.val;
        boolean u = l.type.unsigned;
        boolean narrow = l.type.size == 4;
        long v;
        switch (n.kind) {
            case ADD -> v = a + b;
            case SUB -> v = a - b;
            case MUL -> v = a * b;
            case DIV, MOD -> {
                if (b == 0) return n;
                if (!u && b == -1 && a == (narrow ? Integer.MIN_VALUE : Long.MIN_VALUE)) return n;
                if (n.kind == Node.Kind.DIV) v = u ? Long.divideUnsigned(a, b) : a / b;
                else v = u ? Long.remainderUnsigned(a, b) : a % b;
            }
            case BITAND -> v = a & b;
            case BITOR -> v = a | b;
            case BITXOR -> v = a ^ b;
            case SHL -> v = a << (b & 63);
            case SHR -> v = u ? a >>> (b & 63) : a >> (b & 63);
            case EQ -> v = a == b ? 1 : 0;
            case NE -> v = a != b ? 1 : 0;
            case LT -> v = (u ? Long.compareUnsigned(a, b) : Long.compare(a, b)) < 0 ? 1 : 0;
            case LE -> v = (u ? Long.compareUnsigned(a, b) : Long.compare(a, b)) <= 0 ? 1 : 0;
            case NEG -> v = -a;
            case BITNOT -> v = ~a;
            case NOT -> v = a == 0 ? 1 : 0;
            default -> {
                return n;
            }
        }
        return num(v, n.type, n.tok);
    }
}
