package vm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vm.Isa.*;

import org.junit.jupiter.api.Test;

/**
 * The shape of a region's method (JitLayout): the order of its blocks, the blocks its switch
 * enters, and which jumps back are gotos. Each case is a plan of a few blocks of code
 * written here, and the layout it gets; JitEngineTest runs such code against the interpreter.
 */
class JitLayoutTest {
    /** The plan of the region entered at the first word of {@code words}, as the JIT makes it. */
    private static JitRegionPlan plan(long... words) {
        Machine m = new Machine().code(words);
        byte[] frame = m.phys.data(Pte.frame(m.mm.pte(Machine.CODE)));
        return JitRegionPlan.discover(Machine.CODE, frame, 0, JitRegionPlan.MAX_BLOCKS);
    }

    /** The index of the block that starts at word {@code k}. */
    private static int block(JitRegionPlan plan, int k) {
        int b = plan.blockAt(Machine.CODE + 8L * k);
        assertTrue(b >= 0, "a block starts at word " + k);
        return b;
    }

    /** The blocks in the layout's order, each named by the word it starts at. */
    private static int[] words(JitRegionPlan plan) {
        return java.util.Arrays.stream(plan.layout().order).map(b -> plan.slots[b]).toArray();
    }

    @Test
    void aLoopNestGoesBackToEachHeadWithAGotoWhereTheHeadDominates() {
        // The sieve's shape, entered at its inner loop:
        //  0 inner: sb zero, 0(a0); add a0, a0, a1; blt a0, a2, inner
        //  3 next:  addi a1, a1, 1; blt a1, a2, test; break
        //  6 test:  lb t0, 0(a1); bne t0, zero, next
        //  8        mul a0, a1, a1; jal zero, check
        // 10 check: blt a0, a2, inner
        // 11        jal zero, next
        JitRegionPlan plan = plan(
                encode(SB, 0, A0, ZERO, 0), encode(ADD, A0, A0, A1, 0), encode(BLT, 0, A0, A2, -16),
                encode(ADDI, A1, A1, 0, 1), encode(BLT, 0, A1, A2, 8 * 2), encode(BREAK, 0, 0, 0, 0),
                encode(LB, T0, A1, 0, 0), encode(BNE, 0, T0, ZERO, 8 * -4),
                encode(MUL, A0, A1, A1, 0), encode(JAL, ZERO, 0, 0, 8 * 1),
                encode(BLT, 0, A0, A2, 8 * -10), encode(JAL, ZERO, 0, 0, 8 * -8));
        JitLayout layout = plan.layout();
        int inner = block(plan, 0), next = block(plan, 3), exit = block(plan, 5), test = block(plan, 6), prime = block(plan, 8),
                check = block(plan, 10), back = block(plan, 11);
        // Each block before the blocks it reaches, a fall-through right after its block.
        assertArrayEquals(new int[] {0, 3, 5, 6, 8, 10, 11}, words(plan));
        // The entries: the first block and the heads of the loops, where jumps back go.
        assertTrue(layout.entry[inner]);
        assertTrue(layout.entry[next]);
        for (int b : new int[] {exit, test, prime, check, back}) assertFalse(layout.entry[b], "block " + plan.slots[b]);
        // The inner loop and the outer ones (next, test; next, test, the prime's blocks,
        // check, back) close with gotos. check's jump back to inner goes through the switch:
        // next, an entry, is a second way into that cycle, so inner does not dominate check.
        assertTrue(layout.direct(inner, inner));
        assertTrue(layout.direct(test, next));
        assertTrue(layout.direct(back, next));
        assertFalse(layout.direct(check, inner));
        // Forward jumps are gotos.
        assertTrue(layout.direct(next, test));
        assertTrue(layout.direct(prime, check));
    }

    @Test
    void theInstructionAfterASyscallIsAnEntry() {
        // "addi a0, a0, 1; syscall; addi a1, a1, 1; blt a1, a2, 0; break": the region is called
        // again after the syscall, at a block nothing in it jumps to.
        JitRegionPlan plan = plan(encode(ADDI, A0, A0, 0, 1), encode(SYSCALL, 0, 0, 0, 0),
                encode(ADDI, A1, A1, 0, 1), encode(BLT, 0, A1, A2, 8 * -3), encode(BREAK, 0, 0, 0, 0));
        JitLayout layout = plan.layout();
        assertTrue(layout.entry[block(plan, 0)]);
        assertTrue(layout.entry[block(plan, 2)], "after the syscall");
        assertFalse(layout.entry[block(plan, 4)], "the break, reached only by falling through");
        // The walk from the block after the syscall comes first in the method, so its jump
        // to the first block is a jump forward.
        assertArrayEquals(new int[] {2, 4, 0}, words(plan));
        assertTrue(layout.direct(block(plan, 2), block(plan, 0)));
    }

    @Test
    void returnPointsAreEntriesAndARetGoesStraightToOnesLaterInTheMethod() {
        // "loop: jal ra, f; addi a1, a1, 1; jal ra, f; blt a1, a2, loop; break", with
        // f "addi a0, a0, 1; jalr zero, ra".
        JitRegionPlan plan = plan(encode(JAL, RA, 0, 0, 8 * 5), encode(ADDI, A1, A1, 0, 1), encode(JAL, RA, 0, 0, 8 * 3),
                encode(BLT, 0, A1, A2, 8 * -3), encode(BREAK, 0, 0, 0, 0),
                encode(ADDI, A0, A0, 0, 1), encode(JALR, 0, RA, 0, 0));
        JitLayout layout = plan.layout();
        int loop = block(plan, 0), after1 = block(plan, 1), after2 = block(plan, 3), f = block(plan, 5);
        assertEquals(java.util.List.of(Machine.CODE + 8, Machine.CODE + 24), layout.returnPoints);
        assertTrue(layout.entry[after1]);
        assertTrue(layout.entry[after2]);
        assertTrue(layout.entry[loop]);
        // In the method, f comes after the first call and before the second: the second call
        // is a jump back, so f is an entry too, and since the switch enters the return point
        // it is in, f does not dominate it: the call goes through the switch.
        assertArrayEquals(new int[] {0, 5, 1, 3, 4}, words(plan));
        assertTrue(layout.entry[f]);
        assertTrue(layout.direct(loop, f));
        assertFalse(layout.direct(after1, f));
        for (int back : new int[] {after1, after2}) {
            assertEquals(layout.direct(f, back), position(layout, back) > position(layout, f),
                    "a ret goes straight to a return point only if later in the method");
        }
    }

    private static int position(JitLayout layout, int block) {
        for (int k = 0; k < layout.order.length; k++) if (layout.order[k] == block) return k;
        throw new AssertionError("block " + block + " not laid out");
    }
}
