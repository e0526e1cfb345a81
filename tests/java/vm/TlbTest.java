package vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static vm.Isa.*;

import lab.PartOfLab;
import org.junit.jupiter.api.Test;

/** The software TLB never serves a translation the page table no longer has. */
class TlbTest {
    static final long DATA = Machine.DATA;

    /** A machine whose program is "ld a0, 0(a1); sd a2, 8(a1)" with a1 = DATA. */
    static Machine loadStore() {
        Machine m = new Machine().code(encode(LD, A0, A1, 0, 0), encode(SD, 0, A1, A2, 8), encode(JAL, ZERO, 0, 0, -16));
        m.set(A1, DATA);
        m.set(A2, 7);
        return m;
    }

    @Test
    void unmapIsSeenAtOnceByACpuWithTheTranslationCached() {
        Machine m = loadStore();
        m.runClean(30);
        m.mm.unmap(DATA, 1);
        m.cpu.setPc(Machine.CODE);
        Trap t = m.runTrap();
        assertEquals(FaultKind.NOT_PRESENT, t.fault());
        assertEquals(DATA, t.address());
    }

    @Test
    void protectIsSeenAtOnceByACpuWithWriteAccessCached() {
        Machine m = loadStore();
        m.runClean(30);
        m.mm.protect(DATA, 1, Pte.READ);
        m.cpu.setPc(Machine.CODE);
        assertEquals(1, m.cpu.run(10));
        Trap t = m.cpu.trap();
        assertEquals(AccessKind.WRITE, t.access());
        assertEquals(FaultKind.PROTECTION, t.fault());
    }

    @Test
    @PartOfLab("cow")
    void forkRevokesCachedWriteAccess() {
        Machine m = loadStore();
        m.runClean(30);
        AddressSpace child = m.mm.copyOnWrite();
        m.cpu.setPc(Machine.CODE);
        assertEquals(1, m.cpu.run(10));
        assertEquals(FaultKind.COPY_ON_WRITE, m.cpu.trap().fault());
        child.clear();
    }

    @Test
    @PartOfLab("cow")
    void cowCopyInAnotherCpuIsSeenByEveryCpuOfThatAddressSpace() throws MemoryFault {
        Machine m = new Machine();
        AddressSpace child = m.mm.copyOnWrite();
        // Two threads of the child on two CPUs: CPU 1 reads DATA (caching the shared frame),
        // then the kernel gives the child a private copy on CPU 2's write fault.
        Cpu reader = new Cpu(1), writer = new Cpu(2);
        m.code(encode(LD, A0, A1, 0, 0), encode(JAL, ZERO, 0, 0, -8));
        Context ctx = new Context();
        ctx.pc = Machine.CODE;
        ctx.regs[A1] = DATA;
        reader.loadContext(ctx, child);
        writer.loadContext(ctx, child);
        assertEquals(2, child.attachedCount());
        reader.run(10);
        assertEquals(CowResult.COPIED, child.resolveCow(DATA));
        child.write64(DATA, 55);
        reader.run(10);
        assertEquals(55, reader.reg(A0));
        assertEquals(0, m.mm.read64(DATA));
    }

    @Test
    void switchingAddressSpaceFlushesTheTlb() throws MemoryFault {
        Machine a = loadStore();
        a.mm.write64(DATA, 1);
        a.runClean(3);
        assertEquals(1, a.reg(A0));
        // A second process with different contents at the same virtual address.
        AddressSpace b = new AddressSpace(a.phys);
        b.map(Machine.CODE, 1, Pte.READ | Pte.EXEC);
        b.map(DATA, 1, Pte.READ | Pte.WRITE);
        b.write64(DATA, 2);
        int codeFrame = Pte.frame(b.pte(Machine.CODE));
        System.arraycopy(a.phys.data(Pte.frame(a.mm.pte(Machine.CODE))), 0, a.phys.data(codeFrame), 0, 4096);
        Context ctx = new Context();
        ctx.pc = Machine.CODE;
        ctx.regs[A1] = DATA;
        a.cpu.loadContext(ctx, b);
        assertEquals(0, a.mm.attachedCount());
        assertEquals(1, b.attachedCount());
        a.runClean(2);
        assertEquals(2, a.reg(A0));
        assertEquals(1, a.mm.read64(DATA));
    }

    @Test
    void threadSwitchWithinOneAddressSpaceKeepsTheTlb() {
        Machine m = loadStore();
        m.runClean(3);
        long flushes = m.cpu.tlb().flushes;
        Context other = new Context();
        other.pc = Machine.CODE;
        m.cpu.loadContext(other, m.mm);
        assertEquals(flushes, m.cpu.tlb().flushes);
        m.cpu.releaseAddressSpace();
        assertNull(m.cpu.addressSpace());
        assertEquals(0, m.mm.attachedCount());
    }

    @Test
    void remappingTheCodePageRunsTheNewCode() {
        Machine m = new Machine().code(encode(LI, A0, 0, 0, 1), encode(JAL, ZERO, 0, 0, -8));
        m.runClean(5);
        assertEquals(1, m.reg(A0));
        m.mm.map(Machine.CODE, 1, Pte.READ | Pte.EXEC);
        m.poke(Machine.CODE, encode(LI, A0, 0, 0, 2), encode(JAL, ZERO, 0, 0, -8));
        m.runClean(5);
        assertEquals(2, m.reg(A0));
    }

    @Test
    void manyPagesThatCollideInTheTlbStayCorrect() throws MemoryFault {
        Machine m = new Machine();
        long stride = (long) Tlb.SIZE * 4096; // every page maps to the same TLB slot
        for (int k = 0; k < 4; k++) {
            m.mm.map(0x1000_0000L + k * stride, 1, Pte.READ | Pte.WRITE);
            m.mm.write64(0x1000_0000L + k * stride, k + 10);
        }
        m.code(encode(LD, A0, A1, 0, 0), encode(ADD, S1, S1, A0, 0), encode(SD, 0, A1, S1, 8), encode(ADD, A1, A1, A2, 0));
        m.set(A1, 0x1000_0000L);
        m.set(A2, stride);
        for (int k = 0; k < 4; k++) {
            m.cpu.setPc(Machine.CODE);
            m.runClean(4);
        }
        assertEquals(10 + 11 + 12 + 13, m.reg(S1));
        assertEquals(10 + 11, m.mm.read64(0x1000_0000L + stride + 8));
    }

    @Test
    void aFullFlushForgetsEveryTranslationWhetherFewOrManySlotsWereFilled() {
        byte[] frame = new byte[4096];
        for (int pages : new int[] {3, Tlb.SIZE - 1, Tlb.SIZE, 3 * Tlb.SIZE + 7}) {
            Tlb tlb = new Tlb();
            for (long vpn = 0x400; vpn < 0x400 + pages; vpn++) {
                tlb.fillData(vpn, frame, true, vpn % 2 == 0);
                tlb.fillExec(vpn + 0x100000, frame);
            }
            tlb.flushAll();
            for (int i = 0; i < Tlb.SIZE; i++) {
                assertEquals(Tlb.INVALID, tlb.readTag[i], pages + " pages, slot " + i);
                assertEquals(Tlb.INVALID, tlb.writeTag[i], pages + " pages, slot " + i);
                assertEquals(Tlb.INVALID, tlb.execTag[i], pages + " pages, slot " + i);
                assertNull(tlb.dataPage[i]);
                assertNull(tlb.execPage[i]);
            }
            // And again after a flush: the list of filled slots starts over.
            tlb.fillData(0x401, frame, true, true);
            tlb.flushAll();
            assertEquals(Tlb.INVALID, tlb.readTag[0x401 & Tlb.MASK]);
        }
    }
}
