package vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vm.Isa.*;

import org.junit.jupiter.api.Test;

/** Branches, jal and jalr: targets relative to the instruction itself, and link values. */
class ControlFlowTest {
    static final long CODE = Machine.CODE;

    /** Runs "branch a, b, +16" at CODE and returns the pc after it. */
    static long branch(int op, long a, long b) {
        Machine m = new Machine().code(encode(op, 0, A0, A1, 16));
        m.set(A0, a);
        m.set(A1, b);
        m.runClean(1);
        return m.cpu.pc();
    }

    static void taken(int op, long a, long b) {
        assertEquals(CODE + 16, branch(op, a, b), mnemonic(op) + " " + a + ", " + b + " should be taken");
    }

    static void notTaken(int op, long a, long b) {
        assertEquals(CODE + 8, branch(op, a, b), mnemonic(op) + " " + a + ", " + b + " should fall through");
    }

    @Test
    void theMostNegativeImmediateJumpsBack2GiB() {
        // pc + imm with imm = -2^31 is below the code, in the upper half of the address space
        // (where nothing is mapped): the fetch there faults, under either engine.
        for (int op : new int[] {JAL, BEQ}) {
            Machine m = new Machine().code(encode(op, 0, 0, 0, Integer.MIN_VALUE));
            assertEquals(1, m.cpu.run(10));
            assertEquals(CODE - (1L << 31), m.cpu.pc(), mnemonic(op));
            assertEquals(CODE - (1L << 31), m.cpu.trap().address(), mnemonic(op));
        }
    }

    @Test
    void beqAndBne() {
        taken(BEQ, 3, 3);
        notTaken(BEQ, 3, 4);
        taken(BNE, 3, 4);
        notTaken(BNE, -1, -1);
    }

    @Test
    void bltAndBgeCompareSigned() {
        taken(BLT, -1, 0);
        notTaken(BLT, 0, 0);
        notTaken(BLT, 1, -1);
        taken(BGE, 0, 0);
        taken(BGE, 0, -1);
        notTaken(BGE, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    @Test
    void bltuAndBgeuCompareUnsigned() {
        taken(BLTU, 0, -1);
        notTaken(BLTU, -1, 0);
        notTaken(BLTU, 5, 5);
        taken(BGEU, -1, 0);
        taken(BGEU, 5, 5);
        notTaken(BGEU, Long.MAX_VALUE, Long.MIN_VALUE);
    }

    @Test
    void backwardBranchLoopsTheRightNumberOfTimes() {
        Machine m = new Machine().code(
                encode(LI, A0, 0, 0, 5),
                encode(ADDI, A1, A1, 0, 3),        // loop body
                encode(ADDI, A0, A0, 0, -1),
                encode(BNE, 0, A0, ZERO, -16),
                encode(BREAK, 0, 0, 0, 0));
        long n = m.cpu.run(1000);
        assertEquals(1 + 5 * 3, n);
        assertEquals(TrapCause.BREAKPOINT, m.cpu.trap().cause());
        assertEquals(15, m.reg(A1));
    }

    @Test
    void jalLinksTheNextInstructionAndJumpsRelative() {
        Machine m = new Machine().code(encode(NOP, 0, 0, 0, 0), encode(JAL, RA, 0, 0, 24));
        m.runClean(2);
        assertEquals(CODE + 16, m.reg(RA));
        assertEquals(CODE + 8 + 24, m.cpu.pc());
    }

    @Test
    void jalWithZeroDestinationIsAPlainJump() {
        Machine m = new Machine().code(encode(JAL, ZERO, 0, 0, 40));
        m.runClean(1);
        assertEquals(0, m.reg(ZERO));
        assertEquals(CODE + 40, m.cpu.pc());
    }

    @Test
    void jalrJumpsToRegisterPlusOffsetAndLinks() {
        Machine m = new Machine().code(encode(JALR, RA, A0, 0, 8));
        m.set(A0, CODE + 0x100);
        m.runClean(1);
        assertEquals(CODE + 8, m.reg(RA));
        assertEquals(CODE + 0x108, m.cpu.pc());
    }

    @Test
    void jalrReadsItsBaseBeforeWritingTheLink() {
        Machine m = new Machine().code(encode(JALR, A0, A0, 0, 0));
        m.set(A0, CODE + 0x200);
        m.runClean(1);
        assertEquals(CODE + 0x200, m.cpu.pc());
        assertEquals(CODE + 8, m.reg(A0));
    }

    @Test
    void retReturnsThroughRa() {
        Machine m = new Machine().code(
                encode(JAL, RA, 0, 0, 16),          // call f
                encode(BREAK, 0, 0, 0, 0),
                encode(LI, A0, 0, 0, 42),           // f:
                encode(JALR, ZERO, RA, 0, 0));      // ret
        assertEquals(3, m.cpu.run(100));
        assertEquals(TrapCause.BREAKPOINT, m.cpu.trap().cause());
        assertEquals(CODE + 8, m.cpu.pc());
        assertEquals(42, m.reg(A0));
    }

    @Test
    void jumpToAMisalignedTargetTrapsAtTheTarget() {
        Machine m = new Machine().code(encode(JALR, RA, A0, 0, 0));
        m.set(A0, CODE + 0x44);
        assertEquals(1, m.cpu.run(10));
        Trap t = m.cpu.trap();
        assertEquals(TrapCause.MISALIGNED, t.cause());
        assertEquals(CODE + 0x44, t.pc());
        assertEquals(CODE + 0x44, t.address());
        assertEquals(AccessKind.EXECUTE, t.access());
        assertEquals(CODE + 8, m.reg(RA)); // the jalr itself completed
    }

    @Test
    void branchToAMisalignedTargetTraps() {
        Machine m = new Machine().code(encode(BEQ, 0, ZERO, ZERO, 12));
        assertEquals(1, m.cpu.run(10));
        assertEquals(TrapCause.MISALIGNED, m.cpu.trap().cause());
        assertEquals(CODE + 12, m.cpu.pc());
    }

    @Test
    void executionContinuesAcrossACodePageBoundary() {
        Machine m = new Machine();
        m.poke(CODE + 4096 - 8, encode(LI, A0, 0, 0, 1));
        m.poke(CODE + 4096, encode(LI, A1, 0, 0, 2));
        m.cpu.setPc(CODE + 4096 - 8);
        m.runClean(2);
        assertEquals(1, m.reg(A0));
        assertEquals(2, m.reg(A1));
        assertEquals(CODE + 4096 + 8, m.cpu.pc());
    }
}
