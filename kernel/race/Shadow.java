package race;

import java.util.HashMap;
import java.util.Map;

/**
 * The shadow memory of one address space: a {@link Granule} for each 8 aligned bytes that
 * have been accessed, in pages of 512 made when first touched, and what the detector learnt
 * about the instructions at each pc (see {@link RaceDetector#atomicKind}).
 *
 * <p>The maps are only looked up, never iterated, so their order cannot reach a report.
 */
final class Shadow {
    /** Granules per page: one per 8 bytes of a 4 KiB page. */
    static final int GRANULES = 512;

    private final Map<Long, Granule[]> pages = new HashMap<>();

    Shadow() {
        java.util.Arrays.fill(fencePc, -1);
        java.util.Arrays.fill(cachedPage, -1);
    }
    /** The pages looked up lately, direct-mapped by page number, so that the map is seldom asked. */
    private final long[] cachedPage = new long[PAGE_CACHE];
    private final Granule[][] cached = new Granule[PAGE_CACHE][];
    static final int PAGE_CACHE = 256;
    /**
     * What is known of the instructions next to recent pcs, direct-mapped by pc: whether a
     * fence follows (bit 0) or precedes (bit 1) the pc in {@link #fencePc} (see
     * RaceDetector#atomicKind). A miss is simply looked up again in the code.
     */
    final long[] fencePc = new long[FENCE_CACHE];
    final byte[] fenceKind = new byte[FENCE_CACHE];
    static final int FENCE_CACHE = 4096;
    /** The host memory this shadow is estimated to use, given back when it is dropped. */
    long bytes;

    /** The granule holding {@code address}, made if {@code create}; null if there is none. */
    Granule granule(long address, boolean create, RaceDetector owner) {
        long page = address >>> 12;
        int c = (int) page & (PAGE_CACHE - 1);
        Granule[] p = cachedPage[c] == page ? cached[c] : pages.get(page);
        if (p == null) {
            if (!create) return null;
            p = new Granule[GRANULES];
            pages.put(page, p);
            charge(owner, RaceDetector.PAGE_BYTES);
        }
        cachedPage[c] = page;
        cached[c] = p;
        int i = (int) (address >>> 3) & (GRANULES - 1);
        Granule g = p[i];
        if (g == null && create) {
            g = p[i] = new Granule();
            charge(owner, RaceDetector.GRANULE_BYTES);
        }
        return g;
    }

    /** Counts {@code n} more bytes of host memory against this shadow and the detector's bound. */
    void charge(RaceDetector owner, long n) {
        bytes += n;
        owner.charge(n);
    }
}
