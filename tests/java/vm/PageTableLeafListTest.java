package vm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The page table's sorted list of leaves, which fork and exit walk instead of scanning the
 * upper levels (docs/PERFORMANCE.md, "Process creation").
 */
class PageTableLeafListTest {
    private static List<Long> visitedBases(PageTable t) {
        List<Long> bases = new ArrayList<>();
        t.forEachLeaf((base, ptes) -> bases.add(base));
        return bases;
    }

    @Test
    void leavesAreVisitedInAddressOrderWhateverTheOrderOfCreation() {
        PageTable t = new PageTable(PhysicalMemory.ofFrames(64));
        long stack = (PageTable.VPN_LIMIT - 1) & ~(long) PageTable.INDEX_MASK;
        long text = 0x400, heap = 0x10000 + 512 * 3;
        t.set(stack + 5, 1);
        t.set(text + 1, 2);
        t.set(heap, 3);
        t.set(text + 2, 4); // same leaf as text + 1: no new entry
        assertEquals(List.of(text & ~511L, heap, stack), visitedBases(t));
        assertEquals(3, t.leafCount());
        for (int k = 0; k < t.leafCount(); k++) assertSame(t.leaf(t.leafBase(k), false), t.leafAt(k));
    }

    @Test
    void anAdoptedLeafIsFoundByLookupAndInTheList() {
        PageTable t = new PageTable(PhysicalMemory.ofFrames(64));
        t.set(0x800, 7);
        long[] leaf = new long[PageTable.ENTRIES];
        leaf[3] = 42;
        int before = t.tableCount();
        t.adoptLeaf(0x400, leaf);
        assertEquals(42, t.get(0x403));
        assertEquals(List.of(0x400L, 0x800L), visitedBases(t));
        assertEquals(before + 1, t.tableCount());
        assertArrayEquals(leaf, t.leafAt(0));
    }

    @Test
    void adoptingOverAnExistingLeafOrAtAnUnalignedBaseIsABug() {
        PageTable t = new PageTable(PhysicalMemory.ofFrames(64));
        t.set(0x400, 1);
        assertThrows(IllegalStateException.class, () -> t.adoptLeaf(0x400, new long[PageTable.ENTRIES]));
        assertThrows(IllegalArgumentException.class, () -> t.adoptLeaf(0x401, new long[PageTable.ENTRIES]));
    }
}
