package vm;

/**
 * What the JIT knows about one code page of one machine: a virtual page and the frame it was
 * fetched from, how often each instruction slot of it started a block in the interpreter
 * (its heat), and the translated region that has a block starting at each slot, if any.
 *
 * <p>Keyed by the frame as well as the page because the same virtual page holds different
 * code in different processes. The regions check their words against the frame when they run,
 * so a page whose frame was written or reused since holds stale regions, never wrong ones.
 */
final class CodePage {
    /** Instruction slots in a page. */
    static final int SLOTS = AddressSpace.PAGE_SIZE / Isa.INSN_BYTES;

    final long vpn;
    final byte[] frame;
    /** Another page of the same frame (the frame is mapped at several addresses), or null. */
    final CodePage next;
    final JitRegion[] regions = new JitRegion[SLOTS];
    final byte[] heat = new byte[SLOTS];

    CodePage(long vpn, byte[] frame, CodePage next) {
        this.vpn = vpn;
        this.frame = frame;
        this.next = next;
    }

    /** Puts region r at each of its leaders that has none yet (a region made earlier keeps its own). */
    void install(JitRegion r) {
        for (int s : r.leaders) if (regions[s] == null) regions[s] = r;
    }

    /** Forgets region r, whose code changed, everywhere in the page; its slots start cold again. */
    void drop(JitRegion r) {
        for (int s = 0; s < SLOTS; s++) {
            if (regions[s] == r) {
                regions[s] = null;
                heat[s] = 0;
            }
        }
    }
}
