package vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static vm.Isa.*;

import org.junit.jupiter.api.Test;

/** run(K) executes exactly K instructions unless a trap comes first; how each trap is reported. */
class TrapAndBudgetTest {
    static final long CODE = Machine.CODE;

    /** An endless loop of 4 instructions counting iterations in a0. */
    static Machine loop() {
        return new Machine().code(
                encode(ADDI, A0, A0, 0, 1),
                encode(ADDI, A1, A1, 0, 1),
                encode(NOP, 0, 0, 0, 0),
                encode(JAL, ZERO, 0, 0, -24));
    }

    @Test
    void runExecutesExactlyTheBudgetInALoop() {
        Machine m = loop();
        assertEquals(4003, m.cpu.run(4003));
        assertNull(m.cpu.trap());
        assertEquals(1001, m.reg(A0));
        assertEquals(1001, m.reg(A1));
        assertEquals(CODE + 24, m.cpu.pc());
        assertEquals(4003, m.cpu.retired());
    }

    @Test
    void budgetsAddUpAcrossCalls() {
        Machine a = loop(), b = loop();
        a.runClean(1_000_000);
        for (int i = 0; i < 1000; i++) b.runClean(i % 7 + 1);
        for (int i = 0; i < 4000 - 1000; i++) b.runClean(1);
        long done = b.cpu.retired();
        b.runClean(1_000_000 - done);
        assertEquals(a.reg(A0), b.reg(A0));
        assertEquals(a.cpu.pc(), b.cpu.pc());
    }

    @Test
    void zeroOrNegativeBudgetExecutesNothing() {
        Machine m = loop();
        assertEquals(0, m.cpu.run(0));
        assertEquals(0, m.cpu.run(-5));
        assertEquals(CODE, m.cpu.pc());
        assertNull(m.cpu.trap());
    }

    @Test
    void trapBeforeTheBudgetStopsEarlyAndDoesNotCount() {
        Machine m = new Machine().code(encode(NOP, 0, 0, 0, 0), encode(NOP, 0, 0, 0, 0), encode(BREAK, 0, 0, 0, 0));
        assertEquals(2, m.cpu.run(100));
        Trap t = m.cpu.trap();
        assertEquals(TrapCause.BREAKPOINT, t.cause());
        assertEquals(CODE + 16, t.pc());
        assertEquals(CODE + 16, m.cpu.pc());
        assertEquals(2, m.cpu.retired());
    }

    @Test
    void syscallCountsAndReportsThePcAfterIt() {
        Machine m = new Machine().code(encode(LI, A7, 0, 0, 60), encode(SYSCALL, 0, 0, 0, 0), encode(LI, A0, 0, 0, 5));
        assertEquals(2, m.cpu.run(100));
        Trap t = m.cpu.trap();
        assertEquals(TrapCause.SYSCALL, t.cause());
        assertEquals(CODE + 16, t.pc());
        assertEquals(CODE + 16, m.cpu.pc());
        assertEquals(60, m.reg(A7));
        // The kernel puts the result in a0 and resumes.
        m.cpu.setReg(A0, -38);
        m.runClean(1);
        assertEquals(5, m.reg(A0));
        assertEquals(3, m.cpu.retired());
    }

    @Test
    void budgetEndingJustBeforeASyscallDoesNotExecuteIt() {
        Machine m = new Machine().code(encode(NOP, 0, 0, 0, 0), encode(SYSCALL, 0, 0, 0, 0));
        m.runClean(1);
        assertEquals(1, m.cpu.run(1));
        assertEquals(TrapCause.SYSCALL, m.cpu.trap().cause());
    }

    @Test
    void budgetEndingJustBeforeAFaultDoesNotReportIt() {
        Machine m = new Machine().code(encode(NOP, 0, 0, 0, 0), encode(0, 0, 0, 0, 0));
        m.runClean(1);
        assertEquals(CODE + 8, m.cpu.pc());
        assertEquals(0, m.cpu.run(1));
        assertEquals(TrapCause.ILLEGAL_INSTRUCTION, m.cpu.trap().cause());
    }

    @Test
    void budgetEndingAtTheEndOfACodePageDoesNotFetchTheNextPage() {
        Machine m = new Machine();
        m.mm.unmap(CODE + 4096, 1);
        m.cpu.setPc(CODE + 4096 - 8);
        m.poke(CODE + 4096 - 8, encode(NOP, 0, 0, 0, 0));
        m.runClean(1);
        assertEquals(CODE + 4096, m.cpu.pc());
        Trap t = m.runTrap();
        assertEquals(AccessKind.EXECUTE, t.access());
    }

    @Test
    void misalignedPcTraps() {
        Machine m = new Machine();
        m.cpu.setPc(CODE + 4);
        Trap t = m.runTrap();
        assertEquals(TrapCause.MISALIGNED, t.cause());
        assertEquals(CODE + 4, t.pc());
        assertEquals(AccessKind.EXECUTE, t.access());
    }

    @Test
    void everyMisalignedPcInTheFirstPageTrapsOnTheFirstFetch() {
        // The interpreter's one-page code cache must not take these for its starting page.
        for (long pc = 1; pc < 0x1010; pc += 8) {
            Machine m = new Machine();
            m.cpu.setPc(pc);
            Trap t = m.runTrap();
            assertEquals(TrapCause.MISALIGNED, t.cause(), "pc " + pc);
            assertEquals(pc, t.pc());
        }
    }

    @Test
    void trapIsClearedByTheNextRun() {
        Machine m = new Machine().code(encode(BREAK, 0, 0, 0, 0), encode(NOP, 0, 0, 0, 0));
        m.runTrap();
        m.cpu.setPc(CODE + 8);
        m.runClean(1);
    }

    @Test
    void contextRoundTripsThroughSaveAndLoad() {
        Machine m = loop();
        m.set(S1, 0x1234);
        m.runClean(10);
        Context saved = new Context();
        m.cpu.saveContext(saved);
        assertEquals(m.cpu.pc(), saved.pc);
        assertEquals(0x1234, saved.regs[S1]);
        assertEquals(3, saved.regs[A0]);

        Cpu other = new Cpu(1);
        Context copy = saved.copy();
        copy.regs[ZERO] = 99; // ignored on load
        other.loadContext(copy, m.mm);
        assertEquals(0, other.reg(ZERO));
        other.run(10);
        m.cpu.run(10);
        assertEquals(m.reg(A0), other.reg(A0));
        assertEquals(m.cpu.pc(), other.pc());
        assertEquals(3, saved.regs[A0], "a saved context is a copy, not the live registers");
    }

    @Test
    void cpuWithNoAddressSpaceFaultsOnFetch() {
        Cpu cpu = new Cpu(3);
        assertEquals(3, cpu.id());
        assertEquals(0, cpu.run(10));
        assertEquals(FaultKind.NOT_PRESENT, cpu.trap().fault());
    }

    @Test
    void trapDescribesItself() {
        Trap t = new Trap(TrapCause.PAGE_FAULT, 0x400010, 0x1000, AccessKind.WRITE, FaultKind.COPY_ON_WRITE, 0);
        assertEquals("page_fault at pc 0x400010: write 0x1000 (copy-on-write)", t.toString());
    }
}
