package vm;

/**
 * A saved register context: the 32 registers and the pc of one task, as the kernel keeps it
 * while the task is not on a CPU (Linux's {@code pt_regs}).
 *
 * <p>The contract with {@link Cpu}: {@link Cpu#loadContext} copies a context into the CPU and
 * {@link Cpu#saveContext} copies the CPU's registers back out. While a task runs, the CPU
 * holds the live values and the Context is stale; nothing is shared between the two, so the
 * kernel may build or edit a Context (exec, clone, signal delivery) at any time without
 * affecting a running CPU. {@code regs[0]} is ignored on load and always saved as 0.
 */
public final class Context {
    /** Registers r0..r31; index with the constants of {@link Isa} ({@code Isa.A0}, {@code Isa.SP} ...). */
    public final long[] regs = new long[Isa.NREGS];
    /** The address of the next instruction to execute. */
    public long pc;

    /** A context with every register and the pc zero. */
    public Context() {}

    /** A copy of this context (clone() and fork start the child from a copy of the parent's). */
    public Context copy() {
        Context c = new Context();
        c.copyFrom(this);
        return c;
    }

    /** Overwrites this context with {@code other}'s registers and pc. */
    public void copyFrom(Context other) {
        System.arraycopy(other.regs, 0, regs, 0, Isa.NREGS);
        regs[0] = 0;
        pc = other.pc;
    }
}
