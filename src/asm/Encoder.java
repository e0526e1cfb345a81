package asm;

import obj.Relocation;
import obj.Section;
import vm.Isa;

import java.util.List;

/**
 * Stage 3: checks an instruction's operands against its shape in {@link Isa} and emits the
 * 8-byte instruction word (two words for a 64-bit {@code li}), with a relocation when an
 * immediate holds an address only the linker knows.
 *
 * <p>Pseudo-instructions (docs/isa.md) are rewritten into the one real instruction they
 * stand for: {@code mv}, {@code la}, {@code j}, {@code call}, {@code jr}, {@code callr},
 * {@code ret}; {@code li} grows into {@code li} + {@code lih} when its constant needs more
 * than 32 bits.
 */
final class Encoder {
    private Encoder() {}

    /** The pseudo-instructions, for "unknown instruction" suggestions. */
    static final List<String> PSEUDOS = List.of("mv", "la", "j", "call", "jr", "callr", "ret");

    /** Assembles instruction statement {@code st} into the current section of {@code p}. */
    static void encode(Pass p, Statement st) {
        String name = st.name();
        int op = Isa.opcode(name);
        if (op < 0 && !name.equals("li") && !PSEUDOS.contains(name)) {
            throw new AsmError(st.op, "unknown instruction '" + st.op.text + "'" + Suggest.mnemonic(name));
        }
        if (p.section() != Section.Kind.TEXT) {
            throw new AsmError(st.op, "instructions belong in .text, not in " + p.section().sectionName());
        }
        if (p.offset() % Isa.INSN_BYTES != 0) {
            throw new AsmError(st.op, "instruction at offset " + p.offset() + " is not 8-byte aligned; add '.align 8' before it");
        }
        List<Operand> ops = st.operands;
        switch (name) {
            case "mv":
                count(st, 2, "rd, rs");
                emit(p, Isa.ADDI, reg(ops.get(0)), reg(ops.get(1)), 0, 0);
                return;
            case "j":
            case "call":
                count(st, 1, "target");
                emit(p, Isa.JAL, name.equals("j") ? Isa.ZERO : Isa.RA, 0, 0, target(p, ops.get(0)));
                return;
            case "jr":
            case "callr":
                count(st, 1, "rs");
                emit(p, Isa.JALR, name.equals("jr") ? Isa.ZERO : Isa.RA, reg(ops.get(0)), 0, 0);
                return;
            case "ret":
                count(st, 0, "");
                emit(p, Isa.JALR, Isa.ZERO, Isa.RA, 0, 0);
                return;
            case "li":
            case "la":
                count(st, 2, name.equals("li") ? "rd, imm" : "rd, symbol");
                loadImmediate(p, st, reg(ops.get(0)), ops.get(1));
                return;
            default:
                break;
        }
        switch (Isa.format(op)) {
            case Isa.F_NONE:
                count(st, 0, "");
                emit(p, op, 0, 0, 0, 0);
                break;
            case Isa.F_RRR:
                count(st, 3, "rd, rs1, rs2");
                emit(p, op, reg(ops.get(0)), reg(ops.get(1)), reg(ops.get(2)), 0);
                break;
            case Isa.F_RR:
                count(st, 2, "rd, rs1");
                emit(p, op, reg(ops.get(0)), reg(ops.get(1)), 0, 0);
                break;
            case Isa.F_RRI: {
                count(st, 3, "rd, rs1, imm");
                int rd = reg(ops.get(0)), rs1 = reg(ops.get(1));
                int imm = isShift(op) ? shiftCount(p, op, ops.get(2)) : immediate(p, value(ops.get(2)));
                emit(p, op, rd, rs1, 0, imm);
                break;
            }
            case Isa.F_RI: {
                // Only lih gets here: li is handled above. Its immediate is the raw high half.
                count(st, 2, "rd, imm");
                int rd = reg(ops.get(0));
                Expr e = value(ops.get(1));
                long v = p.constant(e, "the high half in 'lih'");
                if (v < Integer.MIN_VALUE || v > 0xFFFFFFFFL) {
                    throw new AsmError(e.start(), "value " + v + " does not fit in 32 bits (lih sets bits 32..63)");
                }
                emit(p, op, rd, 0, 0, (int) v);
                break;
            }
            case Isa.F_LOAD: {
                count(st, 2, "rd, offset(rs1)");
                int rd = reg(ops.get(0));
                Operand m = mem(ops.get(1));
                emit(p, op, rd, m.reg, 0, offset(p, m));
                break;
            }
            case Isa.F_STORE: {
                count(st, 2, "rs2, offset(rs1)");
                int rs2 = reg(ops.get(0));
                Operand m = mem(ops.get(1));
                emit(p, op, 0, m.reg, rs2, offset(p, m));
                break;
            }
            case Isa.F_BRANCH:
                count(st, 3, "rs1, rs2, target");
                emit(p, op, 0, reg(ops.get(0)), reg(ops.get(1)), target(p, ops.get(2)));
                break;
            case Isa.F_RTARGET:
                count(st, 2, "rd, target");
                emit(p, op, reg(ops.get(0)), 0, 0, target(p, ops.get(1)));
                break;
            case Isa.F_ATOMIC: {
                count(st, 3, "rd, rs2, offset(rs1)");
                int rd = reg(ops.get(0)), rs2 = reg(ops.get(1));
                Operand m = mem(ops.get(2));
                emit(p, op, rd, m.reg, rs2, offset(p, m));
                break;
            }
            default:
                throw new AsmError(st.op, "internal error: no encoder for '" + name + "'");
        }
    }

    private static void emit(Pass p, int op, int rd, int rs1, int rs2, int imm) {
        p.emit(Isa.encode(op, rd, rs1, rs2, imm), Isa.INSN_BYTES);
    }

    /**
     * {@code li rd, value}: one {@code li} if the value fits in 32 signed bits or is an
     * address (the linker fills it in, see Relocation.ABS32), else {@code li} of the low half
     * and {@code lih} of the high half. Pass 1 decides the size and pass 2 keeps it.
     */
    private static void loadImmediate(Pass p, Statement st, int rd, Operand src) {
        Expr e = value(src);
        Value v = p.eval(e);
        boolean fits = !v.isConstant() || fitsInt32(v.addend);
        if (p.isFirst()) st.wideLi = !fits;
        if (!st.wideLi) {
            if (!fits) {
                throw new AsmError(e.start(), "'li' of " + v.addend + " needs two instructions, but its value is only"
                        + " known further down; define the constant before this line");
            }
            emit(p, Isa.LI, rd, 0, 0, immediate(p, e, v));
        } else {
            emit(p, Isa.LI, rd, 0, 0, (int) v.addend);
            emit(p, Isa.LIH, rd, 0, 0, (int) (v.addend >>> 32));
        }
    }

    static boolean fitsInt32(long v) {
        return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
    }

    /** Wrong operand count: point at the first extra operand, or at the mnemonic if some are missing. */
    private static void count(Statement st, int n, String shape) {
        int got = st.operands.size();
        if (got == n) return;
        String expects = n == 0 ? "takes no operands" : "expects " + n + (n == 1 ? " operand" : " operands") + " (" + shape + ")";
        Token where = got > n ? st.operands.get(n).tok : st.op;
        throw new AsmError(where, "'" + st.op.text + "' " + expects + ", but " + got + (got == 1 ? " was" : " were") + " given");
    }

    private static int reg(Operand o) {
        if (o.kind == Operand.Kind.REG) return o.reg;
        String name = o.name();
        if (name != null) throw new AsmError(o.tok, "unknown register '" + name + "'");
        throw new AsmError(o.tok, "expected a register, found " + describe(o));
    }

    private static Expr value(Operand o) {
        if (o.isExpr()) return o.asExpr();
        throw new AsmError(o.tok, "expected a value, found " + describe(o));
    }

    private static Operand mem(Operand o) {
        if (o.kind == Operand.Kind.MEM) return o;
        throw new AsmError(o.tok, "expected a memory operand such as 8(sp), found " + describe(o));
    }

    private static String describe(Operand o) {
        switch (o.kind) {
            case REG: return "register '" + o.tok.text + "'";
            case MEM: return "a memory operand";
            case STRING: return "a string";
            default: return "an expression";
        }
    }

    /** A signed 32-bit immediate; an address becomes an ABS32 relocation on bytes 4..7. */
    private static int immediate(Pass p, Expr e) {
        return immediate(p, e, p.eval(e));
    }

    private static int immediate(Pass p, Expr e, Value v) {
        if (v.unknown) return 0;
        if (!v.isConstant()) {
            p.relocate(p.offset() + 4, Relocation.Type.ABS32, v, e.start());
            return 0;
        }
        if (!fitsInt32(v.addend)) {
            throw new AsmError(e.start(), "immediate " + v.addend + " does not fit in a signed 32-bit field"
                    + " (-2147483648..2147483647)");
        }
        return (int) v.addend;
    }

    private static int offset(Pass p, Operand m) {
        return m.expr == null ? 0 : immediate(p, m.expr);
    }

    static boolean isShift(int op) {
        return op == Isa.SLLI || op == Isa.SRLI || op == Isa.SRAI
                || op == Isa.SLLIW || op == Isa.SRLIW || op == Isa.SRAIW;
    }

    private static int shiftCount(Pass p, int op, Operand o) {
        Expr e = value(o);
        long v = p.constant(e, "a shift count");
        int max = op >= Isa.SLLIW ? 31 : 63;
        if (v < 0 || v > max) throw new AsmError(e.start(), "shift count " + v + " is out of range 0.." + max);
        return (int) v;
    }

    /**
     * A branch, jal or addpc target, encoded relative to this instruction. A target in the
     * same section is resolved here, since the distance never changes when the linker
     * moves the section; anything else becomes a PCREL32 relocation.
     */
    private static int target(Pass p, Operand o) {
        Expr e = value(o);
        Value v = p.eval(e);
        if (v.unknown) return 0;
        if (v.isConstant()) {
            throw new AsmError(e.start(), "a branch target must be a label, not the number " + v.addend
                    + " (write .+" + v.addend + " for an offset from this instruction)");
        }
        long here = p.offset();
        if (v.section == p.section()) {
            long delta = v.sectionOffset() - here;
            if (!fitsInt32(delta)) throw new AsmError(e.start(), "branch target is too far away");
            return (int) delta;
        }
        p.relocate(here + 4, Relocation.Type.PCREL32, v, e.start());
        return 0;
    }
}
