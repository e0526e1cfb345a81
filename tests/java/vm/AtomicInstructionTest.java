package vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vm.Isa.*;

import lab.PartOfLab;
import org.junit.jupiter.api.Test;

/** cas, faa and xchg in both widths: results, old values, alignment and permissions. */
class AtomicInstructionTest {
    static final long DATA = Machine.DATA;

    /** Runs {@code op a0, a2, 0(a1)} with a0 = rd, a2 = src, memory at DATA = mem. */
    static Machine atomic(int op, long rd, long src, long mem) {
        Machine m = new Machine();
        m.poke(DATA, mem);
        m.code(encode(op, A0, A1, A2, 0));
        m.set(A0, rd);
        m.set(A1, DATA);
        m.set(A2, src);
        m.runClean(1);
        return m;
    }

    static long mem(Machine m) throws MemoryFault {
        return m.mm.read64(DATA);
    }

    @Test
    void casSucceedsWhenMemoryEqualsExpected() throws MemoryFault {
        Machine m = atomic(CASD, 5, 9, 5);
        assertEquals(9, mem(m));
        assertEquals(5, m.reg(A0));
    }

    @Test
    void casFailsAndReturnsTheCurrentValue() throws MemoryFault {
        Machine m = atomic(CASD, 4, 9, 5);
        assertEquals(5, mem(m));
        assertEquals(5, m.reg(A0));
    }

    @Test
    void casWordComparesLowHalfAndSignExtendsTheOldValue() throws MemoryFault {
        Machine m = atomic(CASW, 0x7_8000_0000L, 0x1_2345_6789L, 0xAAAA_AAAA_8000_0000L);
        assertEquals(0xAAAA_AAAA_2345_6789L, mem(m)); // only the low word is written
        assertEquals(0xFFFF_FFFF_8000_0000L, m.reg(A0));
        Machine f = atomic(CASW, 1, 2, 3);
        assertEquals(3, mem(f));
        assertEquals(3, f.reg(A0));
    }

    @Test
    void fetchAndAddReturnsOldAndWraps() throws MemoryFault {
        Machine m = atomic(FAAD, 0, 1, Long.MAX_VALUE);
        assertEquals(Long.MIN_VALUE, mem(m));
        assertEquals(Long.MAX_VALUE, m.reg(A0));
        Machine w = atomic(FAAW, 0, 1, 0x5555_5555_7FFF_FFFFL);
        assertEquals(0x5555_5555_8000_0000L, mem(w));
        assertEquals(0x7FFF_FFFF, w.reg(A0));
    }

    @Test
    void exchangeSwapsAndSignExtendsWordResult() throws MemoryFault {
        Machine m = atomic(XCHGD, 0, 11, 22);
        assertEquals(11, mem(m));
        assertEquals(22, m.reg(A0));
        Machine w = atomic(XCHGW, 0, 0x1_0000_0001L, 0x9999_9999_FFFF_FFFEL);
        assertEquals(0x9999_9999_0000_0001L, mem(w));
        assertEquals(-2, w.reg(A0));
    }

    @Test
    void atomicWithZeroDestinationDiscardsTheOldValue() throws MemoryFault {
        Machine m = new Machine();
        m.poke(DATA, 40);
        m.code(encode(FAAD, ZERO, A1, A2, 0));
        m.set(A1, DATA);
        m.set(A2, 2);
        m.runClean(1);
        assertEquals(42, mem(m));
        assertEquals(0, m.reg(ZERO));
    }

    @Test
    void misalignedAtomicTrapsWithNoEffect() throws MemoryFault {
        for (int op : new int[] {CASW, CASD, FAAW, FAAD, XCHGW, XCHGD}) {
            boolean wide = op == CASD || op == FAAD || op == XCHGD;
            for (long off : wide ? new long[] {1, 2, 4} : new long[] {1, 2}) {
                Machine m = new Machine();
                m.poke(DATA, 0x1111, 0x2222);
                m.code(encode(op, A0, A1, A2, 0));
                m.set(A0, 0x1111);
                m.set(A1, DATA + off);
                Trap t = m.runTrap();
                assertEquals(TrapCause.MISALIGNED, t.cause(), mnemonic(op));
                assertEquals(DATA + off, t.address());
                assertEquals(Machine.CODE, t.pc());
                assertEquals(0x1111, m.reg(A0));
                assertEquals(0x1111, mem(m));
            }
        }
    }

    @Test
    void atomicOnReadOnlyPageIsAWriteFaultEvenIfCompareFails() {
        Machine m = new Machine();
        m.mm.protect(DATA, 1, Pte.READ);
        m.code(encode(CASD, A0, A1, A2, 0));
        m.set(A0, 1234); // memory holds 0, so the compare would fail
        m.set(A1, DATA);
        Trap t = m.runTrap();
        assertEquals(TrapCause.PAGE_FAULT, t.cause());
        assertEquals(AccessKind.WRITE, t.access());
        assertEquals(FaultKind.PROTECTION, t.fault());
        assertEquals(1234, m.reg(A0));
    }

    @Test
    void atomicOnUnmappedAddressFaults() {
        Machine m = new Machine().code(encode(XCHGW, A0, A1, A2, 0));
        m.set(A1, 0x3000_0000);
        Trap t = m.runTrap();
        assertEquals(FaultKind.NOT_PRESENT, t.fault());
        assertEquals(0x3000_0000, t.address());
    }

    @Test
    @PartOfLab("cow")
    void atomicOnCopyOnWritePageIsACowFault() {
        Machine m = new Machine();
        AddressSpace child = m.mm.copyOnWrite();
        m.code(encode(FAAD, A0, A1, A2, 0));
        m.set(A1, DATA);
        Trap t = m.runTrap();
        assertEquals(FaultKind.COPY_ON_WRITE, t.fault());
        assertEquals(AccessKind.WRITE, t.access());
        child.clear();
    }
}
