package vm;

import static org.objectweb.asm.Opcodes.*;
import static vm.Isa.*;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Translates a region of guest code ({@link JitRegionPlan}) into the bytecode of a
 * {@link JitRegion} subclass with ASM; {@link JitClasses} turns the bytes into a class.
 *
 * <p>The generated {@code execute} is laid out as the region's blocks, one after another, each
 * preceded by its test of room; {@link JitEmitter} writes the instructions themselves. In order:
 * <ol>
 * <li>it checks the words of all its blocks against the frame (JitRegion's contract), and
 *     returns -1 if they changed;
 * <li>it copies the registers the region uses from the CPU's array into locals;
 * <li>it jumps to the block at the CPU's pc (a {@code tableswitch} on the block index);
 * <li>at each block's entry, it leaves (pc at the block, nothing done by it) if the room left
 *     cannot hold the whole block, which is where {@link Jit} takes over to run the budget
 *     out exactly. In a counted plan ({@link JitRegionPlan#tail}) the test at the entry is
 *     for one instruction, and one before each further instruction leaves with the
 *     instructions before it done when the room left holds no more;
 * <li>a block's last instruction goes to the next block with a {@code goto} when it is in
 *     the region and the layout allows it ({@link JitLayout}: a block later in the method, or
 *     the head of a loop the jump is inside), else through the switch with the block's index;
 *     for a {@code jalr}, through the switch on the target's address, as at the entry, but for
 *     a {@code ret} whose target is a return point of the region that a {@code goto} may reach
 *     (see {@link Body#returns}): fib's returns then skip the switch. A target outside the
 *     region, or a block of it that is not an entry, sets the pc and leaves. A syscall, break
 *     or trap leaves too, and an atomic when it traps or works on the frame of the code being
 *     run (else it goes on to the next block, as a branch does);
 * <li>every exit goes through one epilogue that stores the registers the region writes back
 *     into the array and returns the count.
 * </ol>
 * A target in another page always leaves, so the dispatcher ({@link Jit}) does the I-TLB
 * lookup the interpreter does when the pc enters another page.
 *
 * <p>Two rules are for HotSpot's sake (docs/PERFORMANCE.md, "The JIT"). The method's control
 * flow is <i>reducible</i>, every loop entered only through its head (JitLayout): HotSpot's
 * C2 compiles loops with several entries poorly. And one call runs at most {@link #MAX_CALL}
 * instructions, then returns, and {@link Jit} calls it again: a program whose whole run was
 * a few calls of one region (fib) otherwise ran in whatever HotSpot had compiled for that
 * call (an on-stack replacement, or HotSpot's interpreter after a deoptimization), from one
 * JVM to the next 11 to 30 ms.
 *
 * <p>HotSpot compiles a method only if it has fewer than 8000 bytes of bytecode
 * (HugeMethodLimit), and compiles it well only if much smaller: {@link #translate} returns
 * null for a plan of several blocks whose code would be larger than {@link #MAX_REGION_BYTES},
 * and JitClasses tries again with fewer blocks. One block always fits.
 */
final class JitTranslator {
    /**
     * The largest execute method made of several blocks, in bytes of bytecode. Larger ones
     * would compile, but HotSpot then stops inlining the VarHandle accesses and the calls the
     * instructions make (its budget of inlined bytecode per method), and run slower.
     */
    static final int MAX_REGION_BYTES = 2500;
    /** The largest execute method made, one block: below HotSpot's HugeMethodLimit of 8000. */
    static final int MAX_METHOD_BYTES = 7900;
    /**
     * The most instructions one call runs (the room is cut to it): often enough, in a long
     * run, that HotSpot enters the method's compiled code from the start, not so often that
     * the registers' loads and stores at each call cost anything measurable. (Measured: fib
     * ran at 12.3 to 12.8 ms with 4,096 in every JVM, and at 19 ms with 65,536.)
     */
    static final int MAX_CALL = 1 << 12;

    private static final String PLAN = "L" + org.objectweb.asm.Type.getInternalName(JitRegionPlan.class) + ";";

    private JitTranslator() {}

    /** The class file of the region {@code plan}, or null if its method would be too large. */
    static byte[] translate(String internalName, JitRegionPlan plan) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                return "java/lang/Object";   // frames only ever merge identical types here
            }
        };
        cw.visit(V17, ACC_FINAL | ACC_SUPER, internalName, null, JitEmitter.REGION, null);
        MethodVisitor init = cw.visitMethod(0, "<init>", "(" + PLAN + ")V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitVarInsn(ALOAD, 1);
        init.visitMethodInsn(INVOKESPECIAL, JitEmitter.REGION, "<init>", "(" + PLAN + ")V", false);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        MethodVisitor mv = cw.visitMethod(0, "execute", "(L" + JitEmitter.CPU + ";[BI)I", null, null);
        Body body = new Body(mv, plan);
        int size = body.emit();
        cw.visitEnd();
        return size <= (plan.blocks() == 1 ? MAX_METHOD_BYTES : MAX_REGION_BYTES) ? cw.toByteArray() : null;
    }

    /** The emitter of one execute method. */
    private static final class Body extends JitEmitter {
        private final JitRegionPlan plan;
        /** Each block's entry (its test of room). */
        private final Label[] entry;
        /** The shared look-up of the block at the pc in ADDR (the entry's and every jalr's). */
        private final Label dispatch = new Label();
        /** The switch on the block index in SLOT: the head of every loop of several blocks. */
        private final Label byIndex = new Label();
        /** The block being emitted. */
        private int current;
        /** The order of the blocks, the entries of the switch and the jumps that are gotos. */
        private final JitLayout layout;

        Body(MethodVisitor mv, JitRegionPlan plan) {
            super(mv, plan.words);
            this.plan = plan;
            entry = new Label[plan.blocks()];
            for (int i = 0; i < entry.length; i++) entry[i] = new Label();
            layout = plan.layout();
        }

        /** Emits the method; returns its size in bytes of bytecode. */
        int emit() {
            mv.visitCode();
            prologue();
            mv.visitVarInsn(ALOAD, CPU_);
            mv.visitFieldInsn(GETFIELD, CPU, "pc", "J");
            mv.visitVarInsn(LSTORE, ADDR);
            emitDispatch();
            for (int i : layout.order) block(i);
            for (int k = 0; k < outOfLine.size(); k++) outOfLine.get(k).run();
            mv.visitLabel(epilogue);
            writeBack();
            done();
            mv.visitVarInsn(ILOAD, RESULT);
            mv.visitInsn(IADD);
            mv.visitInsn(IRETURN);
            Label end = new Label();
            mv.visitLabel(end);
            int size = end.getOffset();
            mv.visitMaxs(0, 0);
            mv.visitEnd();
            return size;
        }

        /**
         * Returns -1 if the code changed since the translation; then cuts the room to
         * MAX_CALL and loads the CPU's register array, the TLB arrays and the registers used
         * into locals.
         */
        private void prologue() {
            Label same = new Label();
            mv.visitVarInsn(ALOAD, 0);
            mv.visitVarInsn(ALOAD, CODE);
            mv.visitMethodInsn(INVOKEVIRTUAL, REGION, "unchanged", "([B)Z", false);
            mv.visitJumpInsn(IFNE, same);
            push(-1);
            mv.visitInsn(IRETURN);
            mv.visitLabel(same);
            mv.visitVarInsn(ILOAD, ROOM);
            push(MAX_CALL);
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", "min", "(II)I", false);
            mv.visitVarInsn(ISTORE, ROOM);
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
            for (int r = 1; r < NREGS; r++) {
                if (!used[r]) continue;
                mv.visitVarInsn(ALOAD, X);
                push(r);
                mv.visitInsn(LALOAD);
                mv.visitVarInsn(LSTORE, REGS + 2 * r);
            }
            mv.visitVarInsn(ILOAD, ROOM);
            mv.visitVarInsn(ISTORE, LEFT);
            mv.visitInsn(ICONST_0);
            mv.visitVarInsn(ISTORE, RESULT);
        }

        /**
         * Goes to the block starting at the pc in ADDR, or, if no block of the region starts
         * there (another page, a misaligned pc, code not in the region), sets the pc to it and
         * leaves.
         */
        private void emitDispatch() {
            Label outside = new Label();
            mv.visitLabel(dispatch);
            mv.visitVarInsn(LLOAD, ADDR);
            mv.visitLdcInsn(plan.base);
            mv.visitInsn(LSUB);
            mv.visitInsn(DUP2);
            mv.visitLdcInsn(~0xFF8L);
            mv.visitInsn(LAND);
            mv.visitInsn(LCONST_0);
            mv.visitInsn(LCMP);
            Label inPage = new Label();
            mv.visitJumpInsn(IFEQ, inPage);
            mv.visitInsn(POP2);
            mv.visitJumpInsn(GOTO, outside);
            mv.visitLabel(inPage);
            // The block index from the region's table of the page's slots, then a dense switch
            // on it: HotSpot makes that one indirect jump, which the host CPU predicts from its
            // history (the returns of a recursive function alternate between two places).
            mv.visitInsn(L2I);
            push(3);
            mv.visitInsn(IUSHR);
            mv.visitVarInsn(ISTORE, SLOT);
            mv.visitVarInsn(ALOAD, 0);
            mv.visitFieldInsn(GETFIELD, REGION, "blockAt", "[B");
            mv.visitVarInsn(ILOAD, SLOT);
            mv.visitInsn(BALOAD);
            mv.visitVarInsn(ISTORE, SLOT);
            mv.visitLabel(byIndex);
            mv.visitVarInsn(ILOAD, SLOT);
            // Only the entries: a case for any other block would be a second way into its loop.
            Label[] cases = new Label[plan.blocks()];
            for (int i = 0; i < cases.length; i++) cases[i] = layout.entry[i] ? entry[i] : outside;
            mv.visitTableSwitchInsn(0, plan.blocks() - 1, outside, cases);
            outOfLine.add(() -> {
                mv.visitLabel(outside);
                mv.visitVarInsn(ALOAD, CPU_);
                mv.visitVarInsn(LLOAD, ADDR);
                mv.visitFieldInsn(PUTFIELD, CPU, "pc", "J");
                ret(0);
            });
        }

        /** Emits block i: its entry checks, its instructions and its way out. */
        private void block(int i) {
            int len = plan.lengths[i];
            long pc0 = plan.pc(i);
            Label leave = new Label();
            current = i;
            mv.visitLabel(entry[i]);
            // Room for the whole block (in a counted plan, for its first instruction)?
            roomFor(plan.counted ? 1 : len, leave);
            for (int k = 0; k < len; k++) {
                long w = plan.word(i, k), pc = pc0 + 8L * k;
                if (plan.counted && k > 0) {
                    Label stop = new Label();
                    roomFor(k + 1, stop);
                    int done = k;
                    outOfLine.add(() -> {
                        mv.visitLabel(stop);
                        exit(pc, done);
                    });
                }
                if (!instruction(w, pc, k)) control(i, w, pc, k);
            }
            if (!JitRegionPlan.endsBlock(op(plan.word(i, len - 1)))) {
                mv.visitIincInsn(LEFT, -len);
                jump(pc0 + 8L * len);
            }
            outOfLine.add(() -> {
                mv.visitLabel(leave);
                exit(pc0, 0);
            });
        }

        /** Goes to {@code tooShort} unless the room left holds {@code n} more instructions. */
        private void roomFor(int n, Label tooShort) {
            mv.visitVarInsn(ILOAD, LEFT);
            push(n);
            mv.visitJumpInsn(IF_ICMPLT, tooShort);
        }

        /** Pushes the instructions done before the current block: the room less what is left. */
        private void done() {
            mv.visitVarInsn(ILOAD, ROOM);
            mv.visitVarInsn(ILOAD, LEFT);
            mv.visitInsn(ISUB);
        }

        /** Emits the instruction ending block i, word k, which changes the flow of control. */
        private void control(int i, long w, long pc, int k) {
            int op = op(w), rd = rd(w), rs1 = rs1(w), rs2 = rs2(w), imm = imm(w);
            switch (op) {
                case SYSCALL:
                    trap("SYSCALL", pc + 8, w);
                    ret(k + 1);
                    return;
                case BREAK:
                    trap("BREAKPOINT", pc, w);
                    ret(k);
                    return;
                case BEQ: branch(k, pc, rs1, rs2, imm, false, IFEQ); return;
                case BNE: branch(k, pc, rs1, rs2, imm, false, IFNE); return;
                case BLT: branch(k, pc, rs1, rs2, imm, false, IFLT); return;
                case BGE: branch(k, pc, rs1, rs2, imm, false, IFGE); return;
                case BLTU: branch(k, pc, rs1, rs2, imm, true, IFLT); return;
                case BGEU: branch(k, pc, rs1, rs2, imm, true, IFGE); return;
                case JAL:
                    if (begin(rd)) { mv.visitLdcInsn(pc + 8); end(NONE); }
                    mv.visitIincInsn(LEFT, -(k + 1));
                    jump(pc + imm);
                    return;
                case JALR:
                    reg(rs1);                          // the target, read before rd is written
                    mv.visitLdcInsn((long) imm);
                    mv.visitInsn(LADD);
                    mv.visitVarInsn(LSTORE, ADDR);
                    if (begin(rd)) { mv.visitLdcInsn(pc + 8); end(NONE); }
                    mv.visitIincInsn(LEFT, -(k + 1));
                    if (rd == 0) returns();
                    mv.visitJumpInsn(GOTO, dispatch);
                    return;
                default:
                    atomic(w, pc, k);
            }
        }

        /**
         * A jalr that links nothing (a {@code ret}), its target in ADDR: goes straight to each
         * return point of the region (the instruction after a call) that a {@code goto} may
         * reach from this block (JitLayout.direct), when the target is that point; anything
         * else goes on to the switch.
         */
        private void returns() {
            for (long back : layout.returnPoints) {
                int j = plan.blockAt(back);
                if (!layout.direct(current, j)) continue;
                mv.visitVarInsn(LLOAD, ADDR);
                mv.visitLdcInsn(back);
                mv.visitInsn(LCMP);
                mv.visitJumpInsn(IFEQ, entry[j]);
            }
        }

        /** A conditional branch, the k-th instruction of its block: to pc + imm if taken, else on. */
        private void branch(int k, long pc, int rs1, int rs2, int imm, boolean unsigned, int cond) {
            Label taken = new Label();
            mv.visitIincInsn(LEFT, -(k + 1));
            reg(rs1);
            reg(rs2);
            compareLongs(unsigned);
            mv.visitJumpInsn(cond, taken);
            jump(pc + 8);
            mv.visitLabel(taken);
            jump(pc + imm);
        }

        /**
         * Goes on at {@code target} (the block's count already taken from LEFT): its block if in
         * the region, with a {@code goto} where the layout allows it (JitLayout.direct) and else
         * through the switch (the target is then an entry); outside the region, leaves.
         */
        private void jump(long target) {
            int j = plan.blockAt(target);
            if (j < 0) {
                exit(target, 0);
            } else if (layout.direct(current, j)) {
                mv.visitJumpInsn(GOTO, entry[j]);
            } else {
                push(j);
                mv.visitVarInsn(ISTORE, SLOT);
                mv.visitJumpInsn(GOTO, byIndex);
            }
        }

        /**
         * An atomic (cas, faa, xchg), the last instruction of its block. Cpu.atomicFrame works
         * on the register array, so the three registers it reads go there first and rd comes
         * back after it; then the region goes on to the next block, unless the atomic trapped
         * (it leaves at the atomic, nothing done) or worked on the frame of the code being run
         * (it leaves after it, as a store there does: the code may have changed).
         */
        private void atomic(long w, long pc, int k) {
            int op = op(w), rd = rd(w), rs1 = rs1(w), rs2 = rs2(w);
            Label trapped = new Label(), codeWritten = new Label();
            for (int r : new int[] {rs1, rs2, rd}) {
                if (r == 0) continue;
                mv.visitVarInsn(ALOAD, X);
                push(r);
                reg(r);
                mv.visitInsn(LASTORE);
            }
            mv.visitVarInsn(ALOAD, CPU_);
            push(op); push(rd); push(rs1); push(rs2); push(imm(w));
            mv.visitLdcInsn(pc);
            mv.visitLdcInsn(w);
            mv.visitVarInsn(ALOAD, CODE);
            mv.visitMethodInsn(INVOKESTATIC, REGION, "atomic", "(L" + CPU + ";IIIIIJJ[B)I", false);
            mv.visitInsn(DUP);
            mv.visitVarInsn(ISTORE, OFF);
            mv.visitJumpInsn(IFLT, trapped);
            if (begin(rd)) {
                mv.visitVarInsn(ALOAD, X);
                push(rd);
                mv.visitInsn(LALOAD);
                end(NONE);
            }
            mv.visitVarInsn(ILOAD, OFF);
            mv.visitJumpInsn(IFNE, codeWritten);
            mv.visitIincInsn(LEFT, -(k + 1));
            jump(pc + 8);
            outOfLine.add(() -> {
                mv.visitLabel(trapped);         // the atomic recorded its trap; the pc stays at it
                exit(pc, k);
                mv.visitLabel(codeWritten);
                exit(pc + 8, k + 1);
            });
        }

    }
}
