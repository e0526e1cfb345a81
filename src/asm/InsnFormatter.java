package asm;

import vm.Isa;

/**
 * Turns one instruction word into assembler text, the inverse of {@link Encoder}.
 *
 * <p>The output is always valid assembler input: mnemonic, a tab, operands separated by
 * ", ". Words that are exactly a pseudo-instruction print as the pseudo ({@code mv},
 * {@code j}, {@code call}, {@code jr}, {@code callr}, {@code ret}). How a branch target or a
 * relocated field reads depends on the caller (an address with {@code <sym+off>} in a
 * listing, a label in re-assemblable output), so that is left to a {@link Style}.
 */
final class InsnFormatter {
    private InsnFormatter() {}

    /** How the parts that depend on context are written. */
    interface Style {
        /** The text for the target of the branch at {@code pc} that goes to {@code target}. */
        String target(long pc, long target);

        /** A comment to append after {@code li rd, value} (with its leading tab), or "". */
        default String liComment(long value) {
            return "";
        }

        /**
         * True if only what the assembler accepts may be printed. A shift by an immediate of
         * 64 or more is legal (the CPU masks the count) but the assembler rejects it as a
         * likely mistake, so re-assemblable output must write such a word as data.
         */
        default boolean strict() {
            return false;
        }
    }

    /**
     * Formats {@code word}, the instruction at {@code pc}. If {@code symbolic} is not null it
     * replaces the immediate field (a relocation: "msg+4"). Returns null for an illegal word.
     */
    static String format(long word, long pc, Style style, String symbolic) {
        if (!Isa.isLegal(word)) return null;
        int op = Isa.op(word), rd = Isa.rd(word), rs1 = Isa.rs1(word), rs2 = Isa.rs2(word), imm = Isa.imm(word);
        String m = Isa.mnemonic(op);
        String immText = symbolic != null ? symbolic : Integer.toString(imm);
        switch (Isa.format(op)) {
            case Isa.F_NONE:
                return m;
            case Isa.F_RRR:
                return m + "\t" + r(rd) + ", " + r(rs1) + ", " + r(rs2);
            case Isa.F_RR:
                return m + "\t" + r(rd) + ", " + r(rs1);
            case Isa.F_RRI:
                if (style.strict() && Encoder.isShift(op) && (imm < 0 || imm > (op >= Isa.SLLIW ? 31 : 63))) return null;
                if (op == Isa.ADDI && imm == 0 && symbolic == null) return "mv\t" + r(rd) + ", " + r(rs1);
                return m + "\t" + r(rd) + ", " + r(rs1) + ", " + immText;
            case Isa.F_RI:
                if (op == Isa.LI && symbolic != null) return "la\t" + r(rd) + ", " + symbolic;
                return m + "\t" + r(rd) + ", " + immText + (op == Isa.LI && symbolic == null ? style.liComment(imm) : "");
            case Isa.F_LOAD:
                if (op == Isa.JALR && imm == 0 && symbolic == null) {
                    if (rd == Isa.ZERO && rs1 == Isa.RA) return "ret";
                    if (rd == Isa.ZERO) return "jr\t" + r(rs1);
                    if (rd == Isa.RA) return "callr\t" + r(rs1);
                }
                return m + "\t" + r(rd) + ", " + immText + "(" + r(rs1) + ")";
            case Isa.F_STORE:
                return m + "\t" + r(rs2) + ", " + immText + "(" + r(rs1) + ")";
            case Isa.F_BRANCH:
                return m + "\t" + r(rs1) + ", " + r(rs2) + ", " + target(style, pc, imm, symbolic);
            case Isa.F_RTARGET: {
                String t = target(style, pc, imm, symbolic);
                if (op == Isa.JAL && rd == Isa.ZERO) return "j\t" + t;
                if (op == Isa.JAL && rd == Isa.RA) return "call\t" + t;
                return m + "\t" + r(rd) + ", " + t;
            }
            case Isa.F_ATOMIC:
                return m + "\t" + r(rd) + ", " + r(rs2) + ", " + immText + "(" + r(rs1) + ")";
            default:
                return null;
        }
    }

    private static String target(Style style, long pc, int imm, String symbolic) {
        return symbolic != null ? symbolic : style.target(pc, pc + imm);
    }

    private static String r(int reg) {
        return Isa.regName(reg);
    }

    /** How an illegal word is written: as data, which re-assembles to the same bytes. */
    static String quad(long word) {
        return String.format(".quad\t0x%016x", word);
    }

    /** "sym", "sym+8" or "sym-8": a symbol and an addend in assembler syntax. */
    static String symbolPlus(String symbol, long addend) {
        if (addend == 0) return symbol;
        return symbol + (addend > 0 ? "+" : "-") + (addend == Long.MIN_VALUE ? "9223372036854775808" : Long.toString(Math.abs(addend)));
    }
}
