package signal;

import java.util.List;
import syscall.Errno;
import task.Cred;
import task.Exit;
import task.SigHand;
import task.Signals;
import task.Task;
import task.TaskState;
import task.Tasks;

/**
 * Sending signals: Linux's kernel/signal.c from {@code kill_something_info} down to
 * {@code complete_signal}. These are the kernel entry points for everyone who sends a
 * signal: the kill family of system calls, exit (SIGCHLD), pipes (SIGPIPE), faults, the
 * alarm, and the shell's job control ({@link #sendToGroup}).
 *
 * <p><b>The path of one signal.</b> {@link #send} first applies the side effects that
 * happen at sending time whatever the action ({@code prepare_signal}): SIGCONT resumes a
 * stopped group and cancels pending stop signals, a stop signal cancels a pending SIGCONT.
 * A signal the receiver ignores is then dropped (a blocked signal is never ignored: its
 * action may change before it is unblocked). Otherwise it joins the thread's private
 * pending set or the group's shared one (a standard signal already pending is not queued
 * twice), and {@code complete_signal} picks the thread to wake: the target itself if it
 * wants the signal, else, for a process signal, the first thread after the one picked last
 * time that does not block it, is alive, is not stopped, and is running or has nothing else
 * pending. If the signal will kill the process (default action terminate or core, not
 * blocked), the whole group is killed right away, as Linux does.
 *
 * <p>All of it runs on the kernel thread; callers hold no other state.
 */
public final class SignalSend {
    private SignalSend() {}

    /**
     * kill(2) from {@code caller}: pid &gt; 0 the process holding that id, 0 the caller's
     * process group, -1 every process but init and the caller's own, &lt; -1 the process
     * group -pid. Signal 0 only checks that a target exists and may be signalled. Returns 0,
     * -ESRCH, -EINVAL or -EPERM in Linux's order: the targets are looked up first (ESRCH if
     * there are none), then a bad signal number is EINVAL, then -EPERM when the caller may
     * signal none of them ({@link #mayKill}; for -1, a target it may not signal is skipped
     * and the call succeeds, as on Linux).
     */
    public static long kill(Tasks ts, Task caller, int pid, int sig) {
        if (pid == Integer.MIN_VALUE) return -Errno.ESRCH; // -INT_MIN does not exist
        List<Task> targets = killTargets(ts, caller, pid);
        if (targets.isEmpty()) return -Errno.ESRCH;
        if (sig != 0 && !SigSet.valid(sig)) return -Errno.EINVAL;
        SigInfo info = SigInfo.user(sig, SigInfo.SI_USER, caller.tgid(), caller.cred().uid());
        boolean sent = false;
        for (Task p : targets) {
            if (!mayKill(caller, p, sig)) continue;
            sent = true;
            if (sig != 0) caller.happensBefore().release(caller, p.signal()); // the race detector: the handler sees all the sender did
            if (sig != 0) send(ts, p, info, true);
        }
        return sent || pid == -1 ? 0 : -Errno.EPERM;
    }

    /**
     * The processes kill({@code pid}) from {@code caller} is aimed at, before the permission
     * check: the one holding pid &gt; 0, every process but init and the caller's own for
     * -1, the caller's process group for 0, process group -pid below -1.
     */
    public static List<Task> killTargets(Tasks ts, Task caller, int pid) {
        if (pid > 0) {
            Task p = ts.pids().find(pid);
            return p == null ? List.of() : List.of(p);
        }
        int pgid = pid == 0 ? caller.signal().pgid() : -pid;
        List<Task> targets = processes(ts);
        targets.removeIf(p -> pid == -1 ? p.tgid() <= 1 || p.tgid() == caller.tgid() : p.signal().pgid() != pgid);
        return targets;
    }

    /**
     * Whether {@code caller} may send {@code sig} to {@code target} (Linux's
     * check_kill_permission): always within its own process; otherwise if the caller's real
     * or effective uid is the target's real or saved uid, if the caller is privileged
     * (CAP_KILL: effective uid 0), or for SIGCONT within the caller's session.
     */
    static boolean mayKill(Task caller, Task target, int sig) {
        if (caller.tgid() == target.tgid()) return true;
        Cred c = caller.cred(), t = target.cred();
        if (c.euid() == t.suid() || c.euid() == t.uid() || c.uid() == t.suid() || c.uid() == t.uid() || c.capable()) return true;
        return sig == Signals.SIGCONT && caller.signal().sid() == target.signal().sid();
    }

    /**
     * tgkill(tgid, tid, sig) and, with {@code tgid} = 0, tkill(tid, sig): sends to one thread
     * (SI_TKILL). Returns 0, -EINVAL (ids not positive, bad signal), -ESRCH (no such
     * thread in that group), -EPERM ({@link #mayKill}) or -EAGAIN (a real-time signal that
     * cannot be queued).
     */
    public static long tgkill(Tasks ts, Task caller, int tgid, int tid, int sig, boolean checkGroup) {
        if (tid <= 0 || (checkGroup && tgid <= 0)) return -Errno.EINVAL;
        Task t = ts.pids().find(tid);
        if (t == null || (checkGroup && t.tgid() != tgid)) return -Errno.ESRCH;
        if (sig != 0 && !SigSet.valid(sig)) return -Errno.EINVAL;
        if (!mayKill(caller, t, sig)) return -Errno.EPERM;
        if (sig != 0) caller.happensBefore().release(caller, t.signal()); // the race detector: the handler sees all the sender did
        return sig == 0 ? 0 : send(ts, t, SigInfo.user(sig, SigInfo.SI_TKILL, caller.tgid(), caller.cred().uid()), false);
    }

    /**
     * rt_sigqueueinfo ({@code tid} = 0: to process {@code tgid}) and rt_tgsigqueueinfo (to
     * thread {@code tid} of it): sends the siginfo the caller wrote (sigqueue's SI_QUEUE with
     * a value). A code that would pass for the kernel's or kill's (si_code &gt;= 0, or
     * SI_TKILL) is allowed only toward the caller's own process (EPERM). Returns 0, -EINVAL,
     * -ESRCH, -EPERM, or -EAGAIN if a real-time signal cannot be queued.
     */
    public static long sigqueue(Tasks ts, Task caller, int tgid, int tid, SigInfo info) {
        int sig = info.signo();
        Task t = ts.pids().find(tid > 0 ? tid : tgid);
        if (t == null || t.tgid() != tgid) return -Errno.ESRCH;
        if ((info.code() >= 0 || info.code() == SigInfo.SI_TKILL) && caller.tgid() != tgid) return -Errno.EPERM;
        if (sig != 0 && !SigSet.valid(sig)) return -Errno.EINVAL;
        if (!mayKill(caller, t, sig)) return -Errno.EPERM;
        if (sig == 0) return 0;
        caller.happensBefore().release(caller, t.signal()); // the race detector: the handler sees all the sender did
        return send(ts, t, info, tid == 0);
    }

    /**
     * Sends {@code info} to every process of process group {@code pgid} (kill_pgrp): what the
     * shell uses for Ctrl-C (SIGINT), Ctrl-Z (SIGTSTP) and fg/bg (SIGCONT). Returns 0, or
     * -ESRCH if the group has no process.
     */
    public static long sendToGroup(Tasks ts, int pgid, SigInfo info) {
        boolean found = false;
        for (Task p : processes(ts)) {
            if (p.signal().pgid() != pgid) continue;
            found = true;
            if (info.signo() != 0) send(ts, p, info, true);
        }
        return found ? 0 : -Errno.ESRCH;
    }

    /** {@link #sendToGroup} with a signal the kernel sends on its own account (SI_KERNEL). */
    public static long sendToGroup(Tasks ts, int pgid, int sig) {
        return sendToGroup(ts, pgid, SigInfo.kernel(sig));
    }

    /** Sends {@code sig} to process {@code p} from the kernel (SIGALRM, SIGPIPE and the like). */
    public static void sendToProcess(Tasks ts, Task p, int sig) {
        send(ts, p, SigInfo.kernel(sig), true);
    }

    /**
     * A fault's signal for thread {@code t} (force_sig_info): if the thread blocks it or
     * ignores it, it is unblocked and its action reset to SIG_DFL first, since a fault
     * cannot be skipped; so a fault nobody can handle always kills, even init, and a fault
     * inside its own handler (where the signal is blocked) kills instead of looping.
     */
    public static void forceFault(Tasks ts, Task t, SigInfo info) {
        int sig = info.signo();
        SigHand h = t.sighand();
        boolean blocked = SigSet.has(t.signals().blocked, sig);
        if (blocked || h.handler(sig) == SigHand.SIG_IGN) h.setHandler(sig, SigHand.SIG_DFL);
        t.signals().blocked &= ~SigSet.bit(sig);
        if (t.signals().pending.add(info, ts.physicalMemory()) != SigPending.Added.QUEUED) return;
        completeSignal(ts, t, sig, false, true);
    }

    /**
     * Sends {@code info} to {@code p}: to its thread group if {@code group} (kill), else to
     * that thread alone (tgkill). See the class comment for the steps. Returns 0, or -EAGAIN
     * for a real-time signal that cannot be queued (the set or memory is full) unless kill(2)
     * sent it: as Linux's __send_signal, kill may not fail for want of memory, so its
     * instance is lost instead (the signal is still pending).
     */
    public static long send(Tasks ts, Task p, SigInfo info, boolean group) {
        int sig = info.signo();
        if (!prepareSignal(ts, p, sig)) return 0;
        SigPending pending = group ? p.signal().signals().shared : p.signals().pending;
        SigPending.Added added = pending.add(info, ts.physicalMemory());
        if (added == SigPending.Added.OVERFLOW && info.code() != SigInfo.SI_USER) return -Errno.EAGAIN;
        if (added != SigPending.Added.QUEUED) return 0;
        signalfdNotify(p);
        completeSignal(ts, p, sig, group, false);
        return 0;
    }

    /** Linux's signalfd_notify: a signal is pending for {@code p}; its signalfd readers look again. */
    private static void signalfdNotify(Task p) {
        SigHand h = handlers(p);
        if (h != null) h.signalfdWait().wakeUp();
    }

    /** The side effects of sending (prepare_signal); false if the signal is to be dropped. */
    private static boolean prepareSignal(Tasks ts, Task p, int sig) {
        if (p.signal().isGroupExiting()) return false;
        GroupSignals g = p.signal().signals();
        List<Task> threads = p.signal().threads();
        if (SigSet.has(SigSet.STOP, sig)) {
            g.shared.take(Signals.SIGCONT);
            for (Task t : threads) t.signals().pending.take(Signals.SIGCONT);
        } else if (sig == Signals.SIGCONT) {
            g.shared.discard(SigSet.STOP);
            for (Task t : threads) {
                t.signals().pending.discard(SigSet.STOP);
                t.signals().stopPending = false;
                t.resumeFromStop();
            }
            g.stopCount = 0;
            if (g.stopped) {
                g.stopped = false;
                g.stopCode = 0;
                g.continued = true;
                JobControl.notifyParent(ts, p.groupLeader(), SigInfo.CLD_CONTINUED, Signals.SIGCONT);
            }
        }
        return !ignored(p, sig);
    }

    /** sig_ignored: not blocked, and its action is SIG_IGN, or SIG_DFL with "ignore" (or any, for an unkillable group). */
    private static boolean ignored(Task p, int sig) {
        ThreadSignals s = p.signals();
        if (SigSet.has(s.blocked | s.waitSet, sig)) return false;
        SigHand h = handlers(p);
        if (h == null) return true; // every thread has exited: nobody can take it
        long handler = h.handler(sig);
        if (handler == SigHand.SIG_IGN) return true;
        if (handler != SigHand.SIG_DFL) return false;
        // init and the shell's task are unkillable (SIGNAL_UNKILLABLE): they get only the
        // signals they have handlers for, so even SIGKILL and SIGSTOP are discarded here.
        return SigSet.has(SigSet.IGNORE, sig) || p.signal().signals().isUnkillable();
    }

    /** The handler table of {@code p}'s group: its own, or a live thread's if the leader has exited. */
    static SigHand handlers(Task p) {
        if (p.sighand() != null) return p.sighand();
        for (Task t : p.signal().threads()) if (t.sighand() != null) return t.sighand();
        return null;
    }

    /** complete_signal: choose the thread, kill the group for a fatal signal, or wake the thread. */
    private static void completeSignal(Tasks ts, Task p, int sig, boolean group, boolean force) {
        Task t = null;
        GroupSignals g = p.signal().signals();
        if (wantsSignal(sig, p)) {
            t = p;
        } else if (group) {
            List<Task> threads = p.signal().threads();
            int start = Math.max(0, threads.indexOf(g.currentTarget));
            for (int i = 0; i < threads.size() && t == null; i++) {
                Task candidate = threads.get((start + i) % threads.size());
                if (wantsSignal(sig, candidate)) t = candidate;
            }
            if (t == null) return; // every thread blocks it: it waits in the shared set
            g.currentTarget = t;
        } else {
            return;
        }
        SigHand h = handlers(p);
        boolean fatal = h != null && h.handler(sig) == SigHand.SIG_DFL
                && !SigSet.has(SigSet.IGNORE | SigSet.STOP, sig) && sig != Signals.SIGCONT
                && !SigSet.has(t.signals().waitSet, sig) && (!g.isUnkillable() || force);
        if (fatal) {
            Exit.killGroup(ts, t, sig);
            return;
        }
        t.wakeForSignal();
    }

    /** wants_signal: may {@code t} take {@code sig} now? */
    static boolean wantsSignal(int sig, Task t) {
        ThreadSignals s = t.signals();
        if (SigSet.has(s.blocked & ~s.waitSet, sig)) return false;
        if (!t.state().isAlive() || t.isKillPending()) return false;
        if (sig == Signals.SIGKILL) return true;
        if (t.state() == TaskState.STOPPED) return false;
        // Linux's TIF_SIGPENDING: set for the signals sent before this one, so leave it out.
        long others = (s.pending.mask() | t.signal().signals().shared.mask()) & ~s.blocked & ~SigSet.bit(sig);
        return t.state() == TaskState.RUNNING || others == 0;
    }

    /** Every process (thread group leader) in the pid table, in pid order. */
    private static List<Task> processes(Tasks ts) {
        List<Task> all = ts.pids().all();
        all.removeIf(t -> !t.isGroupLeader());
        return all;
    }

    /**
     * Gives the process signals of {@code sigs} that thread {@code t} has just blocked to
     * another thread that can take them (retarget_shared_pending), so that a signal does not
     * wait for a thread that will not take it while another would.
     */
    static void retargetShared(Tasks ts, Task t, long sigs) {
        long pending = t.signal().signals().shared.mask() & sigs;
        for (int sig = 1; pending != 0 && sig <= Signals.NSIG; sig++) {
            if (!SigSet.has(pending, sig)) continue;
            pending &= ~SigSet.bit(sig);
            for (Task other : t.signal().threads()) {
                if (other != t && wantsSignal(sig, other)) {
                    other.wakeForSignal();
                    break;
                }
            }
        }
    }
}
