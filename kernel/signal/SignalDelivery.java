package signal;

import syscall.Errno;
import task.Exit;
import task.SigHand;
import task.Signals;
import task.Task;
import task.TaskState;
import task.Tasks;
import vm.Context;
import vm.Isa;

/**
 * Taking signals on the way back to user mode: Linux's exit_to_user_mode_loop, get_signal
 * and handle_signal. The machine loop asks {@link #hasWork} before it runs a task's user
 * code and, if so, the kernel calls {@link #deliver} (through sched.TrapHandler).
 *
 * <p><b>get_signal.</b> The thread takes its own pending signals first, then the group's,
 * faults before the others, lowest number next, skipping the ones it blocks. SIG_IGN drops
 * the signal; SIG_DFL does the default action: ignore, continue (already done when SIGCONT
 * was sent), stop (the group stop of {@link JobControl}), or terminate and core, which kill
 * the whole thread group (the core bit goes into the wait status; no file is written). A
 * caught signal runs its handler, one per call; the loop calls again while work remains, so
 * several pending signals nest their frames as on Linux.
 *
 * <p><b>handle_signal.</b> If the task's last system call blocked (and was rewound, see
 * sync.WaitQueue), it is first run once more, as Linux's sleeping call checks its condition
 * once more after it wakes: if it completes now (a child's exit reaped, a signal taken by
 * sigtimedwait), the handler runs after it with its result in a0. If it still cannot go on,
 * it is restarted after the handler under SA_RESTART and otherwise ends with EINTR
 * ({@link SyscallRestart}). Then the frame is built ({@link SignalFrame}), the handler's
 * mask is added to the blocked set (with the signal itself unless SA_NODEFER), and
 * SA_RESETHAND puts SIG_DFL back.
 */
public final class SignalDelivery {
    private SignalDelivery() {}

    /** SA_* flags (Linux's values). */
    public static final long SA_NOCLDSTOP = 1, SA_NOCLDWAIT = 2, SA_SIGINFO = 4, SA_RESTART = 0x10000000L,
            SA_NODEFER = 0x40000000L, SA_RESETHAND = 0x80000000L;

    /** Runs a rewound system call again (the kernel's dispatcher): pc is past the syscall; returns the raw result. */
    @FunctionalInterface
    public interface SyscallRetry {
        long retry(Task t);
    }

    /** True if {@code t} has a pending signal it does not block (Linux's signal_pending after recalc_sigpending). */
    public static boolean hasDeliverable(Task t) {
        ThreadSignals s = t.signals();
        return ((s.pending.mask() | t.signal().signals().shared.mask()) & ~s.blocked) != 0;
    }

    /** True if {@code t} must stop in the kernel before user mode: a kill, a stop it owes, a signal to take. */
    public static boolean hasWork(Task t) {
        return t.isKillPending() || t.signals().stopPending || hasDeliverable(t);
    }

    /**
     * Records how {@code t}'s system call ended ({@code result}, -BLOCKED if it sleeps). A call
     * that went to sleep while a signal is ready to be taken does not sleep after all (Linux
     * checks signal_pending before it schedules): the task stays runnable, rewound, and
     * takes the signal at once.
     */
    public static void afterSyscall(Task t, long result) {
        ThreadSignals s = t.signals();
        boolean restored = s.takeFrameRestored(); // rt_sigreturn: a0 is a register, not a result
        s.syscallRewound = result == -Errno.BLOCKED && !restored;
        if (s.syscallRewound && t.state() == TaskState.INTERRUPTIBLE && hasWork(t)) t.setState(TaskState.RUNNING);
    }

    /** Records that {@code t} left user mode for something other than a system call (a fault). */
    public static void afterTrap(Task t) {
        t.signals().syscallRewound = false;
    }

    /**
     * Does the signal work of {@code t} before it returns to user mode (see the class
     * comment). Afterwards the task is RUNNING with its registers in its context (possibly
     * a handler's), STOPPED, or has a kill pending (the caller makes it exit). Returns the
     * signal whose handler is about to run, or 0.
     */
    public static int deliver(Tasks ts, Task t, SyscallRetry retry) {
        ThreadSignals s = t.signals();
        if (s.stopPending) {
            JobControl.stopSelf(ts, t);
            return 0;
        }
        while (!t.isKillPending()) {
            SigInfo info = dequeue(t, s.blocked);
            if (info == null) return 0;
            int sig = info.signo();
            long handler = t.sighand().handler(sig);
            if (handler == SigHand.SIG_IGN) continue;
            if (handler != SigHand.SIG_DFL) {
                handle(ts, t, info, retry);
                return t.isKillPending() ? 0 : sig;
            }
            switch (SigSet.defaultAction(sig)) {
                case IGNORE, CONTINUE -> {
                    continue;
                }
                case STOP -> {
                    if (t.signal().signals().isUnkillable()) continue; // init and sh cannot be stopped
                    JobControl.startStop(ts, t, sig);
                    return 0;
                }
                case TERMINATE, CORE -> {
                    if (t.signal().signals().isUnkillable() && !info.isFault()) continue;
                    Exit.killGroup(ts, t, sig);
                    return 0;
                }
            }
        }
        return 0;
    }

    /**
     * exit_signals: {@code t} is exiting and will take no more signals. If it owed the group
     * a stop, its part counts as done; process signals it could have taken go to another
     * thread that can. The last thread of the group cancels the alarm.
     */
    public static void exitSignals(Tasks ts, Task t) {
        if (t.signal().liveThreads() == 1) { // the group is dead: so are its timers
            IntervalTimers.cancelReal(t.signal().signals());
            PosixTimers.deleteAll(ts, t.signal());
        }
        if (t.signal().isGroupExiting()) return;
        JobControl.leaveStop(ts, t);
        SignalSend.retargetShared(ts, t, ~t.signals().blocked);
    }

    /**
     * dequeue_signal: the thread's own set first, then the group's; null if nothing is ready.
     * Taking a timer's signal lets the timer go on: SIGALRM re-arms a periodic ITIMER_REAL,
     * and a POSIX timer's signal gets its overrun count.
     */
    static SigInfo dequeue(Task t, long blocked) {
        int sig = t.signals().pending.next(blocked);
        SigInfo info;
        if (sig != 0) {
            info = t.signals().pending.take(sig);
        } else {
            SigPending shared = t.signal().signals().shared;
            sig = shared.next(blocked);
            if (sig == 0) return null;
            info = shared.take(sig);
        }
        if (sig == Signals.SIGALRM) IntervalTimers.sigalrmDequeued(t);
        return PosixTimers.dequeued(t, info);
    }

    /** handle_signal: settle a rewound call, build the frame, update the mask and the action. */
    private static void handle(Tasks ts, Task t, SigInfo info, SyscallRetry retry) {
        int sig = info.signo();
        ThreadSignals s = t.signals();
        SigHand h = t.sighand();
        long flags = h.flags(sig);
        Context ctx = t.context();
        if (s.syscallRewound) {
            s.syscallRewound = false;
            ctx.pc += Isa.INSN_BYTES;
            long result = retry.retry(t);
            if (result == -Errno.BLOCKED) {
                if (t.state().isSleeping()) t.setState(TaskState.RUNNING);
                int nr = (int) ctx.regs[Isa.A7];
                if (SyscallRestart.restartsAlways(t, nr)) {
                    SyscallRestart.leaveLockForHandler(ts, t);
                } else if ((flags & SA_RESTART) == 0 || !SyscallRestart.restartable(t, nr)) {
                    SyscallRestart.interrupt(ts, t, nr, ts.now());
                }
            }
        }
        long saved = s.restoreBlocked ? s.savedBlocked : s.blocked;
        s.restoreBlocked = false;
        t.happensBefore().acquire(t, t.signal()); // the race detector: what the senders released
        if (!SignalFrame.setup(t, info, h.handler(sig), h.restorer(sig), flags, saved)) {
            Exit.killGroup(ts, t, Signals.SIGSEGV); // force_sigsegv: the task cannot go on
            return;
        }
        long add = h.mask(sig) | ((flags & SA_NODEFER) == 0 ? SigSet.bit(sig) : 0);
        s.blocked = (s.blocked | add) & ~SigSet.KERNEL_ONLY;
        if ((flags & SA_RESETHAND) != 0) h.setHandler(sig, SigHand.SIG_DFL);
    }
}
