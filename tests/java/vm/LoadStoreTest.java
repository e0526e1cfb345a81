package vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vm.Isa.*;

import org.junit.jupiter.api.Test;

/** Loads and stores: widths, extension, byte order, unaligned and page-straddling accesses. */
class LoadStoreTest {
    static final long DATA = Machine.DATA;

    /** Executes one load at {@code va} with memory at DATA holding {@code words}; returns rd. */
    static long load(int op, long va, long... words) {
        Machine m = new Machine();
        m.poke(DATA, words);
        m.code(encode(op, A0, A1, 0, 0));
        m.set(A1, va);
        m.runClean(1);
        return m.reg(A0);
    }

    @Test
    void loadsSignOrZeroExtend() {
        long w = 0x8899_AABB_CCDD_EEFFL;
        assertEquals((byte) 0xFF, load(LB, DATA, w));
        assertEquals(0xFF, load(LBU, DATA, w));
        assertEquals((short) 0xEEFF, load(LH, DATA, w));
        assertEquals(0xEEFF, load(LHU, DATA, w));
        assertEquals(0xFFFF_FFFF_CCDD_EEFFL, load(LW, DATA, w));
        assertEquals(0xCCDD_EEFFL, load(LWU, DATA, w));
        assertEquals(w, load(LD, DATA, w));
        assertEquals(0x7F, load(LB, DATA, 0x7F));
    }

    @Test
    void memoryIsLittleEndian() {
        assertEquals(0xDD, load(LBU, DATA + 2, 0x8899_AABB_CCDD_EEFFL));
        assertEquals(0x8899, load(LHU, DATA + 6, 0x8899_AABB_CCDD_EEFFL));
    }

    @Test
    void unalignedLoadsWithinAPage() {
        assertEquals(0x1122_3344_5566_7788L >>> 8 | 0x99L << 56,
                load(LD, DATA + 1, 0x1122_3344_5566_7788L, 0x99));
        assertEquals(0x5566_77, load(LWU, DATA + 1, 0x0000_0000_5566_7788L) & 0xFF_FFFF);
    }

    @Test
    void immediateOffsetMayBeNegative() {
        Machine m = new Machine();
        m.poke(DATA, 42);
        m.code(encode(LD, A0, A1, 0, -16));
        m.set(A1, DATA + 16);
        m.runClean(1);
        assertEquals(42, m.reg(A0));
    }

    @Test
    void storesWriteOnlyTheirWidth() {
        Machine m = new Machine();
        m.poke(DATA, -1L, -1L, -1L, -1L);
        m.code(encode(SB, 0, A1, A0, 0), encode(SH, 0, A1, A0, 8), encode(SW, 0, A1, A0, 16), encode(SD, 0, A1, A0, 24),
                encode(LD, A2, A1, 0, 0), encode(LD, A3, A1, 0, 8), encode(LD, A4, A1, 0, 16), encode(LD, A5, A1, 0, 24));
        m.set(A1, DATA);
        m.set(A0, 0x0102_0304_0506_0708L);
        m.runClean(8);
        assertEquals(0xFFFF_FFFF_FFFF_FF08L, m.reg(A2));
        assertEquals(0xFFFF_FFFF_FFFF_0708L, m.reg(A3));
        assertEquals(0xFFFF_FFFF_0506_0708L, m.reg(A4));
        assertEquals(0x0102_0304_0506_0708L, m.reg(A5));
    }

    @Test
    void loadsStraddlingTwoPages() {
        Machine m = new Machine();
        long edge = DATA + 4096;
        m.poke(edge - 8, 0x0807_0605_0403_0201L);
        m.poke(edge, 0x100F_0E0D_0C0B_0A09L);
        m.code(encode(LHU, A0, A1, 0, -1), encode(LW, A2, A1, 0, -2), encode(LD, A3, A1, 0, -3), encode(LH, A4, A1, 0, -1));
        m.set(A1, edge);
        m.runClean(4);
        assertEquals(0x0908, m.reg(A0));
        assertEquals(0x0A09_0807, m.reg(A2));
        assertEquals(0x0D0C_0B0A_0908_0706L, m.reg(A3));
        assertEquals(0x0908, m.reg(A4));
    }

    @Test
    void storesStraddlingTwoPages() {
        Machine m = new Machine();
        long edge = DATA + 4096; // DATA has edges at +4096, +8192 and +12288
        m.code(encode(SH, 0, A1, A0, -1), encode(SW, 0, A1, A0, 4096 - 2), encode(SD, 0, A1, A0, 8192 - 5));
        m.set(A1, edge);
        m.set(A0, 0x8877_6655_4433_2211L);
        m.runClean(3);
        for (int k = 0; k < 2; k++) assertEquals(0x11 * (k + 1), m.peekByte(edge - 1 + k));
        for (int k = 0; k < 4; k++) assertEquals(0x11 * (k + 1), m.peekByte(edge + 4096 - 2 + k));
        for (int k = 0; k < 8; k++) assertEquals(0x11 * (k + 1), m.peekByte(edge + 8192 - 5 + k));
    }

    @Test
    void straddlingLoadIntoUnmappedPageFaultsWithoutChangingTheRegister() {
        Machine m = new Machine();
        long end = DATA + 4 * 4096; // the data mapping ends here
        m.code(encode(LD, A0, A1, 0, -4));
        m.set(A1, end);
        m.set(A0, 777);
        Trap t = m.runTrap();
        assertEquals(TrapCause.PAGE_FAULT, t.cause());
        assertEquals(AccessKind.READ, t.access());
        assertEquals(FaultKind.NOT_PRESENT, t.fault());
        assertEquals(end, t.address());
        assertEquals(777, m.reg(A0));
    }

    @Test
    void straddlingStoreIntoUnmappedPageWritesNothing() {
        for (int op : new int[] {SH, SW, SD}) {
            Machine m = new Machine();
            long end = DATA + 4 * 4096;
            m.code(encode(op, 0, A1, A0, -1));
            m.set(A1, end);
            m.set(A0, -1);
            Trap t = m.runTrap();
            assertEquals(AccessKind.WRITE, t.access());
            assertEquals(end, t.address());
            assertEquals(0, m.peekByte(end - 1), mnemonic(op) + " wrote part of its value");
        }
    }

    @Test
    void straddlingStoreIntoReadOnlyPageWritesNothing() {
        Machine m = new Machine();
        long edge = DATA + 4096;
        m.mm.protect(edge, 1, Pte.READ);
        m.code(encode(SD, 0, A1, A0, -4));
        m.set(A1, edge);
        m.set(A0, -1);
        Trap t = m.runTrap();
        assertEquals(FaultKind.PROTECTION, t.fault());
        assertEquals(edge, t.address());
        for (int k = 1; k <= 4; k++) assertEquals(0, m.peekByte(edge - k));
    }

    @Test
    void loadFromUnmappedAddressFaults() {
        Machine m = new Machine().code(encode(LW, A0, A1, 0, 8));
        m.set(A1, 0x1000_0000);
        Trap t = m.runTrap();
        assertEquals(TrapCause.PAGE_FAULT, t.cause());
        assertEquals(0x1000_0008, t.address());
        assertEquals(AccessKind.READ, t.access());
        assertEquals(FaultKind.NOT_PRESENT, t.fault());
        assertEquals(Machine.CODE, t.pc());
        assertEquals(encode(LW, A0, A1, 0, 8), t.instruction());
    }

    @Test
    void addressesBeyond48BitsFault() {
        Machine m = new Machine().code(encode(LB, A0, A1, 0, 0));
        m.set(A1, 1L << 48 | DATA);
        assertEquals(FaultKind.NOT_PRESENT, m.runTrap().fault());
        m.code(encode(SB, 0, A1, A0, 0));
        m.set(A1, -8);
        assertEquals(AccessKind.WRITE, m.runTrap().access());
    }

    @Test
    void storeToReadOnlyPageIsAWriteProtectionFault() {
        Machine m = new Machine().code(encode(SW, 0, A1, A0, 0));
        m.set(A1, Machine.CODE + 0x800);
        Trap t = m.runTrap();
        assertEquals(TrapCause.PAGE_FAULT, t.cause());
        assertEquals(AccessKind.WRITE, t.access());
        assertEquals(FaultKind.PROTECTION, t.fault());
        assertEquals(Machine.CODE + 0x800, t.address());
    }

    @Test
    void loadFromPageWithoutReadPermissionFaults() {
        Machine m = new Machine();
        m.mm.protect(DATA, 1, Pte.WRITE);
        m.code(encode(LD, A0, A1, 0, 0));
        m.set(A1, DATA);
        Trap t = m.runTrap();
        assertEquals(AccessKind.READ, t.access());
        assertEquals(FaultKind.PROTECTION, t.fault());
    }

    @Test
    void executeFromNonExecutablePageIsAnExecuteFault() {
        Machine m = new Machine().code(encode(JALR, ZERO, A1, 0, 0));
        m.set(A1, DATA);
        m.poke(DATA, encode(NOP, 0, 0, 0, 0));
        assertEquals(1, m.cpu.run(5));
        Trap t = m.cpu.trap();
        assertEquals(TrapCause.PAGE_FAULT, t.cause());
        assertEquals(AccessKind.EXECUTE, t.access());
        assertEquals(FaultKind.PROTECTION, t.fault());
        assertEquals(DATA, t.pc());
        assertEquals(DATA, t.address());
    }

    @Test
    void fetchFromUnmappedPageFaults() {
        Machine m = new Machine();
        m.cpu.setPc(0x7000_0000);
        Trap t = m.runTrap();
        assertEquals(AccessKind.EXECUTE, t.access());
        assertEquals(FaultKind.NOT_PRESENT, t.fault());
        assertEquals(0x7000_0000, t.address());
    }

    @Test
    void faultedLoadResumesAfterTheKernelMapsThePage() {
        Machine m = new Machine().code(encode(LD, A0, A1, 0, 0));
        m.set(A1, 0x2000_0000);
        assertEquals(FaultKind.NOT_PRESENT, m.runTrap().fault());
        m.mm.map(0x2000_0000, 1, Pte.READ | Pte.WRITE);
        m.poke(0x2000_0000, 99);
        m.runClean(1);
        assertEquals(99, m.reg(A0));
    }

    @Test
    void storeSetsTheDirtyBitAndLoadOnlyTheAccessedBit() {
        Machine m = new Machine().code(encode(LD, A0, A1, 0, 0), encode(SD, 0, A1, A0, 4096));
        m.set(A1, DATA);
        long before = m.mm.pte(DATA + 4096);
        assertEquals(0, before & (Pte.ACCESSED | Pte.DIRTY));
        m.runClean(2);
        assertEquals(Pte.ACCESSED, m.mm.pte(DATA) & (Pte.ACCESSED | Pte.DIRTY));
        assertEquals(Pte.ACCESSED | Pte.DIRTY, m.mm.pte(DATA + 4096) & (Pte.ACCESSED | Pte.DIRTY));
    }

    @Test
    void storeIntoTheInstructionStreamIsSeenByTheNextFetch() {
        Machine m = new Machine();
        m.mm.protect(Machine.CODE, 1, Pte.READ | Pte.WRITE | Pte.EXEC);
        m.code(encode(SD, 0, A1, A2, 8), encode(LI, A0, 0, 0, 1));
        m.set(A1, Machine.CODE);
        m.set(A2, encode(LI, A0, 0, 0, 2));
        m.runClean(2);
        assertEquals(2, m.reg(A0));
    }
}
