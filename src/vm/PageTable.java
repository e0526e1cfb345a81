package vm;

/**
 * A four-level page table, shaped like x86-64's: a 48-bit virtual address is split into four
 * 9-bit indexes and a 12-bit page offset.
 *
 * <pre>
 *   47      39 38      30 29      21 20      12 11         0
 *   | level 4 | level 3  | level 2  | level 1  |   offset   |
 * </pre>
 *
 * Each level is a table of 512 entries. The last level holds the PTEs themselves, as longs
 * (see {@link Pte}); the upper levels point to the table below. Unlike hardware, the upper
 * levels are Java references rather than frame numbers and the tables are Java arrays, but
 * each one is paid for with a frame of the machine's memory, as Linux's page tables are:
 * creating a table (the root included) reserves one frame for
 * {@link PhysicalMemory.KernelUse#PAGE_TABLES}, and dropping it gives the frame back, so
 * {@link #tableCount()} frames are reserved at all times. Tables are created on demand;
 * {@link #freeTables} drops those an unmapped range leaves empty and {@link #release} all
 * of them. A caller must make sure, with {@link #missingTables}, that the frames for the
 * tables an operation creates are free before it starts: running out half-way is a bug.
 * The arrays of dropped tables go to the machine's {@link Quicklist}, and new tables take
 * theirs from it, so that processes coming and going do not feed the garbage collector
 * (docs/PERFORMANCE.md, "Process creation").
 *
 * <p>Besides the tree, the table keeps a list of its last-level tables sorted by address, so
 * that fork and exit, which visit every leaf, go straight from one leaf to the next
 * instead of scanning the 512-entry upper levels for the few that are in use (a process has a
 * handful of leaves; the scan cost more than the leaves themselves, see docs/PERFORMANCE.md).
 *
 * <p><b>Shared leaves.</b> A last-level table is held in a {@link Leaf}, which fork may put
 * into several page tables at once (the parent's and the child's): see {@link #shareLeaf}.
 * Its {@link Leaf#sharers} counts them. This class only records the sharing; the rule that a
 * shared leaf is never changed, except for the accessed and dirty bits, but first copied by
 * the address space that wants to change it, is kept by {@link AddressSpace}.
 *
 * <p>This class only stores entries; {@link AddressSpace} gives them meaning. It works in
 * virtual page numbers (vpn = address >>> 12, below 2^36).
 */
final class PageTable {
    static final int BITS = 9;
    static final int ENTRIES = 1 << BITS;
    static final int INDEX_MASK = ENTRIES - 1;
    /** Number of virtual page numbers: 2^36, i.e. a 48-bit address space of 4 KiB pages. */
    static final long VPN_LIMIT = 1L << (4 * BITS);

    /** Receives each last-level table that exists, with the vpn of its entry 0. */
    interface LeafVisitor {
        void visit(long firstVpn, long[] ptes);
    }

    /**
     * A last-level table: 512 PTEs and the number of page tables that hold it. A leaf with
     * more than one sharer holds one frame reference per present entry for all of them
     * together (docs/PERFORMANCE.md, "Process creation").
     */
    static final class Leaf {
        final long[] ptes;
        /** How many page tables hold this leaf; 1 for a private leaf. */
        int sharers = 1;
        /**
         * True if every present entry without the SHARED bit is known to have the COW bit, so
         * that fork need not look at the entries again. Whoever stores an entry without COW
         * must clear it.
         */
        boolean allCow;

        Leaf(long[] ptes) {
            this.ptes = ptes;
        }

        /** True while more than one page table holds this leaf. */
        boolean isShared() {
            return sharers > 1;
        }
    }

    private final PhysicalMemory phys;
    /** Where this table's arrays come from and go back to: its machine's. */
    private final Quicklist quicklist;
    /** The top level, made with the first table below it; null while the table is empty. */
    private Leaf[][][] root;
    private int tables;
    /**
     * The last-level tables in ascending address order: leaves[k] maps vpns leafBases[k] and
     * on. Empty until the first leaf, so that fork can size the child's lists at once.
     */
    private Leaf[] leaves = NO_LEAVES;
    private long[] leafBases = NO_BASES;
    private static final Leaf[] NO_LEAVES = {};
    private static final long[] NO_BASES = {};
    private int leafCount;

    /** An empty page table (no tables yet, so no frames) whose tables are paid for in {@code phys}. */
    PageTable(PhysicalMemory phys) {
        this.phys = phys;
        this.quicklist = phys.quicklist();
    }

    /** The PTE for {@code vpn}, or 0 if none (also for a vpn outside the address space). */
    long get(long vpn) {
        long[] leaf = leaf(vpn, false);
        return leaf == null ? 0 : leaf[(int) vpn & INDEX_MASK];
    }

    /** Stores {@code pte} for {@code vpn}, creating the tables on the way if needed. */
    void set(long vpn, long pte) {
        Leaf node = node(vpn, true);
        node.ptes[(int) vpn & INDEX_MASK] = pte;
        node.allCow = false;
    }

    /**
     * The last-level table that holds the entry for {@code vpn}; its index there is
     * {@code vpn & INDEX_MASK}. Returns null if that table does not exist and {@code create}
     * is false, or if vpn is outside the address space. The entries may belong to a shared
     * leaf: a caller that changes more than accessed/dirty bits must own the leaf first.
     */
    long[] leaf(long vpn, boolean create) {
        Leaf node = node(vpn, create);
        return node == null ? null : node.ptes;
    }

    /** Like {@link #leaf}, but the {@link Leaf} itself, to see or change its sharing. */
    Leaf node(long vpn, boolean create) {
        Leaf[] l2 = directory(vpn, create);
        if (l2 == null) return null;
        int i2 = (int) (vpn >>> BITS) & INDEX_MASK;
        Leaf l1 = l2[i2];
        if (l1 == null) {
            if (!create) return null;
            reserveTable();
            l1 = l2[i2] = quicklist.leaf();
            remember(vpn & ~(long) INDEX_MASK, l1);
        }
        return l1;
    }

    /**
     * Installs {@code leaf} (512 PTEs, now owned by this table alone) as the last-level table
     * for the vpns from {@code base}, which must be 512-aligned and have no table yet.
     */
    void adoptLeaf(long base, long[] leaf) {
        if (leaf.length != ENTRIES) throw new IllegalArgumentException("bad leaf");
        shareLeaf(base, new Leaf(leaf));
    }

    /**
     * Installs {@code leaf} as the last-level table for the vpns from {@code base} (512-aligned,
     * no table there yet) without copying it. The caller counts the new sharer in
     * {@link Leaf#sharers}: fork does, to give the child the parent's leaves. Each sharer pays
     * a frame for the leaf, as if it had its own copy (as it has on Linux), so that making a
     * private copy later ({@code AddressSpace}'s ownLeaf) costs nothing more and cannot fail.
     */
    void shareLeaf(long base, Leaf leaf) {
        if ((base & INDEX_MASK) != 0) throw new IllegalArgumentException("bad leaf base 0x" + Long.toHexString(base));
        Leaf[] l2 = directory(base, true);
        int i2 = (int) (base >>> BITS) & INDEX_MASK;
        if (l2[i2] != null) throw new IllegalStateException("leaf already present at vpn 0x" + Long.toHexString(base));
        reserveTable();
        l2[i2] = leaf;
        remember(base, leaf);
    }

    /**
     * A private copy of {@code leaf}'s entries and mark, with one sharer and in no table yet,
     * for an address space that stops sharing it to put in with {@link #replaceLeaf}.
     */
    Leaf copyOf(Leaf leaf) {
        return quicklist.copyOf(leaf);
    }

    /**
     * Puts {@code replacement} in place of the existing last-level table at {@code base}, in
     * the tree and in the sorted list: an address space does it to stop sharing a leaf.
     */
    void replaceLeaf(long base, Leaf replacement) {
        Leaf[] l2 = directory(base, false);
        int i2 = (int) (base >>> BITS) & INDEX_MASK;
        if ((base & INDEX_MASK) != 0 || l2 == null || l2[i2] == null) {
            throw new IllegalStateException("no leaf at vpn 0x" + Long.toHexString(base));
        }
        l2[i2] = replacement;
        for (int k = 0; k < leafCount; k++) {
            if (leafBases[k] == base) leaves[k] = replacement;
        }
    }

    /** The level-2 table on the way to {@code vpn}, creating the levels above if asked. */
    private Leaf[] directory(long vpn, boolean create) {
        if (vpn < 0 || vpn >= VPN_LIMIT) {
            if (create) throw new IllegalArgumentException("virtual page out of range: 0x" + Long.toHexString(vpn));
            return null;
        }
        int i4 = (int) (vpn >>> (3 * BITS)) & INDEX_MASK;
        int i3 = (int) (vpn >>> (2 * BITS)) & INDEX_MASK;
        if (root == null) {
            if (!create) return null;
            reserveTable();
            root = quicklist.root();
        }
        Leaf[][] l3 = root[i4];
        if (l3 == null) {
            if (!create) return null;
            reserveTable();
            l3 = root[i4] = quicklist.upper();
        }
        Leaf[] l2 = l3[i3];
        if (l2 == null) {
            if (!create) return null;
            reserveTable();
            l2 = l3[i3] = quicklist.middle();
        }
        return l2;
    }

    /** Takes the frame of a new table; the caller has checked that one is free. */
    private void reserveTable() {
        if (!phys.reserve(1, PhysicalMemory.KernelUse.PAGE_TABLES)) {
            throw new IllegalStateException("no frame for a page table: the caller did not check missingTables");
        }
        tables++;
    }

    /**
     * How many tables storing entries for the {@code n} vpns from {@code first} would create
     * (leaves, the directories above them and the root): the frames the caller must have free.
     */
    long missingTables(long first, long n) {
        long missing = 0;
        long lastL2 = -1, lastL3 = -1;
        for (long base = first & ~(long) INDEX_MASK, end = first + n; base < end; base += ENTRIES) {
            Leaf[] l2 = directory(base, false);
            if (l2 != null && l2[(int) (base >>> BITS) & INDEX_MASK] != null) continue;
            missing++; // the leaf
            if (l2 == null && base >>> (2 * BITS) != lastL2) {
                missing++; // its level-2 directory
                lastL2 = base >>> (2 * BITS);
                int i4 = (int) (base >>> (3 * BITS)) & INDEX_MASK;
                if ((root == null || root[i4] == null) && base >>> (3 * BITS) != lastL3) {
                    missing++; // its level-3 directory
                    lastL3 = base >>> (3 * BITS);
                }
            }
        }
        return missing > 0 && root == null ? missing + 1 : missing;
    }

    /**
     * Drops the last-level tables among those overlapping the vpns {@code [first, end)} that
     * map nothing any more, and the directories left empty, giving back their frames (Linux's
     * free_pgtables after munmap) and their arrays to the quicklist. A leaf still shared only
     * loses this sharer.
     */
    void freeTables(long first, long end) {
        // The leaves overlapping the range are leaves[from..to), found by binary search so
        // that a process with many leaves pays only for the range.
        int from = firstLeafEndingAfter(first), to = from;
        while (to < leafCount && leafBases[to] < end) to++;
        int kept = from;
        for (int k = from; k < to; k++) {
            long base = leafBases[k];
            Leaf leaf = leaves[k];
            if (mapsAnything(leaf.ptes)) {
                leaves[kept] = leaf;
                leafBases[kept++] = base;
                continue;
            }
            if (leaf.isShared()) leaf.sharers--;
            else quicklist.free(leaf);
            Leaf[] l2 = directory(base, false);
            l2[(int) (base >>> BITS) & INDEX_MASK] = null;
            giveBack(1);
            dropDirectoriesIfEmpty(base, l2);
        }
        if (kept == to) return;
        System.arraycopy(leaves, to, leaves, kept, leafCount - to);
        System.arraycopy(leafBases, to, leafBases, kept, leafCount - to);
        for (int k = leafCount - (to - kept); k < leafCount; k++) leaves[k] = null;
        leafCount -= to - kept;
    }

    /** The index of the first leaf whose range ends above {@code vpn} (leafCount if none). */
    int firstLeafEndingAfter(long vpn) {
        int lo = 0, hi = leafCount;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (leafBases[mid] + ENTRIES <= vpn) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** Drops the level-2 directory {@code l2} on the way to {@code vpn} if it is empty, and so on up. */
    private void dropDirectoriesIfEmpty(long vpn, Leaf[] l2) {
        if (!isEmpty(l2)) return;
        int i4 = (int) (vpn >>> (3 * BITS)) & INDEX_MASK;
        Leaf[][] l3 = root[i4];
        l3[(int) (vpn >>> (2 * BITS)) & INDEX_MASK] = null;
        quicklist.free(l2);
        giveBack(1);
        if (!isEmpty(l3)) return;
        root[i4] = null;
        quicklist.free(l3);
        giveBack(1);
        if (!isEmpty(root)) return;
        quicklist.free(root);
        root = null;
        giveBack(1);
    }

    private static boolean mapsAnything(long[] ptes) {
        for (long pte : ptes) if ((pte & Pte.PRESENT) != 0) return true;
        return false;
    }

    private static boolean isEmpty(Object[] table) {
        for (Object o : table) if (o != null) return false;
        return true;
    }

    private void giveBack(int n) {
        tables -= n;
        phys.unreserve(n, PhysicalMemory.KernelUse.PAGE_TABLES);
    }

    /**
     * Drops every table and gives back all their frames (the address space is being
     * emptied): a leaf still shared loses this sharer, the others and every directory go back
     * to the quicklist. The caller has already released the frames that the leaves this table
     * held alone map. The table is empty afterwards and may be filled again (exec).
     */
    void release() {
        // Every directory holds at least one leaf (one is created only on the way to a new
        // leaf, and dropped with its last leaf), and the sorted list visits the leaves of one
        // directory one after the other: so each directory is empty, and can go back to the
        // quicklist clean, once the list moves past its last leaf.
        for (int k = 0; k < leafCount; k++) {
            long base = leafBases[k];
            Leaf leaf = leaves[k];
            leaves[k] = null;
            if (leaf.isShared()) leaf.sharers--;
            else quicklist.free(leaf);
            int i4 = (int) (base >>> (3 * BITS)) & INDEX_MASK;
            int i3 = (int) (base >>> (2 * BITS)) & INDEX_MASK;
            Leaf[][] l3 = root[i4];
            Leaf[] l2 = l3[i3];
            l2[(int) (base >>> BITS) & INDEX_MASK] = null;
            boolean lastInL2 = k + 1 == leafCount || leafBases[k + 1] >>> (2 * BITS) != base >>> (2 * BITS);
            if (!lastInL2) continue;
            l3[i3] = null;
            quicklist.free(l2);
            boolean lastInL3 = k + 1 == leafCount || leafBases[k + 1] >>> (3 * BITS) != base >>> (3 * BITS);
            if (!lastInL3) continue;
            root[i4] = null;
            quicklist.free(l3);
        }
        if (root != null) quicklist.free(root);
        giveBack(tables);
        root = null;
        leafCount = 0;
    }

    /** Visits every last-level table in ascending address order. */
    void forEachLeaf(LeafVisitor v) {
        for (int k = 0; k < leafCount; k++) v.visit(leafBases[k], leaves[k].ptes);
    }

    /** Number of last-level tables; they are {@link #leafAt}(0 .. leafCount()-1), in address order. */
    int leafCount() {
        return leafCount;
    }

    /** The k-th last-level table in address order. */
    long[] leafAt(int k) {
        return leaves[k].ptes;
    }

    /** The k-th last-level table in address order, as a {@link Leaf}. */
    Leaf nodeAt(int k) {
        return leaves[k];
    }

    /** The vpn of entry 0 of the k-th last-level table. */
    long leafBase(int k) {
        return leafBases[k];
    }

    /**
     * Makes room in the sorted list for {@code n} leaves at once: fork gives the child as many
     * leaves as the parent has, and growing the list step by step would make arrays to throw away.
     */
    void expectLeaves(int n) {
        if (n <= leaves.length) return;
        leaves = java.util.Arrays.copyOf(leaves, n);
        leafBases = java.util.Arrays.copyOf(leafBases, n);
    }

    /** Adds a new leaf to the sorted list (leaves are created rarely: an insertion sort will do). */
    private void remember(long base, Leaf leaf) {
        if (leafCount == leaves.length) {
            leaves = java.util.Arrays.copyOf(leaves, Math.max(8, 2 * leafCount));
            leafBases = java.util.Arrays.copyOf(leafBases, Math.max(8, 2 * leafCount));
        }
        int k = leafCount;
        while (k > 0 && leafBases[k - 1] > base) k--;
        System.arraycopy(leaves, k, leaves, k + 1, leafCount - k);
        System.arraycopy(leafBases, k, leafBases, k + 1, leafCount - k);
        leaves[k] = leaf;
        leafBases[k] = base;
        leafCount++;
    }

    /** How many tables (of all levels, the root included) exist: the frames this table has reserved. */
    int tableCount() {
        return tables;
    }
}
