package cc;

import vm.Isa;

/**
 * GCC's floating-point builtins, which float.h, math.h and libm are written with:
 * {@code __builtin_inf}, {@code __builtin_huge_val} and {@code __builtin_nan} (constants),
 * {@code __builtin_sqrt} ({@code fsqrt}), {@code __builtin_fma} ({@code fmadd}),
 * {@code __builtin_fabs} and {@code __builtin_copysign} (sign-bit manipulation), and the
 * classifications {@code __builtin_isnan}, {@code isinf}, {@code isfinite}, {@code signbit}.
 * Each name comes plain (double), with {@code f} (float) and with {@code l} (long double).
 *
 * <p>On constant operands each folds to a constant computed as the instruction would
 * compute it; otherwise sqrt, fma, fabs and copysign become an FBUILTIN node and the
 * classifications become comparisons.
 */
final class FloatBuiltins {
    private FloatBuiltins() {}

    /** True if {@code name} is one of these builtins (for {@code __has_builtin}). */
    static boolean exists(String name) {
        if (!name.startsWith("__builtin_")) return false;
        String base = name.substring("__builtin_".length());
        return isOperation(base) || ((base.endsWith("f") || base.endsWith("l")) && isOperation(base.substring(0, base.length() - 1)));
    }

    /** Parses a floating builtin call starting at identifier {@code t}, or returns null if it is not one. */
    static Node parse(Expressions e, Token t) {
        String name = t.text;
        if (!name.startsWith("__builtin_")) return null;
        String base = name.substring("__builtin_".length());
        Type type = Type.DOUBLE;
        if (!isOperation(base) && (base.endsWith("f") || base.endsWith("l")) && isOperation(base.substring(0, base.length() - 1))) {
            type = base.endsWith("f") ? Type.FLOAT : Type.LDOUBLE;
            base = base.substring(0, base.length() - 1);
        }
        if (!isOperation(base)) return null;
        Parser p = e.p;
        p.next();
        p.next();
        switch (base) {
            case "inf", "huge_val" -> {
                p.expect(")");
                return Sema.fnum(Double.POSITIVE_INFINITY, type, t);
            }
            case "nan" -> {
                Token s = p.peek();
                if (s.kind != Token.Kind.STRING) throw p.error(s, "expected string literal");
                while (p.peek().kind == Token.Kind.STRING) p.next();
                p.expect(")");
                return Sema.num(quietNaN(s, type, p), type, t);
            }
            case "isnan", "isinf", "isfinite", "signbit" -> {
                Node x = Sema.decay(e.assign());
                p.expect(")");
                if (!x.type.isFloat()) throw p.error(x.tok, "non-floating-point argument in call to function '" + name + "'");
                return classify(base, x, t);
            }
            default -> {
                int count = base.equals("fma") ? 3 : base.equals("copysign") ? 2 : 1;
                Node n = new Node(Node.Kind.FBUILTIN, t);
                n.builtin = base;
                n.type = type;
                for (int i = 0; i < count; i++) {
                    if (i > 0) p.expect(",");
                    n.args.add(e.convertForAssignment(e.assign(), type, "passing"));
                }
                p.expect(")");
                return fold(n);
            }
        }
    }

    private static boolean isOperation(String base) {
        return switch (base) {
            case "inf", "huge_val", "nan", "sqrt", "fabs", "fma", "copysign", "isnan", "isinf", "isfinite", "signbit" -> true;
            default -> false;
        };
    }

    /**
     * The quiet NaN {@code __builtin_nan("payload")} makes: the string is a number (decimal,
     * or hexadecimal after 0x) giving the low bits of the significand, as in gcc; "" is 0.
     */
    private static long quietNaN(Token s, Type type, Parser p) {
        String text = new String(s.bytes, java.nio.charset.StandardCharsets.US_ASCII).toLowerCase();
        long payload = 0;
        if (!text.isEmpty()) {
            try {
                payload = text.startsWith("0x") ? Long.parseUnsignedLong(text.substring(2), 16) : Long.parseUnsignedLong(text);
            } catch (NumberFormatException ex) {
                throw p.error(s, "invalid NaN payload \"" + text + "\"");
            }
        }
        if (type.kind == Type.Kind.FLOAT) return 0x7FC00000L | (payload & 0x3FFFFFL);
        return 0x7FF8000000000000L | (payload & 0x7FFFFFFFFFFFFL);
    }

    /** isnan(x) is x != x, isinf(x) |x| == inf, isfinite(x) |x| < inf, signbit(x) the sign bit: each evaluates x once. */
    private static Node classify(String op, Node x, Token t) {
        Node abs = new Node(Node.Kind.FBUILTIN, t);
        abs.builtin = "fabs";
        abs.type = x.type;
        abs.args.add(x);
        Node inf = Sema.fnum(Double.POSITIVE_INFINITY, x.type, t);
        return switch (op) {
            case "isinf" -> Sema.binary(Node.Kind.EQ, fold(abs), inf, Type.INT, t);
            case "isfinite" -> Sema.binary(Node.Kind.LT, fold(abs), inf, Type.INT, t);
            default -> {
                Node s = new Node(Node.Kind.FBUILTIN, t);
                s.builtin = op;
                s.type = Type.INT;
                s.args.add(x);
                yield fold(s);
            }
        };
    }

    private static long signBit(Type t) {
        return t.kind == Type.Kind.FLOAT ? 0x80000000L : Long.MIN_VALUE;
    }

    /** {@code n} computed now if all its operands are constants. */
    private static Node fold(Node n) {
        for (Node a : n.args) if (a.kind != Node.Kind.NUM) return n;
        Type t = n.args.get(0).type;
        long x = n.args.get(0).val, sign = signBit(t);
        long v = switch (n.builtin) {
            case "fabs" -> x & ~sign;
            case "copysign" -> (x & ~sign) | (n.args.get(1).val & sign);
            case "signbit" -> (x & sign) != 0 ? 1 : 0;
            case "isnan" -> 1 - FloatFolding.fold(Node.Kind.EQ, x, x, t);
            case "sqrt" -> FloatFolding.execute(t.kind == Type.Kind.FLOAT ? Isa.FSQRTS : Isa.FSQRTD, x, 0, 0);
            default -> FloatFolding.execute(t.kind == Type.Kind.FLOAT ? Isa.FMADDS : Isa.FMADDD, x, n.args.get(1).val, n.args.get(2).val);
        };
        return Sema.num(v, n.type, n.tok);
    }

    /** Evaluates FBUILTIN node {@code n} into a new register. */
    static String gen(Codegen g, Node n) {
        Type t = n.args.get(0).type;
        boolean single = t.kind == Type.Kind.FLOAT;
        // A float's sign is bit 31 of the register and a double's bit 63.
        int high = single ? 32 : 0;
        switch (n.builtin) {
            case "sqrt" -> {
                String r = g.gen(n.args.get(0));
                g.emit((single ? "fsqrt.s\t" : "fsqrt.d\t") + r + ", " + r);
                return r;
            }
            case "fma" -> {
                // fmadd rd, rs1, rs2 computes rs1 * rs2 + rd into rd.
                String r = g.gen(n.args.get(2));
                String a = g.gen(n.args.get(0));
                String b = g.gen(n.args.get(1));
                g.emit((single ? "fmadd.s\t" : "fmadd.d\t") + r + ", " + a + ", " + b);
                g.pop();
                g.pop();
                return r;
            }
            case "fabs" -> {
                String r = g.gen(n.args.get(0));
                clearSign(g, r, high);
                return r;
            }
            case "isnan" -> {
                String r = g.gen(n.args.get(0));
                g.emit((single ? "feq.s\t" : "feq.d\t") + r + ", " + r + ", " + r);
                g.emit("xori\t" + r + ", " + r + ", 1");
                return r;
            }
            case "signbit" -> {
                String r = g.gen(n.args.get(0));
                g.emit("srli\t" + r + ", " + r + ", " + (single ? 31 : 63));
                return r;
            }
            default -> {
                String r = g.gen(n.args.get(0));
                String s = g.gen(n.args.get(1));
                clearSign(g, r, high);
                g.emit("srli\t" + s + ", " + s + ", " + (single ? 31 : 63));
                g.emit("slli\t" + s + ", " + s + ", " + (single ? 31 : 63));
                g.emit("or\t" + r + ", " + r + ", " + s);
                g.pop();
                return r;
            }
        }
    }

    /** Clears the sign bit of the value in {@code r}, whose register has {@code high} zero bits above it. */
    private static void clearSign(Codegen g, String r, int high) {
        g.emit("slli\t" + r + ", " + r + ", " + (high + 1));
        g.emit("srli\t" + r + ", " + r + ", " + (high + 1));
    }
}
