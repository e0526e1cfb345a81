package vm;

import static vm.Isa.*;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Which code of one page a region translates: the basic blocks reachable from an entry
 * instruction without leaving the page, found by following the code as it is in the frame.
 *
 * <p>A block starts at a <i>leader</i>: the entry, the target of a branch or {@code jal} in
 * the page, or the instruction after one that ends a block (a branch's fall-through, the
 * return point of a call, the instruction after a syscall or an atomic, where the CPU comes
 * back). A block runs to the first instruction that ends blocks (a branch, jump, syscall,
 * break or atomic, {@link #endsBlock}) and includes it, or stops before an illegal word, at
 * the end of the page or after {@link #MAX_INSNS} instructions; it goes on through other
 * leaders, so blocks may share instructions.
 * Leaders are taken breadth-first from the entry, at most {@code maxBlocks} of them, so a
 * region holds the code nearest its entry; the targets it leaves out are exits.
 *
 * <p>Returns ({@code jalr}) have no target known in advance: the translation looks theirs up
 * among the region's entries (JitLayout) when it runs.
 *
 * <p>A <i>counted</i> plan ({@link #tail}) is one block translated to run as much of itself as
 * the budget left holds, checking the budget before each instruction rather than once at the
 * block's entry: the ends of bursts that stop inside a block run translated too.
 */
final class JitRegionPlan {
    /** The most instructions in one block of the dispatcher's view (the interpreter's runs). */
    static final int MAX_INSNS = 32;
    /** The most blocks in one region: one bit each in the translation's record of checked blocks. */
    static final int MAX_BLOCKS = 64;

    /** The guest address of the page. */
    final long base;
    /** The first slot (instruction index in the page) and the length of each block, in leader order. */
    final int[] slots, lengths;
    /** Each block's first word in {@link #words}. */
    final int[] firstWord;
    /** The words of every block, block after block, as they were in the frame. */
    final long[] words;
    /** The block starting at each slot of the page, or -1. */
    final byte[] blockAt = new byte[CodePage.SLOTS];
    /** Whether the budget is checked before every instruction ({@link #tail}) rather than at each block's entry. */
    final boolean counted;

    private JitRegionPlan(long base, int[] slots, int[] lengths, long[] words, boolean counted) {
        this.base = base;
        this.counted = counted;
        this.slots = slots;
        this.lengths = lengths;
        this.words = words;
        firstWord = new int[slots.length];
        Arrays.fill(blockAt, (byte) -1);
        for (int i = 0, w = 0; i < slots.length; w += lengths[i], i++) {
            firstWord[i] = w;
            blockAt[slots[i]] = (byte) i;
        }
    }

    /** The shape of the region's method (computed once, when first asked for). */
    private JitLayout layout;

    /** The order of the blocks in the region's method, its entries and its gotos. */
    JitLayout layout() {
        if (layout == null) layout = new JitLayout(this);
        return layout;
    }

    /** The number of blocks. */
    int blocks() {
        return slots.length;
    }

    /** The guest address of block i's first instruction. */
    long pc(int i) {
        return base + 8L * slots[i];
    }

    /** Word k of block i. */
    long word(int i, int k) {
        return words[firstWord[i] + k];
    }

    /** The block starting at guest address {@code pc}, or -1 if none does (another page, not a leader). */
    int blockAt(long pc) {
        long off = pc - base;
        if ((off & ~0xFF8L) != 0) return -1;
        return blockAt[(int) off >>> 3];
    }

    /**
     * What the translation is a function of: the page's address (with 1 added for a counted
     * plan: pages are aligned), and each block's slot, length and words. Two plans with the
     * same key translate to the same code.
     */
    long[] key() {
        long[] key = new long[1 + slots.length + words.length];
        key[0] = counted ? base + 1 : base;
        for (int i = 0; i < slots.length; i++) key[1 + i] = (long) slots[i] << 32 | lengths[i];
        System.arraycopy(words, 0, key, 1 + slots.length, words.length);
        return key;
    }

    /**
     * The number of instructions of the block that starts at byte {@code off} of the code
     * frame, as the dispatcher sees it (leaders of a region aside): up to and including the
     * first instruction that ends blocks, stopping before an illegal word, at the end of the
     * page, or at {@link #MAX_INSNS}. 0 if the first word is illegal.
     */
    static int blockLength(byte[] code, int off) {
        int n = 0;
        while (n < MAX_INSNS && off + 8 * n < AddressSpace.PAGE_SIZE) {
            long w = JitRegion.word(code, off + 8 * n);
            if (!Isa.isLegal(w)) break;
            n++;
            if (endsBlock(op(w))) break;
        }
        return n;
    }

    /** True for the instructions after which a block ends. */
    static boolean endsBlock(int op) {
        switch (op) {
            case SYSCALL: case BREAK:
            case BEQ: case BNE: case BLT: case BGE: case BLTU: case BGEU: case JAL: case JALR:
            case CASW: case CASD: case FAAW: case FAAD: case XCHGW: case XCHGD:
                return true;
            default:
                return false;
        }
    }

    /**
     * The region of the page at {@code base} (whose frame is {@code code}) reachable from
     * the legal instruction at slot {@code entry}, with at most {@code maxBlocks} blocks.
     */
    static JitRegionPlan discover(long base, byte[] code, int entry, int maxBlocks) {
        // First the leaders, breadth-first: each one's run goes to the instruction ending it.
        boolean[] leader = new boolean[CodePage.SLOTS];
        int[] order = new int[maxBlocks];
        int count = 0;
        ArrayDeque<Integer> work = new ArrayDeque<>();
        work.add(entry);
        while (!work.isEmpty() && count < maxBlocks) {
            int s = work.poll();
            if (s < 0 || s >= CodePage.SLOTS || leader[s]) continue;
            int n = blockLength(code, 8 * s);
            if (n == 0) continue;                         // an illegal word: the interpreter's trap
            leader[s] = true;
            order[count++] = s;
            int last = s + n - 1;
            long w = JitRegion.word(code, 8 * last);
            int op = op(w);
            if (isBranch(op) || op == JAL) {
                long target = 8L * last + imm(w);         // relative to the page
                if ((target & ~0xFF8L) == 0) work.add((int) target >>> 3);
            }
            if (op != BREAK && !(op == JAL && rd(w) == 0) && !(op == JALR && rd(w) == 0)) work.add(last + 1);
        }
        // Then the blocks. A run goes on through another leader rather than jumping to it:
        // a loop's body that falls into its test is then one block, one entry per pass.
        int[] slots = Arrays.copyOf(order, count), lengths = new int[count];
        long[] words = new long[count * MAX_INSNS];
        int nwords = 0;
        for (int i = 0; i < count; i++) {
            int s = slots[i], len = blockLength(code, 8 * s);
            lengths[i] = len;
            for (int k = 0; k < len; k++) words[nwords++] = JitRegion.word(code, 8 * (s + k));
        }
        return new JitRegionPlan(base, slots, lengths, Arrays.copyOf(words, nwords), false);
    }

    /**
     * The counted plan of the block at the legal instruction at slot {@code entry} of the page
     * at {@code base}: that block alone, to run the first instructions of when the budget left
     * is shorter than it.
     */
    static JitRegionPlan tail(long base, byte[] code, int entry) {
        int len = blockLength(code, 8 * entry);
        long[] words = new long[len];
        for (int k = 0; k < len; k++) words[k] = JitRegion.word(code, 8 * (entry + k));
        return new JitRegionPlan(base, new int[] {entry}, new int[] {len}, words, true);
    }

    /** True for the conditional branches. */
    static boolean isBranch(int op) {
        return op == BEQ || op == BNE || op == BLT || op == BGE || op == BLTU || op == BGEU;
    }
}
