package signal;

import fs.ConsoleDevice;
import java.util.function.Supplier;
import sched.Scheduler;
import task.SigHand;
import task.Task;
import task.Tasks;

/**
 * What the console asks the process table for job control (Linux's tty_check_change,
 * is_current_pgrp_orphaned, and the session checks of tcsetpgrp): who is calling, which
 * session a group belongs to, and whether a background caller should be stopped with
 * SIGTTIN or SIGTTOU. The console keeps the terminal's own state (its session and foreground
 * group); this class only answers questions about tasks.
 *
 * It also keeps the timer of a read that waits at most VTIME, on the caller's sleep
 * deadline, as the other timed waits do.
 *
 * <p>The caller is the task whose system call is running, which the kernel supplies.
 */
public final class TerminalJobControl implements ConsoleDevice.Processes {
    private final Tasks tasks;
    private final Scheduler sched;
    private final Supplier<Task> current;

    /** Answers for the tasks of {@code tasks} on {@code sched}; {@code current} gives the calling task (null outside a call). */
    public TerminalJobControl(Tasks tasks, Scheduler sched, Supplier<Task> current) {
        this.tasks = tasks;
        this.sched = sched;
        this.current = current;
    }

    /**
     * The deadline is set by the first execution of the read and kept across its
     * re-executions (sync.WaitQueue), so the wait lasts {@code nanos} in all.
     */
    @Override
    public boolean callerTimedOut(long nanos) {
        Task t = current.get();
        if (t == null) return true;
        if (t.sleepDeadline() < 0) {
            t.setSleepDeadline(sched.now() + nanos);
            sched.addTimer(t);
            return false;
        }
        if (sched.now() < t.sleepDeadline()) return false;
        t.setSleepDeadline(-1);
        return true;
    }

    @Override
    public void callerStopTimer() {
        Task t = current.get();
        if (t != null) t.setSleepDeadline(-1);
    }

    @Override
    public int callerSession() {
        Task t = current.get();
        return t == null ? 0 : t.signal().sid();
    }

    @Override
    public int sessionOf(int pgrp) {
        for (Task t : tasks.pids().all()) if (t.signal().pgid() == pgrp) return t.signal().sid();
        return -1;
    }

    @Override
    public int callerGroup() {
        Task t = current.get();
        return t == null ? 0 : t.signal().pgid();
    }

    @Override
    public boolean callerIgnoresOrBlocks(int sig) {
        Task t = current.get();
        if (t == null) return true;
        SigHand h = SignalSend.handlers(t);
        return SigSet.has(t.signals().blocked(), sig) || h != null && h.handler(sig) == SigHand.SIG_IGN;
    }

    @Override
    public boolean callerGroupOrphaned() {
        Task t = current.get();
        return t == null || isOrphaned(tasks, t.signal().pgid());
    }

    @Override
    public void signalCallerGroup(int sig) {
        Task t = current.get();
        if (t != null) SignalSend.sendToGroup(tasks, t.signal().pgid(), sig);
    }

    /**
     * True if process group {@code pgrp} is orphaned (POSIX; Linux's will_become_orphaned_pgrp):
     * no live member has a parent in another group of the same session, so no shell is left
     * that could continue it after a stop. Children of init do not count as having a parent.
     */
    public static boolean isOrphaned(Tasks tasks, int pgrp) {
        for (Task p : tasks.pids().all()) {
            if (!p.isGroupLeader() || p.signal().pgid() != pgrp || p.signal().liveThreads() == 0) continue;
            Task parent = p.realParent();
            if (parent == null || parent == p || parent.tgid() == 1) continue;
            if (parent.signal().pgid() != pgrp && parent.signal().sid() == p.signal().sid()) return false;
        }
        return true;
    }
}
