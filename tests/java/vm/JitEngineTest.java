package vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vm.Isa.*;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The JIT's own rules (docs/design.md, "Engines"): when a translated block runs and when the
 * interpreter does, what happens when code changes under a translation, the observer, and
 * HotSpot's method-size limit. JitDifferentialTest compares whole random programs.
 */
class JitEngineTest {
    /** "addi a0, a0, 1; addi a1, a1, 2; jal back to the start": a loop of one block of three. */
    private static Machine counterLoop(CodeCache cache) {
        return counterLoop(cache, 2);
    }

    /**
     * The counter loop with "addi a1, a1, {@code step}": translations are shared by all the
     * machines of the JVM (JitClasses), so a test that counts when its code gets translated
     * runs code of its own, which no other test has made hot.
     */
    private static Machine counterLoop(CodeCache cache, int step) {
        Machine m = new Machine().code(encode(ADDI, A0, A0, 0, 1), encode(ADDI, A1, A1, 0, step), encode(JAL, ZERO, 0, 0, -16));
        m.cpu.setCodeCache(cache);
        return m;
    }

    @Test
    void aLoopOfOneBlockRunsTranslatedAndStopsExactlyAtTheBudget() {
        CodeCache cache = new CodeCache(0);
        Machine m = counterLoop(cache);
        m.runClean(3001);             // 1000 passes and the first instruction of the next
        assertEquals(1001, m.reg(A0));
        assertEquals(2000, m.reg(A1));
        assertEquals(Machine.CODE + 8, m.cpu.pc());
        assertEquals(3001, m.cpu.retired());
        assertEquals(3001, cache.compiledInstructions(), "the last instruction ran in the block's counted translation");
    }

    @Test
    void aBlockLongerThanTheBudgetLeftRunsInTheInterpreterUntilBurstsEndingInItAreHot() {
        CodeCache cache = new CodeCache();
        Machine m = counterLoop(cache, 3);
        int hot = cache.tailThreshold;
        for (int i = 0; i < hot + 4; i++) {
            m.cpu.setPc(Machine.CODE);
            m.runClean(2);                // never room for the three instructions
            assertEquals(Machine.CODE + 16, m.cpu.pc());
            assertEquals(i + 1, m.reg(A0));
            assertEquals(3 * (i + 1), m.reg(A1));
            assertEquals(i < hot ? 0 : 2 * (i + 1 - hot), cache.compiledInstructions(), "pass " + i);
        }
    }

    @Test
    void codeWrittenUnderACountedTranslationRunsAsWritten() {
        CodeCache cache = new CodeCache(0);
        Machine m = counterLoop(cache);
        m.runClean(2);
        assertEquals(2, cache.compiledInstructions(), "two of the block's three, translated");
        m.poke(Machine.CODE + 8, encode(ADDI, A1, A1, 0, 50));
        m.cpu.setPc(Machine.CODE);
        m.runClean(2);
        assertEquals(2, m.reg(A0));
        assertEquals(52, m.reg(A1));
        assertEquals(2, cache.compiledInstructions(), "the stale translation was dropped, the interpreter ran the new code");
        m.cpu.setPc(Machine.CODE);
        m.runClean(2);
        assertEquals(102, m.reg(A1));
        assertEquals(4, cache.compiledInstructions(), "translated again");
    }

    @Test
    void blocksAreTranslatedOnlyOnceHot() {
        // The loop is one block: its heat is every instruction run.
        CodeCache cache = new CodeCache();
        Machine m = counterLoop(cache, 4);
        m.runClean(CodeCache.THRESHOLD - 3);
        assertEquals(0, cache.compiledInstructions(), "cold: interpreted");
        m.runClean(300);
        assertTrue(cache.compiledInstructions() >= 297, "hot: translated");
    }

    /** A loop of one block: {@code n - 2} times "addi a0, a0, 1", then "addi a1, a1, step" and a jump back. */
    private static Machine loopOfOneBlock(CodeCache cache, int n, int step) {
        long[] words = new long[n];
        Arrays.fill(words, encode(ADDI, A0, A0, 0, 1));
        words[n - 2] = encode(ADDI, A1, A1, 0, step);
        words[n - 1] = encode(JAL, ZERO, 0, 0, -8 * (n - 1));
        Machine m = new Machine().code(words);
        m.cpu.setCodeCache(cache);
        return m;
    }

    /**
     * Runs the loop of one block of {@code n} instructions to one start short of the threshold,
     * where nothing is translated yet, then {@code more} instructions, which the start that
     * reaches it runs translated; returns the machine.
     */
    private static Machine hotAtTheThreshold(int n, int step, int more, String interpreted, String translated) {
        CodeCache cache = new CodeCache();
        Machine m = loopOfOneBlock(cache, n, step);
        m.runClean(CodeCache.THRESHOLD - n);
        assertEquals(0, cache.compiledInstructions(), interpreted);
        m.runClean(more);
        assertEquals(more, cache.compiledInstructions(), translated);
        return m;
    }

    @Test
    void aLongBlockIsHotAfterFewerStartsThanAShortOne() {
        // Heat is counted in instructions: a block of 32 is translated after THRESHOLD / 32
        // starts, 16,384, where counting starts took 65,535...
        Machine longLoop = hotAtTheThreshold(32, 21, 64, "16,383 starts: interpreted", "the 16,384th start: translated");
        assertEquals(CodeCache.THRESHOLD / 32 + 1, longLoop.reg(A1) / 21);
        // ... and a block of two still runs in the interpreter after 65,535 starts, and
        // 200,000 more: it is translated after THRESHOLD / 2 starts.
        hotAtTheThreshold(2, 22, 200, "262,143 starts: interpreted", "the 262,144th start: translated");
    }

    @Test
    void aMachineThatHasRunLongTranslatesWarmCode() {
        // Three loops of one block in one page: a at CODE, b at CODE + 64 and c at CODE + 128.
        CodeCache cache = new CodeCache();
        Machine m = new Machine();
        m.cpu.setCodeCache(cache);
        long a = Machine.CODE, b = a + 64, c = b + 64;
        m.poke(a, encode(ADDI, A0, A0, 0, 1), encode(ADDI, A1, A1, 0, 23), encode(JAL, ZERO, 0, 0, -16));
        m.poke(b, encode(ADDI, A2, A2, 0, 1), encode(ADDI, A3, A3, 0, 24), encode(JAL, ZERO, 0, 0, -16));
        m.poke(c, encode(ADDI, A4, A4, 0, 1), encode(ADDI, A5, A5, 0, 25), encode(JAL, ZERO, 0, 0, -16));
        // A young machine: warm code is interpreted.
        m.cpu.setPc(b);
        m.runClean(CodeCache.WARM + 300);
        assertEquals(0, cache.compiledInstructions(), "warm, in a young machine: interpreted");
        // a runs until the machine is old (a is hot: translated).
        m.cpu.setPc(a);
        m.runClean(CodeCache.LONG_RUN);
        long before = cache.compiledInstructions();
        assertTrue(before > CodeCache.LONG_RUN - CodeCache.THRESHOLD - 300, "hot: translated");
        // In the old machine, cold code is still interpreted, and warm code is translated.
        m.cpu.setPc(c);
        m.runClean(CodeCache.WARM - 3);
        assertEquals(before, cache.compiledInstructions(), "cold: interpreted");
        m.runClean(300);
        assertTrue(cache.compiledInstructions() - before >= 297, "warm, in an old machine: translated");
        assertEquals(25 * ((CodeCache.WARM - 3 + 300) / 3), m.reg(A5), "c's work, whichever engine ran it");
    }

    @Test
    void aRegionAnotherMachineTranslatedIsTakenOnceWarm() {
        // The first machine makes the loop hot, which translates it; a second machine running
        // the same code takes that translation once the loop is warm, long before it is hot.
        Machine first = counterLoop(new CodeCache(), 5);
        first.runClean(CodeCache.THRESHOLD + 300);
        CodeCache cache = new CodeCache();
        Machine second = counterLoop(cache, 5);
        second.runClean(CodeCache.LOOKUP - 2);
        assertEquals(0, cache.compiledInstructions(), "cold: interpreted");
        second.runClean(300);
        assertTrue(cache.compiledInstructions() >= 297, "warm, and translated already: translated");
        assertEquals(5 * (second.cpu.retired() / 3), second.reg(A1), "the loop's work, whichever engine ran it");
        // Code that no machine has made hot is still interpreted at that point.
        CodeCache other = new CodeCache();
        Machine third = counterLoop(other, 6);
        third.runClean(CodeCache.LOOKUP + 300);
        assertEquals(0, other.compiledInstructions(), "warm, but translated nowhere: interpreted");
    }

    @Test
    void theEndOfABlockAnotherMachineTranslatedIsTakenOnceWarm() {
        // As above, for the counted translation that runs the ends of bursts (budgets of 2).
        CodeCache firstCache = new CodeCache();
        Machine first = counterLoop(firstCache, 7);
        for (int i = 0; i <= firstCache.tailThreshold; i++) {
            first.cpu.setPc(Machine.CODE);
            first.runClean(2);
        }
        CodeCache cache = new CodeCache();
        Machine second = counterLoop(cache, 7);
        int warm = cache.tailLookup;
        for (int i = 0; i < warm + 4; i++) {
            second.cpu.setPc(Machine.CODE);
            second.runClean(2);
            assertEquals(7 * (i + 1), second.reg(A1));
            assertEquals(i < warm ? 0 : 2 * (i + 1 - warm), cache.compiledInstructions(), "pass " + i);
        }
    }

    @Test
    void codeWrittenAfterTranslationRunsAsWritten() {
        Machine m = counterLoop(new CodeCache(0));
        m.runClean(30);
        assertEquals(10, m.reg(A0));
        // Another writer (the kernel, another CPU) replaces "addi a0, a0, 1" by "addi a0, a0, 100".
        m.poke(Machine.CODE, encode(ADDI, A0, A0, 0, 100));
        m.runClean(30);
        assertEquals(1010, m.reg(A0));
        assertEquals(40, m.reg(A1));
    }

    @Test
    void aStoreIntoItsOwnBlockIsSeenByTheNextInstruction() {
        // In a writable code page: "sd a2, 16(a3)" overwrites the third instruction, which
        // was "li a0, 1", with "li a0, 2" (in a2), before it executes.
        Machine m = new Machine();
        m.mm.protect(Machine.CODE, 1, Pte.READ | Pte.WRITE | Pte.EXEC);
        long li1 = encode(LI, A0, 0, 0, 1), li2 = encode(LI, A0, 0, 0, 2);
        m.code(encode(ADDI, A1, A1, 0, 1), encode(SD, 0, A3, A2, 16), li1, encode(SYSCALL, 0, 0, 0, 0));
        m.cpu.setCodeCache(new CodeCache(0));
        for (int pass = 0; pass < 3; pass++) {
            m.poke(Machine.CODE + 16, li1);
            m.set(A2, li2);
            m.set(A3, Machine.CODE);
            m.cpu.setPc(Machine.CODE);
            assertEquals(4, m.cpu.run(100));
            assertEquals(TrapCause.SYSCALL, m.cpu.trap().cause());
            assertEquals(2, m.reg(A0), "pass " + pass);
        }
    }

    @Test
    void aFaultInsideABlockLeavesTheInterpretersState() {
        // "addi a0, a0, 1; ld a1, 0(a2); addi a0, a0, 1; jal back", with a2 unmapped at the third pass.
        Machine m = new Machine().code(encode(ADDI, A0, A0, 0, 1), encode(LD, A1, A2, 0, 0),
                encode(ADDI, A0, A0, 0, 1), encode(JAL, ZERO, 0, 0, -24));
        m.cpu.setCodeCache(new CodeCache(0));
        m.set(A2, Machine.DATA);
        m.runClean(8);
        m.set(A2, 0x10000);
        assertEquals(1, m.cpu.run(100));
        Trap t = m.cpu.trap();
        assertEquals(TrapCause.PAGE_FAULT, t.cause());
        assertEquals(Machine.CODE + 8, t.pc());
        assertEquals(Machine.CODE + 8, m.cpu.pc());
        assertEquals(0x10000, t.address());
        assertEquals(5, m.reg(A0));
        assertEquals(9, m.cpu.retired());
    }

    @Test
    void aCpuWithAnObserverRunsTheInterpreterAndTheObserverSeesEveryAccess() {
        AccessObserverTest.Recorder withJit = new AccessObserverTest.Recorder(AccessObserver.PROCEED_UNCACHED);
        AccessObserverTest.Recorder without = new AccessObserverTest.Recorder(AccessObserver.PROCEED_UNCACHED);
        Machine a = AccessObserverTest.loop(withJit), b = AccessObserverTest.loop(without);
        CodeCache cache = new CodeCache(0);
        a.cpu.setCodeCache(cache);
        a.runClean(300);
        b.runClean(300);
        assertEquals(without.seen, withJit.seen);
        assertEquals(200, withJit.seen.size());
        assertEquals(0, cache.compiledInstructions());
    }

    /**
     * A loop that calls f, in its own page, and g, in the next page, five times, then starts
     * again: "li t0, 0; li t1, 5; loop: addi t0, t0, 1; jal ra, f; jal ra, g; addi t1, t1, -1;
     * bne t1, zero, loop; jal zero, start", with f "addi a0, a0, 3; blt a0, t0, +16; addi a0,
     * a0, -1; jalr zero, ra" and g "addi a1, a1, 1; jalr zero, ra". The page's region holds the
     * loop, the calls and f; g's return comes back into the region through the dispatcher.
     */
    private static long[] callingLoop() {
        long[] words = new long[512 + 2];
        Arrays.fill(words, encode(NOP, 0, 0, 0, 0));
        long[] head = {
            encode(LI, T0, 0, 0, 0), encode(LI, T1, 0, 0, 5), encode(ADDI, T0, T0, 0, 1), encode(JAL, RA, 0, 0, 8 * (10 - 3)),
            encode(JAL, RA, 0, 0, 8 * (512 - 4)), encode(ADDI, T1, T1, 0, -1), encode(BNE, 0, T1, 0, 8 * (2 - 6)),
            encode(JAL, ZERO, 0, 0, 8 * -7), encode(NOP, 0, 0, 0, 0), encode(NOP, 0, 0, 0, 0),
            encode(ADDI, A0, A0, 0, 3), encode(BLT, 0, A0, T0, 16), encode(ADDI, A0, A0, 0, -1), encode(JALR, 0, RA, 0, 0),
        };
        System.arraycopy(head, 0, words, 0, head.length);
        words[512] = encode(ADDI, A1, A1, 0, 1);
        words[513] = encode(JALR, 0, RA, 0, 0);
        return words;
    }

    /** The same program on two machines, the second with the JIT translating at once. */
    private static Machine[] twins(long[] program, CodeCache cache) {
        Machine interp = new Machine().code(program), jit = new Machine().code(program);
        jit.cpu.setCodeCache(cache);
        return new Machine[] {interp, jit};
    }

    @Test
    void aRegionStopsWhereTheInterpreterDoesForEveryBudget() {
        // Every budget from 1 to 300 instructions, from the same start: the budget runs out at
        // every block boundary of the region, inside blocks, and around the calls.
        CodeCache cache = new CodeCache(0);
        Machine[] m = twins(callingLoop(), cache);
        for (int budget = 1; budget <= 300; budget++) {
            for (Machine x : m) {
                x.cpu.setPc(Machine.CODE);
                for (int r : new int[] {T0, T1, A0, A1, RA}) x.set(r, 0);
                assertEquals(budget, x.cpu.run(budget));
            }
            JitDifferentialTest.assertSame(m[0], m[1], "budget " + budget);
        }
        assertTrue(cache.compiledInstructions() > m[1].cpu.retired() * 9 / 10,
                cache.compiledInstructions() + " of " + m[1].cpu.retired() + " translated");
    }

    @Test
    void codeWrittenAfterTranslationInAnyBlockOfARegionRunsAsWritten() {
        CodeCache cache = new CodeCache(0);
        Machine[] m = twins(callingLoop(), cache);
        for (Machine x : m) x.runClean(500);
        // Another writer changes f's "addi a0, a0, 3" to "addi a0, a0, 7", and the loop's
        // count from 5 to 2: blocks the region entered before, and one it has not entered yet.
        for (Machine x : m) {
            x.poke(Machine.CODE + 8 * 10, encode(ADDI, A0, A0, 0, 7));
            x.poke(Machine.CODE + 8, encode(LI, T1, 0, 0, 2));
            x.runClean(500);
        }
        JitDifferentialTest.assertSame(m[0], m[1], "after the writes");
        assertEquals(m[0].reg(A0), m[1].reg(A0));
    }

    @Test
    void aCodePageUnmappedAfterTranslationFaultsAsInTheInterpreter() {
        CodeCache cache = new CodeCache(0);
        Machine[] m = twins(callingLoop(), cache);
        for (Machine x : m) x.runClean(500);
        // g's page goes; the next call to it faults on the fetch, in both engines.
        for (Machine x : m) {
            x.mm.unmap(Machine.CODE + 4096, 1);
            x.cpu.run(500);
        }
        JitDifferentialTest.assertSame(m[0], m[1], "after the unmap");
        assertEquals(TrapCause.PAGE_FAULT, m[1].cpu.trap().cause());
        assertEquals(Machine.CODE + 4096, m[1].cpu.trap().address());
        // Mapped again, it is zeroes: an illegal instruction, in both.
        for (Machine x : m) {
            x.mm.map(Machine.CODE + 4096, 1, Machine.R | Machine.X);
            x.cpu.run(500);
        }
        JitDifferentialTest.assertSame(m[0], m[1], "after the new map");
        assertEquals(TrapCause.ILLEGAL_INSTRUCTION, m[1].cpu.trap().cause());
    }

    @Test
    void oneCallOfARegionRunsAtMostMaxCallInstructionsAndTheNextGoesOnExactly() {
        CodeCache cache = new CodeCache(0);
        Machine m = counterLoop(cache);
        byte[] frame = m.phys.data(Pte.frame(m.mm.pte(Machine.CODE)));
        JitRegion r = JitClasses.region(Machine.CODE, frame, 0);
        int passes = JitTranslator.MAX_CALL / 3;
        assertEquals(3 * passes, r.execute(m.cpu, frame, Integer.MAX_VALUE), "whole passes of the loop, up to MAX_CALL");
        assertEquals(Machine.CODE, m.cpu.pc());
        assertEquals(passes, m.reg(A0));
        // Through the dispatcher, a budget of several calls' worth ends where the interpreter's does.
        Machine interp = counterLoop(null), jit = counterLoop(new CodeCache(0));
        long budget = 3L * JitTranslator.MAX_CALL + 2;
        interp.runClean(budget);
        jit.runClean(budget);
        JitDifferentialTest.assertSame(interp, jit, "budget " + budget);
        assertEquals(budget, jit.cpu.retired());
    }

    /**
     * "loop: addi a0, a0, 1; blt a0, a1, skip; addi a2, a2, 1; skip: addi a3, a3, 2;
     * bne a3, a4, loop; break": a loop of three blocks, two going back to the first, its head,
     * with a goto (JitLayout); the other two are not entries, so a burst that ends at one of
     * them resumes there in the interpreter.
     */
    private static long[] loopOfThreeBlocks() {
        return new long[] {encode(ADDI, A0, A0, 0, 1), encode(BLT, 0, A0, A1, 16), encode(ADDI, A2, A2, 0, 1),
            encode(ADDI, A3, A3, 0, 2), encode(BNE, 0, A3, A4, -32), encode(BREAK, 0, 0, 0, 0)};
    }

    @Test
    void aLoopOfSeveralBlocksGoesBackToItsHeadAndStopsWhereTheInterpreterDoes() {
        CodeCache cache = new CodeCache(0);
        Machine[] m = twins(loopOfThreeBlocks(), cache);
        for (int budget = 1; budget <= 200; budget++) {
            for (Machine x : m) {
                x.cpu.setPc(Machine.CODE);
                for (int r : new int[] {A0, A2, A3}) x.set(r, 0);
                x.set(A1, 7);
                x.set(A4, 40);
                x.cpu.run(budget);
            }
            JitDifferentialTest.assertSame(m[0], m[1], "budget " + budget);
        }
        assertEquals(TrapCause.BREAKPOINT, m[1].cpu.trap().cause(), "the loop ran out and reached its break");
        assertTrue(cache.compiledInstructions() > m[1].cpu.retired() * 9 / 10,
                cache.compiledInstructions() + " of " + m[1].cpu.retired() + " translated");
    }

    @Test
    void aReturnGoesToWhereverRaPointsWhetherTheCallersReturnPointAnotherOrNoBlock() {
        // "loop: addi a0, a0, 1; jal ra, f; addi a1, a1, 1; jal ra, f; addi a3, a3, 1; blt a0,
        // a2, loop; break", with f "andi t0, a0, 3; bne t0, zero, +16; addi ra, ra, 16; xori
        // t1, t0, 2; bne t1, zero, +16; addi ra, ra, 8; jalr zero, ra": f returns after its
        // call, or (a0 % 4 == 0) after the other call, a return point of the region too, or
        // (a0 % 4 == 2) one instruction later, where no block starts. A translated ret goes
        // straight to a return point that comes later in the method (JitTranslator.returns).
        long[] program = {
            encode(ADDI, A0, A0, 0, 1), encode(JAL, RA, 0, 0, 8 * 6), encode(ADDI, A1, A1, 0, 1),
            encode(JAL, RA, 0, 0, 8 * 4), encode(ADDI, A3, A3, 0, 1), encode(BLT, 0, A0, A2, 8 * -5),
            encode(BREAK, 0, 0, 0, 0),
            encode(ANDI, T0, A0, 0, 3), encode(BNE, 0, T0, 0, 16), encode(ADDI, RA, RA, 0, 16),
            encode(XORI, T1, T0, 0, 2), encode(BNE, 0, T1, 0, 16), encode(ADDI, RA, RA, 0, 8),
            encode(JALR, 0, RA, 0, 0),
        };
        CodeCache cache = new CodeCache(0);
        Machine[] m = twins(program, cache);
        for (int budget = 1; budget <= 400; budget++) {
            for (Machine x : m) {
                x.cpu.setPc(Machine.CODE);
                for (int r : new int[] {A0, A1, A3, T0, T1, RA}) x.set(r, 0);
                x.set(A2, 24);
                x.cpu.run(budget);
            }
            JitDifferentialTest.assertSame(m[0], m[1], "budget " + budget);
        }
        assertEquals(TrapCause.BREAKPOINT, m[1].cpu.trap().cause(), "the loop ran out and reached its break");
        assertEquals(12, m[1].reg(A1), "odd a0: the first call returned after itself");
        assertEquals(18, m[1].reg(A3), "odd a0, and a0 % 4 == 0: the first call returned after the second");
        assertTrue(cache.compiledInstructions() > m[1].cpu.retired() / 2,
                cache.compiledInstructions() + " of " + m[1].cpu.retired() + " translated");
    }

    @Test
    void loadsAndStoresAtThePageEndTakeTheSlowPathExactlyWhenTheyCrossIt() {
        // "ld a1, 0(a2); sw a1, 0(a3); addi a2, a2, 1; addi a3, a3, 1; blt a2, a4, back;
        // break": 8- and 4-byte accesses at each offset up to and across the end of a page
        // whose entry is in the TLB, into a mapped page, and into an unmapped one (a fault).
        // The translation tests a hit and the page end in one comparison (JitEmitter.hitTest).
        long[] loop = {encode(LD, A1, A2, 0, 0), encode(SW, 0, A3, A1, 0), encode(ADDI, A2, A2, 0, 1),
            encode(ADDI, A3, A3, 0, 1), encode(BLT, 0, A2, A4, -32), encode(BREAK, 0, 0, 0, 0)};
        CodeCache cache = new CodeCache(0);
        Machine[] m = twins(loop, cache);
        for (Machine x : m) x.poke(Machine.DATA + 4096 - 16, 0x1122334455667788L, 0x99AABBCCDDEEFF00L, 0x0102030405060708L);
        long[][] starts = {{Machine.DATA + 4096 - 16, Machine.DATA + 2 * 4096 - 16}, {Machine.DATA + 4 * 4096 - 16, Machine.DATA + 8}};
        for (long[] start : starts) {
            for (int budget = 1; budget <= 90; budget++) {
                for (Machine x : m) {
                    x.cpu.setPc(Machine.CODE);
                    x.set(A2, start[0]);
                    x.set(A3, start[1]);
                    x.set(A4, start[0] + 16);
                    x.cpu.run(budget);
                }
                JitDifferentialTest.assertSame(m[0], m[1], "from 0x" + Long.toHexString(start[0]) + ", budget " + budget);
            }
        }
        assertEquals(TrapCause.PAGE_FAULT, m[1].cpu.trap().cause(), "the load crossing into the unmapped page");
        assertEquals(Machine.DATA + 4 * 4096 - 7, m[1].reg(A2));
        assertTrue(cache.compiledInstructions() > 0);
    }

    @Test
    void aLoopOfOneBlockThatWritesItsOwnCodeRunsTheNewCodeAtItsNextPass() {
        // In a writable code page: "addi a1, a1, 1; sd a2, 0(a3); blt a1, a4, back to the
        // start", whose store replaces the first instruction by "addi a1, a1, 10". A region
        // checks its words only at the start of a call, which is right only because a store
        // into the code leaves the region.
        long[] loop = {encode(ADDI, A1, A1, 0, 1), encode(SD, 0, A3, A2, 0), encode(BLT, 0, A1, A4, -16), encode(BREAK, 0, 0, 0, 0)};
        Machine m = rewritingItsCode(loop, x -> {
            x.set(A1, 0);
            x.set(A2, encode(ADDI, A1, A1, 0, 10));
            x.set(A3, Machine.CODE);
            x.set(A4, 35);
        });
        assertEquals(41, m.reg(A1), "1 at the first pass, then 10 at each of four");
    }

    /**
     * Runs {@code program}, which rewrites its first word, in a writable code page under both
     * engines for every budget from 1 to 40, each run from the first word as written and the
     * registers {@code start} sets, and requires the same state each time and a break at the
     * end; returns the JIT's machine.
     */
    private static Machine rewritingItsCode(long[] program, java.util.function.Consumer<Machine> start) {
        Machine[] m = twins(program, new CodeCache(0));
        for (Machine x : m) x.mm.protect(Machine.CODE, 1, Pte.READ | Pte.WRITE | Pte.EXEC);
        for (int budget = 1; budget <= 40; budget++) {
            for (Machine x : m) {
                x.poke(Machine.CODE, program[0]);
                x.cpu.setPc(Machine.CODE);
                start.accept(x);
                x.cpu.run(budget);
            }
            JitDifferentialTest.assertSame(m[0], m[1], "budget " + budget);
        }
        assertEquals(TrapCause.BREAKPOINT, m[1].cpu.trap().cause());
        return m[1];
    }

    @Test
    void anAtomicRunsInsideItsRegionAndLeavesItOnlyToTrapOrAfterWorkingOnItsCode() {
        // "faa.d a1, 0(a3) += a2; addi a4, a4, 1; blt a4, a5, back; break": the atomic ends its
        // block, and the region goes on to the next one. Every budget from 1 to 120 agrees with
        // the interpreter, from an aligned address and from a misaligned one (a trap at the
        // first atomic).
        long[] loop = {encode(FAAD, A1, A3, A2, 0), encode(ADDI, A4, A4, 0, 1), encode(BLT, 0, A4, A5, -16),
            encode(BREAK, 0, 0, 0, 0)};
        CodeCache cache = new CodeCache(0);
        Machine[] m = twins(loop, cache);
        for (long address : new long[] {Machine.DATA + 8, Machine.DATA + 4}) {
            for (int budget = 1; budget <= 120; budget++) {
                for (Machine x : m) {
                    x.poke(Machine.DATA + 8, 100);
                    x.cpu.setPc(Machine.CODE);
                    x.set(A2, 3);
                    x.set(A3, address);
                    x.set(A4, 0);
                    x.set(A5, 30);
                    x.cpu.run(budget);
                }
                JitDifferentialTest.assertSame(m[0], m[1], "at 0x" + Long.toHexString(address) + ", budget " + budget);
            }
            if (address == Machine.DATA + 8) {
                assertEquals(TrapCause.BREAKPOINT, m[1].cpu.trap().cause());
                assertEquals(100 + 29 * 3, m[1].reg(A1), "the value before the last of 30 additions");
            }
        }
        assertEquals(TrapCause.MISALIGNED, m[1].cpu.trap().cause());
        assertTrue(cache.compiledInstructions() > 0);

        // In a writable code page: "addi a6, a6, 1; xchg.d a1, 0(a3) = a2; addi a4, a4, 1;
        // blt a4, a5, back; break", whose exchange replaces the first instruction by "addi a6,
        // a6, 10": the next pass must run the new one.
        long[] rewrite = {encode(ADDI, A6, A6, 0, 1), encode(XCHGD, A1, A3, A2, 0), encode(ADDI, A4, A4, 0, 1),
            encode(BLT, 0, A4, A5, -24), encode(BREAK, 0, 0, 0, 0)};
        Machine r = rewritingItsCode(rewrite, x -> {
            x.set(A6, 0);
            x.set(A2, encode(ADDI, A6, A6, 0, 10));
            x.set(A3, Machine.CODE);
            x.set(A4, 0);
            x.set(A5, 5);
        });
        assertEquals(41, r.reg(A6), "1 at the first pass, then 10 at each of four");
    }

    @Test
    void aBlockMadeIllegalJustBeforeItWouldBeTranslatedTrapsAsInTheInterpreter() {
        // "addi a0, a0, 1; jal zero, -8": 49 passes leave its heat 2 short of the threshold and
        // its length remembered by the page; then the guest writes an illegal word over the
        // addi. The next start reaches the threshold with the remembered length: there is
        // nothing to translate, and the interpreter traps, as it does without the JIT.
        long[] loop = {encode(ADDI, A0, A0, 0, 1), encode(JAL, ZERO, 0, 0, -8)};
        Machine[] m = twins(loop, new CodeCache(100));
        for (Machine x : m) {
            assertEquals(98, x.cpu.run(98));
            x.poke(Machine.CODE, 0);
            assertEquals(0, x.cpu.run(10));
        }
        JitDifferentialTest.assertSame(m[0], m[1], "after the write");
        assertEquals(TrapCause.ILLEGAL_INSTRUCTION, m[1].cpu.trap().cause());
        assertEquals(Machine.CODE, m[1].cpu.pc());
    }

    @Test
    void aRegionChecksTheWordsOfItsBlocksAndNoOthers() {
        // "jal zero, +16; (a word no block holds); addi a0, a0, 1; break": two blocks and a gap.
        Machine m = new Machine().code(encode(JAL, ZERO, 0, 0, 16), encode(NOP, 0, 0, 0, 0),
                encode(ADDI, A0, A0, 0, 1), encode(BREAK, 0, 0, 0, 0));
        byte[] frame = m.phys.data(Pte.frame(m.mm.pte(Machine.CODE)));
        assertEquals(2, JitRegionPlan.discover(Machine.CODE, frame, 0, JitRegionPlan.MAX_BLOCKS).blocks());
        JitRegion r = JitClasses.region(Machine.CODE, frame, 0);
        assertTrue(r.unchanged(frame));
        m.poke(Machine.CODE + 8, encode(LI, A1, 0, 0, 5));
        assertTrue(r.unchanged(frame), "the gap is not the region's code");
        m.poke(Machine.CODE + 16, encode(ADDI, A0, A0, 0, 2));
        assertTrue(!r.unchanged(frame), "the first word of its second block is");
        assertEquals(-1, r.execute(m.cpu, frame, 100), "a changed region does nothing");
        assertEquals(Machine.CODE, m.cpu.pc());
        assertEquals(0, m.reg(A0));
    }

    @Test
    void theLongestBlockFitsInOneMethodThatHotSpotCompiles() {
        // The instructions that take the most bytecode: stores (inline path, slow path, a
        // check for self-modifying code) and loads, the most a block holds.
        long[] words = new long[JitRegionPlan.MAX_INSNS];
        for (int i = 0; i < words.length; i++) {
            words[i] = i % 2 == 0 ? encode(SH, 0, A1, A2, 4095) : encode(LHU, A3, A1, 0, 4095);
        }
        Machine m = new Machine().code(words);
        byte[] frame = m.phys.data(Pte.frame(m.mm.pte(Machine.CODE)));
        JitRegionPlan plan = JitRegionPlan.discover(Machine.CODE, frame, 0, JitRegionPlan.MAX_BLOCKS);
        assertEquals(1, plan.blocks());
        assertTrue(JitTranslator.translate("vm/JitRegion$Longest", plan) != null, "within JitTranslator.MAX_METHOD_BYTES");
        JitRegionPlan counted = JitRegionPlan.tail(Machine.CODE, frame, 0);
        assertEquals(JitRegionPlan.MAX_INSNS, counted.lengths[0]);
        assertTrue(JitTranslator.translate("vm/JitTail$Longest", counted) != null, "counted, within JitTranslator.MAX_METHOD_BYTES");
    }
}
