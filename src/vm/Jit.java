package vm;

/**
 * The JIT engine's loop: {@link Cpu#run} for a CPU that has a {@link CodeCache}.
 *
 * <p>At each block start it fetches the code page through the I-TLB exactly as the
 * interpreter does (so the TLB sees the same fills), then runs the translated block for that
 * pc if there is one and the budget left holds all of it; otherwise it lets the interpreter
 * run the block's instructions ({@code Cpu.interpret}), counting how often that happens, and
 * translates the block once it has been interpreted {@link CodeCache#THRESHOLD} times. A block
 * that finds its code changed since it was translated does nothing and is dropped; the
 * interpreter runs that code, and it is translated again once it is hot.
 *
 * <p>So the budget, the retired count, the traps and every register and byte of memory are
 * exactly the interpreter's: a block runs only when it can run to its end, and it exits at a
 * trapping instruction with the interpreter's state (JitTranslator).
 */
final class Jit {
    private Jit() {}

    /** Cpu.run's contract, by translated blocks where they are hot. */
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
            JitBlock b = page.blocks[slot];
            if (b != null && b.length() <= left) {
                int n = b.execute(cpu, code, (int) Math.min(left, Integer.MAX_VALUE));
                if (n >= 0) {
                    left -= n;
                    cpu.retired += n;
                    cache.compiledInstructions += n;
                    if (cpu.trap != null) break;
                    continue;
                }
                page.blocks[slot] = null;           // the code changed: stale
                page.heat[slot] = 0;
            } else if (b == null) {
                if (page.heat[slot] < cache.threshold) page.heat[slot]++;
                else if ((b = translate(pc, code, off)) != null) {
                    page.blocks[slot] = b;
                    continue;
                }
            }
            int n = Math.max(1, JitTranslator.blockLength(code, off));
            left -= cpu.interpret(Math.min(left, n));
            if (cpu.trap != null) break;
            codeBase = cpu.pc ^ 1;
        }
        return budget - left;
    }

    /** The block starting at byte {@code off} of the frame, or null if its first word is illegal. */
    private static JitBlock translate(long pc, byte[] code, int off) {
        int n = JitTranslator.blockLength(code, off);
        if (n == 0) return null;
        long[] words = new long[n];
        for (int k = 0; k < n; k++) words[k] = JitBlock.word(code, off + 8 * k);
        return JitClasses.block(pc, words);
    }
}
