package vm;

import java.util.Arrays;

/**
 * The page-table arrays of one machine that no page table uses any more, kept for the next
 * table to reuse, as Linux's quicklists (mm/quicklist.c, until Linux 5.4) kept freed
 * page-table pages zeroed for quick reuse. The frame a table is paid for with goes back to
 * {@link PhysicalMemory} as soon as the table is dropped, so the accounting is unchanged;
 * only the Java array that stood for it waits here. Without these lists a process that forks
 * and exits in a loop would leave its child's directories (three to six arrays of 2 KiB) to
 * the garbage collector at every round (docs/PERFORMANCE.md, "Process creation").
 *
 * <p>Every array on a list is clean: a directory holds only nulls, a leaf only zero entries,
 * one sharer and no mark. {@link PageTable} gives back only clean arrays and so always gets
 * clean ones. At most {@link #LIMIT} arrays of each level are kept, so that the host memory
 * of a burst of processes that have gone away is given back to the garbage collector
 * beyond that. One machine's tables are changed on one host thread: no locking.
 */
final class Quicklist {
    /** The most arrays kept per level: with leaves of 4 KiB and directories of 2 KiB, 640 KiB. */
    static final int LIMIT = 64;

    private final PageTable.Leaf[] leaves = new PageTable.Leaf[LIMIT];
    private final PageTable.Leaf[][] middles = new PageTable.Leaf[LIMIT][];
    private final PageTable.Leaf[][][] uppers = new PageTable.Leaf[LIMIT][][];
    private final PageTable.Leaf[][][][] roots = new PageTable.Leaf[LIMIT][][][];
    private int leafCount, middleCount, upperCount, rootCount;
    /** Arrays made new because the list of their level was empty, since the machine started. */
    private long created;

    /** A leaf with no entries, one sharer and no mark. */
    PageTable.Leaf leaf() {
        if (leafCount > 0) {
            PageTable.Leaf l = leaves[--leafCount];
            leaves[leafCount] = null;
            return l;
        }
        created++;
        return new PageTable.Leaf(new long[PageTable.ENTRIES]);
    }

    /** A private copy of {@code original}'s entries and mark, one sharer, in no page table yet. */
    PageTable.Leaf copyOf(PageTable.Leaf original) {
        PageTable.Leaf c = leaf();
        System.arraycopy(original.ptes, 0, c.ptes, 0, PageTable.ENTRIES);
        c.allCow = original.allCow;
        return c;
    }

    /**
     * Takes back a leaf no page table holds any more; its entries need not be zero (they are
     * cleared here), but nothing may use it afterwards.
     */
    void free(PageTable.Leaf leaf) {
        if (leafCount == LIMIT) return;
        Arrays.fill(leaf.ptes, 0);
        leaf.sharers = 1;
        leaf.allCow = false;
        leaves[leafCount++] = leaf;
    }

    /** A level-2 directory of nulls. */
    PageTable.Leaf[] middle() {
        if (middleCount > 0) {
            PageTable.Leaf[] d = middles[--middleCount];
            middles[middleCount] = null;
            return d;
        }
        created++;
        return new PageTable.Leaf[PageTable.ENTRIES];
    }

    /** Takes back a level-2 directory that holds only nulls. */
    void free(PageTable.Leaf[] middle) {
        if (middleCount < LIMIT) middles[middleCount++] = middle;
    }

    /** A level-3 directory of nulls. */
    PageTable.Leaf[][] upper() {
        if (upperCount > 0) {
            PageTable.Leaf[][] d = uppers[--upperCount];
            uppers[upperCount] = null;
            return d;
        }
        created++;
        return new PageTable.Leaf[PageTable.ENTRIES][];
    }

    /** Takes back a level-3 directory that holds only nulls. */
    void free(PageTable.Leaf[][] upper) {
        if (upperCount < LIMIT) uppers[upperCount++] = upper;
    }

    /** A top-level table of nulls. */
    PageTable.Leaf[][][] root() {
        if (rootCount > 0) {
            PageTable.Leaf[][][] r = roots[--rootCount];
            roots[rootCount] = null;
            return r;
        }
        created++;
        return new PageTable.Leaf[PageTable.ENTRIES][][];
    }

    /** Takes back a top-level table that holds only nulls. */
    void free(PageTable.Leaf[][][] root) {
        if (rootCount < LIMIT) roots[rootCount++] = root;
    }

    /** How many page-table arrays of all levels were made new since the machine started. */
    long created() {
        return created;
    }
}
