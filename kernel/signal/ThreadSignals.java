package signal;

/**
 * The signal state of one thread (the signal fields of Linux's {@code task_struct}): its
 * private pending set, its mask of blocked signals, the mask sigsuspend saved, the set a
 * sigtimedwait caller is waiting for, whether its last system call blocked and was rewound,
 * and whether it owes the group a stop.
 *
 * <p>Owned by its task (Task.signals()); touched only by the single kernel thread. The
 * fields are package-private: the signal package is the only writer, the rest of the kernel
 * reads them through the accessors.
 */
public final class ThreadSignals {
    /** Signals sent to this thread alone (tgkill, tkill, faults). */
    final SigPending pending = new SigPending();
    /** Signals this thread does not take now (sigprocmask); never SIGKILL or SIGSTOP. */
    long blocked;
    /** The mask to restore once a handler has been set up (rt_sigsuspend's saved_sigmask). */
    long savedBlocked;
    /** True while {@link #savedBlocked} must be restored (TIF_RESTORE_SIGMASK). */
    boolean restoreBlocked;
    /** While asleep in rt_sigtimedwait: the signals it waits for, which wake it though blocked. */
    long waitSet;
    /**
     * This thread's CPU time at which CpuTimers must look at the POSIX timers on its
     * CPU-time clock (CLOCK_THREAD_CPUTIME_ID); Long.MAX_VALUE while none is armed.
     */
    long cpuTimersCheck = Long.MAX_VALUE;
    /**
     * True if the task's last system call blocked and was rewound onto its syscall
     * instruction, so that a signal handler must decide between restarting and EINTR.
     */
    boolean syscallRewound;
    /**
     * True from rt_sigreturn until its system call has returned: every register has just been
     * restored from the signal frame, so a0 is the interrupted code's value, not a result, and
     * must not be taken for a call that blocked even if it happens to equal -BLOCKED (Linux
     * sets orig_ax to -1 in restore_sigcontext for the same reason).
     */
    boolean frameRestored;
    /** True if a group stop is in progress and this thread has not stopped yet (JOBCTL_STOP_PENDING). */
    boolean stopPending;
    /** The alternate signal stack (sigaltstack): base and size; size 0 means none (SS_DISABLE). */
    long altStackBase, altStackSize;

    /** A thread with nothing pending and nothing blocked. */
    public ThreadSignals() {}

    /**
     * What a new task takes from its creator: the blocked mask (not the pending set), and the
     * alternate signal stack unless it shares the address space (a thread needs its own
     * stack; a fork or vfork child has a copy of, or borrows, the creator's memory).
     */
    public void inheritFrom(ThreadSignals creator, boolean sharesMemoryAsThread) {
        blocked = creator.blocked;
        if (!sharesMemoryAsThread) {
            altStackBase = creator.altStackBase;
            altStackSize = creator.altStackSize;
        }
    }

    /** True (once) if the system call that just returned was rt_sigreturn; see {@link #frameRestored}. */
    public boolean takeFrameRestored() {
        boolean r = frameRestored;
        frameRestored = false;
        return r;
    }

    /** True if the system call being dispatched is rt_sigreturn, which restored every register. */
    public boolean isFrameRestored() {
        return frameRestored;
    }

    /** Forgets the alternate signal stack (execve: it belonged to the old program). */
    public void resetForExec() {
        altStackBase = 0;
        altStackSize = 0;
    }

    /** The private pending set (SigPnd in /proc). */
    public long pendingMask() {
        return pending.mask();
    }

    /** Forgets the private pending signals: the thread is being released (release_task). */
    public void flush() {
        pending.flush();
    }

    /** How many signal instances wait in the private set (for SigQ in /proc). */
    public int pendingCount() {
        return pending.count();
    }

    /** The blocked mask (SigBlk in /proc). */
    public long blocked() {
        return blocked;
    }

    /** True if the last system call of the task blocked and will run again (see {@link #syscallRewound}). */
    public boolean syscallRewound() {
        return syscallRewound;
    }
}
