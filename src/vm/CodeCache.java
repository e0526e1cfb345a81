package vm;

import java.util.Arrays;
import java.util.IdentityHashMap;

/**
 * The JIT's knowledge of the code one machine runs: a {@link CodePage} per code page
 * executed, shared by the machine's CPUs (which one host thread drives, so nothing here is
 * synchronized). Give one to each CPU with {@link Cpu#setCodeCache} to select the JIT engine.
 *
 * <p>Bounded: at most {@link #MAX_PAGES} pages are remembered (a few KiB each); when a new
 * one would exceed that, all are forgotten and the heat starts again. The regions themselves
 * live in {@link JitClasses}, which bounds them for the whole JVM.
 */
public final class CodeCache {
    /**
     * Times a block starts in the interpreter before the region reachable from it is translated,
     * by default. A translation costs some milliseconds of host CPU (ASM, then HotSpot's two
     * compilers on the new class), and the new class runs no faster than the interpreter until
     * HotSpot has compiled it, some hundreds of thousands of guest instructions later: a region
     * pays for itself only after millions of instructions. So only code that has shown it runs
     * long is translated: 65,535 starts, the most the page's 16-bit counters hold (with 8,192,
     * short programs still cost a tenth more host CPU than under the interpreter;
     * docs/PERFORMANCE.md, "jit as the default engine"). A long program reaches this count
     * within a few milliseconds.
     */
    static final int THRESHOLD = Character.MAX_VALUE;
    /**
     * Times a block starts in the interpreter before the shared cache ({@link JitClasses}) is
     * asked whether another machine of this JVM, or an earlier run, has translated its region
     * already: using a region made already costs only the look-up, so a program run again,
     * or the C library every process shares, runs translated from early on.
     */
    static final int LOOKUP = 128;
    /** The most code pages remembered. */
    static final int MAX_PAGES = 1024;

    private final IdentityHashMap<byte[], CodePage> pages = new IdentityHashMap<>();
    private int npages;
    /** The last page looked up in each I-TLB slot, which is nearly always the next one asked for. */
    private final CodePage[] recent = new CodePage[Tlb.SIZE];
    private int generation = JitClasses.generation();
    /** Instructions retired by translated regions (the rest ran in the interpreter): statistics. */
    long compiledInstructions;
    /** This cache's translation threshold: {@link #THRESHOLD} but in tests (at most 65,535, for the page's 16-bit counters). */
    final int threshold;
    /** Starts after which the shared cache is asked for a region made already: {@link #LOOKUP}, or the threshold if lower. */
    final int lookup;
    /**
     * Times a burst ends inside a block before the block's counted translation is made
     * (CodePage.tail): four times {@link #threshold} up to what the counters hold, since a
     * translation costs more than a short program gains from running the last few
     * instructions of its bursts faster.
     */
    final int tailThreshold;
    /** Ends of bursts inside a block after which the shared cache is asked for its counted translation. */
    final int tailLookup;

    /** An empty cache. */
    public CodeCache() {
        this(THRESHOLD);
    }

    /** An empty cache that translates from a block once it has started {@code threshold} times (tests: 0, at once). */
    CodeCache(int threshold) {
        if (threshold < 0 || threshold > Character.MAX_VALUE) throw new IllegalArgumentException("threshold " + threshold);
        this.threshold = threshold;
        this.lookup = Math.min(LOOKUP, threshold);
        this.tailThreshold = Math.min(4 * threshold, Character.MAX_VALUE);
        this.tailLookup = Math.min(4 * lookup, tailThreshold);
    }

    /** Instructions the machine's CPUs have retired in translated regions. */
    public long compiledInstructions() {
        return compiledInstructions;
    }

    /** The page record for virtual page {@code vpn} mapped to {@code frame}, made if need be. */
    CodePage page(long vpn, byte[] frame) {
        int i = (int) vpn & Tlb.MASK;
        CodePage p = recent[i];
        if (p != null && p.frame == frame && p.vpn == vpn) return p;
        p = pages.get(frame);
        while (p != null && p.vpn != vpn) p = p.next;
        if (p == null) {
            if (npages == MAX_PAGES) forget();
            p = new CodePage(vpn, frame, pages.get(frame));
            pages.put(frame, p);
            npages++;
        }
        recent[i] = p;
        return p;
    }

    /** Forgets every page if {@link JitClasses} was emptied since we last looked. */
    void checkGeneration() {
        int g = JitClasses.generation();
        if (g != generation) {
            forget();
            generation = g;
        }
    }

    private void forget() {
        pages.clear();
        npages = 0;
        Arrays.fill(recent, null);
    }
}
