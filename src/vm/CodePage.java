package vm;

/**
 * What the JIT knows about one code page of one machine: a virtual page and the frame it was
 * fetched from, how often each instruction slot of it started a block in the interpreter
 * (its heat), and the translated block starting at each slot, if any.
 *
 * <p>Keyed by the frame as well as the page because the same virtual page holds different
 * code in different processes. The blocks check their words against the frame when they run,
 * so a page whose frame was written or reused since holds stale blocks, never wrong ones.
 */
final class CodePage {
    /** Instruction slots in a page. */
    static final int SLOTS = AddressSpace.PAGE_SIZE / Isa.INSN_BYTES;

    final long vpn;
    final byte[] frame;
    /** Another page of the same frame (the frame is mapped at several addresses), or null. */
    final CodePage next;
    final JitBlock[] blocks = new JitBlock[SLOTS];
    final byte[] heat = new byte[SLOTS];

    CodePage(long vpn, byte[] frame, CodePage next) {
        this.vpn = vpn;
        this.frame = frame;
        this.next = next;
    }
}
