package vm;

/**
 * The JIT engine's loop: {@link Cpu#run} for a CPU that has a {@link CodeCache}.
 *
 * <p>At each block start it fetches the code page through the I-TLB exactly as the
 * interpreter does when the pc enters another page (so the TLB sees the same fills), then runs
 * the translated region that has a block starting at that pc, if there is one. A region runs
 * from block to block inside its page and comes back here to leave it, at a trap, or when the
 * next block does not fit in the budget left ({@link JitRegion}). Where there is no region,
 * or the first block does not fit, the interpreter runs the block's instructions
 * ({@code Cpu.interpret}); the loop counts how often each block starts there and translates
 * the region reachable from it once it has started {@link CodeCache#THRESHOLD} times. A
 * region that finds its code changed since it was translated stops and is dropped; the
 * interpreter runs that code, and it is translated again once it is hot.
 *
 * <p>So the budget, the retired count, the traps and every register and byte of memory are
 * exactly the interpreter's: a block runs translated only when it can run to its end, and it
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
        // The code page of the last block, as in the interpreter: a block in the same page
        // needs no I-TLB lookup. pc ^ 1 can match no aligned pc: the first block looks up.
        // After the interpreter has run, look up again, since it may have refilled the I-TLB.
        long codeBase = cpu.pc ^ 1;
        byte[] code = null;
        CodePage page = null;
        while (left > 0) {
            long pc = cpu.pc;
            int off = (int) (pc - codeBase);
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
                page = cache.page(pc >>> AddressSpace.PAGE_SHIFT, code);
                codeBase = pc & ~0xFFFL;
                off = (int) (pc - codeBase);
            }
            int slot = off / Isa.INSN_BYTES;
            JitRegion r = page.regions[slot];
            if (r != null) {
                int n = r.execute(cpu, code, (int) Math.min(left, Integer.MAX_VALUE));
                if (n < 0) {
                    n = -1 - n;                 // the code changed under the region: stale
                    page.drop(r);
                }
                left -= n;
                cpu.retired += n;
                cache.compiledInstructions += n;
                if (cpu.trap != null) break;
                if (n > 0 || cpu.pc != pc) continue;
                // The first block does not fit in the budget left, or its code changed.
            } else if (page.heat[slot] < cache.threshold) {
                page.heat[slot]++;
            } else if (JitRegionPlan.blockLength(code, off) > 0) {
                page.install(JitClasses.region(codeBase, code, slot));
                continue;
            }
            int n = Math.max(1, JitRegionPlan.blockLength(code, off));
            left -= cpu.interpret(Math.min(left, n));
            if (cpu.trap != null) break;
            codeBase = cpu.pc ^ 1;
        }
        return budget - left;
    }
}
