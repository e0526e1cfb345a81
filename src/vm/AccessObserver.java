package vm;

/**
 * Something that watches a CPU's data accesses: the schedule explorer (a thread that touches
 * shared memory may be switched out just before the access) and the race detector (which
 * keeps a history of every access). Installed with {@link Cpu#setAccessObserver}; there is
 * none in a normal run, and then nothing here costs anything.
 *
 * <p><b>When it is called.</b> While an observer is installed, every load and store of that CPU
 * that misses the TLB, and every atomic (cas, faa, xchg), hit or miss, calls {@link #observe}
 * once, after the address has been translated without a fault and before a byte is read or
 * written. An access that faults is not observed (the page fault is handled first, and the
 * instruction re-executes). A TLB hit is not observed: the observer decides which pages may
 * be cached, through its answer, so it decides which accesses it misses. Kernel accesses to
 * user memory (a system call copying a buffer) are not observed.
 *
 * <p><b>The answer.</b> {@link #PROCEED}: do the access, and the page may be cached in the TLB
 * (later loads and stores to it on this CPU are not observed until the TLB is flushed:
 * {@link Cpu#flushTlb}). {@link #PROCEED_UNCACHED}: do the access and keep observing the page.
 * {@link #STOP}: do not execute the instruction at all. {@link Cpu#run} returns at once with a
 * {@link TrapCause#ACCESS_STOP} trap whose pc is the instruction, with nothing changed and the
 * instruction not counted, like a page fault; when the task runs again the instruction
 * executes again and the observer is asked again, so it must not answer STOP for ever.
 *
 * <p>Called on the kernel's single thread, inside {@link Cpu#run}: an observer must not run
 * the CPU, change its registers or map memory.
 */
public interface AccessObserver {
    /** Do the access; the page may be cached in this CPU's TLB. */
    int PROCEED = 0;
    /** Do the access; do not cache the page, so that the next access to it is observed too. */
    int PROCEED_UNCACHED = 1;
    /** Do not execute the instruction: the CPU stops with an ACCESS_STOP trap at it. */
    int STOP = 2;

    /**
     * Called before a data access of CPU {@code cpu}: the instruction at {@code pc} reads or
     * writes ({@code kind} is READ or WRITE) {@code size} bytes (1, 2, 4 or 8) at virtual
     * address {@code va}; {@code atomic} is true for a read-modify-write (kind WRITE), which
     * both reads and writes. Returns {@link #PROCEED}, {@link #PROCEED_UNCACHED} or {@link #STOP}.
     */
    int observe(Cpu cpu, long pc, long va, int size, AccessKind kind, boolean atomic);
}
