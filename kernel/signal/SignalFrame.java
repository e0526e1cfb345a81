package signal;

import task.Task;
import vm.AddressSpace;
import vm.Context;
import vm.Isa;

/**
 * The frame the kernel builds on the user stack to run a handler, and takes down again in
 * rt_sigreturn: Linux's {@code struct rt_sigframe} for this machine (docs/kernel.md,
 * "Signals"). From its base, which is 16-byte aligned and becomes the handler's sp:
 * <pre>
 *   +0    siginfo_t                 128 bytes (SigInfo.toBytes)
 *   +128  ucontext:
 *         +0   uc_flags             8   (0)
 *         +8   uc_link              8   (0)
 *         +16  uc_stack             24  (ss_sp 0, ss_flags SS_DISABLE, ss_size 0)
 *         +40  uc_mcontext          264 (r0..r31 then pc, 8 bytes each)
 *         +304 uc_sigmask           8   (the mask to restore)
 *   +440  padding to 448
 * </pre>
 * The frame goes below the interrupted sp minus a 128-byte red zone, as on x86-64, so that
 * a leaf function's data just below its sp survives the handler; or, for an action with
 * SA_ONSTACK, at the top of the thread's alternate signal stack (sigaltstack) unless the
 * thread is running on it already. uc_stack records that stack as sigaltstack reports it.
 *
 * <p>The handler is entered as if called: a0 = signal number, a1 = &amp;siginfo, a2 =
 * &amp;ucontext, ra = the sa_restorer of the action, sp = the frame, pc = the handler. When
 * the handler returns, the restorer (libc's {@code __restore_rt}) calls rt_sigreturn with sp
 * back at the frame. As on x86-64, an action without SA_RESTORER has no way back and the
 * task gets SIGSEGV instead: Clonix puts no trampoline of its own in user memory.
 */
public final class SignalFrame {
    private SignalFrame() {}

    /** Bytes below the interrupted sp that the frame leaves alone (x86-64's red zone). */
    public static final int RED_ZONE = 128;
    /** Offset of the ucontext in the frame. */
    public static final int UCONTEXT = SigInfo.SIZE;
    /** Offsets inside the ucontext. */
    public static final int UC_STACK = 16, UC_MCONTEXT = 40, UC_SIGMASK = 40 + 8 * (Isa.NREGS + 1);
    /** The size of the whole frame, a multiple of 16. */
    public static final int SIZE = (UCONTEXT + UC_SIGMASK + 8 + 15) & ~15;
    /** SA_RESTORER: the action names its own return trampoline. */
    public static final long SA_RESTORER = 0x04000000L;
    /** SA_ONSTACK: run the handler on the alternate signal stack. */
    public static final long SA_ONSTACK = 0x08000000L;
    /** ss_flags: the thread runs on its alternate stack now; it has none. */
    public static final int SS_ONSTACK = 1, SS_DISABLE = 2;

    /**
     * Builds the frame for a handler of {@code info}'s signal on {@code t}'s stack, saving its
     * registers and {@code savedMask}, and points its registers at the handler. Returns
     * false, changing nothing, if there is no restorer or the stack cannot be written; the
     * caller then kills the task with SIGSEGV (Linux's force_sigsegv).
     */
    public static boolean setup(Task t, SigInfo info, long handler, long restorer, long flags, long savedMask) {
        if ((flags & SA_RESTORER) == 0) return false;
        Context ctx = t.context();
        ThreadSignals s = t.signals();
        long sp = ctx.regs[Isa.SP];
        long top = sp - RED_ZONE;
        if ((flags & SA_ONSTACK) != 0 && stackFlags(s, sp) == 0) top = s.altStackBase + s.altStackSize;
        long frame = (top - SIZE) & ~15L;
        byte[] b = new byte[SIZE];
        System.arraycopy(info.toBytes(), 0, b, 0, SigInfo.SIZE);
        SigInfo.putLong(b, UCONTEXT + UC_STACK, s.altStackBase);
        SigInfo.putInt(b, UCONTEXT + UC_STACK + 8, stackFlags(s, sp));
        SigInfo.putLong(b, UCONTEXT + UC_STACK + 16, s.altStackSize);
        for (int r = 0; r < Isa.NREGS; r++) SigInfo.putLong(b, UCONTEXT + UC_MCONTEXT + 8 * r, ctx.regs[r]);
        SigInfo.putLong(b, UCONTEXT + UC_MCONTEXT + 8 * Isa.NREGS, ctx.pc);
        SigInfo.putLong(b, UCONTEXT + UC_SIGMASK, savedMask);
        if (t.mm().copyOut(frame, b, 0, SIZE) != AddressSpace.NO_FAULT) return false;
        ctx.regs[Isa.A0] = info.signo();
        ctx.regs[Isa.A1] = frame;
        ctx.regs[Isa.A2] = frame + UCONTEXT;
        ctx.regs[Isa.RA] = restorer;
        ctx.regs[Isa.SP] = frame;
        ctx.pc = handler;
        return true;
    }

    /**
     * rt_sigreturn's work: reads the frame at {@code t}'s sp and restores every register, the
     * pc and the blocked mask (SIGKILL and SIGSTOP cannot be blocked this way either).
     * Returns the restored a0, which the system-call layer puts back in a0, or null if the
     * frame cannot be read (the caller sends SIGSEGV).
     */
    public static Long restore(Task t) {
        Context ctx = t.context();
        long frame = ctx.regs[Isa.SP];
        byte[] b = new byte[SIZE];
        if (t.mm().copyIn(frame, b, 0, SIZE) != AddressSpace.NO_FAULT) return null;
        for (int r = 1; r < Isa.NREGS; r++) ctx.regs[r] = getLong(b, UCONTEXT + UC_MCONTEXT + 8 * r);
        ctx.pc = getLong(b, UCONTEXT + UC_MCONTEXT + 8 * Isa.NREGS);
        t.signals().blocked = getLong(b, UCONTEXT + UC_SIGMASK) & ~SigSet.KERNEL_ONLY;
        t.signals().syscallRewound = false;
        return ctx.regs[Isa.A0];
    }

    /**
     * The ss_flags sigaltstack reports for a thread whose sp is {@code sp} (sas_ss_flags):
     * SS_DISABLE without an alternate stack, SS_ONSTACK while sp is on it, else 0.
     */
    static int stackFlags(ThreadSignals s, long sp) {
        if (s.altStackSize == 0) return SS_DISABLE;
        boolean on = Long.compareUnsigned(sp, s.altStackBase) > 0 && sp - s.altStackBase <= s.altStackSize;
        return on ? SS_ONSTACK : 0;
    }

    private static long getLong(byte[] b, int off) {
        long v = 0;
        for (int i = 7; i >= 0; i--) v = v << 8 | (b[off + i] & 0xff);
        return v;
    }
}
