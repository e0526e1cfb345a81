package vm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fuzz.FuzzBudget;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The JIT against the interpreter on random programs: the same program and registers on two
 * machines, one per engine, run in lockstep with the same random budgets; after every run the
 * two must agree on everything the guest or the kernel can see: the count returned, the trap
 * (cause, pc, address, access, fault kind, word), pc, retired count, every register, every
 * byte of code and data, and the TLB's tags and fill count.
 *
 * <p>The programs are random valid instruction sequences aimed at what a translation can get
 * wrong: loads and stores of every size through base registers pointing into a mapped page,
 * a read-only page, across the end of the mapped range and into a code page that is also
 * writable (self-modifying code), short branches forward and back (loops), jumps through
 * registers, divisions by zero and MIN / -1, atomics aligned and not, syscalls, breaks, and
 * now and then an arbitrary word, legal or not. A trap is handled the same way on both: the
 * faulting instruction is skipped.
 *
 * <p>A short seeded run in CI; {@code -Dclonix.fuzz.seconds=N} keeps trying new seeds for N
 * seconds (FuzzBudget).
 */
class JitDifferentialTest {
    /** Registers holding addresses for the loads and stores; the programs rarely overwrite them. */
    private static final int[] BASES = {Isa.S1, Isa.S1 + 1, Isa.S1 + 2, Isa.S1 + 3, Isa.S1 + 4};
    private static final long[] BASE_VALUES = {
        Machine.DATA, Machine.DATA + 2 * 4096 + 8, Machine.DATA + 4 * 4096 - 24, Machine.CODE + 3 * 4096, 0x10000,
    };
    private static final int[] ALU = {
        Isa.ADD, Isa.SUB, Isa.MUL, Isa.MULH, Isa.MULHU, Isa.AND, Isa.OR, Isa.XOR, Isa.SLL, Isa.SRL, Isa.SRA,
        Isa.ADDW, Isa.SUBW, Isa.MULW, Isa.SLLW, Isa.SRLW, Isa.SRAW, Isa.SEQ, Isa.SNE, Isa.SLT, Isa.SLTU, Isa.SLE,
        Isa.SLEU, Isa.FADDD, Isa.FMULD, Isa.FLTD, Isa.FMADDD, Isa.FDIVS,
    };
    private static final int[] UNARY = {
        Isa.NOT, Isa.NEG, Isa.SEXTB, Isa.SEXTH, Isa.SEXTW, Isa.ZEXTB, Isa.ZEXTH, Isa.ZEXTW, Isa.FSQRTD, Isa.FCVTLD,
    };
    private static final int[] IMMEDIATE = {
        Isa.ADDI, Isa.MULI, Isa.ANDI, Isa.ORI, Isa.XORI, Isa.SLLI, Isa.SRLI, Isa.SRAI, Isa.ADDIW, Isa.SLLIW,
        Isa.SRLIW, Isa.SRAIW, Isa.SEQI, Isa.SNEI, Isa.SLTI, Isa.SLTIU, Isa.SLEI, Isa.SLEIU,
    };
    private static final int[] DIVIDE = {Isa.DIV, Isa.DIVU, Isa.REM, Isa.REMU, Isa.DIVW, Isa.DIVUW, Isa.REMW, Isa.REMUW};
    private static final int[] LOAD = {Isa.LB, Isa.LBU, Isa.LH, Isa.LHU, Isa.LW, Isa.LWU, Isa.LD};
    private static final int[] STORE = {Isa.SB, Isa.SH, Isa.SW, Isa.SD};
    private static final int[] BRANCH = {Isa.BEQ, Isa.BNE, Isa.BLT, Isa.BGE, Isa.BLTU, Isa.BGEU};
    private static final int[] ATOMIC = {Isa.CASW, Isa.CASD, Isa.FAAW, Isa.FAAD, Isa.XCHGW, Isa.XCHGD};

    @Test
    void randomProgramsAgreeInstructionForInstruction() {
        FuzzBudget.forEachSeed(new long[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20}, seed -> {
            compare(seed, 0, false);
            compare(seed, 12, false);
        });
    }

    @Test
    void callsReturnsAndLoopsAcrossBlocksAndPagesAgree() {
        FuzzBudget.forEachSeed(new long[] {101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112}, seed -> {
            compare(seed, 0, true);
            compare(seed, 12, true);
        });
    }

    /**
     * After a fork every private page is copy-on-write, the writable code page too: the
     * programs' stores into it fault, the fault is repaired as the kernel does (a private
     * copy, and a TLB shootdown that takes the code page out of the I-TLB), and the store
     * runs again; the I-TLB must see the same lookups and fills under both engines.
     */
    @Test
    void storesIntoACodePageSharedCopyOnWriteAfterForkAgree() {
        long[] repairs = {0};
        FuzzBudget.forEachSeed(new long[] {201, 202, 203, 204, 205, 206, 207, 208, 209, 210, 211, 212}, seed -> {
            repairs[0] += compare(seed, 0, false, true);
            repairs[0] += compare(seed, 12, false, true);
        });
        assertTrue(repairs[0] >= 5, "the code page was copied " + repairs[0] + " times");
    }

    private static void compare(long seed, int threshold, boolean structured) {
        compare(seed, threshold, structured, false);
    }

    /**
     * Runs the program of {@code seed} under both engines, the JIT translating a block's
     * region once {@code threshold} instructions have run from its starts (12: a block of four
     * runs three times in the interpreter first); {@code structured}: functions that call each other and loop
     * ({@link #structured}), else a random sequence of instructions; {@code forked}: after a
     * fork, with the copy-on-write faults repaired and the faulting stores run again. Returns
     * the number of copy-on-write faults repaired in the writable code page.
     */
    private static int compare(long seed, int threshold, boolean structured, boolean forked) {
        Random gen = new Random(seed);
        Machine interp = machine(), jit = machine();
        CodeCache cache = new CodeCache(threshold);
        jit.cpu.setCodeCache(cache);
        int n = 3 * 512 + gen.nextInt(512);           // three pages and part of the fourth
        long[] program = structured ? structured(gen, n) : new long[n];
        for (int i = 0; i < n && !structured; i++) {
            if (i >= 3 * 512 && i + 6 < n && gen.nextInt(8) == 0) {
                // In the writable code page: a store over one of the next few instructions.
                int ahead = 1 + gen.nextInt(5);
                program[i] = Isa.encode(Isa.ADDPC, Isa.T3, 0, 0, 8 * ahead);
                program[++i] = Isa.encode(pick(gen, STORE), 0, Isa.T3, gen.nextInt(32), -8 * gen.nextInt(2));
            } else {
                program[i] = instruction(gen, i, n);
            }
        }
        for (Machine m : new Machine[] {interp, jit}) {
            m.code(program);
            for (int r = 1; r < 32; r++) m.set(r, RandomInstructionTest.operand(new Random(seed * 32 + r)));
            for (int b = 0; b < BASES.length; b++) m.set(BASES[b], BASE_VALUES[b]);
            m.set(Isa.SP, STACK);
        }
        if (forked) {
            // The children are dropped at once: their pages stay shared, so each page the
            // programs store into is copied, as after a fork whose child runs on elsewhere.
            interp.mm.copyOnWrite();
            jit.mm.copyOnWrite();
        }
        int repairs = 0;
        Random driver = new Random(~seed);
        String where = "seed " + seed + " threshold " + threshold;
        for (int step = 0; step < 600; step++) {
            long budget = driver.nextInt(4) == 0 ? 1 + driver.nextInt(8) : 1 + driver.nextInt(400);
            long a = interp.cpu.run(budget), b = jit.cpu.run(budget);
            String at = where + " step " + step + " pc 0x" + Long.toHexString(interp.cpu.pc());
            assertEquals(a, b, at + ": instructions completed");
            assertSame(interp, jit, at);
            Trap t = interp.cpu.trap();
            long next = interp.cpu.pc();
            if (forked && t != null && t.isCopyOnWrite()) {
                assertEquals(interp.mm.resolveCow(t.address()), jit.mm.resolveCow(t.address()), at + ": the repair");
                if (t.address() >>> 12 == Machine.CODE + 3 * 4096 >>> 12) repairs++;
            } else if (t != null && t.cause() != TrapCause.SYSCALL) {
                next += 8;                                                        // skip what trapped
            }
            if (next < Machine.CODE || next >= Machine.CODE + 8L * n || (next & 7) != 0) {
                next = Machine.CODE + 8L * driver.nextInt(n);                     // a wild jump: start over somewhere
            }
            interp.cpu.setPc(next);
            jit.cpu.setPc(next);
        }
        // Not a comparison of two interpreters: most instructions ran translated.
        assertTrue(cache.compiledInstructions() > jit.cpu.retired() / 2,
                where + ": " + cache.compiledInstructions() + " of " + jit.cpu.retired() + " translated");
        return repairs;
    }

    /** The stack pointer the programs start with: the top of the second data page, growing down. */
    private static final long STACK = Machine.DATA + 2 * 4096 - 32;
    /**
     * A program of functions spread over the pages, some crossing from one page into the
     * next: each saves ra and its loop counter on the stack, runs random instructions with
     * loops (a counter counted down to a backward branch, so the loop spans several blocks)
     * and calls to other functions (jal ra, in the same page or another), and returns with
     * jalr through ra. Now and then an instruction is left as the random generator made it
     * (a wild jump, a clobbered register), so that returns also go where they were not
     * expected to.
     */
    private static long[] structured(Random gen, int n) {
        long[] program = new long[n];
        // Function starts, 24 to 120 instructions apart.
        int[] starts = new int[n / 24 + 1];
        int count = 0;
        for (int s = 0; s + 24 <= n; s += 24 + gen.nextInt(97)) starts[count++] = s;
        for (int f = 0; f < count; f++) {
            int s = starts[f], e = f + 1 < count ? starts[f + 1] : n;
            int i = s;
            program[i++] = Isa.encode(Isa.ADDI, Isa.SP, Isa.SP, 0, -16);
            program[i++] = Isa.encode(Isa.SD, 0, Isa.SP, Isa.RA, 0);
            program[i++] = Isa.encode(Isa.SD, 0, Isa.SP, Isa.T4, 8);
            int loopStart = -1;
            while (i < e - 4) {
                int kind = gen.nextInt(20);
                if (kind == 0 && loopStart < 0 && i + 10 < e - 4) {
                    program[i++] = Isa.encode(Isa.LI, Isa.T4, 0, 0, 1 + gen.nextInt(6));
                    loopStart = i;
                } else if (kind == 1 && loopStart >= 0 && i + 2 <= e - 4) {    // two words, before the epilogue
                    program[i++] = Isa.encode(Isa.ADDI, Isa.T4, Isa.T4, 0, -1);
                    program[i] = Isa.encode(Isa.BNE, 0, Isa.T4, 0, 8 * (loopStart - i));
                    i++;
                    loopStart = -1;
                } else if (kind == 2) {
                    int callee = starts[gen.nextInt(count)];
                    program[i] = Isa.encode(Isa.JAL, Isa.RA, 0, 0, 8 * (callee - i));
                    i++;
                } else {
                    program[i] = filler(gen, i, n);
                    i++;
                }
            }
            while (i < e - 4) program[i++] = Isa.encode(Isa.NOP, 0, 0, 0, 0);
            program[i++] = Isa.encode(Isa.LD, Isa.RA, Isa.SP, 0, 0);
            program[i++] = Isa.encode(Isa.LD, Isa.T4, Isa.SP, 0, 8);
            program[i++] = Isa.encode(Isa.ADDI, Isa.SP, Isa.SP, 0, 16);
            program[i++] = Isa.encode(Isa.JALR, 0, Isa.RA, 0, 0);
        }
        return program;
    }

    /**
     * A random instruction for a structured program: mostly arithmetic, and loads and stores
     * into the first data page and the stack, which seldom trap, so that runs go on through
     * many blocks; one in 30 is anything the random generator makes.
     */
    private static long filler(Random gen, int i, int n) {
        if (gen.nextInt(30) == 0) return instruction(gen, i, n);
        int rd = Isa.T0 + gen.nextInt(3), rs1 = gen.nextInt(32), rs2 = gen.nextInt(32);
        int kind = gen.nextInt(10);
        if (kind < 4) return Isa.encode(pick(gen, ALU), rd, rs1, rs2, 0);
        if (kind < 6) return Isa.encode(pick(gen, IMMEDIATE), rd, rs1, 0, gen.nextInt(80) - 16);
        boolean stack = gen.nextBoolean();
        int base = stack ? Isa.SP : BASES[0], offset = stack ? 16 + 8 * gen.nextInt(8) : gen.nextInt(4000);
        if (kind < 8) return Isa.encode(pick(gen, LOAD), rd, base, 0, offset);
        return Isa.encode(pick(gen, STORE), 0, base, rs2, offset);
    }

    private static Machine machine() {
        Machine m = new Machine();
        m.mm.protect(Machine.DATA + 2 * 4096, 1, Pte.READ);
        m.mm.protect(Machine.CODE + 3 * 4096, 1, Pte.READ | Pte.WRITE | Pte.EXEC);
        return m;
    }

    /** Everything the guest and the kernel can see of the two machines is the same. */
    static void assertSame(Machine interp, Machine jit, String at) {
        assertEquals(interp.cpu.trap(), jit.cpu.trap(), at + ": trap");
        assertEquals(interp.cpu.pc(), jit.cpu.pc(), at + ": pc");
        assertEquals(interp.cpu.retired(), jit.cpu.retired(), at + ": retired");
        for (int r = 0; r < 32; r++) assertEquals(interp.reg(r), jit.reg(r), at + ": register " + Isa.regName(r));
        for (long page : new long[] {Machine.CODE, Machine.DATA}) {
            for (int p = 0; p < 4; p++) {
                long va = page + 4096L * p;
                assertArrayEquals(frame(interp, va), frame(jit, va), at + ": page 0x" + Long.toHexString(va));
            }
        }
        Tlb x = interp.cpu.tlb(), y = jit.cpu.tlb();
        assertArrayEquals(x.readTag, y.readTag, at + ": TLB read tags");
        assertArrayEquals(x.writeTag, y.writeTag, at + ": TLB write tags");
        assertArrayEquals(x.execTag, y.execTag, at + ": I-TLB tags");
        assertEquals(x.fills, y.fills, at + ": TLB fills");
    }

    private static byte[] frame(Machine m, long va) {
        return m.phys.data(Pte.frame(m.mm.pte(va)));
    }

    /** Instruction {@code i} of {@code n}: mostly the kinds a translation must get right. */
    private static long instruction(Random r, int i, int n) {
        int rd = 1 + r.nextInt(31), rs1 = r.nextInt(32), rs2 = r.nextInt(32);
        if (r.nextInt(10) != 0) {
            for (int b : BASES) if (rd == b) rd = Isa.T0;            // keep the base registers, mostly
        }
        int base = r.nextInt(10) == 0 ? r.nextInt(32) : BASES[r.nextInt(BASES.length)];
        int offset = r.nextInt(3) == 0 ? r.nextInt(4200) - 50 : r.nextInt(64) - 8;
        int kind = r.nextInt(100);
        if (kind < 25) return Isa.encode(pick(r, ALU), rd, rs1, rs2, 0);
        if (kind < 30) return Isa.encode(pick(r, UNARY), rd, rs1, 0, 0);
        if (kind < 45) return Isa.encode(pick(r, IMMEDIATE), rd, rs1, 0, r.nextInt(3) == 0 ? r.nextInt() : r.nextInt(80) - 16);
        if (kind < 50) return Isa.encode(r.nextBoolean() ? Isa.LI : Isa.LIH, rd, 0, 0, r.nextInt());
        if (kind < 62) return Isa.encode(pick(r, LOAD), r.nextInt(12) == 0 ? 0 : rd, base, 0, offset);
        if (kind < 74) return Isa.encode(pick(r, STORE), 0, base, rs2, offset);
        if (kind < 80) return Isa.encode(pick(r, DIVIDE), rd, rs1, r.nextInt(4) == 0 ? 0 : rs2, 0);
        if (kind < 88) {
            // Short branches, back more often than forward, so that loops form and get hot.
            int to = Math.max(0, Math.min(n - 1, i + r.nextInt(24) - 16));
            return Isa.encode(pick(r, BRANCH), 0, rs1, rs2, 8 * (to - i));
        }
        if (kind < 90) return Isa.encode(Isa.JAL, r.nextBoolean() ? 0 : rd, 0, 0, 8 * (r.nextInt(n) - i));
        if (kind < 91) return Isa.encode(Isa.JALR, rd, rs1, 0, r.nextInt(16) - 8);
        if (kind < 92) return Isa.encode(Isa.ADDPC, rd, 0, 0, r.nextInt(4096));
        if (kind < 95) return Isa.encode(pick(r, ATOMIC), rd, base, rs2, r.nextInt(4) == 0 ? r.nextInt(16) : 8 * r.nextInt(8));
        if (kind < 96) return Isa.encode(r.nextBoolean() ? Isa.SYSCALL : Isa.BREAK, 0, 0, 0, 0);
        if (kind < 97) return Isa.encode(r.nextBoolean() ? Isa.NOP : Isa.FENCE, 0, 0, 0, 0);
        return RandomInstructionTest.word(r);
    }

    private static int pick(Random r, int[] ops) {
        return ops[r.nextInt(ops.length)];
    }
}
