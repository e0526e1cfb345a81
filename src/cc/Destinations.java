package cc;

import java.util.Set;

/**
 * Computing a value straight into the register that needs it. The expression stack always
 * computes into a temporary; when the value's real destination is another register (an
 * argument register, the result register, a register local) and the value is not needed
 * afterwards, the last instruction that computed it can write the destination instead, so
 * {@code i = i + 1} is {@code addi s10, s10, 1} rather than {@code addi s1, s10, 1} then
 * {@code mv s10, s1}.
 */
final class Destinations {
    /**
     * Instructions whose first operand is the register they write, and only write (not
     * fmadd, which also reads it as the addend).
     */
    private static final Set<String> WRITES_FIRST_OPERAND = Set.of(
            "add", "sub", "mul", "mulh", "mulhu", "div", "divu", "rem", "remu", "and", "or", "xor",
            "sll", "srl", "sra", "addw", "subw", "mulw", "divw", "divuw", "remw", "remuw", "sllw", "srlw",
            "sraw", "seq", "sne", "slt", "sltu", "sle", "sleu", "not", "neg", "sext.b", "sext.h", "sext.w",
            "zext.b", "zext.h", "zext.w", "addi", "muli", "andi", "ori", "xori", "slli", "srli", "srai",
            "addiw", "slliw", "srliw", "sraiw", "seqi", "snei", "slti", "sltiu", "slei", "sleiu", "li", "la",
            "mv", "lb", "lh", "lw", "ld", "lbu", "lhu", "lwu", "fadd.d", "fsub.d", "fmul.d", "fdiv.d",
            "fsqrt.d", "fneg.d", "fadd.s", "fsub.s", "fmul.s", "fdiv.s", "fsqrt.s", "fneg.s", "fcvt.s.d",
            "fcvt.d.s", "feq.d", "flt.d", "fle.d", "feq.s", "flt.s", "fle.s", "fcvt.d.l", "fcvt.d.lu",
            "fcvt.l.d", "fcvt.lu.d", "fcvt.s.l", "fcvt.s.lu", "fcvt.l.s", "fcvt.lu.s");

    private Destinations() {}

    /**
     * If the last instruction in {@code out}, emitted after text offset {@code mark}, writes
     * register {@code from}, makes it write {@code to} instead and returns true; otherwise
     * leaves {@code out} alone and returns false. The caller must not need {@code from}
     * afterwards. Only instructions after {@code mark} are touched, so an instruction of
     * some earlier expression that happens to write the same register is never changed.
     */
    static boolean retargetLast(StringBuilder out, int mark, String from, String to) {
        if (out.length() == 0 || out.charAt(out.length() - 1) != '\n') return false;
        int start = out.lastIndexOf("\n", out.length() - 2) + 1;
        if (start < mark || out.charAt(start) != '\t') return false;
        String line = out.substring(start + 1, out.length() - 1);
        int tab = line.indexOf('\t');
        if (tab < 0 || !WRITES_FIRST_OPERAND.contains(line.substring(0, tab))) return false;
        String operands = line.substring(tab + 1);
        if (!operands.startsWith(from + ",")) return false;
        out.setLength(start);
        out.append('\t').append(line, 0, tab).append('\t').append(to).append(operands.substring(from.length())).append('\n');
        return true;
    }
}
