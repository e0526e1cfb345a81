package vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vm.Isa.*;

import lab.PartOfLab;
import org.junit.jupiter.api.Test;

/**
 * Fork with shared leaf tables: parent and child share each last-level table until one of
 * them changes it, and frames are counted once per leaf that maps them (AddressSpace's class
 * comment, docs/PERFORMANCE.md "Process creation").
 */
class SharedLeafForkTest {
    static final long DATA = Machine.DATA;

    private static int frameAt(AddressSpace mm, long va) {
        return Pte.frame(mm.pte(va));
    }

    @Test
    @PartOfLab("cow")
    void forkTakesNoFrameReferences() throws MemoryFault {
        Machine m = new Machine();
        m.mm.write64(DATA, 7);
        AddressSpace child = m.mm.copyOnWrite();
        for (int p = 0; p < 4; p++) {
            assertEquals(1, m.phys.refCount(frameAt(m.mm, DATA + 4096L * p)));
            assertEquals(frameAt(m.mm, DATA + 4096L * p), frameAt(child, DATA + 4096L * p));
        }
        assertEquals(7, child.read64(DATA));
    }

    @Test
    @PartOfLab("cow")
    void aWriteInTheChildCopiesItsLeafAndOnePage() throws MemoryFault {
        Machine m = new Machine();
        m.mm.write64(DATA, 111);
        int used = m.phys.allocatedFrames();
        AddressSpace child = m.mm.copyOnWrite();
        child.write64(DATA, 222);
        assertEquals(used + 1, m.phys.allocatedFrames(), "one page copied");
        assertEquals(111, m.mm.read64(DATA));
        assertEquals(222, child.read64(DATA));
        // The other data pages are now mapped by two leaves: the parent's and the child's copy.
        assertEquals(2, m.phys.refCount(frameAt(m.mm, DATA + 4096)));
        assertEquals(frameAt(m.mm, DATA + 4096), frameAt(child, DATA + 4096));
        assertTrue(Pte.isCow(child.pte(DATA + 4096)), "the rest of the copied leaf stays COW");
        child.clear();
        assertEquals(used, m.phys.allocatedFrames());
        m.mm.clear();
        assertEquals(0, m.phys.usedFrames());
    }

    @Test
    @PartOfLab("cow")
    void unmapInTheParentLeavesTheChildsMappingsAlone() throws MemoryFault {
        Machine m = new Machine();
        m.mm.write64(DATA + 4096, 5);
        int used = m.phys.allocatedFrames();
        AddressSpace child = m.mm.copyOnWrite();
        m.mm.unmap(DATA, 4);
        assertEquals(0, m.mm.pte(DATA + 4096));
        assertEquals(5, child.read64(DATA + 4096));
        assertEquals(8, child.residentPages(), "four code pages and four data pages");
        assertEquals(used, m.phys.allocatedFrames(), "the child still maps the data frames");
        assertEquals(1, m.phys.refCount(frameAt(child, DATA + 4096)));
        child.clear();
        assertEquals(used - 4, m.phys.allocatedFrames());
        m.mm.clear();
        assertEquals(0, m.phys.usedFrames());
    }

    @Test
    @PartOfLab("cow")
    void aForkOfAForkSharesTheSameLeavesAndFreesEachFrameOnce() throws MemoryFault {
        Machine m = new Machine();
        m.mm.write64(DATA, 1);
        int used = m.phys.allocatedFrames();
        AddressSpace child = m.mm.copyOnWrite();
        AddressSpace grandchild = child.copyOnWrite();
        grandchild.write64(DATA, 3);
        child.write64(DATA, 2);
        assertEquals(used + 2, m.phys.allocatedFrames());
        assertEquals(1, m.mm.read64(DATA));
        assertEquals(2, child.read64(DATA));
        assertEquals(3, grandchild.read64(DATA));
        m.mm.clear();
        child.clear();
        grandchild.clear();
        assertEquals(0, m.phys.usedFrames());
    }

    @Test
    @PartOfLab("cow")
    void theParentMayExitFirst() throws MemoryFault {
        Machine m = new Machine();
        m.mm.write64(DATA, 9);
        AddressSpace child = m.mm.copyOnWrite();
        AddressSpace grandchild = child.copyOnWrite();
        m.mm.clear();
        assertEquals(9, child.read64(DATA));
        child.clear();
        assertEquals(9, grandchild.read64(DATA));
        // The last sharer owns the leaf alone now: a write reuses the frame.
        assertEquals(CowResult.REUSED, grandchild.resolveCow(DATA));
        grandchild.write64(DATA, 10);
        assertEquals(10, grandchild.read64(DATA));
        grandchild.clear();
        assertEquals(0, m.phys.usedFrames());
    }

    @Test
    void mprotectOnASharedRangeChangesOnlyTheCaller() throws MemoryFault {
        Machine m = new Machine();
        AddressSpace child = m.mm.copyOnWrite();
        m.mm.protect(DATA, 4, Pte.READ);
        assertThrows(MemoryFault.class, () -> m.mm.write64(DATA, 1));
        assertTrue(Pte.canRead(m.mm.pte(DATA)));
        assertTrue((child.pte(DATA) & Pte.WRITE) != 0, "the child keeps write permission");
        child.write64(DATA, 4);
        assertEquals(4, child.read64(DATA));
        assertEquals(0, m.mm.read64(DATA));
        m.mm.clear();
        child.clear();
        assertEquals(0, m.phys.usedFrames());
    }

    @Test
    void aMapOverASharedLeafReplacesThePageForTheCallerOnly() throws MemoryFault {
        Machine m = new Machine();
        m.mm.write64(DATA, 6);
        AddressSpace child = m.mm.copyOnWrite();
        assertTrue(child.map(DATA, 1, Pte.READ | Pte.WRITE));
        assertEquals(0, child.read64(DATA));
        assertEquals(6, m.mm.read64(DATA));
        child.clear();
        m.mm.clear();
        assertEquals(0, m.phys.usedFrames());
    }

    @Test
    void aCpuKeepsCorrectTranslationsWhenTheOtherSharerCopiesTheLeaf() throws MemoryFault {
        Machine m = new Machine();
        m.mm.write64(DATA, 50);
        // The parent's CPU loads from DATA twice; between the loads the child writes there and
        // then unmaps the range, both through its own copy of the leaf.
        m.code(encode(LD, T2, A1, 0, 0), encode(LD, T3, A1, 0, 0));
        m.set(A1, DATA);
        AddressSpace child = m.mm.copyOnWrite();
        m.runClean(1);
        assertEquals(50, m.reg(T2));
        child.write64(DATA, 60);
        child.unmap(DATA, 4);
        m.runClean(1);
        assertEquals(50, m.reg(T3));
        assertFalse(Pte.isPresent(child.pte(DATA)));
        m.mm.clear();
        child.clear();
        assertEquals(0, m.phys.usedFrames());
    }

    @Test
    @PartOfLab("cow")
    void aStoreFaultOnASharedLeafIsRepairedByResolveCow() throws MemoryFault {
        Machine m = new Machine();
        AddressSpace child = m.mm.copyOnWrite();
        Cpu cpu = CopyOnWriteTest.storingCpu(child, m);
        assertEquals(0, cpu.run(1));
        assertEquals(FaultKind.COPY_ON_WRITE, cpu.trap().fault());
        assertEquals(CowResult.COPIED, child.resolveCow(DATA));
        assertEquals(1, cpu.run(1));
        assertEquals(222, child.read64(DATA));
        assertEquals(0, m.mm.read64(DATA));
    }

    @Test
    @PartOfLab("cow")
    void pagesMadeWritableAfterAForkAreMarkedAgainAtTheNextFork() throws MemoryFault {
        Machine m = new Machine();
        m.mm.copyOnWrite().clear();
        m.mm.write64(DATA, 1); // the parent owns the leaf alone again: REUSED, COW bit gone
        assertTrue(m.mm.map(DATA + 4 * 4096, 1, Pte.READ | Pte.WRITE));
        assertFalse(Pte.isCow(m.mm.pte(DATA)));
        AddressSpace child = m.mm.copyOnWrite();
        assertTrue(Pte.isCow(m.mm.pte(DATA)));
        assertTrue(Pte.isCow(m.mm.pte(DATA + 4 * 4096)));
        child.write64(DATA, 2);
        child.write64(DATA + 4 * 4096, 3);
        assertEquals(1, m.mm.read64(DATA));
        assertEquals(0, m.mm.read64(DATA + 4 * 4096));
        assertEquals(m.mm.residentPages(), child.residentPages());
        child.clear();
        m.mm.clear();
        assertEquals(0, m.phys.usedFrames());
    }

    @Test
    void unmappingAHugeRangeOverSharedLeavesLeavesTheChildAlone() throws MemoryFault {
        Machine m = new Machine();
        m.mm.write64(DATA, 8);
        AddressSpace child = m.mm.copyOnWrite();
        m.mm.unmap(0, 1L << 24); // far more than 64 leaves: only the existing leaves are visited
        assertEquals(0, m.mm.residentPages());
        assertEquals(0, m.mm.pte(DATA));
        assertEquals(8, child.read64(DATA));
        child.clear();
        m.mm.clear();
        assertEquals(0, m.phys.usedFrames());
    }
}
