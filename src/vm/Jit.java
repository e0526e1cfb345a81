package vm;

/**
 * The JIT engine's loop: {@link Cpu#run} for a CPU that has a {@link CodeCache}.
 *
 * <p>It keeps the code page exactly as the interpreter does: it fetches the page through the
 * I-TLB when the pc leaves the page it has (so the TLB sees the same lookups and fills), and
 * when it hands a block to the interpreter it hands over that page and takes back the one the
 * interpreter ends in ({@code Cpu.interpret(budget, codeBase, code)}). At each block start it
 * runs the translated region that has a block starting at that pc, if there is one. A region
 * runs from block to block inside its page and comes back here to leave it, at a trap, or
 * when the next block does not fit in the budget left ({@link JitRegion}). Where there is no
 * region the interpreter runs the block's instructions; the loop counts the instructions it
 * runs from each block's starts (the block's heat), takes the region reachable from the block
 * from the shared cache ({@link JitClasses}) once that reaches {@link CodeCache#LOOKUP} if
 * another machine or run made it already, and translates it once that reaches the cache's
 * threshold ({@link CodeCache#THRESHOLD}, lower once the machine has run long). Where the
 * budget ends inside a block, the block's counted translation ({@link JitRegionPlan#tail})
 * runs what the budget holds of it, once bursts have ended there {@code CodeCache.tailLookup}
 * times (made already) or {@code CodeCache.tailThreshold} times; until then the interpreter
 * does. A translation that finds its code changed since it was made stops and is dropped; the
 * interpreter runs that code, and it is translated again once it is hot.
 *
 * <p>So the budget, the retired count, the traps and every register and byte of memory are
 * exactly the interpreter's: a block runs translated only as far as the budget holds, and it
 * exits at a trapping instruction with the interpreter's state (JitEmitter).
 */
final class Jit {
    private Jit() {}

    /** Cpu.run's contract, by translated regions where they are hot. */
    static long run(Cpu cpu, CodeCache cache, long budget) {
        cpu.trap = null;
        if (budget <= 0) return 0;
        cache.checkGeneration();
        Mmu mmu = cpu.mmu;
        long left = budget;
        // The code page and its frame, as in the interpreter: pc ^ 1 can match no aligned pc,
        // so the first block looks its page up.
        long codeBase = cpu.pc ^ 1;
        byte[] code = null;
        CodePage page = null;
        while (left > 0) {
            long pc = cpu.pc;
            if ((pc - codeBase & ~0xFF8L) != 0) {
                if ((pc & 7) != 0) {
                    cpu.trap = new Trap(TrapCause.MISALIGNED, pc, pc, AccessKind.EXECUTE, null, 0);
                    break;
                }
                code = mmu.fetchPage(pc);
                if (code == null) {
                    cpu.trap = cpu.pageFault(pc, 0);
                    break;
                }
                codeBase = pc & ~0xFFFL;
                page = cache.page(pc >>> AddressSpace.PAGE_SHIFT, code);
            }
            int slot = (int) (pc - codeBase) / Isa.INSN_BYTES;
            int room = (int) Math.min(left, Integer.MAX_VALUE);
            JitRegion r = page.regions[slot];
            if (r != null) {
                int n = translated(cpu, cache, page, r, code, room);
                left -= n;
                if (cpu.trap != null) break;
                if (n > 0 || cpu.pc != pc) continue;
                // The first block does not fit in the budget left, or its code changed.
            } else {
                // The heat is the instructions run from the block's starts, kept below the
                // threshold: the start that would reach it translates the block (unless its
                // first word is illegal), and so does the next start of a block whose heat is
                // above a threshold that was lowered since.
                int length = page.blockLength(code, slot);
                int heat = page.heat[slot], now = heat + Math.max(1, length);
                boolean hot = now >= cache.threshold, warm = heat < cache.lookup && now >= cache.lookup;
                if (!hot) page.heat[slot] = now;
                if ((hot || warm) && length > 0) {
                    r = hot ? JitClasses.region(codeBase, code, slot) : JitClasses.find(codeBase, code, slot);
                    if (r != null) {
                        page.install(r);
                        continue;
                    }
                }
            }
            int len = page.blockLength(code, slot);
            if (len > left) {
                // The budget ends inside the block.
                JitRegion tail = page.tail(codeBase, code, slot, cache);
                if (tail != null) {
                    int n = translated(cpu, cache, page, tail, code, room);
                    left -= n;
                    if (cpu.trap != null) break;
                    if (n > 0 || cpu.pc != pc) continue;
                }
            }
            left -= cpu.interpret(Math.min(left, Math.max(1, len)), codeBase, code);
            if (cpu.trap != null) break;
            if (cpu.lastCodeBase != codeBase) {
                // The interpreter went on into another page (a block length from before the
                // code changed): carry on in the page it is in, as it would.
                codeBase = cpu.lastCodeBase;
                code = cpu.lastCode;
                page = cache.page(codeBase >>> AddressSpace.PAGE_SHIFT, code);
            }
        }
        cache.ran(budget - left);
        return budget - left;
    }

    /**
     * Runs translation r from the CPU's pc with {@code room} instructions of budget, counts
     * what it completed, and drops r if it found its code changed (then it did nothing);
     * returns what it completed.
     */
    private static int translated(Cpu cpu, CodeCache cache, CodePage page, JitRegion r, byte[] code, int room) {
        int n = r.execute(cpu, code, room);
        if (n < 0) {
            page.drop(r);               // the code changed under the translation: stale
            return 0;
        }
        cpu.retired += n;
        cache.compiledInstructions += n;
        return n;
    }
}
