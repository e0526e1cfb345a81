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
 * levels are Java references rather than frame numbers, and the tables live on the Java heap
 * rather than in guest frames, so page tables do not use up the machine's memory. Tables are
 * created on demand and, for simplicity, not freed until the address space is dropped.
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

    private final long[][][][] root = new long[ENTRIES][][][];
    private int tables = 1;

    /** The PTE for {@code vpn}, or 0 if none (also for a vpn outside the address space). */
    long get(long vpn) {
        long[] leaf = leaf(vpn, false);
        return leaf == null ? 0 : leaf[(int) vpn & INDEX_MASK];
    }

    /** Stores {@code pte} for {@code vpn}, creating the tables on the way if needed. */
    void set(long vpn, long pte) {
        leaf(vpn, true)[(int) vpn & INDEX_MASK] = pte;
    }

    /**
     * The last-level table that holds the entry for {@code vpn}; its index there is
     * {@code vpn & INDEX_MASK}. Returns null if that table does not exist and {@code create}
     * is false, or if vpn is outside the address space.
     */
    long[] leaf(long vpn, boolean create) {
        if (vpn < 0 || vpn >= VPN_LIMIT) {
            if (create) throw new IllegalArgumentException("virtual page out of range: 0x" + Long.toHexString(vpn));
            return null;
        }
        int i4 = (int) (vpn >>> (3 * BITS)) & INDEX_MASK;
        int i3 = (int) (vpn >>> (2 * BITS)) & INDEX_MASK;
        int i2 = (int) (vpn >>> BITS) & INDEX_MASK;
        long[][][] l3 = root[i4];
        if (l3 == null) {
            if (!create) return null;
            l3 = root[i4] = new long[ENTRIES][][];
            tables++;
        }
        long[][] l2 = l3[i3];
        if (l2 == null) {
            if (!create) return null;
            l2 = l3[i3] = new long[ENTRIES][];
            tables++;
        }
        long[] l1 = l2[i2];
        if (l1 == null) {
            if (!create) return null;
            l1 = l2[i2] = new long[ENTRIES];
            tables++;
        }
        return l1;
    }

    /** Visits every last-level table in ascending address order. */
    void forEachLeaf(LeafVisitor v) {
        for (int i4 = 0; i4 < ENTRIES; i4++) {
            long[][][] l3 = root[i4];
            if (l3 == null) continue;
            for (int i3 = 0; i3 < ENTRIES; i3++) {
                long[][] l2 = l3[i3];
                if (l2 == null) continue;
                for (int i2 = 0; i2 < ENTRIES; i2++) {
                    long[] l1 = l2[i2];
                    if (l1 == null) continue;
                    v.visit(((long) i4 << (3 * BITS)) | ((long) i3 << (2 * BITS)) | ((long) i2 << BITS), l1);
                }
            }
        }
    }

    /** How many tables (of all levels, the root included) exist. */
    int tableCount() {
        return tables;
    }
}
