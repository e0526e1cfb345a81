package task;

import java.util.ArrayList;
import java.util.List;
import mm.MmException;
import signal.SigInfo;
import signal.SignalDelivery;
import signal.SignalSend;

/**
 * exit(), exit_group() and death by a fatal signal: Linux's {@code do_exit},
 * {@code do_group_exit}, {@code exit_notify} and {@code release_task} (kernel/exit.c).
 *
 * <p><b>What dies when.</b> A task that exits drops its references to mm, files, fs and
 * sighand at once (each exactly once), hands its children to a new parent, and then either
 * disappears (a non-leader thread: threads reap themselves and never signal anybody) or
 * becomes a zombie holding only its pid and its wait status (a thread group leader). A
 * leader that exits while other threads of its group still run stays a zombie, and its
 * parent hears of it only when the last thread has gone ("delay_group_leader").
 *
 * <p><b>The parent's signal.</b> The parent is sent the child's exit signal (SIGCHLD after
 * fork) with a siginfo saying how it ended (CLD_EXITED, CLD_KILLED, CLD_DUMPED), and every
 * wait4 sleeper of its group is woken. If the parent has set SIGCHLD to SIG_IGN, or its
 * action has SA_NOCLDWAIT, the child reaps itself, as POSIX.1-2001 says (with SIG_IGN no
 * signal is sent at all).
 */
public final class Exit {
    private Exit() {}

    /**
     * exit(2): ends task {@code t} alone with wait status {@code status} (already encoded:
     * see {@link Signals#exitedStatus}). If its group is being killed, the group's status
     * wins; if {@code t} is the group's last live thread, its status becomes the group's.
     * The caller must not run {@code t} again.
     */
    public static void exit(Tasks ts, Task t, int status) {
        if (!t.state.isAlive()) return;
        // LAB clone BEGIN: the group's last live thread gives the group its status, unless the group was ended
        // Linux's synchronize_group_exit: the wait status of a process whose threads all
        // exited one by one is the last one's, not the leader's.
        if (t.signal.live == 1 && !t.signal.groupExit) {
            t.signal.groupExit = true;
            t.signal.groupExitStatus = status;
        }
        // LAB clone END
        if (t.signal.groupExit) status = t.signal.groupExitStatus;
        t.exitCode = status;
        if (t.futexMm != null) {
            ts.futex.cancel(t.futexMm, t.futexAddress, t);
            t.futexMm = null;
        }
        t.happensBefore.exit(t); // the race detector: wait4 will see all t did
        mmRelease(ts, t);
        SignalDelivery.exitSignals(ts, t);
        releaseResources(t);
        if (--t.signal.live == 0) OomKiller.processExited(ts); // its memory is back
        exitNotify(ts, t);
    }

    /**
     * exit_group(2), and the end of a process killed by a signal: every thread of the group
     * dies with {@code status} (the first group exit's status wins if two race). The other
     * threads are marked and die the next time they would run user code.
     */
    public static void exitGroup(Tasks ts, Task t, int status) {
        // LAB clone BEGIN: record the group's exit and its status (once), kill the other threads, then exit
        SignalStruct sig = t.signal;
        if (!sig.groupExit) {
            sig.groupExit = true;
            sig.groupExitStatus = status;
            for (Task other : sig.threads()) if (other != t) other.kill();
        }
        exit(ts, t, sig.groupExitStatus);
        // LAB clone STUB
        // exit(ts, t, status);
        // LAB clone END
    }

    /**
     * Kills the whole thread group of {@code t} with signal {@code sig}, as the default
     * action "terminate" (or "core") of a fatal signal does: the group's status becomes
     * "killed by sig" and every thread, {@code t} included, dies the next time it would run
     * user code (the scheduler calls {@link #exit} for it). A second kill changes nothing.
     * For a signal that dumps core, {@code t} is the thread that crashed (SignalStruct#takeCrash).
     */
    public static void killGroup(Tasks ts, Task t, int sig) {
        SignalStruct s = t.signal;
        if (s.groupExit) return;
        s.groupExit = true;
        s.groupExitStatus = Signals.killedStatus(sig);
        if (Signals.dumpsCore(sig)) s.crashThread = t;
        for (Task thread : s.threads()) if (thread.state.isAlive()) thread.kill();
    }

    /**
     * What an exiting or exec'ing task must do to its address space first (Linux's
     * exit_mm_release): mark the robust mutexes it still holds as orphaned and hand the PI
     * futexes others wait for to their best waiter (futex_cleanup); clear the
     * CLONE_CHILD_CLEARTID word and wake one futex waiter there, so a pthread_join sleeping
     * on it returns; and let a vfork parent go.
     */
    static void mmRelease(Tasks ts, Task t) {
        futex.RobustList.exitRobustList(ts, t);
        futex.FutexLockPi.exitPiStates(ts, t);
        if (t.clearChildTid != 0 && t.mm != null) {
            // Only another user of this mm can be waiting on the word (Linux's mm_users > 1).
            if (t.mm.users() > 1) {
                try {
                    t.mm.write32(t.clearChildTid, 0);
                    t.happensBefore.releaseAt(t, t.clearChildTid); // a release store, for pthread_join
                    t.happensBefore.release(t, new futex.Futex.Key(t.mm, t.clearChildTid));
                    ts.futex.wake(t.mm, t.clearChildTid, 1);
                } catch (MmException e) {
                    // A bad address is ignored, as put_user's failure is in Linux.
                }
            }
            t.clearChildTid = 0;
        }
        releaseVforkParent(t);
    }

    /** Wakes the vfork parent waiting for {@code child}, if any (complete_vfork_done). */
    static void releaseVforkParent(Task child) {
        Task parent = child.vforkParent;
        if (parent == null) return;
        child.vforkParent = null;
        parent.vforkChild = null;
        parent.wake();
    }

    /** Drops the task's references to its shared structures, each exactly once. */
    private static void releaseResources(Task t) {
        if (t.mm != null) {
            t.mm.release();
            t.mm = null;
        }
        if (t.files != null) {
            t.files.release();
            t.files = null;
        }
        if (t.fs != null) {
            t.fs.release();
            t.fs = null;
        }
        if (t.sighand != null) {
            t.sighand.release();
            t.sighand = null;
        }
    }

    /**
     * Reparents the children, then makes {@code t} a zombie and decides what its death
     * tells (exit_notify): a thread that is not its group's leader is released at once and
     * tells nobody; a leader stays a zombie, and tells its parent ({@link #notifyParent})
     * only if its group is empty, being released at once if the parent ignores SIGCHLD.
     */
    private static void exitNotify(Tasks ts, Task t) {
        forgetOriginalParent(ts, t);
        ts.sched.dequeue(t);
        t.state = TaskState.ZOMBIE;
        // LAB clone BEGIN: a non-leader releases itself silently; a leader tells its parent once its group is empty
        if (!t.isGroupLeader()) {
            release(ts, t);
        } else if (groupEmpty(t) && notifyParent(ts, t)) {
            release(ts, t);
        }
        // LAB clone STUB
        // if (notifyParent(ts, t)) release(ts, t);
        // LAB clone END
    }

    /** True when no thread but the leader is left in its group. */
    static boolean groupEmpty(Task leader) {
        return leader.signal.threads.size() == 1;
    }

    /**
     * Gives {@code dying}'s children to another live thread of its group, or else to init,
     * and tells the new parent about children that are already zombies (forget_original_parent).
     */
    private static void forgetOriginalParent(Tasks ts, Task dying) {
        if (dying.children.isEmpty()) return;
        Task reaper = null;
        for (Task other : dying.signal.threads) {
            if (other != dying && other.state.isAlive() && !other.killPending) {
                reaper = other;
                break;
            }
        }
        boolean sameGroup = reaper != null;
        if (reaper == null) reaper = ts.init;
        if (reaper == null || reaper == dying || !reaper.state.isAlive()) return; // init itself is dying
        List<Task> orphans = new ArrayList<>(dying.children);
        dying.children.clear();
        for (Task child : orphans) {
            for (Task thread : child.signal.threads) {
                if (thread.realParent == dying) thread.realParent = thread.parent = reaper;
            }
            child.realParent = child.parent = reaper;
            reaper.children.add(child);
            if (!sameGroup) child.exitSignal = Signals.SIGCHLD; // "we don't want people slaying init"
            if (child.state == TaskState.ZOMBIE && groupEmpty(child) && notifyParent(ts, child)) release(ts, child);
        }
        if (!sameGroup) reaper.signal.childExit.wakeUp();
    }

    /**
     * Tells {@code leader}'s parent that its thread group has ended (do_notify_parent).
     * Returns true if the child must reap itself (the parent ignores SIGCHLD).
     */
    static boolean notifyParent(Tasks ts, Task leader) {
        if (leader == ts.init) {
            ts.initExited(leader.signal.groupExit ? leader.signal.groupExitStatus : leader.exitCode);
            return false;
        }
        Task parent = leader.parent;
        boolean autoreap = false;
        int sig = leader.exitSignal;
        SigHand actions = parentActions(parent);
        if (sig == Signals.SIGCHLD && actions != null) {
            long handler = actions.handler(Signals.SIGCHLD);
            if (handler == SigHand.SIG_IGN || (actions.flags(Signals.SIGCHLD) & SignalDelivery.SA_NOCLDWAIT) != 0) {
                autoreap = true;
                if (handler == SigHand.SIG_IGN) sig = 0;
            }
        }
        if (sig > 0 && sig <= Signals.NSIG) SignalSend.send(ts, parent, childInfo(leader, sig), true);
        parent.signal.childExit.wakeUp();
        return autoreap;
    }

    /** The handler table of {@code parent}'s group (a live thread's if the parent itself has exited). */
    private static SigHand parentActions(Task parent) {
        if (parent.sighand != null) return parent.sighand;
        for (Task t : parent.signal.threads) if (t.sighand != null) return t.sighand;
        return null;
    }

    /** The siginfo of a child's exit signal: how it ended, its status, the CPU time of its group. */
    private static SigInfo childInfo(Task leader, int sig) {
        int status = leader.signal.groupExit ? leader.signal.groupExitStatus : leader.exitCode;
        int killer = status & 0x7f;
        int code = killer == 0 ? SigInfo.CLD_EXITED : (status & Signals.CORE_BIT) != 0 ? SigInfo.CLD_DUMPED : SigInfo.CLD_KILLED;
        return SigInfo.child(sig, code, leader.tgid, leader.cred.uid(), killer == 0 ? (status >> 8) & 0xff : killer, leader.utime, leader.stime);
    }

    /**
     * Removes a dead task from every list and from the pid table (release_task). When the
     * last thread of a group whose leader is a zombie goes, the leader's parent is told now.
     */
    static void release(Tasks ts, Task t) {
        t.state = TaskState.DEAD;
        SignalStruct sig = t.signal;
        Rusage.threadReleased(t);
        sig.threads.remove(t);
        t.signals.flush(); // __exit_signal's flush_sigqueue: queued signals cost memory
        if (sig.threads.isEmpty()) sig.signals.flush();
        ts.pids.remove(t);
        if (t.isGroupLeader() && t.realParent != null) t.realParent.children.remove(t);
        ts.sched.dequeue(t);
        ts.freeTask(t);
        // LAB clone BEGIN: if t was the last thread of a zombie leader's group, tell the leader's parent now
        Task leader = t.groupLeader;
        if (leader != t && leader.state == TaskState.ZOMBIE && groupEmpty(leader) && notifyParent(ts, leader)) {
            release(ts, leader);
        }
        // LAB clone END
    }
}
