package cc;

/**
 * The type rules of C's operators (C11 6.5), used by {@link Expressions} as it parses:
 * assignment and its implicit conversions (with clang's warnings), pointer arithmetic,
 * comparisons, dereference, and the nodes that compound assignment expands to.
 */
abstract class Operators {
    final Parser p;

    Operators(Parser p) {
        this.p = p;
    }

    /** {@code l, r}: evaluates l for its effects, then r, whose type is the result's. */
    static Node comma(Node l, Node r, Token t) {
        Node c = new Node(Node.Kind.COMMA, t);
        c.lhs = l;
        c.rhs = r;
        c.type = r.type;
        return c;
    }

    /** {@code lhs = rhs}, with the implicit conversion of rhs to lhs's type. */
    Node assignTo(Node lhs, Node rhs, Token t) {
        checkLvalue(lhs, t);
        Node n = new Node(Node.Kind.ASSIGN, t);
        n.lhs = lhs;
        n.rhs = convertForAssignment(rhs, lhs.type, "assigning to");
        n.type = lhs.type;
        return n;
    }

    /** Reports an error unless {@code n} is a modifiable lvalue. */
    void checkLvalue(Node n, Token t) {
        boolean ok = switch (n.kind) {
            case VAR -> n.type.kind != Type.Kind.FUNC;
            case DEREF, MEMBER -> true;
            default -> false;
        };
        // clang puts the caret at the start of the left operand.
        Token at = leftmost(n);
        if (!ok) throw p.error(at, "expression is not assignable");
        if (n.type.kind == Type.Kind.ARRAY) throw p.error(at, "array type '" + n.type + "' is not assignable");
    }

    /**
     * Reports gcc's error if {@code n}, an lvalue that operator {@code t} ("=", "+=", "++"...)
     * writes, is const (C11 6.5.16p2, 6.3.2.1p1): a const object, a const member, a member of a
     * const struct, a location reached through a pointer to const, or a struct with a const
     * member somewhere inside (which gcc words as if the whole variable were read-only).
     */
    void checkWritable(Node n, Token t) {
        if (!n.type.isConst() && !hasConstMember(n.type)) return;
        String verb = switch (t.text) {
            case "++" -> "increment";
            case "--" -> "decrement";
            default -> "assignment";
        };
        if (n.kind == Node.Kind.VAR || (n.kind == Node.Kind.DEREF && n.var != null)) {
            Obj v = n.var;
            String what = p.fn != null && p.fn.params.contains(v) ? "parameter" : "variable";
            throw p.error(t, verb + " of read-only " + what + " '" + v.name + "'");
        }
        if (n.kind == Node.Kind.MEMBER && n.type.isConst()) {
            if (n.member.type.isConst()) throw p.error(t, verb + " of read-only member '" + n.member.name + "'");
            throw p.error(t, verb + " of member '" + n.member.name + "' in read-only object");
        }
        throw p.error(t, verb + " of read-only location");
    }

    /** True for a struct or union with a const member, directly or in a member struct. */
    private static boolean hasConstMember(Type t) {
        if (!t.isAggregate()) return false;
        for (Type.Member m : t.members) {
            Type mt = m.type;
            while (mt.kind == Type.Kind.ARRAY) mt = mt.base;
            if (mt.isConst() || hasConstMember(mt)) return true;
        }
        return false;
    }

    /** The first token of an expression, for diagnostics that point at its start. */
    static Token leftmost(Node n) {
        Token best = n.tok;
        for (Node c : new Node[] {n.lhs, n.rhs, n.cond}) {
            if (c == null || c.tok == null || best == null) continue;
            Token t = leftmost(c);
            if (t.line < best.line || (t.line == best.line && t.column < best.column)) best = t;
        }
        return best;
    }

    /**
     * {@code lhs op= rhs}: evaluates lhs's address once, through a hidden pointer local
     * unless lhs is a plain variable.
     */
    Node compoundAssign(Node.Kind op, Node lhs, Node rhs, Token t) {
        checkLvalue(lhs, t);
        checkWritable(lhs, t);
        if (lhs.type.atomic) return atomicUpdate(op, lhs, rhs, t);
        if (isFixed(lhs)) return assignTo(lhs, binaryOp(op, lhs, rhs, t), t);
        if (p.fn == null) throw p.error(t, "expression is not an integer constant expression");
        if (lhs.kind == Node.Kind.MEMBER && lhs.member.isBitField()) {
            // A bit-field has no address: hold the address of the struct around it instead.
            Node outer = lhs.lhs;
            Obj tmp = p.newLocal("", Type.pointerTo(outer.type), t);
            Node setTmp = assignTo(var(tmp, t), addr(outer, t), t);
            Node target = new Node(Node.Kind.MEMBER, t);
            target.lhs = deref(var(tmp, t), t);
            target.member = lhs.member;
            target.type = lhs.type;
            return comma(setTmp, assignTo(target, binaryOp(op, target, rhs, t), t), t);
        }
        Obj tmp = p.newLocal("", Type.pointerTo(lhs.type), t);
        Node addr = new Node(Node.Kind.ADDR, t);
        addr.lhs = lhs;
        addr.type = tmp.type;
        Node setTmp = assignTo(var(tmp, t), addr, t);
        Node target = deref(var(tmp, t), t);
        return comma(setTmp, assignTo(target, binaryOp(op, target, rhs, t), t), t);
    }

    /**
     * {@code x op= v} on an {@code _Atomic} lvalue, which C11 (6.5.16.2) makes one indivisible
     * read-modify-write: the ATOMIC node of {@code __atomic_op_fetch(&x, v)}, whose value is
     * the new value, as the assignment's is. {@code ++x} and {@code x++} come here too (x += 1).
     * The machine has 4- and 8-byte atomics; +, -, &, | and ^ map onto them (Atomics).
     */
    private Node atomicUpdate(Node.Kind op, Node lhs, Node rhs, Token t) {
        String fetch = switch (op) {
            case ADD -> "add_fetch";
            case SUB -> "sub_fetch";
            case BITAND -> "and_fetch";
            case BITOR -> "or_fetch";
            case BITXOR -> "xor_fetch";
            default -> null;
        };
        Type ty = lhs.type;
        if (fetch == null || (ty.size != 4 && ty.size != 8) || (ty.kind == Type.Kind.PTR && !fetch.startsWith("add")
                && !fetch.startsWith("sub"))) {
            throw p.error(t, "this compound assignment to an _Atomic '" + ty + "' is not supported"
                    + " (only +=, -=, &=, |=, ^=, ++ and -- on 4- and 8-byte objects)");
        }
        if (p.fn == null) throw p.error(t, "expression is not an integer constant expression");
        Node n = new Node(Node.Kind.ATOMIC, t);
        n.atomicOp = fetch;
        n.args.add(addr(lhs, t));
        Node v = ty.kind == Type.Kind.PTR
                ? binaryOp(Node.Kind.MUL, Sema.cast(rhs, Type.LONG), Sema.num(ty.base.size, Type.LONG, t), t)
                : rhs;
        n.args.add(Sema.cast(v, ty.kind == Type.Kind.PTR ? Type.ULONG : ty));
        n.type = ty;
        return n;
    }

    /** True for a variable or a member of one: an lvalue whose address needs no evaluation. */
    static boolean isFixed(Node n) {
        while (n.kind == Node.Kind.MEMBER) n = n.lhs;
        return n.kind == Node.Kind.VAR;
    }

    /** A use of object {@code v} (for a variable-length array, {@code *address}). */
    static Node var(Obj v, Token t) {
        if (v.vlaAddress != null) {
            Node d = new Node(Node.Kind.DEREF, t);
            d.lhs = var(v.vlaAddress, t);
            d.type = v.type;
            d.var = v;
            return d;
        }
        Node n = new Node(Node.Kind.VAR, t);
        n.var = v;
        n.type = v.type;
        return n;
    }

    /** {@code *n}; n must be a pointer (arrays decay first). */
    Node deref(Node n, Token t) {
        n = Sema.decay(n);
        if (n.type.kind != Type.Kind.PTR) throw p.error(t, "indirection requires pointer operand ('" + n.type + "' invalid)");
        if (n.type.base.kind == Type.Kind.VOID) p.warn(t, "ISO C does not allow indirection on operand of type 'void *'");
        Node d = new Node(Node.Kind.DEREF, t);
        d.lhs = n;
        d.type = n.type.base;
        return d;
    }

    /**
     * Converts {@code e} to {@code to} as assignment does (C11 6.5.16.1), warning about
     * mixing pointers and integers or unrelated pointer types as clang does. {@code context}
     * is "assigning to", "initializing", "returning" or "passing".
     */
    Node convertForAssignment(Node e, Type to, String context) {
        return convertForAssignment(e, to, context, null);
    }

    /**
     * As {@link #convertForAssignment(Node, Type, String)}; {@code argument} names the
     * parameter for "passing" ("argument 2 of 'f'"), or is null. A pointer that loses its
     * target's qualifiers ({@code char *p = cs;} for a {@code const char *cs}) gets gcc's
     * warning (C11 6.5.16.1p1 requires the target to keep them).
     */
    Node convertForAssignment(Node e, Type to, String context, String argument) {
        e = Sema.decay(e);
        Type from = e.type;
        if (to.isAggregate() || from.isAggregate()) {
            if (to.unqualified() != from.unqualified()) p.softError(e.tok, context + " '" + to + "' from incompatible type '" + from + "'");
            return e;
        }
        if (from.kind == Type.Kind.VOID) {
            p.softError(e.tok, context + " '" + to + "' from incompatible type 'void'");
            return Sema.num(0, to, e.tok);
        }
        if ((to.kind == Type.Kind.PTR && from.isFloat()) || (to.isFloat() && from.kind == Type.Kind.PTR)) {
            p.softError(e.tok, context + " '" + to + "' from incompatible type '" + from + "'");
            return Sema.num(0, to, e.tok);
        }
        if (to.kind == Type.Kind.PTR && from.isInteger() && !Sema.isNullConstant(e)) {
            p.warn(e.tok, "incompatible integer to pointer conversion " + phrase(context, to, from));
        } else if (to.isInteger() && to.kind != Type.Kind.BOOL && from.kind == Type.Kind.PTR) {
            p.warn(e.tok, "incompatible pointer to integer conversion " + phrase(context, to, from));
        } else if (to.kind == Type.Kind.PTR && from.kind == Type.Kind.PTR && to.base.kind != Type.Kind.VOID
                && from.base.kind != Type.Kind.VOID && !Type.compatible(to.base.unqualified(), from.base.unqualified())) {
            p.warn(e.tok, "incompatible pointer types " + phrase(context, to, from));
        } else if (to.kind == Type.Kind.PTR && from.kind == Type.Kind.PTR
                && (from.base.qualifiers & ~to.base.qualifiers & (Type.CONST | Type.VOLATILE)) != 0) {
            int q = from.base.qualifiers & ~to.base.qualifiers & (Type.CONST | Type.VOLATILE);
            String what = switch (context) {
                case "initializing" -> "initialization";
                case "returning" -> "return";
                case "passing" -> "passing " + (argument == null ? "argument" : argument);
                default -> "assignment";
            };
            String lost = q == Type.CONST ? "const" : q == Type.VOLATILE ? "volatile" : "const volatile";
            p.warn(e.tok, what + " discards '" + lost + "' qualifier from pointer target type");
        }
        if (to.kind == Type.Kind.BOOL && from.kind == Type.Kind.PTR) {
            return Sema.binary(Node.Kind.NE, e, Sema.num(0, from, e.tok), Type.BOOL, e.tok);
        }
        return Sema.cast(e, to);
    }

    private static String phrase(String context, Type to, Type from) {
        return switch (context) {
            case "initializing" -> "initializing '" + to + "' with an expression of type '" + from + "'";
            case "returning" -> "returning '" + from + "' from a function with result type '" + to + "'";
            case "passing" -> "passing '" + from + "' to parameter of type '" + to + "'";
            default -> "assigning to '" + to + "' from '" + from + "'";
        };
    }

    /** Builds {@code l op r} with C's rules for the operand types, pointers included. */
    Node binaryOp(Node.Kind k, Node l, Node r, Token t) {
        l = Sema.decay(l);
        r = Sema.decay(r);
        if (l.type.isArithmetic() && r.type.isArithmetic() && (l.type.isFloat() || r.type.isFloat())) {
            boolean integerOnly = switch (k) {
                case MOD, BITAND, BITOR, BITXOR, SHL, SHR -> true;
                default -> false;
            };
            if (integerOnly) throw p.error(t, "invalid operands to binary expression ('" + l.type + "' and '" + r.type + "')");
            return Sema.arith(k, l, r, t);
        }
        if (l.type.isInteger() && r.type.isInteger()) {
            if ((k == Node.Kind.DIV || k == Node.Kind.MOD) && r.kind == Node.Kind.NUM && r.val == 0) {
                p.warn(t, (k == Node.Kind.DIV ? "division" : "remainder") + " by zero is undefined");
            }
            if (k == Node.Kind.SHL || k == Node.Kind.SHR) return Sema.shift(k, l, r, t);
            return Sema.arith(k, l, r, t);
        }
        boolean lp = l.type.kind == Type.Kind.PTR, rp = r.type.kind == Type.Kind.PTR;
        if (k == Node.Kind.ADD && (lp || rp) && (l.type.isInteger() || r.type.isInteger())) {
            Node ptr = lp ? l : r, idx = lp ? r : l;
            return pointerOffset(ptr, idx, t, false);
        }
        if (k == Node.Kind.SUB && lp && r.type.isInteger()) return pointerOffset(l, r, t, true);
        if (k == Node.Kind.SUB && lp && rp) {
            // Pointers to differently qualified versions of one type may be subtracted (C11 6.5.6p3).
            if (!Type.compatible(l.type.base.unqualified(), r.type.base.unqualified())) {
                throw p.error(t, "'" + l.type + "' and '" + r.type + "' are not pointers to compatible types");
            }
            Node diff = Sema.binary(Node.Kind.SUB, Sema.cast(l, Type.LONG), Sema.cast(r, Type.LONG), Type.LONG, t);
            Node size = Vlas.isVla(l.type.base) ? Sema.cast(p.vlas.sizeOf(l.type.base, t), Type.LONG)
                    : Sema.num(Math.max(1, l.type.base.size), Type.LONG, t);
            return Sema.binary(Node.Kind.DIV, diff, size, Type.LONG, t);
        }
        boolean comparison = k == Node.Kind.EQ || k == Node.Kind.NE || k == Node.Kind.LT || k == Node.Kind.LE;
        if (comparison && (lp || rp) && (lp || l.type.isInteger()) && (rp || r.type.isInteger())) {
            if (lp && rp && !Type.compatible(l.type.base.unqualified(), r.type.base.unqualified()) && l.type.base.kind != Type.Kind.VOID
                    && r.type.base.kind != Type.Kind.VOID) {
                p.warn(t, "comparison of distinct pointer types ('" + l.type + "' and '" + r.type + "')");
            } else if ((!lp && !Sema.isNullConstant(l)) || (!rp && !Sema.isNullConstant(r))) {
                p.warn(t, "comparison between pointer and integer ('" + l.type + "' and '" + r.type + "')");
            }
            return Sema.binary(k, Sema.cast(l, Type.ULONG), Sema.cast(r, Type.ULONG), Type.INT, t);
        }
        throw p.error(t, "invalid operands to binary expression ('" + l.type + "' and '" + r.type + "')");
    }

    private Node pointerOffset(Node ptr, Node idx, Token t, boolean subtract) {
        Type base = ptr.type.base;
        if (base.isIncomplete() && base.kind != Type.Kind.VOID) {
            throw p.error(t, "arithmetic on a pointer to an incomplete type '" + base + "'");
        }
        // A row of a VLA ("m[i]" of int m[r][c]) is as long as its size variable says.
        Node size = Vlas.isVla(base) ? Sema.cast(p.vlas.sizeOf(base, t), Type.LONG) : Sema.num(Math.max(1, base.size), Type.LONG, t);
        Node scaled = Sema.binary(Node.Kind.MUL, Sema.cast(idx, Type.LONG), size, Type.LONG, t);
        Node n = new Node(subtract ? Node.Kind.SUB : Node.Kind.ADD, t);
        n.lhs = ptr;
        n.rhs = scaled;
        n.type = ptr.type;
        return n;
    }

    /** {@code &e} for an lvalue {@code e}. */
    static Node addr(Node e, Token t) {
        Node a = new Node(Node.Kind.ADDR, t);
        a.lhs = e;
        a.type = Type.pointerTo(e.type);
        return a;
    }
}
