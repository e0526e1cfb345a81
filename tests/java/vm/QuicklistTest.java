package vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Page-table arrays go back to the machine's quicklist when their tables are dropped and new
 * tables take them from there: a reused array holds nothing of its last table, a machine whose
 * address spaces come and go stops making arrays, and the list keeps at most
 * {@link Quicklist#LIMIT} arrays of a level.
 */
class QuicklistTest {
    static final long RW = Pte.READ | Pte.WRITE;
    static final long ONE_GIB = 1L << 30, TWO_MIB = 2L << 20;

    @Test
    void aTableBuiltFromReusedArraysMapsNothingOfTheOldOne() {
        PhysicalMemory phys = PhysicalMemory.ofFrames(256);
        AddressSpace old = new AddressSpace(phys);
        for (long va : new long[] {0x10000, 0x10000 + TWO_MIB, 0x10000 + ONE_GIB, 0x7fff_0000_0000L}) assertTrue(old.map(va, 4, RW));
        old.clear();
        long made = phys.quicklist().created();

        AddressSpace fresh = new AddressSpace(phys);
        assertTrue(fresh.map(0x20000, 1, RW));
        assertEquals(made, phys.quicklist().created(), "the new tables are the old ones' arrays");
        for (long va : new long[] {0x10000, 0x13000, 0x10000 + TWO_MIB, 0x10000 + ONE_GIB, 0x7fff_0000_0000L}) {
            assertEquals(0, fresh.pte(va), "nothing left at 0x" + Long.toHexString(va));
        }
        assertTrue(Pte.isPresent(fresh.pte(0x20000)));
    }

    @Test
    void leavesDroppedByUnmapAndCopiedByAWriteAreReused() throws MemoryFault {
        PhysicalMemory phys = PhysicalMemory.ofFrames(256);
        AddressSpace parent = new AddressSpace(phys);
        assertTrue(parent.map(0x10000, 8, RW));
        parent.write64(0x10000, 1);
        for (int round = 0; round < 20; round++) {
            AddressSpace child = parent.copyOnWrite();
            child.write64(0x10000, round); // the child copies the shared leaf, then the page
            assertEquals(1, parent.read64(0x10000));
            assertTrue(parent.map(0x10000 + 4 * ONE_GIB, 1, RW)); // new directories and a leaf...
            parent.unmap(0x10000 + 4 * ONE_GIB, 1); // ...dropped at once
            child.clear();
        }
        long made = phys.hostArraysCreated();
        for (int round = 0; round < 20; round++) {
            AddressSpace child = parent.copyOnWrite();
            child.write64(0x10000, round);
            assertTrue(parent.map(0x10000 + 4 * ONE_GIB, 1, RW));
            parent.unmap(0x10000 + 4 * ONE_GIB, 1);
            child.clear();
        }
        assertEquals(made, phys.hostArraysCreated(), "twenty more rounds made no array");
        assertEquals(1, parent.read64(0x10000));
        assertEquals(0, parent.pte(0x10000 + 4 * ONE_GIB));
    }

    @Test
    void theListKeepsAtMostItsLimitOfEachLevel() {
        PhysicalMemory phys = PhysicalMemory.ofFrames(4096);
        int spaces = Quicklist.LIMIT + 10;
        AddressSpace[] all = new AddressSpace[spaces];
        for (int i = 0; i < spaces; i++) {
            all[i] = new AddressSpace(phys);
            assertTrue(all[i].map(0x10000, 1, RW)); // a root, two directories and a leaf each
        }
        for (AddressSpace as : all) as.clear();
        long made = phys.quicklist().created();
        for (int i = 0; i < spaces; i++) assertTrue(all[i].map(0x10000, 1, RW));
        assertEquals(made + 4 * 10, phys.quicklist().created(), "the ten tables beyond the limit were made anew");
    }
}
