package vm;

import static org.objectweb.asm.Opcodes.*;
import static vm.Isa.*;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * The bytecode of single instructions, for {@link JitTranslator}, which lays out a region's
 * blocks and the control flow between them: what {@code Cpu.interpret} does for each word,
 * with the operands as constants and no dispatch, the same TLB arrays and MMU slow paths.
 *
 * <p>The guest registers a region uses live in JVM locals while it runs (HotSpot keeps them in
 * machine registers), loaded from the CPU's array on entry; every exit goes through one
 * epilogue that stores those it writes back. Writes to r0 are not emitted at all (r0 stays 0
 * in the array), but a load into r0 still accesses memory, since it may fault. Loads and
 * stores that hit the TLB are inline, exactly like the interpreter's fast path; their slow
 * paths (MMU calls) and the exits of trapping instructions are collected in
 * {@link #outOfLine} and placed after the straight-line code, so that the hot path is
 * contiguous.
 */
abstract class JitEmitter {
    static final String REGION = Type.getInternalName(JitRegion.class);
    static final String CPU = Type.getInternalName(Cpu.class);
    static final String MMU = Type.getInternalName(Mmu.class);
    static final String TLB = Type.getInternalName(Tlb.class);
    static final String TRAP_CAUSE = Type.getInternalName(TrapCause.class);

    // Local variable slots of execute(Cpu cpu, byte[] code, int room). LEFT is the room left
    // before the current block: one local, counted down, both tests the room at a block's
    // entry and gives the count done at an exit (ROOM - LEFT).
    static final int CPU_ = 1, CODE = 2, ROOM = 3, X = 4, READ_TAG = 5, WRITE_TAG = 6, DATA_PAGE = 7;
    static final int ADDR = 8, SLOT = 10, OFF = 11, VALUE = 12, TMP = 14, LEFT = 15;
    /** Register r lives in the two slots from REGS + 2r while the region runs. */
    static final int REGS = 16;
    /** The count of the current block an exit returns, for the shared epilogue. */
    static final int RESULT = REGS + 2 * NREGS;
    // The frames' little-endian views (JitRegion.I16 ...), used directly rather than through
    // helper methods, so that HotSpot's inlining budget for a large method is not spent on them.
    private static final String VAR_HANDLE = "java/lang/invoke/VarHandle", VAR_HANDLE_DESC = "L" + VAR_HANDLE + ";";
    private static final String[] VIEW = {null, null, "I16", null, "I32", null, null, null, "I64"};
    private static final String[] VALUE_DESC = {null, "B", "S", null, "I", null, null, null, "J"};

    /** For {@code end}: no last opcode before the register store. */
    static final int NONE = -1;

    final MethodVisitor mv;
    /** Code emitted after the straight-line path: slow paths and trap exits. */
    final List<Runnable> outOfLine = new ArrayList<>();
    /** The registers the region uses, and those it writes (r0 never). */
    final boolean[] used = new boolean[NREGS], written = new boolean[NREGS];
    /** The exits' shared end: write the registers back, return ROOM - LEFT + RESULT. */
    final Label epilogue = new Label();
    /** The register a write begun by {@link #begin} goes to. */
    private int target;

    /** An emitter into {@code mv} for code made of {@code words}. */
    JitEmitter(MethodVisitor mv, long[] words) {
        this.mv = mv;
        // Fields an instruction does not use are zero in a legal word, so every non-zero
        // field names a register it uses, and rd one it writes.
        for (long w : words) {
            used[rd(w)] = used[rs1(w)] = used[rs2(w)] = written[rd(w)] = true;
        }
        used[0] = written[0] = false;
    }

    /**
     * Emits the instruction {@code w} at {@code pc}, instruction k of its block (so k
     * instructions of the block are done if it traps), unless it ends blocks: then it emits
     * nothing and returns false, and the translator emits it as control flow.
     */
    final boolean instruction(long w, long pc, int k) {
        int op = op(w), rd = rd(w), rs1 = rs1(w), rs2 = rs2(w), imm = imm(w);
        if (JitRegionPlan.endsBlock(op)) return false;
        switch (op) {
            case FENCE: case Isa.NOP:
                return true;

            case ADD: rrr(rd, rs1, rs2, LADD); return true;
            case SUB: rrr(rd, rs1, rs2, LSUB); return true;
            case MUL: rrr(rd, rs1, rs2, LMUL); return true;
            case AND: rrr(rd, rs1, rs2, LAND); return true;
            case OR: rrr(rd, rs1, rs2, LOR); return true;
            case XOR: rrr(rd, rs1, rs2, LXOR); return true;
            case MULH: call2(rd, rs1, rs2, "java/lang/Math", "multiplyHigh"); return true;
            case MULHU: call2(rd, rs1, rs2, CPU, "mulhu"); return true;
            case SLL: shift(rd, rs1, rs2, LSHL); return true;
            case SRL: shift(rd, rs1, rs2, LUSHR); return true;
            case SRA: shift(rd, rs1, rs2, LSHR); return true;
            case ADDW: if (begin(rd)) { reg(rs1); reg(rs2); mv.visitInsn(LADD); mv.visitInsn(L2I); end(I2L); } return true;
            case SUBW: if (begin(rd)) { reg(rs1); reg(rs2); mv.visitInsn(LSUB); mv.visitInsn(L2I); end(I2L); } return true;
            case MULW: if (begin(rd)) { regInt(rs1); regInt(rs2); mv.visitInsn(IMUL); end(I2L); } return true;
            case SLLW: if (begin(rd)) { regInt(rs1); regInt(rs2); mv.visitInsn(ISHL); end(I2L); } return true;
            case SRLW: if (begin(rd)) { regInt(rs1); regInt(rs2); mv.visitInsn(IUSHR); end(I2L); } return true;
            case SRAW: if (begin(rd)) { regInt(rs1); regInt(rs2); mv.visitInsn(ISHR); end(I2L); } return true;
            case DIV: case DIVU: case REM: case REMU:
            case DIVW: case DIVUW: case REMW: case REMUW:
                divide(pc, k, w, op, rd, rs1, rs2);
                return true;

            case SEQ: compare(rd, rs1, rs2, false, IFEQ); return true;
            case SNE: compare(rd, rs1, rs2, false, IFNE); return true;
            case SLT: compare(rd, rs1, rs2, false, IFLT); return true;
            case SLE: compare(rd, rs1, rs2, false, IFLE); return true;
            case SLTU: compare(rd, rs1, rs2, true, IFLT); return true;
            case SLEU: compare(rd, rs1, rs2, true, IFLE); return true;

            case NOT: if (begin(rd)) { reg(rs1); mv.visitLdcInsn(-1L); end(LXOR); } return true;
            case NEG: if (begin(rd)) { reg(rs1); end(LNEG); } return true;
            case SEXTB: if (begin(rd)) { regInt(rs1); mv.visitInsn(I2B); end(I2L); } return true;
            case SEXTH: if (begin(rd)) { regInt(rs1); mv.visitInsn(I2S); end(I2L); } return true;
            case SEXTW: if (begin(rd)) { regInt(rs1); end(I2L); } return true;
            case ZEXTB: if (begin(rd)) { reg(rs1); mv.visitLdcInsn(0xFFL); end(LAND); } return true;
            case ZEXTH: if (begin(rd)) { reg(rs1); mv.visitLdcInsn(0xFFFFL); end(LAND); } return true;
            case ZEXTW: if (begin(rd)) { reg(rs1); mv.visitLdcInsn(0xFFFF_FFFFL); end(LAND); } return true;

            case ADDI: rri(rd, rs1, imm, LADD); return true;
            case MULI: rri(rd, rs1, imm, LMUL); return true;
            case ANDI: rri(rd, rs1, imm, LAND); return true;
            case ORI: rri(rd, rs1, imm, LOR); return true;
            case XORI: rri(rd, rs1, imm, LXOR); return true;
            case SLLI: if (begin(rd)) { reg(rs1); push(imm); end(LSHL); } return true;
            case SRLI: if (begin(rd)) { reg(rs1); push(imm); end(LUSHR); } return true;
            case SRAI: if (begin(rd)) { reg(rs1); push(imm); end(LSHR); } return true;
            case ADDIW: if (begin(rd)) { regInt(rs1); push(imm); mv.visitInsn(IADD); end(I2L); } return true;
            case SLLIW: if (begin(rd)) { regInt(rs1); push(imm); mv.visitInsn(ISHL); end(I2L); } return true;
            case SRLIW: if (begin(rd)) { regInt(rs1); push(imm); mv.visitInsn(IUSHR); end(I2L); } return true;
            case SRAIW: if (begin(rd)) { regInt(rs1); push(imm); mv.visitInsn(ISHR); end(I2L); } return true;
            case SEQI: compareImm(rd, rs1, imm, false, IFEQ); return true;
            case SNEI: compareImm(rd, rs1, imm, false, IFNE); return true;
            case SLTI: compareImm(rd, rs1, imm, false, IFLT); return true;
            case SLEI: compareImm(rd, rs1, imm, false, IFLE); return true;
            case SLTIU: compareImm(rd, rs1, imm, true, IFLT); return true;
            case SLEIU: compareImm(rd, rs1, imm, true, IFLE); return true;

            case LI: if (begin(rd)) { mv.visitLdcInsn((long) imm); end(NONE); } return true;
            case LIH:
                if (begin(rd)) {
                    reg(rd);
                    mv.visitLdcInsn(0xFFFF_FFFFL);
                    mv.visitInsn(LAND);
                    mv.visitLdcInsn((long) imm << 32);
                    end(LOR);
                }
                return true;
            case ADDPC: if (begin(rd)) { mv.visitLdcInsn(pc + imm); end(NONE); } return true;

            case LB: load(pc, k, w, rd, rs1, imm, 1, I2B); return true;
            case LBU: load(pc, k, w, rd, rs1, imm, 1, 0xFF); return true;
            case LH: load(pc, k, w, rd, rs1, imm, 2, I2S); return true;
            case LHU: load(pc, k, w, rd, rs1, imm, 2, 0xFFFF); return true;
            case LW: load(pc, k, w, rd, rs1, imm, 4, I2L); return true;
            case LWU: load(pc, k, w, rd, rs1, imm, 4, 0xFFFF_FFFFL); return true;
            case LD: load(pc, k, w, rd, rs1, imm, 8, 0); return true;
            case SB: store(pc, k, w, rs1, rs2, imm, 1); return true;
            case SH: store(pc, k, w, rs1, rs2, imm, 2); return true;
            case SW: store(pc, k, w, rs1, rs2, imm, 4); return true;
            case SD: store(pc, k, w, rs1, rs2, imm, 8); return true;

            default:
                if (op >= FP_FIRST && op <= FP_LAST) {
                    if (begin(rd)) {
                        reg(rs1);
                        reg(rs2);
                        reg(rd);
                        mv.visitMethodInsn(INVOKESTATIC, Type.getInternalName(Fpu.class), Fpu.methodName(op), "(JJJ)J", false);
                        end(NONE);
                    }
                    return true;
                }
                throw new IllegalArgumentException("not translatable: " + Long.toHexString(w));
        }
    }

    // ---- registers

    /** Pushes register r (r0 is the constant 0). */
    final void reg(int r) {
        if (r == 0) mv.visitInsn(LCONST_0);
        else mv.visitVarInsn(LLOAD, REGS + 2 * r);
    }

    /** Stores the registers the region writes back into the CPU's array (before any exit). */
    final void writeBack() {
        for (int r = 1; r < NREGS; r++) {
            if (!written[r]) continue;
            mv.visitVarInsn(ALOAD, X);
            push(r);
            mv.visitVarInsn(LLOAD, REGS + 2 * r);
            mv.visitInsn(LASTORE);
        }
    }

    /** Pushes the low 32 bits of register r as an int. */
    private void regInt(int r) {
        reg(r);
        mv.visitInsn(L2I);
    }

    /**
     * Starts the write of register rd, or returns false for r0, whose writes are dropped
     * (with the computation, which has no side effects).
     */
    final boolean begin(int rd) {
        target = rd;
        return rd != 0;
    }

    /** Ends a register write begun by {@link #begin}: the last opcode, then the store. */
    final void end(int lastOpcode) {
        if (lastOpcode != NONE) mv.visitInsn(lastOpcode);
        mv.visitVarInsn(LSTORE, REGS + 2 * target);
    }

    private void rrr(int rd, int rs1, int rs2, int opcode) {
        if (begin(rd)) {
            reg(rs1);
            reg(rs2);
            end(opcode);
        }
    }

    private void rri(int rd, int rs1, int imm, int opcode) {
        if (begin(rd)) {
            reg(rs1);
            mv.visitLdcInsn((long) imm);
            end(opcode);
        }
    }

    private void shift(int rd, int rs1, int rs2, int opcode) {
        if (begin(rd)) {
            reg(rs1);
            regInt(rs2);
            end(opcode);   // the JVM masks a long shift count to 6 bits, as the ISA does
        }
    }

    private void call2(int rd, int rs1, int rs2, String owner, String name) {
        if (begin(rd)) {
            reg(rs1);
            reg(rs2);
            mv.visitMethodInsn(INVOKESTATIC, owner, name, "(JJ)J", false);
            end(NONE);
        }
    }

    /** Pushes the int comparing the long on the stack with the long on top (unsigned or not). */
    final void compareLongs(boolean unsigned) {
        if (unsigned) mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "compareUnsigned", "(JJ)I", false);
        else mv.visitInsn(LCMP);
    }

    /** rd = (rs1 cond rs2) ? 1 : 0, with cond an IFxx opcode applied to the comparison. */
    private void compare(int rd, int rs1, int rs2, boolean unsigned, int cond) {
        if (!begin(rd)) return;
        reg(rs1);
        reg(rs2);
        compareLongs(unsigned);
        booleanToLong(cond);
    }

    private void compareImm(int rd, int rs1, int imm, boolean unsigned, int cond) {
        if (!begin(rd)) return;
        reg(rs1);
        mv.visitLdcInsn((long) imm);
        compareLongs(unsigned);
        booleanToLong(cond);
    }

    private void booleanToLong(int cond) {
        Label yes = new Label(), done = new Label();
        mv.visitJumpInsn(cond, yes);
        mv.visitInsn(LCONST_0);
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(yes);
        mv.visitInsn(LCONST_1);
        mv.visitLabel(done);
        end(NONE);
    }

    // ---- division

    private void divide(long pc, int k, long w, int op, int rd, int rs1, int rs2) {
        reg(rs1);
        mv.visitVarInsn(LSTORE, ADDR);
        reg(rs2);
        mv.visitVarInsn(LSTORE, VALUE);
        Label trapped = new Label();
        push(op);
        mv.visitVarInsn(LLOAD, ADDR);
        mv.visitVarInsn(LLOAD, VALUE);
        mv.visitMethodInsn(INVOKESTATIC, CPU, "divideTraps", "(IJJ)Z", false);
        mv.visitJumpInsn(IFNE, trapped);
        if (begin(rd)) {
            push(op);
            mv.visitVarInsn(LLOAD, ADDR);
            mv.visitVarInsn(LLOAD, VALUE);
            mv.visitMethodInsn(INVOKESTATIC, CPU, "divide", "(IJJ)J", false);
            end(NONE);
        }
        outOfLine.add(() -> {
            mv.visitLabel(trapped);
            trap("DIVIDE_ERROR", pc, w);
            ret(k);
        });
    }

    // ---- memory

    /** Computes the address rs1 + imm into ADDR and its TLB slot into SLOT. */
    private void address(int rs1, int imm) {
        reg(rs1);
        mv.visitLdcInsn((long) imm);
        mv.visitInsn(LADD);
        mv.visitInsn(DUP2);
        mv.visitVarInsn(LSTORE, ADDR);
        push(12);
        mv.visitInsn(LUSHR);
        mv.visitInsn(L2I);
        push(Tlb.MASK);
        mv.visitInsn(IAND);
        mv.visitVarInsn(ISTORE, SLOT);
    }

    /**
     * The interpreter's fast-path test: jumps to {@code slow} unless the tag of the slot
     * equals the page of ADDR and a {@code size}-byte access at ADDR stays in the page;
     * leaves the offset in the page in OFF.
     *
     * <p>Both in one comparison: the tag against the page of the access's <i>last</i> byte.
     * A tag is the page it maps, which has the slot's number in its low bits, or
     * Tlb.INVALID, which is no page: so it equals the page of the last byte only if that is
     * the page of the first byte (the page after it, or page 0 after a wrap at the top of
     * the address space, has other low bits), and then the access stays in the page.
     */
    private void hitTest(int tags, int size, Label slow) {
        mv.visitVarInsn(ALOAD, tags);
        mv.visitVarInsn(ILOAD, SLOT);
        mv.visitInsn(LALOAD);
        mv.visitVarInsn(LLOAD, ADDR);
        if (size > 1) {
            mv.visitLdcInsn((long) size - 1);
            mv.visitInsn(LADD);
        }
        push(12);
        mv.visitInsn(LUSHR);
        mv.visitInsn(LCMP);
        mv.visitJumpInsn(IFNE, slow);
        mv.visitVarInsn(LLOAD, ADDR);
        mv.visitInsn(L2I);
        push(0xFFF);
        mv.visitInsn(IAND);
        mv.visitVarInsn(ISTORE, OFF);
    }

    /**
     * A load of {@code size} bytes into rd; {@code extend} says how the interpreter
     * widens the value: I2B, I2S or I2L (sign), a mask (zero), or 0 (none, 64 bits).
     */
    private void load(long pc, int k, long w, int rd, int rs1, int imm, int size, long extend) {
        Label slow = new Label(), join = new Label();
        address(rs1, imm);
        hitTest(READ_TAG, size, slow);
        if (size > 1) mv.visitFieldInsn(GETSTATIC, REGION, VIEW[size], VAR_HANDLE_DESC);
        mv.visitVarInsn(ALOAD, DATA_PAGE);
        mv.visitVarInsn(ILOAD, SLOT);
        mv.visitInsn(AALOAD);
        mv.visitVarInsn(ILOAD, OFF);
        if (size == 1) mv.visitInsn(BALOAD);
        else mv.visitMethodInsn(INVOKEVIRTUAL, VAR_HANDLE, "get", "([BI)" + VALUE_DESC[size], false);
        if (size != 8) mv.visitInsn(I2L);
        mv.visitVarInsn(LSTORE, VALUE);
        mv.visitLabel(join);
        if (begin(rd)) {
            mv.visitVarInsn(LLOAD, VALUE);
            if (extend == I2B || extend == I2S || extend == I2L) {
                mv.visitInsn(L2I);
                if (extend != I2L) mv.visitInsn((int) extend);
                mv.visitInsn(I2L);
            } else if (extend != 0) {
                mv.visitLdcInsn(extend);
                mv.visitInsn(LAND);
            }
            end(NONE);
        }
        outOfLine.add(() -> {
            Label faulted = new Label();
            mv.visitLabel(slow);
            mv.visitVarInsn(ALOAD, CPU_);
            mv.visitFieldInsn(GETFIELD, CPU, "mmu", "L" + MMU + ";");
            mv.visitInsn(DUP);
            mv.visitVarInsn(LLOAD, ADDR);
            push(size);
            mv.visitLdcInsn(pc);
            mv.visitMethodInsn(INVOKEVIRTUAL, MMU, "load", "(JIJ)J", false);
            mv.visitVarInsn(LSTORE, VALUE);
            mv.visitFieldInsn(GETFIELD, MMU, "faulted", "Z");
            mv.visitJumpInsn(IFNE, faulted);
            mv.visitJumpInsn(GOTO, join);
            mv.visitLabel(faulted);
            fault(pc, w);
            ret(k);
        });
    }

    /**
     * A store of the low {@code size} bytes of rs2. One that writes the frame holding
     * the code being run leaves the region right after itself.
     */
    private void store(long pc, int k, long w, int rs1, int rs2, int imm, int size) {
        Label slow = new Label(), join = new Label(), selfModified = new Label();
        address(rs1, imm);
        hitTest(WRITE_TAG, size, slow);
        if (size > 1) mv.visitFieldInsn(GETSTATIC, REGION, VIEW[size], VAR_HANDLE_DESC);
        mv.visitVarInsn(ALOAD, DATA_PAGE);
        mv.visitVarInsn(ILOAD, SLOT);
        mv.visitInsn(AALOAD);
        mv.visitInsn(DUP);
        mv.visitVarInsn(ASTORE, TMP);
        mv.visitVarInsn(ILOAD, OFF);
        reg(rs2);
        if (size != 8) mv.visitInsn(L2I);
        if (size == 2) mv.visitInsn(I2S);
        if (size == 1) mv.visitInsn(BASTORE);
        else mv.visitMethodInsn(INVOKEVIRTUAL, VAR_HANDLE, "set", "([BI" + VALUE_DESC[size] + ")V", false);
        mv.visitVarInsn(ALOAD, TMP);
        mv.visitVarInsn(ALOAD, CODE);
        mv.visitJumpInsn(IF_ACMPEQ, selfModified);
        mv.visitLabel(join);
        outOfLine.add(() -> {
            Label faulted = new Label();
            mv.visitLabel(slow);
            mv.visitVarInsn(ALOAD, CPU_);
            mv.visitVarInsn(LLOAD, ADDR);
            push(size);
            reg(rs2);
            mv.visitLdcInsn(pc);
            mv.visitVarInsn(ALOAD, CODE);
            mv.visitMethodInsn(INVOKESTATIC, REGION, "storeSlow", "(L" + CPU + ";JIJJ[B)I", false);
            mv.visitInsn(DUP);
            mv.visitVarInsn(ISTORE, OFF);
            mv.visitJumpInsn(IFLT, faulted);
            mv.visitVarInsn(ILOAD, OFF);
            mv.visitJumpInsn(IFEQ, join);
            mv.visitLabel(selfModified);
            exit(pc + 8, k + 1);
            mv.visitLabel(faulted);
            fault(pc, w);
            ret(k);
        });
    }


    /** Sets the CPU's pc and leaves with {@code count} instructions of this block done. */
    final void exit(long pc, int count) {
        setPc(pc);
        ret(count);
    }

    final void setPc(long pc) {
        mv.visitVarInsn(ALOAD, CPU_);
        mv.visitLdcInsn(pc);
        mv.visitFieldInsn(PUTFIELD, CPU, "pc", "J");
    }

    /**
     * Leaves through the shared epilogue, which writes the registers back and returns the
     * instructions completed: those of earlier blocks and {@code count} of this one.
     */
    final void ret(int count) {
        push(count);
        mv.visitVarInsn(ISTORE, RESULT);
        mv.visitJumpInsn(GOTO, epilogue);
    }

    final void trap(String cause, long pc, long w) {
        mv.visitVarInsn(ALOAD, CPU_);
        mv.visitFieldInsn(GETSTATIC, TRAP_CAUSE, cause, "L" + TRAP_CAUSE + ";");
        mv.visitLdcInsn(pc);
        mv.visitLdcInsn(w);
        mv.visitMethodInsn(INVOKESTATIC, REGION, "trap", "(L" + CPU + ";L" + TRAP_CAUSE + ";JJ)V", false);
    }

    private void fault(long pc, long w) {
        mv.visitVarInsn(ALOAD, CPU_);
        mv.visitLdcInsn(pc);
        mv.visitLdcInsn(w);
        mv.visitMethodInsn(INVOKESTATIC, REGION, "fault", "(L" + CPU + ";JJ)V", false);
    }

    /** Pushes an int constant in the shortest form. */
    final void push(int v) {
        if (v >= -1 && v <= 5) mv.visitInsn(ICONST_0 + v);
        else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) mv.visitIntInsn(BIPUSH, v);
        else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) mv.visitIntInsn(SIPUSH, v);
        else mv.visitLdcInsn(v);
    }
}
