package cc;

/**
 * Where lvalues are: the addressing side of code generation. A local or global variable
 * (or a member of one) has a fixed address that an instruction can use directly
 * ({@code lw s1, -24(fp)}, {@code ld s1, counter(zero)}); anything else is a register plus
 * a constant offset, so {@code p->x} and {@code a[3]} need no separate add.
 */
final class Addressing {
    private final Codegen g;

    Addressing(Codegen g) {
        this.g = g;
    }

    /**
     * The memory operand of an object whose address is known without computing anything:
     * a local ("-24(fp)"), a global ("counter+8(zero)", an absolute address the linker
     * fills in), or a member of one of those. Null for anything reached through a pointer.
     */
    String fixedAddress(Node n) {
        long offset = 0;
        while (n.kind == Node.Kind.MEMBER) {
            offset += n.member.offset;
            n = n.lhs;
        }
        if (n.kind != Node.Kind.VAR) return null;
        if (n.var.isLocal) return (n.var.offset + offset) + "(fp)";
        return n.var.name + (offset != 0 ? "+" + offset : "") + "(zero)";
    }

    /**
     * True if {@code n} is a value that {@link #genSimple} can put straight into any
     * register: a constant, a scalar variable (or member of one), or the address of one.
     */
    boolean isSimple(Node n) {
        n = Arithmetic.stripNoOpCasts(n);
        if (n.kind == Node.Kind.NUM) return true;
        if (n.kind == Node.Kind.MEMBER && n.member.isBitField()) return false;
        if (n.type.isScalar() && fixedAddress(n) != null) return true;
        return addressTarget(n) != null;
    }

    /** Emits simple value {@code n} (see {@link #isSimple}) into {@code reg}. */
    void genSimple(String reg, Node n) {
        n = Arithmetic.stripNoOpCasts(n);
        if (n.kind == Node.Kind.NUM) {
            g.emit("li\t" + reg + ", " + n.val);
            return;
        }
        Node target = addressTarget(n);
        if (target == null) {
            g.loadFrom(reg, fixedAddress(n), n.type);
            return;
        }
        String mem = fixedAddress(target);
        int open = mem.lastIndexOf('(');
        String offset = mem.substring(0, open);
        if (mem.endsWith("(fp)")) g.emit("addi\t" + reg + ", fp, " + offset);
        else g.emit("la\t" + reg + ", " + offset);
    }

    /** The object whose address {@code n} is ({@code &x}, an array or function name), if fixed. */
    private Node addressTarget(Node n) {
        Node x = null;
        if (n.kind == Node.Kind.ADDR) x = n.lhs;
        else if (n.kind == Node.Kind.CAST && n.type.kind == Type.Kind.PTR && n.lhs.type.kind == Type.Kind.ARRAY) x = n.lhs;
        return x != null && fixedAddress(x) != null ? x : null;
    }

    /** An address as a register (on the register stack) plus a constant offset. */
    record Place(String reg, long offset) {
        /** The memory operand, {@code offset(reg)}. */
        String operand() {
            return offset + "(" + reg + ")";
        }
    }

    /**
     * Computes where lvalue {@code n} is, folding member offsets and constant indexes into
     * the offset so that {@code p->x} or {@code a[3]} need no extra add.
     */
    Place place(Node n) {
        switch (n.kind) {
            case DEREF -> {
                Node x = n.lhs;
                if ((x.kind == Node.Kind.ADD || x.kind == Node.Kind.SUB) && x.type.kind == Type.Kind.PTR
                        && x.rhs.kind == Node.Kind.NUM && Math.abs(x.rhs.val) < (1L << 30)) {
                    return new Place(g.gen(x.lhs), x.kind == Node.Kind.ADD ? x.rhs.val : -x.rhs.val);
                }
                return new Place(g.gen(x), 0);
            }
            case MEMBER -> {
                Place p = place(n.lhs);
                return new Place(p.reg, p.offset + n.member.offset);
            }
            case VAR -> {
                String r = g.push(n.tok);
                if (n.var.isLocal) g.emit("addi\t" + r + ", fp, " + n.var.offset);
                else g.emit("la\t" + r + ", " + n.var.name);
                return new Place(r, 0);
            }
            default -> {
                if (n.type.isAggregate()) return new Place(g.gen(n), 0);
                throw new IllegalStateException("not an lvalue: " + n.kind);
            }
        }
    }

    /** Evaluates the address of an lvalue (or of a struct-valued expression) into a new register. */
    String genAddr(Node n) {
        Place p = place(n);
        if (p.offset != 0) g.emit("addi\t" + p.reg + ", " + p.reg + ", " + p.offset);
        return p.reg;
    }
}
