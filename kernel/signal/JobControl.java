package signal;

import task.SigHand;
import task.Signals;
import task.Task;
import task.Tasks;

/**
 * Stopping and continuing a thread group (Linux's do_signal_stop and
 * do_notify_parent_cldstop). A stop signal whose action is SIG_DFL, taken by one thread,
 * starts a group stop: every other live thread is asked to stop too (and woken so that it
 * notices), and when the last one has stopped the group counts as stopped, the stop signal
 * is kept for wait's WUNTRACED, and the parent gets SIGCHLD with CLD_STOPPED. SIGCONT undoes
 * it at sending time (see SignalSend) and tells the parent with CLD_CONTINUED.
 *
 * <p>A stopped task is in state STOPPED, off every run queue, and only SIGCONT or SIGKILL
 * (Task.resumeFromStop) make it runnable again.
 */
final class JobControl {
    private JobControl() {}

    /** {@code t} took stop signal {@code sig}: starts the group stop if none is under way, and stops {@code t}. */
    static void startStop(Tasks ts, Task t, int sig) {
        GroupSignals g = t.signal().signals();
        if (g.stopCount == 0 && !g.stopped) {
            g.stopCode = sig;
            for (Task other : t.signal().threads()) {
                if (other == t || !other.state().isAlive() || other.isKillPending()) continue;
                other.signals().stopPending = true;
                g.stopCount++;
                other.wakeForSignal();
            }
            t.signals().stopPending = true;
            g.stopCount++;
        }
        stopSelf(ts, t);
    }

    /** {@code t} stops for the group stop it owes; the last thread to stop completes it. */
    static void stopSelf(Tasks ts, Task t) {
        t.stop();
        leaveStop(ts, t);
    }

    /** {@code t} has done its part of the group stop (stopped, or exiting); the last one completes it. */
    static void leaveStop(Tasks ts, Task t) {
        GroupSignals g = t.signal().signals();
        if (!t.signals().stopPending) return;
        t.signals().stopPending = false;
        g.stopCount--;
        if (g.stopCount == 0 && !g.stopped) {
            g.stopped = true;
            g.continued = false;
            notifyParent(ts, t.groupLeader(), SigInfo.CLD_STOPPED, g.stopCode);
        }
    }

    /**
     * Tells the parent of process {@code leader} that it stopped or continued: SIGCHLD with
     * {@code why} (CLD_STOPPED or CLD_CONTINUED) and {@code status} (the signal), unless the
     * parent ignores SIGCHLD or asked for SA_NOCLDSTOP; its wait4 callers are woken anyway.
     */
    static void notifyParent(Tasks ts, Task leader, int why, int status) {
        Task parent = leader.parent();
        if (parent == null || parent == leader) return;
        SigHand h = SignalSend.handlers(parent);
        if (h != null && h.handler(Signals.SIGCHLD) != SigHand.SIG_IGN && (h.flags(Signals.SIGCHLD) & SignalDelivery.SA_NOCLDSTOP) == 0) {
            long utime = 0, stime = 0;
            for (Task th : leader.signal().threads()) {
                utime += th.utime();
                stime += th.stime();
            }
            SignalSend.send(ts, parent, SigInfo.child(Signals.SIGCHLD, why, leader.tgid(), leader.cred().uid(), status, utime, stime), true);
        }
        parent.signal().childExitQueue().wakeUp();
    }
}
