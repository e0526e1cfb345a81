package cc;

/**
 * Loads and stores of scalar lvalues, choosing the cheapest form for where the object is:
 * a register local is its register ({@code mv}); {@code *p}, {@code p->x} and {@code p[2]}
 * through a register pointer use it as the base ({@code lw s1, 8(s10)}); {@code *p++}
 * uses {@code p} then steps it; a variable or a member of one has a fixed address
 * ({@code -24(fp)}, {@code table+8(zero)}); anything else is computed by
 * {@link Addressing#place}.
 */
final class Access {
    private final Codegen g;

    Access(Codegen g) {
        this.g = g;
    }

    /**
     * Loads scalar lvalue {@code n} into a new register on the stack, as type {@code as}
     * (the lvalue's own type, or a narrower integer type read from the same address, which
     * on this little-endian machine is the truncated value).
     */
    String load(Node n, Type as) {
        String home = g.registerOf(n);
        if (home != null) {
            String r = g.push(n.tok);
            g.emit("mv\t" + r + ", " + home);
            return r;
        }
        String through = g.addr.throughRegisterLocal(n);
        if (through != null) {
            String r = g.push(n.tok);
            g.loadFrom(r, through, as);
            return r;
        }
        Addressing.PostStep post = n.kind == Node.Kind.DEREF ? g.addr.postIncrement(n.lhs) : null;
        if (post != null) {
            String r = g.push(n.tok);
            g.loadFrom(r, "0(" + post.home() + ")", as);
            step(post);
            return r;
        }
        String fixed = g.addr.fixedAddress(n);
        if (fixed != null) {
            String r = g.push(n.tok);
            g.loadFrom(r, fixed, as);
            return r;
        }
        Addressing.Place p = g.addr.place(n);
        g.loadFrom(p.reg(), p.operand(), as);
        return p.reg();
    }

    /** Evaluates assignment {@code n} into a new register holding the assigned value. */
    String assign(Node n) {
        String v = g.gen(n.rhs);
        if (n.type.isAggregate()) {
            String a = g.addr.genAddr(n.lhs);
            g.store(v, a, n.type);
            g.pop();
            return v;
        }
        if (n.lhs.kind == Node.Kind.MEMBER && n.lhs.member.isBitField()) {
            BitFields.write(g, v, n.lhs);
            return v;
        }
        String home = g.registerOf(n.lhs);
        if (home != null) {
            // A register holds its value extended as its type says, as memory would after a store.
            g.arith.convert(v, n.rhs.type, n.lhs.type);
            g.emit("mv\t" + home + ", " + v);
            return v;
        }
        String mem = memoryOperand(n.lhs);
        if (mem != null) {
            g.storeTo(v, mem, n.type);
            return v;
        }
        Addressing.PostStep post = n.lhs.kind == Node.Kind.DEREF ? g.addr.postIncrement(n.lhs.lhs) : null;
        if (post != null) {
            g.storeTo(v, "0(" + post.home() + ")", n.type);
            step(post);
            return v;
        }
        Addressing.Place p = g.addr.place(n.lhs);
        g.storeTo(v, p.operand(), n.type);
        g.pop();
        return v;
    }

    /**
     * Emits assignment {@code n} whose value is not used, if a shorter form than
     * {@link #assign} exists: storing 0 stores the zero register, and a register local is
     * computed straight into its register. Returns false (emitting nothing) otherwise.
     */
    boolean assignForEffect(Node n) {
        if (!n.type.isScalar() || (n.lhs.kind == Node.Kind.MEMBER && n.lhs.member.isBitField())) return false;
        String home = g.registerOf(n.lhs);
        if (home != null) {
            int mark = g.out.length();
            String v = g.gen(n.rhs);
            g.arith.convert(v, n.rhs.type, n.lhs.type);
            if (!Destinations.retargetLast(g.out, mark, v, home)) g.emit("mv\t" + home + ", " + v);
            g.pop();
            return true;
        }
        Node value = Arithmetic.stripNoOpCasts(n.rhs);
        String source = value.kind == Node.Kind.NUM && value.val == 0 ? "zero" : storedInPlace(n.rhs, n.type);
        if (source == null) return false;
        String mem = memoryOperand(n.lhs);
        if (mem != null) {
            g.storeTo(source, mem, n.type);
            return true;
        }
        Addressing.PostStep post = n.lhs.kind == Node.Kind.DEREF ? g.addr.postIncrement(n.lhs.lhs) : null;
        if (post != null) {
            g.storeTo(source, "0(" + post.home() + ")", n.type);
            step(post);
            return true;
        }
        Addressing.Place p = g.addr.place(n.lhs);
        g.storeTo(source, p.operand(), n.type);
        g.pop();
        return true;
    }

    /**
     * The register of a register local or a loop constant ({@link Codegen#constantIn}) whose
     * value, stored as {@code stored}, is what storing {@code rhs} would store; null if there
     * is none. Integer conversions to a type at least
     * as wide as the store leave the stored bytes alone (a register holds its value extended
     * as its type says, and narrowing keeps the low bytes), so {@code *p = (char) c} stores
     * c's register as it is; a conversion to _Bool or to or from a floating type does not.
     */
    private String storedInPlace(Node rhs, Type stored) {
        Node n = storedValue(rhs, stored);
        if (n == null) return null;
        String home = g.registerOf(n);
        return home != null ? home : g.constantIn(n);
    }

    /**
     * The node whose register, stored as {@code stored}, stores what storing {@code rhs}
     * would: {@code rhs} without the integer conversions {@link #storedInPlace} describes;
     * null if there is none.
     */
    static Node storedValue(Node rhs, Type stored) {
        if (!stored.isInteger() && stored.kind != Type.Kind.PTR) return null;
        Node n = rhs;
        while (n.kind == Node.Kind.CAST && integerLike(n.type) && integerLike(n.lhs.type) && n.type.size >= stored.size) n = n.lhs;
        return integerLike(n.type) ? n : null;
    }

    private static boolean integerLike(Type t) {
        return (t.isInteger() && t.kind != Type.Kind.BOOL) || t.kind == Type.Kind.PTR;
    }

    /** The memory operand of {@code n} if it needs no register: through a register pointer, or fixed. */
    private String memoryOperand(Node n) {
        String mem = g.addr.throughRegisterLocal(n);
        return mem != null ? mem : g.addr.fixedAddress(n);
    }

    private void step(Addressing.PostStep post) {
        g.emit("addi\t" + post.home() + ", " + post.home() + ", " + post.step());
    }
}
