package signal;

import sched.Scheduler;
import syscall.Errno;
import task.Exit;
import task.SigHand;
import task.Signals;
import task.Task;
import task.TaskState;
import task.Tasks;

/**
 * The work of the signal system calls that change or read a task's own signal state:
 * sigaction, the blocked mask, sigpending, sigsuspend, sigtimedwait and sigreturn (Linux's
 * do_sigaction, set_current_blocked, do_sigpending, sigsuspend, do_sigtimedwait). The
 * system-call glue, which copies user memory, is syscall.SignalCalls.
 */
public final class SignalControl {
    private SignalControl() {}

    /**
     * Installs the action of {@code sig} for {@code t}'s handler table (shared by its
     * CLONE_SIGHAND family). SIGKILL and SIGSTOP are never in a handler's mask. If the new
     * action ignores the signal, pending instances of it are dropped from the group and
     * from every thread, as POSIX requires.
     */
    public static void setAction(Tasks ts, Task t, int sig, long handler, long flags, long restorer, long mask) {
        t.sighand().setAction(sig, handler, flags, restorer, mask & ~SigSet.KERNEL_ONLY);
        boolean ignores = handler == SigHand.SIG_IGN || (handler == SigHand.SIG_DFL && SigSet.has(SigSet.IGNORE, sig));
        if (!ignores) return;
        t.signal().signals().shared.discard(SigSet.bit(sig));
        for (Task thread : t.signal().threads()) thread.signals().pending.discard(SigSet.bit(sig));
    }

    /**
     * Sets {@code t}'s blocked mask (never SIGKILL or SIGSTOP). Process signals pending for
     * it that it now blocks are handed to another thread that can take them.
     */
    public static void setBlocked(Tasks ts, Task t, long blocked) {
        ThreadSignals s = t.signals();
        blocked &= ~SigSet.KERNEL_ONLY;
        long newly = blocked & ~s.blocked;
        s.blocked = blocked;
        if (newly != 0) SignalSend.retargetShared(ts, t, newly);
    }

    /** sigpending: the signals pending for {@code t} or its group that it blocks. */
    public static long pending(Task t) {
        return (t.signals().pending.mask() | t.signal().signals().shared.mask()) & t.signals().blocked;
    }

    /**
     * rt_sigsuspend: replaces the blocked mask with {@code mask} and sleeps until a signal
     * runs a handler or kills the task; it never returns otherwise. The old mask is restored
     * when the handler's frame is built (it is the one the frame saves), and the call ends
     * with EINTR (see SignalDelivery). Running again after a wake-up keeps the first saved mask.
     */
    public static long sigsuspend(Task t, long mask) {
        ThreadSignals s = t.signals();
        if (!s.restoreBlocked) {
            s.savedBlocked = s.blocked;
            s.restoreBlocked = true;
            s.blocked = mask & ~SigSet.KERNEL_ONLY;
        }
        t.sleep(TaskState.INTERRUPTIBLE, "sigsuspend");
        return -Errno.BLOCKED;
    }

    /**
     * The mask of ppoll, pselect6 and epoll_pwait while they wait (Linux's set_user_sigmask):
     * the first execution of the call saves the blocked mask and installs {@code mask};
     * executions after a wake-up keep the saved one. If a handler interrupts the call, the
     * frame saves the old mask, as for sigsuspend; if the call completes,
     * {@link #restoreTemporaryMask} puts it back at once.
     */
    public static void setTemporaryMask(Task t, long mask) {
        ThreadSignals s = t.signals();
        if (!s.restoreBlocked) {
            s.savedBlocked = s.blocked;
            s.restoreBlocked = true;
        }
        s.blocked = mask & ~SigSet.KERNEL_ONLY;
    }

    /** Ends a temporary mask of a call that completed (restore_saved_sigmask_unless). */
    public static void restoreTemporaryMask(Task t) {
        ThreadSignals s = t.signals();
        if (!s.restoreBlocked) return;
        s.blocked = s.savedBlocked;
        s.restoreBlocked = false;
    }

    /**
     * Takes the next pending signal of {@code set} for a signalfd read by {@code t}: the
     * thread's own first, then its process's, lowest number first (dequeue_signal); null
     * if none is pending. SIGKILL and SIGSTOP are never taken this way.
     */
    public static SigInfo dequeueForSignalfd(Task t, long set) {
        return SignalDelivery.dequeue(t, ~(set & ~SigSet.KERNEL_ONLY));
    }

    /** Whether a signal of {@code set} is pending for {@code t} or its process (signalfd's POLLIN). */
    public static boolean hasPending(Task t, long set) {
        return ((t.signals().pending.mask() | t.signal().signals().shared.mask()) & set & ~SigSet.KERNEL_ONLY) != 0;
    }

    /**
     * rt_sigtimedwait: takes a pending signal of {@code set} (the thread's own first) and
     * returns its number, with its siginfo in {@code got[0]}. Otherwise sleeps, woken by
     * those signals although they are blocked; {@code timeoutNanos} &lt; 0 waits for ever, 0
     * polls (EAGAIN), more gives EAGAIN once the time has passed. The deadline is set by the
     * first execution and kept across re-executions (sync.WaitQueue).
     */
    public static long sigtimedwait(Scheduler sched, Task t, long set, long timeoutNanos, SigInfo[] got) {
        ThreadSignals s = t.signals();
        set &= ~SigSet.KERNEL_ONLY;
        SigInfo info = SignalDelivery.dequeue(t, ~set);
        if (info != null) {
            s.waitSet = 0;
            t.setSleepDeadline(-1);
            got[0] = info;
            return info.signo();
        }
        if (timeoutNanos >= 0) {
            if (t.sleepDeadline() < 0) {
                if (timeoutNanos == 0) return -Errno.EAGAIN;
                t.setSleepDeadline(sched.now() + timeoutNanos);
            } else if (sched.now() >= t.sleepDeadline()) {
                t.setSleepDeadline(-1);
                s.waitSet = 0;
                return -Errno.EAGAIN;
            }
        }
        s.waitSet = set;
        t.sleep(TaskState.INTERRUPTIBLE, "rt_sigtimedwait");
        if (t.sleepDeadline() >= 0) sched.addTimer(t);
        return -Errno.BLOCKED;
    }

    /** The smallest alternate stack sigaltstack accepts (x86-64's MINSIGSTKSZ). */
    public static final long MINSIGSTKSZ = 2048;
    /** ss_flags bit that Linux accepts and Clonix ignores: disarm the stack while a handler runs on it. */
    private static final int SS_AUTODISARM = 1 << 31;

    /**
     * sigaltstack(ss, old_ss): sets (unless {@code ss} is 0) and reports (unless
     * {@code oldAddr} is 0) the thread's alternate signal stack, a stack_t {ss_sp, ss_flags,
     * ss_size} of 24 bytes. EPERM while running on it, EINVAL for other flags than 0,
     * SS_ONSTACK or SS_DISABLE, ENOMEM below MINSIGSTKSZ, EFAULT.
     */
    public static long sigaltstack(Task t, long ssAddr, long oldAddr) {
        ThreadSignals s = t.signals();
        long sp = t.context().regs[vm.Isa.SP];
        long oldBase = s.altStackBase, oldSize = s.altStackSize;
        int oldFlags = SignalFrame.stackFlags(s, sp);
        try {
            if (ssAddr != 0) {
                long base = t.mm().read64(ssAddr);
                int flags = t.mm().read32(ssAddr + 8);
                long size = t.mm().read64(ssAddr + 16);
                if (oldFlags == SignalFrame.SS_ONSTACK) return -Errno.EPERM;
                int mode = flags & ~SS_AUTODISARM;
                if (mode != 0 && mode != SignalFrame.SS_ONSTACK && mode != SignalFrame.SS_DISABLE) return -Errno.EINVAL;
                if (mode == SignalFrame.SS_DISABLE) {
                    base = 0;
                    size = 0;
                } else if (Long.compareUnsigned(size, MINSIGSTKSZ) < 0) {
                    return -Errno.ENOMEM;
                }
                s.altStackBase = base;
                s.altStackSize = size;
            }
            if (oldAddr != 0) {
                t.mm().write64(oldAddr, oldBase);
                t.mm().write64(oldAddr + 8, oldFlags & 0xffff_ffffL); // ss_flags and the padding after it
                t.mm().write64(oldAddr + 16, oldSize);
            }
        } catch (mm.MmException e) {
            return -e.errno();
        }
        return 0;
    }

    /**
     * rt_sigreturn: restores the registers and mask saved in the frame at sp and returns the
     * saved a0 (so the interrupted code sees every register as it was). A frame that cannot
     * be read kills the process with SIGSEGV, as Linux's signal_fault does.
     */
    public static long sigreturn(Tasks ts, Task t) {
        Long a0 = SignalFrame.restore(t);
        if (a0 == null) {
            Exit.killGroup(ts, t, Signals.SIGSEGV);
            return 0;
        }
        t.signals().frameRestored = true; // a0 is a register, not a result (see ThreadSignals)
        return a0;
    }
}
