package vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vm.Isa.*;

import org.junit.jupiter.api.Test;

/**
 * The JIT's own rules (docs/design.md, "Engines"): when a translated block runs and when the
 * interpreter does, what happens when code changes under a translation, the observer, and
 * HotSpot's method-size limit. JitDifferentialTest compares whole random programs.
 */
class JitEngineTest {
    /** "addi a0, a0, 1; addi a1, a1, 2; jal back to the start": a loop of one block of three. */
    private static Machine counterLoop(CodeCache cache) {
        Machine m = new Machine().code(encode(ADDI, A0, A0, 0, 1), encode(ADDI, A1, A1, 0, 2), encode(JAL, ZERO, 0, 0, -16));
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
        assertEquals(3000, cache.compiledInstructions(), "the last instruction ran in the interpreter: no room for a block");
    }

    @Test
    void aBlockLongerThanTheBudgetLeftRunsInTheInterpreter() {
        CodeCache cache = new CodeCache(0);
        Machine m = counterLoop(cache);
        for (int i = 0; i < 10; i++) {
            m.cpu.setPc(Machine.CODE);
            m.runClean(2);                // never room for the three instructions
        }
        assertEquals(0, cache.compiledInstructions());
        assertEquals(10, m.reg(A0));
        assertEquals(20, m.reg(A1));
        assertEquals(Machine.CODE + 16, m.cpu.pc());
    }

    @Test
    void blocksAreTranslatedOnlyOnceHot() {
        CodeCache cache = new CodeCache();
        Machine m = counterLoop(cache);
        m.runClean(3 * CodeCache.THRESHOLD);
        assertEquals(0, cache.compiledInstructions(), "cold: interpreted");
        m.runClean(300);
        assertTrue(cache.compiledInstructions() >= 297, "hot: translated");
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
    }
}
