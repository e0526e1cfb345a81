package obj;

/**
 * A place in a section whose bytes the linker must fill in once symbol addresses are known.
 *
 * <p>{@code offset} is the byte offset, inside {@code section}, of the field to patch. With
 * S the symbol's final address, A the addend and P the address of the instruction holding
 * the field (the field's own address minus 4, since immediates sit in bytes 4..7):
 * <ul>
 *   <li>{@link Type#ABS64}: the 8 bytes at the field become S + A (data: {@code .quad sym}).</li>
 *   <li>{@link Type#ABS32}: the 4 bytes become S + A, which must fit in a signed 32-bit
 *       value ({@code li rd, sym}, {@code .word sym}).</li>
 *   <li>{@link Type#PCREL32}: the 4 bytes become S + A - P, which must fit in 32 bits
 *       (branches, {@code jal}, {@code addpc}).</li>
 *   <li>{@link Type#TPOFF32}: the 4 bytes become the offset of S + A from the thread
 *       pointer, a negative number: S + A - (the TLS template's address + the TLS block
 *       size), for a symbol in .tdata or .tbss ({@code addi rd, tp, %tpoff(x)}; x86-64's
 *       R_X86_64_TPOFF32).</li>
 * </ul>
 */
public final class Relocation {
    /** The kinds of field; their order is part of the object format. */
    public enum Type { ABS64, ABS32, PCREL32, TPOFF32 }

    public final Section.Kind section;
    public final long offset;
    public final Type type;
    public final String symbol;
    public final long addend;

    /** A field at {@code offset} in {@code section} to be filled with {@code symbol + addend} per {@code type}. */
    public Relocation(Section.Kind section, long offset, Type type, String symbol, long addend) {
        this.section = section;
        this.offset = offset;
        this.type = type;
        this.symbol = symbol;
        this.addend = addend;
    }

    /** The field's value as assembly source writes it: "sym+4", or "%tpoff(sym+4)" for TPOFF32. */
    public String target() {
        String s = addend == 0 ? symbol
                : symbol + (addend > 0 ? "+" : "-") + (addend == Long.MIN_VALUE ? "9223372036854775808" : Long.toString(Math.abs(addend)));
        return type == Type.TPOFF32 ? "%tpoff(" + s + ")" : s;
    }

    @Override
    public String toString() {
        return section.sectionName() + "+" + offset + " " + type + " " + symbol + (addend >= 0 ? "+" : "") + addend;
    }
}
