package task;

import java.util.ArrayList;
import java.util.List;
import signal.GroupSignals;
import sync.WaitQueue;

/**
 * What the threads of one thread group share, as Linux's {@code signal_struct}: the list of
 * threads, how many are still alive, the group exit (exit_group or a fatal signal, whose
 * status every thread reports), the process group and session, and the queue where the
 * group's wait4 callers sleep ({@code wait_chldexit}). The shared pending signals, the
 * state of job control and the alarm are in {@link #signals()} (package signal).
 *
 * <p>One per thread group; created by fork/clone without CLONE_THREAD, shared by
 * CLONE_THREAD. It is dropped when the last thread of the group is released; nothing else
 * holds it, so there is no separate reference count to get wrong.
 */
public final class SignalStruct {
    /** The group's threads, oldest first (Linux's thread_group list); the leader is first while it lives. */
    final List<Task> threads = new ArrayList<>();
    /** Threads that have not yet exited (Linux's {@code live}). */
    int live;
    /**
     * True once exit_group or a fatal signal has started killing the group, or its last
     * thread has exited (SIGNAL_GROUP_EXIT; Exit.exit).
     */
    boolean groupExit;
    /** The wait status every thread reports once {@link #groupExit} is set. */
    int groupExitStatus;
    /**
     * The thread that took the signal killing the group, when that signal's default action
     * dumps core (Linux's core dumper), until it has reported the crash (Tasks.crashed); null
     * otherwise.
     */
    Task crashThread;
    /** Process group id and session id (setpgid, setsid). */
    int pgid, sid;
    /** The pid table that counts this group's ids while the group has tasks in it, else null (Pids#inUse). */
    Pids table;
    /** Where wait4 callers of this group sleep until a child changes state. */
    final WaitQueue childExit = new WaitQueue();
    /** Shared pending signals, group stop and alarm (see signal.GroupSignals). */
    final GroupSignals signals = new GroupSignals();
    /** The process's resource limits (Linux's signal->rlim); null only for idle tasks and kernel timers. */
    ResourceLimits rlimits;
    /** The OOM killer's bias for this process, -1000..1000 (/proc/PID/oom_score_adj). */
    int oomScoreAdj;
    /** The lowest oom_score_adj an unprivileged writer may set (Linux's oom_score_adj_min). */
    int oomScoreAdjMin;
    /** Set once the OOM killer has chosen this process, until its last thread has exited. */
    boolean oomVictim;
    /**
     * CPU time of the whole group in cycles, exited threads included (Linux's
     * thread_group_cputime): what RLIMIT_CPU is measured against.
     */
    long cpuTime;
    /**
     * The group's CPU time at which RLIMIT_CPU must be looked at again, Long.MAX_VALUE while
     * the limit is infinite (Linux's cputimer expiry for the rlimit); see signal.CpuLimit.
     */
    long cpuLimitExpires = Long.MAX_VALUE;
    /** User-mode CPU time of the whole group in cycles, exited threads included (ITIMER_VIRTUAL's clock). */
    long userCpuTime;
    /**
     * What the group's released threads used, added when each is released so that the
     * group's totals survive them (the utime, stime, nvcsw and nivcsw of Linux's signal_struct).
     */
    long deadUtime, deadStime, deadNvcsw, deadNivcsw;
    /**
     * What the group's waited-for children used, theirs included (cutime, cstime, cnvcsw,
     * cnivcsw): added by wait when it reaps a child, read by times and RUSAGE_CHILDREN.
     */
    long cutime, cstime, cnvcsw, cnivcsw;

    SignalStruct(int pgid, int sid) {
        this.pgid = pgid;
        this.sid = sid;
    }

    /** The threads of the group, oldest first (a copy). */
    public List<Task> threads() {
        return new ArrayList<>(threads);
    }

    /** Threads of the group that have not exited. */
    public int liveThreads() {
        return live;
    }

    /** True once the group is being killed by exit_group or a fatal signal, or its last thread has exited. */
    public boolean isGroupExiting() {
        return groupExit;
    }

    /**
     * True, once, for the thread whose core-dumping signal is killing the group: the thread
     * reports the crash as it dies, with its registers and memory still in place.
     */
    public boolean takeCrash(Task t) {
        if (crashThread != t) return false;
        crashThread = null;
        return true;
    }

    /** The wait status of the group exit; meaningful only when {@link #isGroupExiting}. */
    public int groupExitStatus() {
        return groupExitStatus;
    }

    /** The process group id. */
    public int pgid() {
        return pgid;
    }

    /** The session id. */
    public int sid() {
        return sid;
    }

    /** Sets the process group id (setpgid). */
    public void setPgid(int pgid) {
        if (table != null) table.renumber(this.pgid, pgid);
        this.pgid = pgid;
    }

    /** Sets the session id (setsid). */
    public void setSid(int sid) {
        if (table != null) table.renumber(this.sid, sid);
        this.sid = sid;
    }

    /** Where this group's wait4 callers sleep. */
    public WaitQueue childExitQueue() {
        return childExit;
    }

    /** The group's signal state: shared pending set, job control, alarm. */
    public GroupSignals signals() {
        return signals;
    }

    /** The process's resource limits. */
    public ResourceLimits rlimits() {
        return rlimits;
    }

    /** /proc/PID/oom_score_adj. */
    public int oomScoreAdj() {
        return oomScoreAdj;
    }

    /** The lowest oom_score_adj an unprivileged writer may set. */
    public int oomScoreAdjMin() {
        return oomScoreAdjMin;
    }

    /** Sets oom_score_adj, and its floor for unprivileged writers when {@code privileged} (Linux's __set_oom_adj). */
    public void setOomScoreAdj(int adj, boolean privileged) {
        oomScoreAdj = adj;
        if (privileged) oomScoreAdjMin = adj;
    }

    /** True while the OOM killer's victim has not finished exiting. */
    public boolean isOomVictim() {
        return oomVictim;
    }

    /** Marks the process as the OOM killer's victim. */
    public void markOomVictim() {
        oomVictim = true;
    }

    /** CPU time of the group so far, in cycles, exited threads included. */
    public long cpuTime() {
        return cpuTime;
    }

    /** User-mode CPU time of the group so far, in cycles, exited threads included. */
    public long userCpuTime() {
        return userCpuTime;
    }

    /** When RLIMIT_CPU must be looked at again, in group CPU cycles (Long.MAX_VALUE: never). */
    public long cpuLimitExpires() {
        return cpuLimitExpires;
    }

    /** Sets when RLIMIT_CPU must be looked at again (signal.CpuLimit). */
    public void setCpuLimitExpires(long cycles) {
        cpuLimitExpires = cycles;
    }

    /** The signals pending for the group, in increasing order. */
    public List<Integer> pendingSignals() {
        List<Integer> list = new ArrayList<>();
        long mask = signals.pendingMask();
        for (int sig = 1; sig <= Signals.NSIG; sig++) if ((mask >>> (sig - 1) & 1) != 0) list.add(sig);
        return list;
    }
}
