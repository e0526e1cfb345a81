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
        if (n.kind != Node.Kind.VAR || g.registerOf(n.var) != null) return null;
        if (n.var.isLocal) return (n.var.offset + offset) + "(" + g.frameBase + ")";
        if (n.var.isThreadLocal) return tpOffset(n.var, offset) + "(tp)";
        return n.var.name + (offset != 0 ? "+" + offset : "") + "(zero)";
    }

    /**
     * The offset from tp of thread-local {@code v} plus {@code offset}, "%tpoff(x+8)": the
     * calling thread's copy lies in its TLS block just below tp, at a distance only the
     * linker knows (Relocation.Type.TPOFF32).
     */
    static String tpOffset(Obj v, long offset) {
        return "%tpoff(" + v.name + (offset != 0 ? "+" + offset : "") + ")";
    }

    /**
     * The memory operand of an lvalue reached through a pointer that is a register local,
     * as in {@code *p}, {@code p[2]} or {@code p->next} ("16(s10)"): no register needs to be
     * taken for the address. Null for anything else.
     */
    String throughRegisterLocal(Node n) {
        long offset = 0;
        while (n.kind == Node.Kind.MEMBER) {
            offset += n.member.offset;
            n = n.lhs;
        }
        if (n.kind != Node.Kind.DEREF) return null;
        Node x = n.lhs;
        String global = globalElement(x, offset);
        if (global != null) return global;
        if ((x.kind == Node.Kind.ADD || x.kind == Node.Kind.SUB) && x.type.kind == Type.Kind.PTR
                && x.rhs.kind == Node.Kind.NUM && Math.abs(x.rhs.val) < (1L << 30)) {
            offset += x.kind == Node.Kind.ADD ? x.rhs.val : -x.rhs.val;
            x = x.lhs;
        }
        String home = g.registerOf(Arithmetic.stripNoOpCasts(x));
        if (home == null || Math.abs(offset) >= (1L << 31) - 1) return null;
        return offset + "(" + home + ")";
    }

    /** A register local pointer {@code home} that is stepped by {@code step} after its use. */
    record PostStep(String home, long step) {}

    /**
     * If {@code x} is {@code p++} or {@code p--} for a register local pointer {@code p}
     * (parsed as {@code (p = p + step) - step}), where {@code *p++} can use {@code p}'s
     * register as the address and then step it; otherwise null.
     */
    PostStep postIncrement(Node x) {
        x = Arithmetic.stripNoOpCasts(x);
        if ((x.kind != Node.Kind.ADD && x.kind != Node.Kind.SUB) || x.rhs.kind != Node.Kind.NUM) return null;
        Node assign = Arithmetic.stripNoOpCasts(x.lhs);
        if (assign.kind != Node.Kind.ASSIGN || assign.type.kind != Type.Kind.PTR) return null;
        String home = g.registerOf(assign.lhs);
        Node sum = Arithmetic.stripNoOpCasts(assign.rhs);
        if (home == null || (sum.kind != Node.Kind.ADD && sum.kind != Node.Kind.SUB) || sum.rhs.kind != Node.Kind.NUM) return null;
        if (!home.equals(g.registerOf(Arithmetic.stripNoOpCasts(sum.lhs)))) return null;
        long step = sum.kind == Node.Kind.ADD ? sum.rhs.val : -sum.rhs.val;
        long undo = x.kind == Node.Kind.ADD ? x.rhs.val : -x.rhs.val;
        if (step + undo != 0 || Math.abs(step) >= (1L << 31)) return null;
        return new PostStep(home, step);
    }

    /**
     * The operand of {@code table[i]} for a global byte array {@code table} and a register
     * local {@code i} ("table+8(s9)"), or null for any other pointer {@code x}.
     */
    private String globalElement(Node x, long offset) {
        if (x.kind != Node.Kind.ADD || x.type.kind != Type.Kind.PTR) return null;
        Node array = decayedArray(x.lhs);
        String fixed = array == null ? null : fixedAddress(array);
        if (fixed == null || !fixed.endsWith("(zero)")) return null;
        Node index = Arithmetic.stripNoOpCasts(x.rhs);
        if (index.kind == Node.Kind.MUL && index.rhs.kind == Node.Kind.NUM && index.rhs.val == 1) {
            index = Arithmetic.stripNoOpCasts(index.lhs);
        }
        String home = g.registerOf(index);
        if (home == null) return null;
        Node base = array;
        while (base.kind == Node.Kind.MEMBER) {
            offset += base.member.offset;
            base = base.lhs;
        }
        return new Place(home, offset, base.var.name).operand();
    }

    /**
     * True if {@code n} is a value that {@link #genSimple} can put straight into any
     * register: a constant, a scalar variable (or member of one), or the address of one.
     */
    boolean isSimple(Node n) {
        n = Arithmetic.stripNoOpCasts(n);
        if (n.kind == Node.Kind.NUM) return true;
        if (n.kind == Node.Kind.MEMBER && n.member.isBitField()) return false;
        if (g.registerOf(n) != null) return true;
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
        String home = g.registerOf(n);
        if (home != null) {
            g.emit("mv\t" + reg + ", " + home);
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
        if (mem.endsWith("(zero)")) g.emit("la\t" + reg + ", " + offset);
        else g.emit("addi\t" + reg + ", " + mem.substring(open + 1, mem.length() - 1) + ", " + offset);
    }

    /** The object whose address {@code n} is ({@code &x}, an array or function name), if fixed. */
    private Node addressTarget(Node n) {
        Node x = null;
        if (n.kind == Node.Kind.ADDR) x = n.lhs;
        else if (n.kind == Node.Kind.CAST && n.type.kind == Type.Kind.PTR && n.lhs.type.kind == Type.Kind.ARRAY) x = n.lhs;
        return x != null && fixedAddress(x) != null ? x : null;
    }

    /**
     * An address as a register (on the register stack) plus a constant offset, plus the
     * address of global {@code symbol} if that is not null: {@code a[i]} for a global array
     * {@code a} is {@code a+0(i)} with the scaled index in the register, and the linker fills
     * in the symbol (programs are linked below 2 GiB, so any address fits the offset field).
     */
    record Place(String reg, long offset, String symbol) {
        Place(String reg, long offset) {
            this(reg, offset, null);
        }

        /** The constant part of the address: {@code 8}, {@code table}, {@code table+8}. */
        String displacement() {
            if (symbol == null) return Long.toString(offset);
            return offset == 0 ? symbol : offset > 0 ? symbol + "+" + offset : symbol + offset;
        }

        /** The memory operand, {@code offset(reg)}. */
        String operand() {
            return displacement() + "(" + reg + ")";
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
                Node array = x.kind == Node.Kind.ADD && x.type.kind == Type.Kind.PTR ? decayedArray(x.lhs) : null;
                if (array != null) return indexed(array, x.rhs);
                return new Place(g.gen(x), 0);
            }
            case MEMBER -> {
                Place p = place(n.lhs);
                return new Place(p.reg, p.offset + n.member.offset, p.symbol);
            }
            case VAR -> {
                String r = g.push(n.tok);
                if (n.var.isLocal) g.emit("addi\t" + r + ", " + g.frameBase + ", " + n.var.offset);
                else if (n.var.isThreadLocal) g.emit("addi\t" + r + ", tp, " + tpOffset(n.var, 0));
                else g.emit("la\t" + r + ", " + n.var.name);
                return new Place(r, 0);
            }
            default -> {
                if (n.type.isAggregate()) return new Place(g.gen(n), 0);
                throw new IllegalStateException("not an lvalue: " + n.kind);
            }
        }
    }

    /** The array lvalue that pointer {@code n} is the decayed address of, or null. */
    private static Node decayedArray(Node n) {
        if (n.kind != Node.Kind.CAST || n.type.kind != Type.Kind.PTR || n.lhs.type.kind != Type.Kind.ARRAY) return null;
        Node a = n.lhs;
        boolean lvalue = a.kind == Node.Kind.VAR || a.kind == Node.Kind.DEREF || (a.kind == Node.Kind.MEMBER && !a.member.isBitField());
        return lvalue ? a : null;
    }

    /**
     * Where element {@code array + scaledIndex} is ({@code scaledIndex} already multiplied by
     * the element size): the array's own place with the index added to its register, so
     * the array's constant part (a frame offset, a global's symbol, member offsets) stays
     * in the displacement. For {@code a[i][j]} this is one add per index and no address
     * arithmetic for {@code a} itself.
     */
    private Place indexed(Node array, Node scaledIndex) {
        String fixed = fixedAddress(array);
        if (fixed != null) {
            String r = g.gen(scaledIndex);
            Node base = array;
            long offset = 0;
            while (base.kind == Node.Kind.MEMBER) {
                offset += base.member.offset;
                base = base.lhs;
            }
            if (base.var.isThreadLocal) {
                g.emit("add\t" + r + ", " + r + ", tp");
                g.emit("addi\t" + r + ", " + r + ", " + tpOffset(base.var, offset));
                return new Place(r, 0);
            }
            if (!base.var.isLocal) return new Place(r, offset, base.var.name);
            g.emit("add\t" + r + ", " + r + ", " + g.frameBase);
            return new Place(r, base.var.offset + offset);
        }
        Place p = place(array);
        String home = g.registerOf(Arithmetic.operand(scaledIndex));
        if (home != null) {
            // An index in a register local is added where it lives.
            g.emit("add\t" + p.reg + ", " + p.reg + ", " + home);
            return p;
        }
        String r = g.gen(scaledIndex);
        g.emit("add\t" + p.reg + ", " + p.reg + ", " + r);
        g.pop();
        return p;
    }

    /** Evaluates the address of an lvalue (or of a struct-valued expression) into a new register. */
    String genAddr(Node n) {
        Place p = place(n);
        if (p.symbol != null || p.offset != 0) g.emit("addi\t" + p.reg + ", " + p.reg + ", " + p.displacement());
        return p.reg;
    }
}
