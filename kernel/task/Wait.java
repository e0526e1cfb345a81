package task;

import java.util.ArrayList;
import java.util.List;
import mm.MmException;
import syscall.Errno;

/**
 * wait4(): collecting a child's exit status, Linux's {@code do_wait} (kernel/exit.c).
 *
 * <p><b>Which children.</b> The children of every thread in the caller's group are
 * candidates (a process waits, not a thread), unless {@code __WNOTHREAD} limits it to the
 * caller's own. {@code pid} selects among them: &gt; 0 that process, 0 the caller's process
 * group, -1 any, &lt; -1 the process group -pid. A "clone child" (exit signal other than
 * SIGCHLD) is seen only with {@code __WCLONE}, an ordinary one only without it, and both
 * with {@code __WALL}.
 *
 * <p><b>Outcomes.</b> An eligible zombie is reaped and its pid returned. If there are
 * eligible children but none has exited, WNOHANG returns 0 and otherwise the caller sleeps
 * on its group's child-exit queue and runs the call again when woken (see sync.WaitQueue).
 * With no eligible child at all the answer is ECHILD. A zombie leader whose other threads
 * still run is not yet reapable. With WUNTRACED a child whose group has stopped is reported
 * once, with status (stop signal &lt;&lt; 8) | 0x7f; with WCONTINUED a child continued by
 * SIGCONT is reported once, with status 0xffff (Linux's wait_task_stopped and
 * wait_task_continued; the state lives in signal.GroupSignals).
 */
public final class Wait {
    private Wait() {}

    public static final int WNOHANG = 1, WUNTRACED = 2, WSTOPPED = 2, WEXITED = 4, WCONTINUED = 8,
            WNOWAIT = 0x01000000;
    public static final int __WNOTHREAD = 0x20000000, __WALL = 0x40000000, __WCLONE = 0x80000000;

    /**
     * wait4(pid, status, options, rusage) for {@code caller}. Writes the wait status and
     * rusage (the child's and its waited-for children's, see {@link Rusage}) if their
     * pointers are non-zero.
     * Returns the reaped child's pid, 0 (WNOHANG, none ready), -ECHILD, -EINVAL, -EFAULT
     * (the child is reaped all the same, as in Linux), or -BLOCKED with the caller queued.
     */
    public static long wait4(Tasks ts, Task caller, int pid, long statusAddr, int options, long rusageAddr) {
        if ((options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | __WCLONE | __WALL)) != 0) {
            return -Errno.EINVAL;
        }
        if (pid == Integer.MIN_VALUE) return -Errno.ESRCH; // -INT_MIN cannot be negated
        boolean anyEligible = false;
        for (Task child : candidates(caller, options)) {
            if (!eligible(caller, child, pid, options)) continue;
            anyEligible = true;
            if (child.state == TaskState.ZOMBIE && Exit.groupEmpty(child)) {
                return reap(ts, caller, child, statusAddr, rusageAddr);
            }
            int report = jobControlStatus(child, options, true);
            if (report != 0) {
                try {
                    if (statusAddr != 0) caller.mm.write32(statusAddr, report);
                    if (rusageAddr != 0) writeRusage(caller.mm, rusageAddr, usageOf(child));
                } catch (MmException e) {
                    return -Errno.EFAULT;
                }
                return child.tgid;
            }
        }
        if (!anyEligible) return -Errno.ECHILD;
        if ((options & WNOHANG) != 0) return 0;
        caller.signal.childExit.add(caller);
        return -Errno.BLOCKED;
    }

    /** The wait status of a stopped child: the stop signal in bits 8..15, 0x7f below (WIFSTOPPED). */
    public static final int STOPPED_LOW = 0x7f;
    /** The wait status of a continued child (WIFCONTINUED). */
    public static final int CONTINUED_STATUS = 0xffff;

    /**
     * The stop or continue report {@code options} ask for and {@code child}'s group has not
     * given yet, as a wait status, or 0; {@code consume} uses it up (not with WNOWAIT).
     */
    private static int jobControlStatus(Task child, int options, boolean consume) {
        if (child.signal.live == 0) return 0;
        if ((options & WUNTRACED) != 0) {
            int sig = child.signal.signals().takeStopReport(consume);
            if (sig != 0) return sig << 8 | STOPPED_LOW;
        }
        if ((options & WCONTINUED) != 0 && child.signal.signals().takeContinueReport(consume)) return CONTINUED_STATUS;
        return 0;
    }

    /** waitid's idtype values. */
    public static final int P_ALL = 0, P_PID = 1, P_PGID = 2, P_PIDFD = 3;
    /** si_code values of a SIGCHLD siginfo. */
    public static final int CLD_EXITED = 1, CLD_KILLED = 2, CLD_DUMPED = 3;
    /** sizeof(siginfo_t). */
    public static final int SIGINFO_SIZE = 128;

    /**
     * waitid(idtype, id, infop, options, rusage): as wait4, but the child is chosen by
     * P_ALL, P_PID or P_PGID (P_PIDFD is not supported: EINVAL), at least WEXITED must be
     * asked for, WNOWAIT leaves the zombie in place, and the result is a siginfo_t
     * (si_signo SIGCHLD, si_code CLD_EXITED/KILLED/DUMPED, si_pid, si_uid the child's real
     * uid, si_status).
     * Returns 0; with WNOHANG and nothing to report the siginfo is zeroed.
     */
    public static long waitid(Tasks ts, Task caller, int idtype, long id, long infop, int options, long rusageAddr) {
        if ((options & ~(WNOHANG | WNOWAIT | WEXITED | WSTOPPED | WCONTINUED | __WNOTHREAD | __WCLONE | __WALL)) != 0
                || (options & (WEXITED | WSTOPPED | WCONTINUED)) == 0) {
            return -Errno.EINVAL;
        }
        int pid;
        switch (idtype) {
            case P_ALL -> pid = -1;
            case P_PID -> {
                if (id <= 0 || id > Integer.MAX_VALUE) return -Errno.EINVAL;
                pid = (int) id;
            }
            case P_PGID -> {
                if (id < 0 || id > Integer.MAX_VALUE) return -Errno.EINVAL;
                pid = id == 0 ? 0 : (int) -id;
            }
            default -> {
                return -Errno.EINVAL;
            }
        }
        boolean anyEligible = false;
        Task found = null;
        for (Task child : candidates(caller, options)) {
            if (!eligible(caller, child, pid, options)) continue;
            anyEligible = true;
            if ((options & WEXITED) != 0 && child.state == TaskState.ZOMBIE && Exit.groupEmpty(child)) {
                found = child;
                break;
            }
            int report = jobControlStatus(child, options & (WSTOPPED | WCONTINUED), (options & WNOWAIT) == 0);
            if (report != 0) {
                byte[] info = new byte[SIGINFO_SIZE];
                boolean stopped = report != CONTINUED_STATUS;
                putInt(info, 0, Signals.SIGCHLD);
                putInt(info, 8, stopped ? signal.SigInfo.CLD_STOPPED : signal.SigInfo.CLD_CONTINUED);
                putInt(info, 16, child.tgid);
                putInt(info, 20, child.cred.uid());
                putInt(info, 24, stopped ? report >> 8 : Signals.SIGCONT);
                if (infop != 0 && caller.mm.copyOut(infop, info, 0, info.length) != vm.AddressSpace.NO_FAULT) {
                    return -Errno.EFAULT;
                }
                return 0;
            }
        }
        if (!anyEligible) return -Errno.ECHILD;
        if (found == null && (options & WNOHANG) == 0) {
            caller.signal.childExit.add(caller);
            return -Errno.BLOCKED;
        }
        byte[] info = new byte[SIGINFO_SIZE];
        if (found != null) {
            int status = found.signal.groupExit ? found.signal.groupExitStatus : found.exitCode;
            int sig = status & 0x7f;
            putInt(info, 0, Signals.SIGCHLD);
            putInt(info, 8, sig == 0 ? CLD_EXITED : (status & Signals.CORE_BIT) != 0 ? CLD_DUMPED : CLD_KILLED);
            putInt(info, 16, found.tgid);
            putInt(info, 20, found.cred.uid());
            putInt(info, 24, sig == 0 ? (status >> 8) & 0xff : sig);
            Rusage usage = usageOf(found);
            caller.happensBefore.acquire(caller, found.signal); // the race detector: all the child did
            if ((options & WNOWAIT) == 0) {
                Rusage.childReaped(caller.signal, usage);
                Exit.release(ts, found);
            }
            try {
                if (rusageAddr != 0) writeRusage(caller.mm, rusageAddr, usage);
            } catch (MmException e) {
                return -Errno.EFAULT;
            }
        }
        if (infop != 0 && caller.mm.copyOut(infop, info, 0, info.length) != vm.AddressSpace.NO_FAULT) {
            return -Errno.EFAULT;
        }
        return 0;
    }

    private static void putInt(byte[] b, int off, int v) {
        for (int i = 0; i < 4; i++) b[off + i] = (byte) (v >>> (8 * i));
    }

    /** The children of the caller's whole group (or its own with __WNOTHREAD), in order. */
    private static List<Task> candidates(Task caller, int options) {
        List<Task> all = new ArrayList<>();
        if ((options & __WNOTHREAD) != 0) {
            all.addAll(caller.children);
        } else {
            for (Task thread : caller.signal.threads) all.addAll(thread.children);
        }
        return all;
    }

    /** eligible_pid and eligible_child: does {@code pid} select it, and is its kind wanted? */
    private static boolean eligible(Task caller, Task child, int pid, int options) {
        if (pid > 0 && child.tgid != pid) return false;
        if (pid == 0 && child.signal.pgid != caller.signal.pgid) return false;
        if (pid < -1 && child.signal.pgid != -pid) return false;
        if ((options & __WALL) != 0) return true;
        boolean cloneChild = child.exitSignal != Signals.SIGCHLD;
        return cloneChild == ((options & __WCLONE) != 0);
    }

    /** Collects the status, releases the zombie, then writes status and rusage. */
    private static long reap(Tasks ts, Task caller, Task child, long statusAddr, long rusageAddr) {
        int status = child.signal.groupExit ? child.signal.groupExitStatus : child.exitCode;
        int pid = child.tgid;
        Rusage usage = usageOf(child);
        Rusage.childReaped(caller.signal, usage);
        caller.happensBefore.acquire(caller, child.signal); // the race detector: all the child did
        Exit.release(ts, child);
        try {
            if (statusAddr != 0) caller.mm.write32(statusAddr, status);
            if (rusageAddr != 0) writeRusage(caller.mm, rusageAddr, usage);
        } catch (MmException e) {
            return -Errno.EFAULT;
        }
        return pid;
    }

    /** What wait reports of {@code child}: its whole process's figures and its waited-for children's (RUSAGE_BOTH). */
    private static Rusage usageOf(Task child) {
        return Rusage.self(child.signal).plus(Rusage.children(child.signal));
    }

    /** Writes {@code usage} as a struct rusage at {@code addr}, in one copy. */
    static void writeRusage(mm.Mm mm, long addr, Rusage usage) throws MmException {
        byte[] buf = usage.toBytes();
        if (mm.copyOut(addr, buf, 0, buf.length) != vm.AddressSpace.NO_FAULT) {
            throw new MmException(Errno.EFAULT, addr, "rusage");
        }
    }
}
