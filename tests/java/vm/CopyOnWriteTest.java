package vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vm.Isa.*;

import lab.PartOfLab;
import org.junit.jupiter.api.Test;

/** Fork-style sharing: COW marks, fault resolution, private copies and reference counts. */
class CopyOnWriteTest {
    static final long DATA = Machine.DATA;

    /** A child CPU running {@code child}, about to store a2 at 0(a1) = DATA. */
    static Cpu storingCpu(AddressSpace child, Machine parent) {
        parent.code(encode(SD, 0, A1, A2, 0));
        Cpu cpu = new Cpu(1);
        Context ctx = new Context();
        ctx.pc = Machine.CODE;
        ctx.regs[A1] = DATA;
        ctx.regs[A2] = 222;
        cpu.loadContext(ctx, child);
        return cpu;
    }

    @Test
    @PartOfLab("cow")
    void forkSharesFramesAndMarksPrivatePagesCowInBoth() throws MemoryFault {
        Machine m = new Machine();
        m.mm.write64(DATA, 111);
        int used = m.phys.allocatedFrames();
        AddressSpace child = m.mm.copyOnWrite();
        assertEquals(used, m.phys.allocatedFrames(), "fork must not copy frames");
        assertEquals(Pte.frame(m.mm.pte(DATA)), Pte.frame(child.pte(DATA)));
        assertEquals(1, m.phys.refCount(Pte.frame(m.mm.pte(DATA))), "one shared leaf, one reference");
        assertTrue(Pte.isCow(m.mm.pte(DATA)));
        assertTrue(Pte.isCow(child.pte(DATA)));
        assertEquals(111, child.read64(DATA));
        assertEquals(m.mm.residentPages(), child.residentPages());
    }

    @Test
    @PartOfLab("cow")
    void writeInChildFaultsAndResolvingGivesAPrivateCopy() throws MemoryFault {
        Machine m = new Machine();
        m.mm.write64(DATA, 111);
        AddressSpace child = m.mm.copyOnWrite();
        Cpu cpu = storingCpu(child, m);

        assertEquals(0, cpu.run(1));
        Trap t = cpu.trap();
        assertEquals(TrapCause.PAGE_FAULT, t.cause());
        assertEquals(AccessKind.WRITE, t.access());
        assertEquals(FaultKind.COPY_ON_WRITE, t.fault());
        assertTrue(t.isCopyOnWrite());
        assertEquals(DATA, t.address());

        assertEquals(CowResult.COPIED, child.resolveCow(t.address()));
        assertEquals(1, cpu.run(1));
        assertEquals(null, cpu.trap());
        assertEquals(222, child.read64(DATA));
        assertEquals(111, m.mm.read64(DATA), "the parent keeps its value");
        assertNotEquals(Pte.frame(m.mm.pte(DATA)), Pte.frame(child.pte(DATA)));
        assertEquals(1, m.phys.refCount(Pte.frame(m.mm.pte(DATA))));
        assertEquals(1, m.phys.refCount(Pte.frame(child.pte(DATA))));
    }

    @Test
    @PartOfLab("cow")
    void lastSharerIsMadeWritableWithoutACopy() throws MemoryFault {
        Machine m = new Machine();
        AddressSpace child = m.mm.copyOnWrite();
        assertEquals(CowResult.COPIED, child.resolveCow(DATA));
        int used = m.phys.allocatedFrames();
        // The parent still has the COW mark, but is now the frame's only user.
        m.code(encode(SD, 0, A1, A2, 0));
        m.set(A1, DATA);
        m.set(A2, 5);
        Trap t = m.runTrap();
        assertEquals(FaultKind.COPY_ON_WRITE, t.fault());
        assertEquals(CowResult.REUSED, m.mm.resolveCow(DATA));
        assertEquals(used, m.phys.allocatedFrames());
        m.runClean(1);
        assertEquals(5, m.mm.read64(DATA));
        assertEquals(0, child.read64(DATA));
    }

    @Test
    @PartOfLab("cow")
    void refcountsFreeEveryFrameExactlyOnce() {
        Machine m = new Machine();
        int before = m.phys.allocatedFrames();
        AddressSpace child = m.mm.copyOnWrite();
        AddressSpace grandchild = child.copyOnWrite();
        assertEquals(1, m.phys.refCount(Pte.frame(m.mm.pte(DATA))), "three sharers of one leaf");
        assertEquals(CowResult.COPIED, child.resolveCow(DATA + 4096));
        assertEquals(2, m.phys.refCount(Pte.frame(m.mm.pte(DATA))), "the child's own leaf maps it too");
        assertEquals(before + 1, m.phys.allocatedFrames());
        child.clear();
        assertEquals(before, m.phys.allocatedFrames());
        m.mm.clear();
        grandchild.clear(); // would throw on a double free
        assertEquals(0, m.phys.usedFrames());
    }

    @Test
    void copyOutBreaksCowAndLeavesTheOtherSideAlone() throws MemoryFault {
        Machine m = new Machine();
        m.mm.write64(DATA, 1);
        AddressSpace child = m.mm.copyOnWrite();
        assertEquals(AddressSpace.NO_FAULT, child.copyOut(DATA + 4090, new byte[] {9, 9, 9, 9, 9, 9, 9, 9, 9, 9}, 0, 10));
        assertEquals(1, m.mm.read64(DATA));
        assertEquals(0, m.mm.read8(DATA + 4090));
        assertEquals(9, child.read8(DATA + 4096 + 3));
        child.write64(DATA, 2);
        assertEquals(1, m.mm.read64(DATA));
        assertEquals(2, child.read64(DATA));
    }

    @Test
    @PartOfLab("cow")
    void readOnlyPagesStayReadOnlyAfterForkAndCopyIfMadeWritable() {
        Machine m = new Machine();
        AddressSpace child = m.mm.copyOnWrite();
        assertEquals(CowResult.NOT_COW, child.resolveCow(Machine.CODE), "text is not writable");
        assertEquals(CowResult.NOT_COW, child.resolveCow(0x1234_0000));
        long[] parentPte = {m.mm.pte(Machine.CODE)};
        child.protect(Machine.CODE, 1, Pte.READ | Pte.WRITE);
        assertEquals(CowResult.COPIED, child.resolveCow(Machine.CODE));
        assertEquals(parentPte[0], m.mm.pte(Machine.CODE));
    }

    @Test
    void sharedPagesStaySharedAndWritableAcrossFork() throws MemoryFault {
        Machine m = new Machine();
        m.mm.map(0x5000_0000, 1, Pte.READ | Pte.WRITE | Pte.SHARED);
        AddressSpace child = m.mm.copyOnWrite();
        assertEquals("rw-s", Pte.describe(child.pte(0x5000_0000)));
        child.write32(0x5000_0000, 42);
        assertEquals(42, m.mm.read32(0x5000_0000));
    }

    @Test
    @PartOfLab("cow")
    void resolveCowReportsOutOfMemoryAndChangesNothing() throws MemoryFault {
        PhysicalMemory phys = PhysicalMemory.ofFrames(32); // room for the child's page tables
        Machine m = new Machine(phys);
        AddressSpace child = m.mm.copyOnWrite();
        while (phys.allocate() != PhysicalMemory.NO_FRAME) { }
        long pte = child.pte(DATA);
        assertEquals(CowResult.OUT_OF_MEMORY, child.resolveCow(DATA));
        assertEquals(pte, child.pte(DATA));
        long f = child.copyOut(DATA, new byte[1], 0, 1);
        assertEquals(DATA, f);
        assertTrue(Pte.isCow(child.pte(f)), "the kernel can tell ENOMEM from EFAULT");
    }
}
