package vm;

import static org.objectweb.asm.Opcodes.*;
import static vm.Isa.*;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Translates one basic block of guest code into the bytecode of a {@link JitBlock} subclass
 * with ASM; {@link JitClasses} turns the bytes into a class.
 *
 * <p>The generated {@code execute} does what {@code Cpu.interpret} does for the same words,
 * instruction by instruction, with the same TLB arrays and MMU slow paths: the operands are
 * constants instead of decoded fields, and there is no dispatch. In order:
 * <ol>
 * <li>it compares every word of the frame with the word it was translated from (returning -1
 *     if one differs: the translation is stale);
 * <li>it copies the registers the block uses from the CPU's array into locals, which HotSpot
 *     can keep in machine registers;
 * <li>each instruction, with loads and stores inline on a TLB hit, exactly like the
 *     interpreter's fast path; the slow paths (MMU calls) and the exits of trapping
 *     instructions are placed after the block's straight-line code, so that the hot path is
 *     contiguous;
 * <li>the last instruction sets the pc (branch, jump, next page) or records the trap, or
 *     jumps back to step 3 for a block that loops to its own start;
 * <li>every exit goes through one epilogue that stores the registers the block writes back
 *     into the array.
 * </ol>
 * Writes to r0 are not emitted at all (r0 stays 0 in the array), but a load into r0 still
 * accesses memory, since it may fault.
 *
 * <p>HotSpot compiles a method only if it has fewer than 8000 bytes of bytecode; the longest
 * possible block ({@link #MAX_INSNS} loads and stores) stays well below it (JitEngineTest).
 */
final class JitTranslator {
    /** The most instructions in one block. */
    static final int MAX_INSNS = 32;

    private static final String BLOCK = Type.getInternalName(JitBlock.class);
    private static final String CPU = Type.getInternalName(Cpu.class);
    private static final String MMU = Type.getInternalName(Mmu.class);
    private static final String TLB = Type.getInternalName(Tlb.class);
    private static final String TRAP_CAUSE = Type.getInternalName(TrapCause.class);

    // Local variable slots of execute(Cpu cpu, byte[] code, int room).
    private static final int CPU_ = 1, CODE = 2, ROOM = 3, X = 4, READ_TAG = 5, WRITE_TAG = 6, DATA_PAGE = 7;
    private static final int ADDR = 8, SLOT = 10, OFF = 11, VALUE = 12, TMP = 14, DONE = 15;
    /** Register r lives in the two slots from REGS + 2r while the block runs. */
    private static final int REGS = 16;
    /** The count an exit returns, for the shared epilogue. */
    private static final int RESULT = REGS + 2 * NREGS;
    /** For {@code end}: no last opcode before the register store. */
    private static final int NONE = -1;

    private JitTranslator() {}

    /**
     * The number of instructions of the block that starts at byte {@code off} of the code
     * frame: up to and including the first branch, jump, syscall, break or atomic, stopping
     * before an illegal word, at the end of the page, or at {@link #MAX_INSNS}. 0 if the
     * first word is illegal.
     */
    static int blockLength(byte[] code, int off) {
        int n = 0;
        while (n < MAX_INSNS && off + 8 * n < AddressSpace.PAGE_SIZE) {
            long w = JitBlock.word(code, off + 8 * n);
            if (!Isa.isLegal(w)) break;
            n++;
            if (endsBlock(op(w))) break;
        }
        return n;
    }

    /** True for the instructions after which a block ends. */
    static boolean endsBlock(int op) {
        switch (op) {
            case SYSCALL: case BREAK:
            case BEQ: case BNE: case BLT: case BGE: case BLTU: case BGEU: case JAL: case JALR:
            case CASW: case CASD: case FAAW: case FAAD: case XCHGW: case XCHGD:
                return true;
            default:
                return false;
        }
    }

    /** The class file of a block translating {@code words}, found at guest address {@code pc}. */
    static byte[] translate(String internalName, long pc, long[] words) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                return "java/lang/Object";   // frames only ever merge identical types here
            }
        };
        cw.visit(V17, ACC_FINAL | ACC_SUPER, internalName, null, BLOCK, null);
        MethodVisitor init = cw.visitMethod(0, "<init>", "(J[J)V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitVarInsn(LLOAD, 1);
        init.visitVarInsn(ALOAD, 3);
        init.visitMethodInsn(INVOKESPECIAL, BLOCK, "<init>", "(J[J)V", false);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        MethodVisitor mv = cw.visitMethod(0, "execute", "(L" + CPU + ";[BI)I", null, null);
        new Body(mv, pc, words).emit();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** The emitter of one execute method. */
    private static final class Body {
        private final MethodVisitor mv;
        private final long pc0;
        private final long[] words;
        /** Code emitted after the straight-line path: slow paths and trap exits. */
        private final List<Runnable> outOfLine = new ArrayList<>();
        /** The start of the block's instructions, after the check of its words: where a loop goes back to. */
        private final Label top = new Label();
        /** The registers the block uses, and those it writes (r0 never). */
        private final boolean[] used = new boolean[NREGS], written = new boolean[NREGS];
        /** The register a write begun by {@link #begin} goes to. */
        private int target;
        /** The exits' shared end: write the registers back, return DONE + RESULT. */
        private final Label epilogue = new Label();

        Body(MethodVisitor mv, long pc0, long[] words) {
            this.mv = mv;
            this.pc0 = pc0;
            this.words = words;
            // Fields an instruction does not use are zero in a legal word, so every non-zero
            // field names a register it uses, and rd one it writes.
            for (long w : words) {
                used[rd(w)] = used[rs1(w)] = used[rs2(w)] = written[rd(w)] = true;
            }
            used[0] = written[0] = false;
        }

        void emit() {
            mv.visitCode();
            Label stale = new Label();
            int off = (int) pc0 & 0xFFF;
            for (int k = 0; k < words.length; k++) {
                mv.visitVarInsn(ALOAD, CODE);
                push(off + 8 * k);
                mv.visitMethodInsn(INVOKESTATIC, BLOCK, "word", "([BI)J", false);
                mv.visitLdcInsn(words[k]);
                mv.visitInsn(LCMP);
                mv.visitJumpInsn(IFNE, stale);
            }
            mv.visitVarInsn(ALOAD, CPU_);
            mv.visitFieldInsn(GETFIELD, CPU, "x", "[J");
            mv.visitVarInsn(ASTORE, X);
            mv.visitVarInsn(ALOAD, CPU_);
            mv.visitFieldInsn(GETFIELD, CPU, "mmu", "L" + MMU + ";");
            mv.visitFieldInsn(GETFIELD, MMU, "tlb", "L" + TLB + ";");
            mv.visitInsn(DUP);
            mv.visitFieldInsn(GETFIELD, TLB, "readTag", "[J");
            mv.visitVarInsn(ASTORE, READ_TAG);
            mv.visitInsn(DUP);
            mv.visitFieldInsn(GETFIELD, TLB, "writeTag", "[J");
            mv.visitVarInsn(ASTORE, WRITE_TAG);
            mv.visitFieldInsn(GETFIELD, TLB, "dataPage", "[[B");
            mv.visitVarInsn(ASTORE, DATA_PAGE);
            // The registers live in locals while the block runs, where HotSpot can keep them
            // in machine registers; every exit stores those written back into the array.
            for (int r = 1; r < NREGS; r++) {
                if (!used[r]) continue;
                mv.visitVarInsn(ALOAD, X);
                push(r);
                mv.visitInsn(LALOAD);
                mv.visitVarInsn(LSTORE, REGS + 2 * r);
            }
            mv.visitInsn(ICONST_0);
            mv.visitVarInsn(ISTORE, DONE);
            mv.visitLabel(top);

            for (int k = 0; k < words.length; k++) instruction(k);
            int last = op(words[words.length - 1]);
            if (!endsBlock(last)) exit(pcOf(words.length), words.length);
            for (Runnable r : outOfLine) r.run();
            mv.visitLabel(epilogue);
            writeBack();
            mv.visitVarInsn(ILOAD, DONE);
            mv.visitVarInsn(ILOAD, RESULT);
            mv.visitInsn(IADD);
            mv.visitInsn(IRETURN);
            mv.visitLabel(stale);
            push(-1);
            mv.visitInsn(IRETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }

        private long pcOf(int k) {
            return pc0 + 8L * k;
        }

        /** Emits instruction k of the block. */
        private void instruction(int k) {
            long w = words[k];
            int op = op(w), rd = rd(w), rs1 = rs1(w), rs2 = rs2(w), imm = imm(w);
            long pc = pcOf(k);
            switch (op) {
                case FENCE: case Isa.NOP:
                    return;
                case SYSCALL:
                    trap("SYSCALL", pc + 8, w);
                    ret(k + 1);
                    return;
                case BREAK:
                    trap("BREAKPOINT", pc, w);
                    ret(k);
                    return;

                case ADD: rrr(rd, rs1, rs2, LADD); return;
                case SUB: rrr(rd, rs1, rs2, LSUB); return;
                case MUL: rrr(rd, rs1, rs2, LMUL); return;
                case AND: rrr(rd, rs1, rs2, LAND); return;
                case OR: rrr(rd, rs1, rs2, LOR); return;
                case XOR: rrr(rd, rs1, rs2, LXOR); return;
                case MULH: call2(rd, rs1, rs2, "java/lang/Math", "multiplyHigh"); return;
                case MULHU: call2(rd, rs1, rs2, CPU, "mulhu"); return;
                case SLL: shift(rd, rs1, rs2, LSHL); return;
                case SRL: shift(rd, rs1, rs2, LUSHR); return;
                case SRA: shift(rd, rs1, rs2, LSHR); return;
                case ADDW: if (begin(rd)) { reg(rs1); reg(rs2); mv.visitInsn(LADD); mv.visitInsn(L2I); end(I2L); } return;
                case SUBW: if (begin(rd)) { reg(rs1); reg(rs2); mv.visitInsn(LSUB); mv.visitInsn(L2I); end(I2L); } return;
                case MULW: if (begin(rd)) { regInt(rs1); regInt(rs2); mv.visitInsn(IMUL); end(I2L); } return;
                case SLLW: if (begin(rd)) { regInt(rs1); regInt(rs2); mv.visitInsn(ISHL); end(I2L); } return;
                case SRLW: if (begin(rd)) { regInt(rs1); regInt(rs2); mv.visitInsn(IUSHR); end(I2L); } return;
                case SRAW: if (begin(rd)) { regInt(rs1); regInt(rs2); mv.visitInsn(ISHR); end(I2L); } return;
                case DIV: case DIVU: case REM: case REMU:
                case DIVW: case DIVUW: case REMW: case REMUW:
                    divide(k, w, op, rd, rs1, rs2);
                    return;

                case SEQ: compare(rd, rs1, rs2, false, IFEQ); return;
                case SNE: compare(rd, rs1, rs2, false, IFNE); return;
                case SLT: compare(rd, rs1, rs2, false, IFLT); return;
                case SLE: compare(rd, rs1, rs2, false, IFLE); return;
                case SLTU: compare(rd, rs1, rs2, true, IFLT); return;
                case SLEU: compare(rd, rs1, rs2, true, IFLE); return;

                case NOT: if (begin(rd)) { reg(rs1); mv.visitLdcInsn(-1L); end(LXOR); } return;
                case NEG: if (begin(rd)) { reg(rs1); end(LNEG); } return;
                case SEXTB: if (begin(rd)) { regInt(rs1); mv.visitInsn(I2B); end(I2L); } return;
                case SEXTH: if (begin(rd)) { regInt(rs1); mv.visitInsn(I2S); end(I2L); } return;
                case SEXTW: if (begin(rd)) { regInt(rs1); end(I2L); } return;
                case ZEXTB: if (begin(rd)) { reg(rs1); mv.visitLdcInsn(0xFFL); end(LAND); } return;
                case ZEXTH: if (begin(rd)) { reg(rs1); mv.visitLdcInsn(0xFFFFL); end(LAND); } return;
                case ZEXTW: if (begin(rd)) { reg(rs1); mv.visitLdcInsn(0xFFFF_FFFFL); end(LAND); } return;

                case ADDI: rri(rd, rs1, imm, LADD); return;
                case MULI: rri(rd, rs1, imm, LMUL); return;
                case ANDI: rri(rd, rs1, imm, LAND); return;
                case ORI: rri(rd, rs1, imm, LOR); return;
                case XORI: rri(rd, rs1, imm, LXOR); return;
                case SLLI: if (begin(rd)) { reg(rs1); push(imm); end(LSHL); } return;
                case SRLI: if (begin(rd)) { reg(rs1); push(imm); end(LUSHR); } return;
                case SRAI: if (begin(rd)) { reg(rs1); push(imm); end(LSHR); } return;
                case ADDIW: if (begin(rd)) { regInt(rs1); push(imm); mv.visitInsn(IADD); end(I2L); } return;
                case SLLIW: if (begin(rd)) { regInt(rs1); push(imm); mv.visitInsn(ISHL); end(I2L); } return;
                case SRLIW: if (begin(rd)) { regInt(rs1); push(imm); mv.visitInsn(IUSHR); end(I2L); } return;
                case SRAIW: if (begin(rd)) { regInt(rs1); push(imm); mv.visitInsn(ISHR); end(I2L); } return;
                case SEQI: compareImm(rd, rs1, imm, false, IFEQ); return;
                case SNEI: compareImm(rd, rs1, imm, false, IFNE); return;
                case SLTI: compareImm(rd, rs1, imm, false, IFLT); return;
                case SLEI: compareImm(rd, rs1, imm, false, IFLE); return;
                case SLTIU: compareImm(rd, rs1, imm, true, IFLT); return;
                case SLEIU: compareImm(rd, rs1, imm, true, IFLE); return;

                case LI: if (begin(rd)) { mv.visitLdcInsn((long) imm); end(NONE); } return;
                case LIH:
                    if (begin(rd)) {
                        reg(rd);
                        mv.visitLdcInsn(0xFFFF_FFFFL);
                        mv.visitInsn(LAND);
                        mv.visitLdcInsn((long) imm << 32);
                        end(LOR);
                    }
                    return;
                case ADDPC: if (begin(rd)) { mv.visitLdcInsn(pc + imm); end(NONE); } return;

                case LB: load(k, w, rd, rs1, imm, 1, I2B); return;
                case LBU: load(k, w, rd, rs1, imm, 1, 0xFF); return;
                case LH: load(k, w, rd, rs1, imm, 2, I2S); return;
                case LHU: load(k, w, rd, rs1, imm, 2, 0xFFFF); return;
                case LW: load(k, w, rd, rs1, imm, 4, I2L); return;
                case LWU: load(k, w, rd, rs1, imm, 4, 0xFFFF_FFFFL); return;
                case LD: load(k, w, rd, rs1, imm, 8, 0); return;
                case SB: store(k, w, rs1, rs2, imm, 1); return;
                case SH: store(k, w, rs1, rs2, imm, 2); return;
                case SW: store(k, w, rs1, rs2, imm, 4); return;
                case SD: store(k, w, rs1, rs2, imm, 8); return;

                case BEQ: branch(k, rs1, rs2, imm, false, IFEQ); return;
                case BNE: branch(k, rs1, rs2, imm, false, IFNE); return;
                case BLT: branch(k, rs1, rs2, imm, false, IFLT); return;
                case BGE: branch(k, rs1, rs2, imm, false, IFGE); return;
                case BLTU: branch(k, rs1, rs2, imm, true, IFLT); return;
                case BGEU: branch(k, rs1, rs2, imm, true, IFGE); return;
                case JAL:
                    if (begin(rd)) { mv.visitLdcInsn(pc + 8); end(NONE); }
                    exit(pc + imm, k + 1);
                    return;
                case JALR:
                    reg(rs1);                          // the target, read before rd is written
                    mv.visitLdcInsn((long) imm);
                    mv.visitInsn(LADD);
                    mv.visitVarInsn(LSTORE, ADDR);
                    if (begin(rd)) { mv.visitLdcInsn(pc + 8); end(NONE); }
                    mv.visitVarInsn(ALOAD, CPU_);
                    mv.visitVarInsn(LLOAD, ADDR);
                    mv.visitFieldInsn(PUTFIELD, CPU, "pc", "J");
                    ret(k + 1);
                    return;

                case CASW: case CASD: case FAAW: case FAAD: case XCHGW: case XCHGD: {
                    // Cpu.atomic works on the array: the registers go back first, and it is
                    // the block's last instruction, so nothing is written back after it.
                    Label trapped = new Label();
                    writeBack();
                    mv.visitVarInsn(ALOAD, CPU_);
                    push(op); push(rd); push(rs1); push(rs2); push(imm);
                    mv.visitLdcInsn(pc);
                    mv.visitLdcInsn(w);
                    mv.visitMethodInsn(INVOKEVIRTUAL, CPU, "atomic", "(IIIIIJJ)Z", false);
                    mv.visitJumpInsn(IFEQ, trapped);
                    setPc(pc + 8);
                    returnDone(k + 1);
                    mv.visitLabel(trapped);     // the atomic recorded its trap; the pc stays at it
                    setPc(pc);
                    returnDone(k);
                    return;
                }

                default:
                    if (op >= FP_FIRST && op <= FP_LAST) {
                        if (begin(rd)) {
                            push(op);
                            reg(rs1);
                            reg(rs2);
                            reg(rd);
                            mv.visitMethodInsn(INVOKESTATIC, Type.getInternalName(Fpu.class), "execute", "(IJJJ)J", false);
                            end(NONE);
                        }
                        return;
                    }
                    throw new IllegalArgumentException("not translatable: " + Long.toHexString(w));
            }
        }

        // ---- registers

        /** Pushes register r (r0 is the constant 0). */
        private void reg(int r) {
            if (r == 0) mv.visitInsn(LCONST_0);
            else mv.visitVarInsn(LLOAD, REGS + 2 * r);
        }

        /** Stores the registers the block writes back into the CPU's array (before any exit). */
        private void writeBack() {
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
        private boolean begin(int rd) {
            target = rd;
            return rd != 0;
        }

        /** Ends a register write begun by {@link #begin}: the last opcode, then the store. */
        private void end(int lastOpcode) {
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
        private void compareLongs(boolean unsigned) {
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

        private void divide(int k, long w, int op, int rd, int rs1, int rs2) {
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
            long pc = pcOf(k);
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
         */
        private void hitTest(int tags, int size, Label slow) {
            mv.visitVarInsn(ALOAD, tags);
            mv.visitVarInsn(ILOAD, SLOT);
            mv.visitInsn(LALOAD);
            mv.visitVarInsn(LLOAD, ADDR);
            push(12);
            mv.visitInsn(LUSHR);
            mv.visitInsn(LCMP);
            mv.visitJumpInsn(IFNE, slow);
            mv.visitVarInsn(LLOAD, ADDR);
            mv.visitInsn(L2I);
            push(0xFFF);
            mv.visitInsn(IAND);
            mv.visitVarInsn(ISTORE, OFF);
            if (size > 1) {
                mv.visitVarInsn(ILOAD, OFF);
                push(AddressSpace.PAGE_SIZE - size);
                mv.visitJumpInsn(IF_ICMPGT, slow);
            }
        }

        /**
         * A load of {@code size} bytes into rd; {@code extend} says how the interpreter
         * widens the value: I2B, I2S or I2L (sign), a mask (zero), or 0 (none, 64 bits).
         */
        private void load(int k, long w, int rd, int rs1, int imm, int size, long extend) {
            Label slow = new Label(), join = new Label();
            address(rs1, imm);
            hitTest(READ_TAG, size, slow);
            mv.visitVarInsn(ALOAD, DATA_PAGE);
            mv.visitVarInsn(ILOAD, SLOT);
            mv.visitInsn(AALOAD);
            mv.visitVarInsn(ILOAD, OFF);
            mv.visitMethodInsn(INVOKESTATIC, BLOCK, "get" + size, "([BI)J", false);
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
            long pc = pcOf(k);
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
         * this block's code ends the block after itself.
         */
        private void store(int k, long w, int rs1, int rs2, int imm, int size) {
            Label slow = new Label(), join = new Label(), selfModified = new Label();
            address(rs1, imm);
            hitTest(WRITE_TAG, size, slow);
            mv.visitVarInsn(ALOAD, DATA_PAGE);
            mv.visitVarInsn(ILOAD, SLOT);
            mv.visitInsn(AALOAD);
            mv.visitInsn(DUP);
            mv.visitVarInsn(ASTORE, TMP);
            mv.visitVarInsn(ILOAD, OFF);
            reg(rs2);
            mv.visitMethodInsn(INVOKESTATIC, BLOCK, "put" + size, "([BIJ)V", false);
            mv.visitVarInsn(ALOAD, TMP);
            mv.visitVarInsn(ALOAD, CODE);
            mv.visitJumpInsn(IF_ACMPEQ, selfModified);
            mv.visitLabel(join);
            long pc = pcOf(k);
            outOfLine.add(() -> {
                Label faulted = new Label();
                mv.visitLabel(slow);
                mv.visitVarInsn(ALOAD, CPU_);
                mv.visitVarInsn(LLOAD, ADDR);
                push(size);
                reg(rs2);
                mv.visitLdcInsn(pc);
                mv.visitVarInsn(ALOAD, CODE);
                mv.visitMethodInsn(INVOKESTATIC, BLOCK, "storeSlow", "(L" + CPU + ";JIJJ[B)I", false);
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

        // ---- control flow and exits

        private void branch(int k, int rs1, int rs2, int imm, boolean unsigned, int cond) {
            Label taken = new Label();
            long pc = pcOf(k);
            reg(rs1);
            reg(rs2);
            compareLongs(unsigned);
            mv.visitJumpInsn(cond, taken);
            exit(pc + 8, k + 1);
            mv.visitLabel(taken);
            exit(pc + imm, k + 1);
        }

        /**
         * Sets the CPU's pc to {@code pc} and returns the instructions done, {@code count} in
         * this pass through the block. A jump back to the block's own start (a loop of one
         * block) goes round again without returning while the room left holds a whole pass:
         * no other code can have run in between, and a store into the code ended the block.
         */
        private void exit(long pc, int count) {
            if (pc == pc0 && count == words.length) {
                mv.visitIincInsn(DONE, count);
                mv.visitVarInsn(ILOAD, ROOM);
                mv.visitVarInsn(ILOAD, DONE);
                mv.visitInsn(ISUB);
                push(count);
                mv.visitJumpInsn(IF_ICMPGE, top);
                count = 0;
            }
            setPc(pc);
            ret(count);
        }

        private void setPc(long pc) {
            mv.visitVarInsn(ALOAD, CPU_);
            mv.visitLdcInsn(pc);
            mv.visitFieldInsn(PUTFIELD, CPU, "pc", "J");
        }

        /**
         * Writes the registers back and returns the instructions completed: those of earlier
         * passes and {@code count} of this one (through the shared epilogue, which keeps the
         * method small).
         */
        private void ret(int count) {
            push(count);
            mv.visitVarInsn(ISTORE, RESULT);
            mv.visitJumpInsn(GOTO, epilogue);
        }

        private void returnDone(int count) {
            mv.visitVarInsn(ILOAD, DONE);
            push(count);
            mv.visitInsn(IADD);
            mv.visitInsn(IRETURN);
        }

        private void trap(String cause, long pc, long w) {
            mv.visitVarInsn(ALOAD, CPU_);
            mv.visitFieldInsn(GETSTATIC, TRAP_CAUSE, cause, "L" + TRAP_CAUSE + ";");
            mv.visitLdcInsn(pc);
            mv.visitLdcInsn(w);
            mv.visitMethodInsn(INVOKESTATIC, BLOCK, "trap", "(L" + CPU + ";L" + TRAP_CAUSE + ";JJ)V", false);
        }

        private void fault(long pc, long w) {
            mv.visitVarInsn(ALOAD, CPU_);
            mv.visitLdcInsn(pc);
            mv.visitLdcInsn(w);
            mv.visitMethodInsn(INVOKESTATIC, BLOCK, "fault", "(L" + CPU + ";JJ)V", false);
        }

        /** Pushes an int constant in the shortest form. */
        private void push(int v) {
            if (v >= -1 && v <= 5) mv.visitInsn(ICONST_0 + v);
            else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) mv.visitIntInsn(BIPUSH, v);
            else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) mv.visitIntInsn(SIPUSH, v);
            else mv.visitLdcInsn(v);
        }
    }
}
