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
     * Instructions the interpreter runs from the starts of a block (its starts times its
     * length) before the region reachable from it is translated, while the machine is young
     * (has run fewer than {@link #LONG_RUN} instructions). A translation costs some
     * milliseconds of host CPU (ASM, then HotSpot's two compilers on the new class), and the
     * new class runs no faster than the interpreter until HotSpot has compiled it, some hundreds
     * of thousands of guest instructions later: a region pays for itself only after millions
     * of instructions. So a young machine translates only code that has shown it runs long:
     * 2^19 instructions, a block of eight started 65,536 times (with 2^18, short programs
     * make more than twice the regions; docs/PERFORMANCE.md, "jit as the default engine"). Instructions
     * rather than starts, because they are what the interpreter costs: a block of 32 is as hot
     * after 16,384 starts as a block of two after 262,144.
     */
    static final int THRESHOLD = 1 << 19;
    /**
     * Instructions a machine runs before it is taken for a long program, whose warm code will
     * run long too: from then on a block's region is translated after {@link #WARM} of its
     * instructions. No machine of the short-program tests gets this far (the largest runs 11
     * million), and a long benchmark passes it in a few milliseconds.
     */
    static final long LONG_RUN = 1L << 24;
    /**
     * The threshold, in instructions run from a block's starts, once the machine has run
     * {@link #LONG_RUN}: 2^16, so that code a long program runs a few tens of thousands of
     * times (the callers of hot functions, whose regions stop at the callee's return) is
     * translated too.
     */
    static final int WARM = 1 << 16;
    /**
     * Instructions the interpreter runs from a block's starts before the shared cache
     * ({@link JitClasses}) is asked whether another machine of this JVM, or an earlier run,
     * has translated its region already (a block of four started 128 times): using a region
     * made already costs only the look-up, so a program run again, or the C library every
     * process shares, runs translated from early on.
     */
    static final int LOOKUP = 512;
    /**
     * Times a burst ends inside a block before its counted translation (CodePage.tail) is
     * made: as many as the page's 16-bit counters hold, since a translation costs more than a
     * short program gains from running the last few instructions of its bursts faster.
     */
    static final int TAIL_THRESHOLD = Character.MAX_VALUE;
    /** Ends of bursts inside a block after which the shared cache is asked for its counted translation. */
    static final int TAIL_LOOKUP = 512;
    /** The most code pages remembered. */
    static final int MAX_PAGES = 1024;

    private final IdentityHashMap<byte[], CodePage> pages = new IdentityHashMap<>();
    private int npages;
    /** The last page looked up in each I-TLB slot, which is nearly always the next one asked for. */
    private final CodePage[] recent = new CodePage[Tlb.SIZE];
    private int generation = JitClasses.generation();
    /** Instructions retired by translated regions (the rest ran in the interpreter): statistics. */
    long compiledInstructions;
    /** Instructions the machine's CPUs have retired under the JIT engine, up to {@link #LONG_RUN}. */
    private long retired;
    /**
     * This cache's translation threshold, in instructions run from a block's starts:
     * {@link #THRESHOLD}, then {@link #WARM} once the machine has run {@link #LONG_RUN}
     * instructions; in tests, fixed.
     */
    int threshold;
    /** The threshold the cache goes to after {@link #LONG_RUN} instructions. */
    private final int warm;
    /** Instructions from a block's starts after which the shared cache is asked for its region: {@link #LOOKUP}, or the threshold if lower. */
    final int lookup;
    /** Times a burst ends inside a block before its counted translation is made: {@link #TAIL_THRESHOLD}, or the threshold if lower. */
    final int tailThreshold;
    /** Ends of bursts inside a block after which the shared cache is asked for its counted translation. */
    final int tailLookup;

    /** An empty cache. */
    public CodeCache() {
        this(THRESHOLD, WARM);
    }

    /**
     * An empty cache that translates from a block once the interpreter has run {@code
     * threshold} instructions from its starts, whatever the machine's age (tests: 0, at once).
     */
    CodeCache(int threshold) {
        this(threshold, threshold);
    }

    private CodeCache(int threshold, int warm) {
        if (threshold < 0) throw new IllegalArgumentException("threshold " + threshold);
        this.threshold = threshold;
        this.warm = warm;
        this.lookup = Math.min(LOOKUP, threshold);
        this.tailThreshold = Math.min(TAIL_THRESHOLD, threshold);
        this.tailLookup = Math.min(TAIL_LOOKUP, tailThreshold);
    }

    /** Counts n instructions the machine ran under the JIT engine; the threshold drops to {@link #WARM} after {@link #LONG_RUN}. */
    void ran(long n) {
        if (retired < LONG_RUN && (retired += n) >= LONG_RUN) threshold = warm;
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
