package vm;

import java.util.Arrays;

/**
 * What the JIT knows about one code page of one machine: a virtual page and the frame it was
 * fetched from, how often each instruction slot of it started a block in the interpreter
 * (its heat), the translated region that has a block starting at each slot, if any, and the
 * counted translation of the block at a slot ({@link JitRegionPlan#tail}) that runs the ends
 * of bursts stopping inside it.
 *
 * <p>Keyed by the frame as well as the page because the same virtual page holds different
 * code in different processes. The regions check their words against the frame when they run,
 * so a page whose frame was written or reused since holds stale regions, never wrong ones.
 * The block lengths it remembers are not checked: they only say how many instructions
 * {@link Jit} hands to the interpreter at once, which runs whatever the frame holds, so a
 * stale one costs time, never exactness. They are forgotten when a translation of the page
 * finds its code changed.
 */
final class CodePage {
    /** Instruction slots in a page. */
    static final int SLOTS = AddressSpace.PAGE_SIZE / Isa.INSN_BYTES;

    final long vpn;
    final byte[] frame;
    /** Another page of the same frame (the frame is mapped at several addresses), or null. */
    final CodePage next;
    final JitRegion[] regions = new JitRegion[SLOTS];
    /** The instructions the interpreter ran from the starts of the block at each slot (its length each time), below CodeCache.threshold. */
    final int[] heat = new int[SLOTS];
    /** The counted translation of the block at each slot, or null; made when the first is (most pages have none). */
    private JitRegion[] tails;
    /** How often a burst ended inside the block at each slot while it had no counted translation, up to CodeCache.tailThreshold. */
    private final char[] tailHeat = new char[SLOTS];
    /** The length of the block at each slot (JitRegionPlan.blockLength, up to 512) plus one, or 0 if not known yet. */
    private final short[] lengths = new short[SLOTS];

    CodePage(long vpn, byte[] frame, CodePage next) {
        this.vpn = vpn;
        this.frame = frame;
        this.next = next;
    }

    /** Puts region r at each of its entries that has none yet (a region made earlier keeps its own). */
    void install(JitRegion r) {
        for (int s : r.entries) if (regions[s] == null) regions[s] = r;
    }

    /**
     * The length of the block at {@code slot}, as JitRegionPlan.blockLength says for the
     * frame {@code code} (this page's), computed once: the interpreter's share of a run is
     * counted in blocks, and computing one decodes every word of it.
     */
    int blockLength(byte[] code, int slot) {
        int n = lengths[slot] - 1;
        if (n < 0) {
            n = JitRegionPlan.blockLength(code, 8 * slot);
            lengths[slot] = (short) (n + 1);
        }
        return n;
    }

    /**
     * The counted translation of the block at {@code slot} of this page (frame {@code code},
     * guest address {@code base}), a block of at least two legal instructions by its
     * remembered length: taken from the shared cache once a burst has ended inside the block
     * {@code cache.tailLookup} times if it is there, made once that has happened
     * {@code cache.tailThreshold} times; null until then, or if the guest has made the
     * block's first word illegal since its length was remembered.
     */
    JitRegion tail(long base, byte[] code, int slot, CodeCache cache) {
        if (tails != null && tails[slot] != null) return tails[slot];
        int heat = tailHeat[slot];
        if (heat < cache.tailThreshold) tailHeat[slot] = (char) (heat + 1);
        if (heat != cache.tailThreshold && heat != cache.tailLookup) return null;
        JitRegion r = heat == cache.tailThreshold ? JitClasses.tail(base, code, slot) : JitClasses.findTail(base, code, slot);
        if (r == null) return null;
        if (tails == null) tails = new JitRegion[SLOTS];
        return tails[slot] = r;
    }

    /**
     * Forgets translation r, whose code changed, everywhere in the page: its slots start cold
     * again, and the block lengths are computed again, since the code changed.
     */
    void drop(JitRegion r) {
        for (int s = 0; s < SLOTS; s++) {
            if (regions[s] == r) {
                regions[s] = null;
                heat[s] = 0;
            }
            if (tails != null && tails[s] == r) {
                tails[s] = null;
                tailHeat[s] = 0;
            }
        }
        Arrays.fill(lengths, (short) 0);
    }
}
