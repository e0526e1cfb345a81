package vm;

import java.lang.invoke.VarHandle;

/**
 * One translated basic block: the superclass of the classes {@link JitTranslator} generates.
 *
 * <p>A block is a straight run of instructions starting at {@link #pc}, all in one page,
 * ending with (and including) a branch, jump, syscall, break or atomic, or at the end of the
 * page, or after {@link JitTranslator#MAX_INSNS} instructions. Its {@link #words} are the
 * instruction words it was translated from.
 *
 * <p>The contract of {@link #execute}: called with the CPU's pc equal to {@link #pc} and at
 * least {@link #length} instructions of budget left (its {@code room}), with {@code code} the frame the CPU's
 * I-TLB maps that pc to. It first checks that the frame still holds {@link #words} (the
 * guest, another CPU or the kernel may have written or reused the frame since) and returns
 * -1, having changed nothing, if not. Otherwise it executes as the interpreter would and
 * returns the number of instructions completed, leaving {@code cpu.pc} after the last one, or
 * at the trapping instruction with {@code cpu.trap} set (a syscall counts and leaves pc after
 * itself, as in the interpreter). A store that writes the code frame ends the block right
 * after itself, so that the next instruction is fetched again, as the interpreter would.
 *
 * <p>Blocks hold no state of their own: one block may be run by any CPU of any machine.
 */
abstract class JitBlock {
    private static final VarHandle I16 = LittleEndian.I16, I32 = LittleEndian.I32, I64 = LittleEndian.I64;

    /** The guest address of the first instruction. */
    final long pc;
    /** The instruction words translated, in order. */
    final long[] words;

    protected JitBlock(long pc, long[] words) {
        this.pc = pc;
        this.words = words;
    }

    /** The number of instructions in the block. */
    final int length() {
        return words.length;
    }

    /**
     * Executes the block on {@code cpu}, more than once if it loops back to its own start and
     * {@code room} (at least {@link #length}) instructions allow; see the class comment.
     */
    abstract int execute(Cpu cpu, byte[] code, int room);

    // Little-endian accesses to a frame, called by the generated code and inlined by HotSpot.

    static long word(byte[] page, int off) {
        return (long) I64.get(page, off);
    }

    static long get1(byte[] page, int off) {
        return page[off];
    }

    static long get2(byte[] page, int off) {
        return (short) I16.get(page, off);
    }

    static long get4(byte[] page, int off) {
        return (int) I32.get(page, off);
    }

    static long get8(byte[] page, int off) {
        return (long) I64.get(page, off);
    }

    static void put1(byte[] page, int off, long v) {
        page[off] = (byte) v;
    }

    static void put2(byte[] page, int off, long v) {
        I16.set(page, off, (short) v);
    }

    static void put4(byte[] page, int off, long v) {
        I32.set(page, off, (int) v);
    }

    static void put8(byte[] page, int off, long v) {
        I64.set(page, off, v);
    }

    // The out-of-line paths of the generated code: rare, so plain calls.

    /** Ends a block with a trap that is not a page fault: pc and the trap's pc are {@code pc}. */
    static void trap(Cpu cpu, TrapCause cause, long pc, long w) {
        cpu.pc = pc;
        cpu.trap = new Trap(cause, pc, 0, null, null, w);
    }

    /** Ends a block with the page fault the MMU just recorded, at the instruction at {@code pc}. */
    static void fault(Cpu cpu, long pc, long w) {
        cpu.pc = pc;
        cpu.trap = cpu.pageFault(pc, w);
    }

    /**
     * A store by the instruction at {@code pc} that the inline path could not do (a TLB miss
     * or an access crossing the page end): -1 if it faulted (nothing written), 1 if it wrote the frame {@code code}, else 0.
     */
    static int storeSlow(Cpu cpu, long a, int size, long v, long pc, byte[] code) {
        if (!cpu.mmu.store(a, size, v, pc)) return -1;
        // A successful store leaves the page of its first and of its last byte in the data TLB.
        byte[][] dataPage = cpu.mmu.tlb.dataPage;
        int first = (int) (a >>> 12) & Tlb.MASK, last = (int) ((a + size - 1) >>> 12) & Tlb.MASK;
        return dataPage[first] == code || dataPage[last] == code ? 1 : 0;
    }
}
