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
    /** The page looked up last (a loop touches the same page again and again). */
    private long lastPage = -1;
    private Granule[] last;
    /** For each pc seen: whether a fence follows it (bit 0) or precedes it (bit 1); see RaceDetector. */
    final Map<Long, Integer> fences = new HashMap<>();
    /** The host memory this shadow is estimated to use, given back when it is dropped. */
    long bytes;

    /** The granule holding {@code address}, made if {@code create}; null if there is none. */
    Granule granule(long address, boolean create, RaceDetector owner) {
        long page = address >>> 12;
        Granule[] p = page == lastPage ? last : pages.get(page);
        if (p == null) {
            if (!create) return null;
            p = new Granule[GRANULES];
            pages.put(page, p);
            charge(owner, RaceDetector.PAGE_BYTES);
        }
        lastPage = page;
        last = p;
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
