package vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lab.PartOfLab;
import org.junit.jupiter.api.Test;

/**
 * Page tables are paid for in frames (meminfo's PageTables): each table level an address
 * space creates reserves a frame, a mapping that cannot have its tables fails as one without
 * a data frame does, fork pays for the child's tables, and freed tables give frames back.
 */
class PageTableFramesTest {
    static final long RW = Pte.READ | Pte.WRITE;
    static final long TWO_MIB = 2L << 20, ONE_GIB = 1L << 30;
    static final PhysicalMemory.KernelUse TABLES = PhysicalMemory.KernelUse.PAGE_TABLES;

    @Test
    void eachTableLevelTakesAFrame() {
        PhysicalMemory phys = PhysicalMemory.ofFrames(64);
        AddressSpace as = new AddressSpace(phys);
        assertEquals(0, as.pageTableFrames(), "an empty address space has no tables");
        assertTrue(as.map(0x4000_0000L, 1, RW));
        assertEquals(4, as.pageTableFrames(), "the root, two directories, a leaf");
        assertTrue(as.map(0x4000_0000L + TWO_MIB, 1, RW));
        assertEquals(5, as.pageTableFrames(), "another 2 MiB: one more leaf");
        assertTrue(as.map(0x4000_0000L + ONE_GIB, 1, RW));
        assertEquals(7, as.pageTableFrames(), "another 1 GiB: a level-2 directory and a leaf");
        assertEquals(7, phys.kernelFrames(TABLES));
        assertEquals(3, phys.allocatedFrames());
        assertEquals(10, phys.usedFrames());
    }

    @Test
    void aMappingWhoseTablesDoNotFitFailsAndChangesNothing() {
        PhysicalMemory phys = PhysicalMemory.ofFrames(5);
        AddressSpace as = new AddressSpace(phys);
        assertFalse(as.map(0x10000, 2, RW), "two pages and four tables are six frames");
        assertEquals(0, phys.usedFrames());
        assertEquals(0, as.pte(0x10000));
        assertTrue(as.map(0x10000, 1, RW));
        assertEquals(0, phys.freeFrames());
        as.unmap(0x10000, 1);
        assertEquals(0, phys.usedFrames());

        int shared = phys.allocate();
        AddressSpace other = new AddressSpace(phys);
        assertTrue(phys.reserve(1, PhysicalMemory.KernelUse.SLAB));
        assertFalse(other.mapFrame(0x10000, shared, RW), "three frames free, four tables needed");
        assertEquals(1, phys.refCount(shared));
        assertEquals(0, other.pageTableFrames());
    }

    @Test
    @PartOfLab("cow")
    void forkPaysForTheChildsTablesOrFailsCleanly() throws MemoryFault {
        PhysicalMemory phys = PhysicalMemory.ofFrames(16);
        AddressSpace parent = new AddressSpace(phys);
        assertTrue(parent.map(0x10000, 1, RW));
        assertTrue(parent.map(0x10000 + TWO_MIB, 1, RW));
        parent.write8(0x10000, 7);
        int tables = parent.pageTableFrames();
        assertEquals(5, tables);
        AddressSpace child = parent.copyOnWrite();
        assertNotNull(child);
        assertEquals(tables, child.pageTableFrames(), "the child pays for a copy of each table");
        assertEquals(2 * tables, phys.kernelFrames(TABLES));
        assertEquals(2, phys.allocatedFrames(), "no data frame is copied");

        // A private copy of a shared leaf costs nothing more: its sharer had paid for it.
        child.write8(0x10000, 8);
        assertEquals(2 * tables, phys.kernelFrames(TABLES));
        assertEquals(3, phys.allocatedFrames(), "the one page written is copied");

        // 16 frames: 2 x 5 tables and 3 data frames in use, 3 free: not enough for a third copy.
        assertNull(child.copyOnWrite());
        assertEquals(3, phys.freeFrames());
        assertFalse(Pte.isCow(child.pte(0x10000)), "a refused fork marks nothing copy-on-write");
        child.clear();
        parent.clear();
        assertEquals(0, phys.usedFrames());
    }

    @Test
    void unmappingGivesBackTheTablesThatMapNothingMore() {
        PhysicalMemory phys = PhysicalMemory.ofFrames(64);
        AddressSpace as = new AddressSpace(phys);
        long base = 0x4000_0000L;
        for (int i = 0; i < 8; i++) assertTrue(as.map(base + i * TWO_MIB, 1, RW));
        assertEquals(11, as.pageTableFrames());
        as.unmap(base, 2 * (TWO_MIB >>> 12));
        assertEquals(9, as.pageTableFrames(), "two leaves emptied and freed");
        assertTrue(as.map(base + 8 * TWO_MIB + 4096, 1, RW));
        as.unmap(base + 8 * TWO_MIB, 2);
        assertEquals(9, as.pageTableFrames(), "a leaf emptied by a partial unmap goes too");
        as.unmap(0, AddressSpace.LIMIT >>> 12);
        assertEquals(0, as.pageTableFrames(), "the directories and the root go with the last leaf");
        assertEquals(0, phys.usedFrames());
    }

    @Test
    void aSharedLeafEmptiedInOneAddressSpaceStaysForTheOther() throws MemoryFault {
        PhysicalMemory phys = PhysicalMemory.ofFrames(64);
        AddressSpace parent = new AddressSpace(phys);
        assertTrue(parent.map(0x10000, 2, RW));
        parent.write8(0x11000, 9);
        AddressSpace child = parent.copyOnWrite();
        parent.unmap(0x10000, 2);
        assertEquals(0, parent.pageTableFrames());
        assertEquals(4, child.pageTableFrames());
        assertEquals(9, child.read8(0x11000), "the child still maps its pages");
        child.clear();
        assertEquals(0, phys.usedFrames());
    }
}
