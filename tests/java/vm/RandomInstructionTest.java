package vm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random instructions (seeded, so the test is repeatable) with operands aimed at
 * the edges: page boundaries, unmapped and read-only pages, extreme values. Checks the
 * promises that hold for every instruction: run never throws, a trapping instruction other
 * than syscall changes no register, no byte of memory and not the pc, and counts as zero.
 */
class RandomInstructionTest {
    static final long[] INTERESTING = {
        0, 1, -1, 2, 7, 8, 31, 32, 63, 64, Long.MIN_VALUE, Long.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE,
        0xFFFF_FFFFL, Machine.DATA, Machine.DATA + 4093, Machine.DATA + 4 * 4096 - 3, Machine.DATA + 4 * 4096,
        Machine.CODE + 4092, Machine.CODE + 8, 1L << 48, -4096,
    };

    static long operand(Random r) {
        switch (r.nextInt(4)) {
            case 0: return r.nextLong();
            case 1: return INTERESTING[r.nextInt(INTERESTING.length)] + r.nextInt(17) - 8;
            default: return INTERESTING[r.nextInt(INTERESTING.length)];
        }
    }

    static long word(Random r) {
        return RandomWords.word(r, () -> operand(r));
    }

    static byte[] memory(Machine m) {
        byte[] all = new byte[4 * 4096];
        assertEquals(AddressSpace.NO_FAULT, m.mm.copyIn(Machine.DATA, all, 0, all.length));
        return all;
    }

    @Test
    void faultingInstructionsHaveNoEffectAndNothingThrows() {
        Random r = new Random(20240611);
        Machine m = new Machine();
        m.mm.protect(Machine.DATA + 2 * 4096, 1, Pte.READ);
        int traps = 0;
        for (int n = 0; n < 4000; n++) {
            long w = word(r);
            m.poke(Machine.CODE, w);
            m.cpu.setPc(Machine.CODE);
            for (int reg = 1; reg < 32; reg++) m.set(reg, operand(r));
            Context before = new Context();
            m.cpu.saveContext(before);
            byte[] mem = memory(m);
            long count = m.cpu.run(1);
            Trap t = m.cpu.trap();
            if (t == null || t.cause() == TrapCause.SYSCALL) {
                assertEquals(1, count);
                continue;
            }
            traps++;
            assertEquals(0, count, t::toString);
            Context after = new Context();
            m.cpu.saveContext(after);
            String what = Long.toHexString(w) + " " + t;
            assertArrayEquals(before.regs, after.regs, what);
            assertEquals(Machine.CODE, after.pc, what);
            assertEquals(Machine.CODE, t.pc(), what);
            assertArrayEquals(mem, memory(m), what);
        }
        assertEquals(true, traps > 500, "the random words should trap often: " + traps);
    }
}
