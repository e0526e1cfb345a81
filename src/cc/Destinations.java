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
     * When the value in register {@code r}, computed after text offset {@code mark}, is the
     * result of a call that the last line copied out of a0 ({@code mv r, a0}), removes that
     * copy and returns "a0" for the caller to read instead; otherwise returns {@code r}. The
     * caller must read the value once, in the very next instruction, and never need r:
     * {@code fib(n - 1) + fib(n - 2)} adds a0 to the first result without moving the second.
     */
    static String callResultInPlace(StringBuilder out, int mark, String r) {
        String copy = "\tmv\t" + r + ", a0\n";
        int start = out.length() - copy.length();
        if (start < mark || !out.substring(start).equals(copy)) return r;
        out.setLength(start);
        return "a0";
    }

    /**
     * Folds each copy {@code mv X, Y} into the next instruction when that one computes X
     * afresh from its operands ({@link #WRITES_FIRST_OPERAND}, but not li or la, whose
     * operand is a symbol or a number): it reads Y where it read X, and the copy goes. The
     * two are equivalent whatever follows, since X ends up with the same value either way:
     * {@code mv s1, s10} then {@code zext.b s1, s1} becomes {@code zext.b s1, s10}. A
     * copy of a register to itself is dropped. Only adjacent instruction lines are joined,
     * never across a label, so no jump can land between them.
     */
    static String foldCopies(String body) {
        String[] lines = body.split("\n", -1);
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String[] copy = copy(line);
            if (copy != null && copy[0].equals(copy[1])) continue;
            if (copy != null && i + 1 < lines.length) {
                String folded = readInstead(lines[i + 1], copy[0], copy[1]);
                if (folded != null) {
                    lines[i + 1] = folded;
                    continue;
                }
            }
            out.append(line);
            if (i + 1 < lines.length) out.append('\n');
        }
        return out.toString();
    }

    /** {X, Y} if {@code line} is the instruction {@code mv X, Y}, else null. */
    private static String[] copy(String line) {
        if (!line.startsWith("\tmv\t")) return null;
        String[] ops = line.substring(4).split(", ");
        return ops.length == 2 && !ops[1].contains("#") ? ops : null;
    }

    /**
     * {@code line} reading {@code from}'s register operands from {@code to} instead, if it is
     * an instruction that writes {@code from} as its first operand without reading it
     * first; null otherwise. Registers are matched as whole operands or inside parentheses,
     * never as a symbol in an offset such as {@code s1(zero)}.
     */
    private static String readInstead(String line, String from, String to) {
        if (!line.startsWith("\t")) return null;
        int tab = line.indexOf('\t', 1);
        if (tab < 0) return null;
        String op = line.substring(1, tab);
        if (!WRITES_FIRST_OPERAND.contains(op) || op.equals("li") || op.equals("la")) return null;
        String operands = line.substring(tab + 1);
        if (!operands.startsWith(from + ", ") || operands.contains("#")) return null;
        String sources = operands.substring(from.length() + 2);
        String replaced = sources.replaceAll("(?<=^|, |\\()" + java.util.regex.Pattern.quote(from) + "(?=$|,|\\))", to);
        return line.substring(0, tab + 1) + from + ", " + replaced;
    }

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
