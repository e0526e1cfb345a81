package vm;

import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * One translated region: the superclass of the classes {@link JitTranslator} generates. A
 * region is the code of one page reachable from one entry ({@link JitRegionPlan}): its
 * blocks jump to each other inside the generated method, with the guest registers in JVM
 * locals, and leave it only for code outside the region, a trap, a syscall, an atomic, a
 * store into the code, or when the next block does not fit in the budget left.
 *
 * <p>The contract of {@link #execute}: called with the CPU's pc at one of the region's
 * entries ({@link #entries}), with {@code code} the frame the CPU's I-TLB maps that pc to,
 * and with {@code room} instructions of budget left. It runs blocks as long as each next block
 * is in the region and fits whole in the room left, and returns the number of instructions
 * completed, leaving {@code cpu.pc} after the last one, or at the trapping instruction with
 * {@code cpu.trap} set (a syscall counts and leaves pc after itself, as in the interpreter).
 * It returns 0 with nothing changed if the first block does not fit. A counted translation
 * ({@link JitRegionPlan#tail}) is the exception: it runs as many instructions of its one
 * block as the room holds.
 *
 * <p>Each call starts by checking that the frame still holds the words of all its blocks (the
 * guest, another CPU or the kernel may have written or reused the frame since it last ran).
 * If not, it returns -1 with nothing done, and the pc where it was. Within one call only this
 * CPU runs, and a store that writes the code frame (or an atomic) ends the call right after
 * itself, so the words checked at the start stay valid until the call returns.
 *
 * <p>Regions hold no state of their own: one region may be run by any CPU of any machine.
 */
abstract class JitRegion {
    /** The little-endian views of a frame, used by the generated code. */
    static final VarHandle I16 = LittleEndian.I16, I32 = LittleEndian.I32, I64 = LittleEndian.I64;

    /** The guest address of the page. */
    final long base;
    /** The slots of the page where execute may be called: the blocks its switch enters (JitLayout). */
    final int[] entries;
    /** The number of instructions translated, counting twice those two blocks share. */
    private final int size;
    /**
     * The stretches of the page that the blocks cover, as pairs of byte offsets (first, end),
     * and the bytes they held, stretch after stretch: what {@link #unchanged} compares.
     */
    private final int[] stretches;
    private final byte[] expected;
    /** The entry starting at each slot of the page, or -1: the generated code's jump table. */
    final byte[] blockAt;

    protected JitRegion(JitRegionPlan plan) {
        this.base = plan.base;
        JitLayout layout = plan.layout();
        this.entries = IntStream.range(0, plan.blocks()).filter(i -> layout.entry[i]).map(i -> plan.slots[i]).toArray();
        this.size = plan.words.length;
        this.blockAt = plan.blockAt.clone();
        for (int i = 0; i < plan.blocks(); i++) if (!layout.entry[i]) blockAt[plan.slots[i]] = -1;
        long[] wordAt = new long[CodePage.SLOTS];
        boolean[] covered = new boolean[CodePage.SLOTS + 1];
        for (int i = 0; i < plan.blocks(); i++) {
            for (int k = 0; k < plan.lengths[i]; k++) {
                covered[plan.slots[i] + k] = true;
                wordAt[plan.slots[i] + k] = plan.word(i, k);
            }
        }
        int n = 0, words = 0;
        int[] pairs = new int[CodePage.SLOTS + 1];
        for (int s = 0; s < CodePage.SLOTS; s++) {
            if (!covered[s]) continue;
            words++;
            if (s == 0 || !covered[s - 1]) pairs[n++] = 8 * s;
            if (!covered[s + 1]) pairs[n++] = 8 * (s + 1);
        }
        stretches = Arrays.copyOf(pairs, n);
        expected = new byte[8 * words];
        for (int p = 0, at = 0; p < n; p += 2) {
            for (int off = stretches[p]; off < stretches[p + 1]; off += 8, at += 8) I64.set(expected, at, wordAt[off >>> 3]);
        }
    }

    /** The number of instructions translated (the cache's measure of size). */
    final int size() {
        return size;
    }

    /** Executes blocks of the region on {@code cpu}; see the class comment. */
    abstract int execute(Cpu cpu, byte[] code, int room);

    /**
     * Whether the frame still holds the words of every block of the translation: the check at
     * the start of each call. One comparison of bytes per stretch of code, which HotSpot does
     * many bytes at a time.
     */
    final boolean unchanged(byte[] code) {
        for (int p = 0, at = 0; p < stretches.length; p += 2) {
            int from = stretches[p], to = stretches[p + 1];
            if (!Arrays.equals(code, from, to, expected, at, at + to - from)) return false;
            at += to - from;
        }
        return true;
    }

    /** The instruction word at byte {@code off} of a frame. */
    static long word(byte[] page, int off) {
        return (long) I64.get(page, off);
    }

    // The out-of-line paths of the generated code: rare, so plain calls.

    /** Leaves a region with a trap that is not a page fault: pc and the trap's pc are {@code pc}. */
    static void trap(Cpu cpu, TrapCause cause, long pc, long w) {
        cpu.pc = pc;
        cpu.trap = new Trap(cause, pc, 0, null, null, w);
    }

    /** Leaves a region with the page fault the MMU just recorded, at the instruction at {@code pc}. */
    static void fault(Cpu cpu, long pc, long w) {
        cpu.pc = pc;
        cpu.trap = cpu.pageFault(pc, w);
    }

    /**
     * An atomic by the instruction at {@code pc}, its registers in the CPU's array: -1 if it
     * trapped (nothing changed, the trap recorded), 1 if it worked on the frame {@code code},
     * else 0.
     */
    static int atomic(Cpu cpu, int op, int rd, int rs1, int rs2, int imm, long pc, long w, byte[] code) {
        byte[] frame = cpu.atomicFrame(op, rd, rs1, rs2, imm, pc, w);
        cpu.x[0] = 0;                   // an rd of r0 is discarded, as the interpreter does
        return frame == null ? -1 : frame == code ? 1 : 0;
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
