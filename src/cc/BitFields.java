package cc;

/**
 * Code for reading and writing bit-fields. A bit-field lives in a unit of its declared
 * type's size at the member's offset; reading loads the unit and shifts the field to the
 * bottom (sign-extending for a signed field), writing loads the unit, replaces the field's
 * bits and stores the unit back.
 */
final class BitFields {
    private BitFields() {}

    /** Evaluates bit-field member {@code n} into a new register. */
    static String read(Codegen g, Node n) {
        Type.Member m = n.member;
        String fixed = g.addr.fixedAddress(n);
        String r;
        String mem;
        if (fixed != null) {
            r = g.push(n.tok);
            mem = fixed;
        } else {
            Addressing.Place p = g.addr.place(n);
            r = p.reg();
            mem = p.operand();
        }
        g.loadFrom(r, mem, unsignedOf(m.type));
        g.emit("slli\t" + r + ", " + r + ", " + (64 - m.bitOffset - m.bitWidth));
        g.emit((m.type.unsigned ? "srli\t" : "srai\t") + r + ", " + r + ", " + (64 - m.bitWidth));
        return r;
    }

    /**
     * Stores the value in register {@code v} into bit-field {@code target}; afterwards
     * {@code v} holds the value the field now has (the assignment's value).
     */
    static void write(Codegen g, String v, Node target) {
        Type.Member m = target.member;
        String fixed = g.addr.fixedAddress(target);
        Addressing.Place p = fixed == null ? g.addr.place(target) : null;
        String mem = fixed != null ? fixed : p.operand();
        long fieldMask = m.bitWidth == 64 ? -1L : ((1L << m.bitWidth) - 1) << m.bitOffset;
        g.emit("slli\tt1, " + v + ", " + (64 - m.bitWidth));
        g.emit("srli\tt1, t1, " + (64 - m.bitWidth - m.bitOffset));
        g.emit("li\tt2, " + ~fieldMask);
        g.loadFrom("t0", mem, unsignedOf(m.type));
        g.emit("and\tt0, t0, t2");
        g.emit("or\tt0, t0, t1");
        g.storeTo("t0", mem, m.type);
        g.emit("slli\t" + v + ", " + v + ", " + (64 - m.bitWidth));
        g.emit((m.type.unsigned ? "srli\t" : "srai\t") + v + ", " + v + ", " + (64 - m.bitWidth));
        if (p != null) g.pop();
    }

    /** The unsigned integer type of {@code t}'s size, for loading a whole unit. */
    private static Type unsignedOf(Type t) {
        return switch (t.size) {
            case 1 -> Type.UCHAR;
            case 2 -> Type.USHORT;
            case 4 -> Type.UINT;
            default -> Type.ULONG;
        };
    }
}
