package vm;

import static vm.Isa.*;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape of a region's method ({@link JitTranslator}): the order of its blocks, which
 * blocks its switch may enter (its <i>entries</i>), and which jumps between blocks are plain
 * {@code goto}s. Made so that each guest loop that can be is a loop of the method with one
 * way in, which HotSpot's C2 compiles as a loop of its own.
 *
 * <ul>
 * <li>The blocks are laid out in reverse postorder of a depth-first walk from the first
 *     block (a fall-through right after its block where it can be): every block
 *     comes before the blocks it reaches except by a jump <i>back</i>, a jump to a block
 *     not later in the layout. Those are the jumps that close loops.
 * <li>The entries are the first block (a region is first called there) and the blocks the
 *     walk does not reach from it (after a syscall or an indirect call, where the region is
 *     called again), the return points of the region's calls (a {@code ret} goes through the
 *     switch) and the target of every jump back (the head of each loop, where a run that left
 *     the region is resumed).
 * <li>A jump forward is a {@code goto}. A jump back is a {@code goto} if its target
 *     <i>dominates</i> it (every way from the switch to the jump goes through the target):
 *     the loop it closes is then entered only through its head. Any other jump back goes
 *     through the switch.
 * </ul>
 *
 * So every cycle of the method goes through the switch or through a block that dominates it,
 * and the method's control flow is reducible. (A jump straight back into a block the switch
 * also enters inside the loop would make a loop with two ways in, which C2 compiles poorly:
 * fib ran a third slower.)
 *
 * <p>The region is installed only at its entries (JitRegion.entries). A run that stops at a
 * block that is not one (the budget left) resumes there without the region, in the
 * interpreter or another region, and comes back at the next entry: the head of the loop it
 * was in, at the latest.
 */
final class JitLayout {
    /** The blocks in the order of the method. */
    final int[] order;
    /** Whether the switch may enter each block. */
    final boolean[] entry;
    /** The return points of the region: the instructions after its calls (jal linking a register) that are blocks of it. */
    final List<Long> returnPoints = new ArrayList<>();
    /** Each block's place in {@link #order}. */
    private final int[] position;
    /** The blocks that dominate each block, as a bit set (bit b for block b). */
    private final long[] dominators;

    JitLayout(JitRegionPlan plan) {
        int n = plan.blocks();
        for (int i = 0; i < n; i++) {
            long last = plan.word(i, plan.lengths[i] - 1), back = plan.pc(i) + 8L * plan.lengths[i];
            if (op(last) == JAL && rd(last) != 0 && plan.blockAt(back) >= 0) returnPoints.add(back);
        }
        int[][] successors = new int[n][];
        for (int i = 0; i < n; i++) successors[i] = successors(plan, i);
        entry = new boolean[n];
        order = reversePostorder(successors, entry);
        position = new int[n];
        for (int k = 0; k < n; k++) position[order[k]] = k;
        for (long back : returnPoints) entry[plan.blockAt(back)] = true;
        for (int u = 0; u < n; u++) for (int v : successors[u]) if (position[v] <= position[u]) entry[v] = true;
        dominators = dominators(successors, entry, order);
    }

    /** Whether the jump from block {@code from} to block {@code to} is a {@code goto} (else it goes through the switch). */
    boolean direct(int from, int to) {
        return position[to] > position[from] || (dominators[from] & 1L << to) != 0;
    }

    /**
     * The blocks of the region that block i may go to next without leaving the method: the
     * targets in the region of its last instruction, the fall-through first. A {@code ret}
     * may go to any return point.
     */
    private int[] successors(JitRegionPlan plan, int i) {
        int len = plan.lengths[i];
        long last = plan.word(i, len - 1), pc = plan.pc(i) + 8L * (len - 1);
        int op = op(last);
        List<Long> targets = new ArrayList<>();
        if (op == JALR) {
            if (rd(last) == 0) targets.addAll(returnPoints);
        } else if (op == JAL) {
            targets.add(pc + imm(last));
        } else if (op != SYSCALL && op != BREAK) {
            targets.add(pc + 8);        // past a branch not taken or an atomic, or a block cut short
            if (JitRegionPlan.isBranch(op)) targets.add(pc + imm(last));
        }
        return targets.stream().mapToInt(plan::blockAt).filter(b -> b >= 0).distinct().toArray();
    }

    /**
     * The blocks in reverse postorder of a depth-first walk from block 0, then from each block
     * it did not reach (the instruction after a syscall or an indirect call, where the region
     * is called again), which become entries, as block 0 does. The successor walked last
     * comes right after its block: the fall-through, listed first, is walked last.
     */
    private static int[] reversePostorder(int[][] successors, boolean[] entry) {
        int n = successors.length;
        boolean[] seen = new boolean[n];
        int[] post = new int[n];
        int count = 0;
        for (int b = 0; b < n; b++) {
            if (seen[b]) continue;
            entry[b] = true;
            count = walk(b, successors, seen, post, count);
        }
        int[] order = new int[n];
        for (int k = 0; k < n; k++) order[k] = post[n - 1 - k];
        return order;
    }

    /** Walks from block b, appending each block to {@code post} once all it reaches is; returns the count. */
    private static int walk(int b, int[][] successors, boolean[] seen, int[] post, int count) {
        seen[b] = true;
        for (int k = successors[b].length - 1; k >= 0; k--) {
            int s = successors[b][k];
            if (!seen[s]) count = walk(s, successors, seen, post, count);
        }
        post[count] = b;
        return count + 1;
    }

    /**
     * Each block's dominators, the switch going to every entry: an entry is dominated only by
     * itself; another block by itself and the blocks that dominate all its predecessors.
     * The classic iterative data-flow computation over bit sets, in layout order.
     */
    private static long[] dominators(int[][] successors, boolean[] entry, int[] order) {
        int n = entry.length;
        long[] predecessors = new long[n];
        for (int u = 0; u < n; u++) for (int v : successors[u]) predecessors[v] |= 1L << u;
        long all = n == 64 ? -1L : (1L << n) - 1;
        long[] dom = new long[n];
        for (int b = 0; b < n; b++) dom[b] = entry[b] ? 1L << b : all;
        for (boolean changed = true; changed; ) {
            changed = false;
            for (int b : order) {
                if (entry[b]) continue;
                long d = all;
                for (long p = predecessors[b]; p != 0; p &= p - 1) d &= dom[Long.numberOfTrailingZeros(p)];
                d |= 1L << b;
                if (d != dom[b]) {
                    dom[b] = d;
                    changed = true;
                }
            }
        }
        return dom;
    }
}
