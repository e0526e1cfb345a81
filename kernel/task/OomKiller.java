package task;

import mm.Mm;
import printk.KernelLog;
import signal.SignalSend;
import sync.WaitQueue;

/**
 * The out-of-memory killer, Linux's mm/oom_kill.c: when a page fault needs a frame and none
 * is free, it chooses the process whose death frees the most memory, kills it, and lets the
 * faulting task try again once the memory is back. It lives with the tasks because what it
 * does is choose among them.
 *
 * <p><b>Who is chosen</b> ({@code select_bad_process}): every process but init is scored by
 * {@link #badness}, Linux's {@code oom_badness}: its resident pages plus its page-table pages
 * (plus swap entries, of which Clonix has none), plus oom_score_adj thousandths of memory
 * (oom_score_adj * (total pages / 1000)). A process with oom_score_adj -1000
 * (OOM_SCORE_ADJ_MIN), a process without memory (a zombie) and a vfork child still sharing
 * its parent's memory are never chosen. The highest score wins; among equal scores the last
 * in pid order, as Linux's walk of its process list lets a later equal score replace an
 * earlier one (Linux walks in creation order, which is pid order until pids wrap). The
 * shell's task (pid 2) is kept out with oom_score_adj -1000, as a system daemon is on Linux
 * (boot.Session sets it, and gives its children 0 back).
 *
 * <p><b>What happens</b> ({@code oom_kill_process}): the victim gets SIGKILL, and so does
 * every other process using the same address space (init excepted); the kernel log gets
 * Linux's line, which the console shows:
 * {@code Out of memory: Killed process 7 (hog) total-vm:45324kB, anon-rss:45120kB,
 * file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:112kB oom_score_adj:0}. While a victim has not
 * finished dying, another out-of-memory event kills nobody (Linux's abort in
 * oom_evaluate_task): the memory is on its way back.
 *
 * <p><b>The faulting task</b> retries its fault after the kill, as on Linux. Linux frees the
 * victim's memory at once (the oom reaper) and the faulting task only sleeps a tick; in
 * Clonix the memory comes back when the victim's last thread exits, so the faulting task
 * sleeps (state D, woken by SIGKILL too) until some process has exited, and then runs the
 * faulting instruction again. If the faulting task is the victim, it dies instead. If no
 * process can be chosen, Linux panics; Clonix logs Linux's warning and lets the faulting
 * task wait for a process to exit.
 */
public final class OomKiller {
    private OomKiller() {}

    /** The range of /proc/PID/oom_score_adj; -1000 means "never kill". */
    public static final int OOM_SCORE_ADJ_MIN = -1000, OOM_SCORE_ADJ_MAX = 1000;
    /** The wait channel of a task waiting for memory after the killer has acted. */
    public static final String WAIT_CHANNEL = "out_of_memory";
    /** What {@link #badness} returns for a process that must not be chosen (Linux's LONG_MIN). */
    public static final long UNKILLABLE = Long.MIN_VALUE;

    /**
     * out_of_memory for task {@code t}, whose page fault found no free frame. Afterwards
     * {@code t} either must die (it has a kill pending: it was the victim or shared its
     * memory) or sleeps until a process exits; either way the caller must not run it now.
     */
    public static void outOfMemory(Tasks ts, Task t) {
        if (t.killPending || t.signal.groupExit) return; // it is dying, and its memory will come back
        Task victim = null;
        if (!victimPending(ts)) {
            victim = select(ts);
            if (victim != null) kill(ts, victim);
            else ts.kernelLog().printk(KernelLog.KERN_WARNING, "Out of memory and no killable processes...");
        }
        if (t.killPending || t.signal.groupExit) return;
        t.sleep(TaskState.UNINTERRUPTIBLE, WAIT_CHANNEL);
        ts.oomWaiters().add(t);
    }

    /** True while a victim chosen earlier still has threads that have not exited. */
    private static boolean victimPending(Tasks ts) {
        for (Task p : ts.pids.all()) {
            if (p.isGroupLeader() && p.signal.oomVictim && p.signal.live > 0) return true;
        }
        return false;
    }

    /** The thread of the process with the highest badness, or null if none may be chosen. */
    private static Task select(Tasks ts) {
        Task chosen = null;
        long chosenPoints = UNKILLABLE;
        for (Task p : ts.pids.all()) {
            if (!p.isGroupLeader()) continue;
            long points = badness(ts, p);
            if (points == UNKILLABLE || points < chosenPoints) continue;
            chosen = withMm(p);
            chosenPoints = points;
        }
        return chosen;
    }

    /**
     * Linux's oom_badness for process {@code p} (any of its threads): resident pages plus
     * page-table pages plus oom_score_adj * (total pages / 1000), or {@link #UNKILLABLE} for
     * a process that signals cannot kill (init, and the session's shell: Linux's
     * oom_unkillable_task), a process without memory, one with oom_score_adj -1000, or a
     * vfork child that has not exec'd.
     */
    public static long badness(Tasks ts, Task p) {
        if (p.signal.signals().isUnkillable()) return UNKILLABLE;
        Task t = withMm(p);
        if (t == null) return UNKILLABLE;
        long adj = p.signal.oomScoreAdj;
        if (adj == OOM_SCORE_ADJ_MIN || t.vforkParent != null) return UNKILLABLE;
        long points = t.mm.residentPages() + t.mm.pageTablePages();
        return points + adj * (ts.phys.totalFrames() / 1000);
    }

    /**
     * /proc/PID/oom_score, Linux's proc_oom_score: the badness scaled to 0..2000,
     * (1000 + badness * 1000 / total pages) * 2 / 3, and 0 for a process that cannot be chosen.
     */
    public static long score(Tasks ts, Task p) {
        long badness = badness(ts, p);
        if (badness == UNKILLABLE) return 0;
        return (1000 + badness * 1000 / ts.phys.totalFrames()) * 2 / 3;
    }

    /**
     * A write of {@code adj} to {@code target}'s /proc/PID/oom_score_adj by {@code writer}
     * (null: the kernel itself, for the shell) (Linux's __set_oom_adj): EINVAL outside -1000..1000, EACCES below the process's floor
     * (oom_score_adj_min) for an unprivileged writer. A privileged writer also moves the
     * floor. Other processes using the same address space (CLONE_VM) get the same value, so
     * that the killer's choice is the same whichever of them it looks at. Returns 0 or -errno.
     */
    public static int setScoreAdj(Tasks ts, Task writer, Task target, int adj) {
        if (adj < OOM_SCORE_ADJ_MIN || adj > OOM_SCORE_ADJ_MAX) return -syscall.Errno.EINVAL;
        boolean privileged = writer == null || writer.cred.capable();
        if (adj < target.signal.oomScoreAdjMin && !privileged) return -syscall.Errno.EACCES;
        target.signal.setOomScoreAdj(adj, privileged);
        Task withMm = withMm(target);
        if (withMm == null || target.vforkParent != null) return 0;
        for (Task p : ts.pids.all()) {
            if (!p.isGroupLeader() || p.signal == target.signal || p.tgid == 1) continue;
            Task other = withMm(p);
            if (other != null && other.mm == withMm.mm && other.vforkParent == null) p.signal.setOomScoreAdj(adj, privileged);
        }
        return 0;
    }

    /**
     * Kills {@code victim}'s process and every other process using its address space, and
     * logs Linux's line about it, with the victim's memory as it is at that moment.
     */
    private static void kill(Tasks ts, Task victim) {
        Mm mm = victim.mm;
        long kb = vm.PhysicalMemory.FRAME_SIZE / 1024;
        long shmem = mm.sharedResidentPages();
        String line = String.format(java.util.Locale.ROOT,
                "Out of memory: Killed process %d (%s) total-vm:%dkB, anon-rss:%dkB, file-rss:%dkB, shmem-rss:%dkB,"
                        + " UID:%d pgtables:%dkB oom_score_adj:%d",
                victim.tid, victim.comm, mm.totalPages() * kb, (mm.residentPages() - shmem) * kb, 0, shmem * kb,
                Integer.toUnsignedLong(victim.cred.uid()), mm.pageTablePages() * kb, victim.signal.oomScoreAdj);
        killProcess(ts, victim);
        ts.kernelLog().printk(KernelLog.KERN_ERR, line);
        for (Task p : ts.pids.all()) {
            if (!p.isGroupLeader() || p.signal == victim.signal) continue;
            Task other = withMm(p);
            if (other == null || other.mm != mm) continue;
            if (p.tgid == 1) {
                ts.kernelLog().printk(KernelLog.KERN_INFO, String.format("oom killer %d (%s) has mm pinned by %d (%s)",
                        victim.tgid, victim.comm, p.tgid, p.comm));
                continue;
            }
            killProcess(ts, p);
        }
    }

    /** SIGKILL for {@code p}'s process, which counts as a victim until its last thread has exited. */
    private static void killProcess(Tasks ts, Task p) {
        p.signal.oomVictim = true;
        SignalSend.sendToProcess(ts, p, Signals.SIGKILL);
    }

    /** A live thread of {@code p}'s process that still has its mm (Linux's find_lock_task_mm), or null. */
    private static Task withMm(Task p) {
        if (p.mm != null) return p;
        for (Task t : p.signal.threads) if (t.mm != null) return t;
        return null;
    }

    /** Called when a process's last thread has exited: its memory is back, so faulting tasks may retry. */
    static void processExited(Tasks ts) {
        WaitQueue q = ts.oomWaiters();
        if (!q.isEmpty()) q.wakeUp();
    }
}
