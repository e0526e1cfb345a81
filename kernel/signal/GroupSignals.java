package signal;

import task.Task;

/**
 * The signal state a thread group shares (the signal fields of Linux's
 * {@code signal_struct}): the shared pending set, the thread last chosen for a process
 * signal, the state of a group stop, and the timers: the interval timers (alarm among them) and
 * the POSIX timers.
 *
 * <p>One per thread group, held by its SignalStruct; touched only by the kernel thread.
 */
public final class GroupSignals {
    /** Signals sent to the process as a whole (kill), taken by whichever thread gets to them. */
    final SigPending shared = new SigPending();
    /** Where the search for a thread to take a process signal starts (curr_target). */
    Task currentTarget;
    /** Threads that still have to stop for the group stop in progress (group_stop_count). */
    int stopCount;
    /** The signal that stopped the group, until wait reports it; 0 once reported (group_exit_code). */
    int stopCode;
    /** The whole group is stopped (SIGNAL_STOP_STOPPED). */
    boolean stopped;
    /** The group was continued and wait has not reported it yet (SIGNAL_STOP_CONTINUED). */
    boolean continued;
    /**
     * The group takes no signal whose action is the default, SIGKILL and SIGSTOP included
     * (SIGNAL_UNKILLABLE): init, and the shell's task, which the session cannot do without.
     */
    boolean unkillable;
    /**
     * ITIMER_REAL, which alarm sets too (see IntervalTimers): the kernel timer that sends
     * SIGALRM, made on first use; the deadline it was last armed for; its period in
     * nanoseconds (0: it fires once).
     */
    HrTimer realTimer;
    long realExpires, realInterval;
    /**
     * ITIMER_VIRTUAL and ITIMER_PROF, indexed by their numbers (1, 2; slot 0 unused): the
     * group CPU time at which each expires (user time for VIRTUAL, all of it for PROF; 0:
     * disarmed) and its period.
     */
    final long[] cpuItimerExpires = new long[3], cpuItimerInterval = new long[3];
    /**
     * The group CPU time (SignalStruct#cpuTime) at which CpuTimers must look at the
     * process's CPU-time timers again; Long.MAX_VALUE while none is armed.
     */
    long cpuTimersCheck = Long.MAX_VALUE;
    /** The process's POSIX timers by id (timer_create), and the id the next one gets. */
    final java.util.TreeMap<Integer, PosixTimer> posixTimers = new java.util.TreeMap<>();
    int nextTimerId;

    /** A group with nothing pending. */
    public GroupSignals() {}

    /**
     * Makes the group unkillable, as Linux does for a namespace's init (SIGNAL_UNKILLABLE):
     * from then on a signal it has no handler for is discarded when it is sent, SIGKILL and
     * SIGSTOP too, and only a fault it cannot handle still kills it.
     */
    public void makeUnkillable() {
        unkillable = true;
    }

    /** True if the group is unkillable (see {@link #makeUnkillable}). */
    public boolean isUnkillable() {
        return unkillable;
    }

    /** The shared pending set (ShdPnd in /proc). */
    public long pendingMask() {
        return shared.mask();
    }

    /** Forgets the shared pending signals: the group's last thread is being released. */
    public void flush() {
        shared.flush();
    }

    /** How many signal instances wait in the shared set (for SigQ in /proc). */
    public int pendingCount() {
        return shared.count();
    }

    /** True while the group is stopped by job control. */
    public boolean isStopped() {
        return stopped;
    }

    /**
     * For wait's WUNTRACED: the stop signal not yet reported, or 0. With {@code consume} the
     * report is used up, as wait_task_stopped clears group_exit_code without WNOWAIT.
     */
    public int takeStopReport(boolean consume) {
        if (!stopped || stopCode == 0) return 0;
        int code = stopCode;
        if (consume) stopCode = 0;
        return code;
    }

    /** For wait's WCONTINUED: true if a continue is unreported; with {@code consume} it is used up. */
    public boolean takeContinueReport(boolean consume) {
        if (!continued) return false;
        if (consume) continued = false;
        return true;
    }

    /** How many POSIX timers the process has. */
    public int posixTimerCount() {
        return posixTimers.size();
    }
}
