package vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Test fixture: one CPU on one address space with four read-execute code pages at
 * {@link #CODE} and four read-write data pages at {@link #DATA}. Programs are instruction
 * words made with {@link Isa#encode}, written straight into the code frames.
 */
final class Machine {
    static final long CODE = 0x400000;
    static final long DATA = 0x600000;
    static final int R = (int) Pte.READ, W = (int) Pte.WRITE, X = (int) Pte.EXEC;

    final PhysicalMemory phys;
    final AddressSpace mm;
    final Cpu cpu = new Cpu(0);

    Machine() {
        this(PhysicalMemory.ofFrames(256));
    }

    Machine(PhysicalMemory phys) {
        this.phys = phys;
        mm = new AddressSpace(phys);
        mm.map(CODE, 4, R | X);
        mm.map(DATA, 4, R | W);
        Context ctx = new Context();
        ctx.pc = CODE;
        cpu.loadContext(ctx, mm);
    }

    /** Writes {@code words} at CODE and puts the pc there. */
    Machine code(long... words) {
        poke(CODE, words);
        cpu.setPc(CODE);
        return this;
    }

    /** Writes 64-bit words at {@code va} through the frames, ignoring permissions. */
    void poke(long va, long... words) {
        for (int i = 0; i < words.length; i++) {
            long a = va + 8L * i;
            byte[] frame = phys.data(Pte.frame(mm.pte(a)));
            LittleEndian.store(frame, (int) a & 0xFFF, 8, words[i]);
        }
    }

    /** Reads the byte at {@code va} through the frames, ignoring permissions. */
    int peekByte(long va) {
        return phys.data(Pte.frame(mm.pte(va)))[(int) va & 0xFFF] & 0xFF;
    }

    /** Runs and asserts that no trap happened and all {@code budget} instructions executed. */
    void runClean(long budget) {
        long n = cpu.run(budget);
        assertNull(cpu.trap(), () -> "unexpected trap " + cpu.trap());
        assertEquals(budget, n);
    }

    /** Runs one instruction expecting a trap; returns it. */
    Trap runTrap() {
        long n = cpu.run(1);
        Trap t = cpu.trap();
        assertNotNull(t, "expected a trap");
        assertEquals(t.cause() == TrapCause.SYSCALL ? 1 : 0, n);
        return t;
    }

    long reg(int r) {
        return cpu.reg(r);
    }

    void set(int r, long v) {
        cpu.setReg(r, v);
    }

    // Registers the one-instruction helpers use: rd = t2, rs1 = t0, rs2 = t1.
    static final int RD = Isa.T2, RS1 = Isa.T0, RS2 = Isa.T1;

    /** Executes {@code op rd, rs1, rs2} with the given operand values on a fresh machine. */
    static long rrr(int op, long a, long b) {
        Machine m = new Machine().code(Isa.encode(op, RD, RS1, RS2, 0));
        m.set(RS1, a);
        m.set(RS2, b);
        m.set(RD, 0x5A5A5A5A5A5A5A5AL);
        m.runClean(1);
        return m.reg(RD);
    }

    /** Executes {@code op rd, rs1, imm}. */
    static long rri(int op, long a, int imm) {
        Machine m = new Machine().code(Isa.encode(op, RD, RS1, 0, imm));
        m.set(RS1, a);
        m.runClean(1);
        return m.reg(RD);
    }

    /** Executes {@code op rd, rs1}. */
    static long rr(int op, long a) {
        Machine m = new Machine().code(Isa.encode(op, RD, RS1, 0, 0));
        m.set(RS1, a);
        m.runClean(1);
        return m.reg(RD);
    }

    /** Executes {@code op rd, rs1, rs2} expecting a trap; checks rd is unchanged. */
    static Trap rrrTrap(int op, long a, long b) {
        Machine m = new Machine().code(Isa.encode(op, RD, RS1, RS2, 0));
        m.set(RS1, a);
        m.set(RS2, b);
        m.set(RD, 12345);
        Trap t = m.runTrap();
        assertEquals(12345, m.reg(RD), "a trapping instruction must not write rd");
        assertEquals(CODE, m.cpu.pc());
        return t;
    }
}
