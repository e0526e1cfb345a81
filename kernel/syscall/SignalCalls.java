package syscall;

import mm.MmException;
import sched.Scheduler;
import signal.Alarm;
import signal.SigInfo;
import signal.SigSet;
import signal.SignalControl;
import signal.SignalSend;
import task.Task;
import task.TaskState;
import task.Tasks;

/**
 * The signal system calls, Linux x86-64 numbers: rt_sigaction, rt_sigprocmask,
 * rt_sigreturn, rt_sigpending, rt_sigtimedwait, rt_sigqueueinfo, rt_sigsuspend,
 * sigaltstack, rt_tgsigqueueinfo, kill, tkill, tgkill, pause and alarm. This file maps registers to arguments and copies user memory; the work is in
 * package signal (docs/kernel.md, "Signals"). Every sigset_t the kernel takes or gives is
 * the kernel's 8-byte set: a sigsetsize other than 8 is EINVAL, as on Linux.
 */
public final class SignalCalls {
    private SignalCalls() {}

    /** The kernel's sizeof(sigset_t). */
    static final int SIGSET_SIZE = 8;
    /** rt_sigprocmask's how. */
    static final int SIG_BLOCK = 0, SIG_UNBLOCK = 1, SIG_SETMASK = 2;

    /** Registers the signal calls on {@code table}. */
    public static void register(SyscallTable table, Tasks ts, Scheduler sched) {
        table.register(13, "rt_sigaction", (t, a) -> rtSigaction(ts, t, (int) a[0], a[1], a[2], a[3]));
        table.register(14, "rt_sigprocmask", (t, a) -> rtSigprocmask(ts, t, (int) a[0], a[1], a[2], a[3]));
        table.register(15, "rt_sigreturn", (t, a) -> SignalControl.sigreturn(ts, t));
        table.register(127, "rt_sigpending", (t, a) -> {
            if (a[1] != SIGSET_SIZE) return -Errno.EINVAL;
            return putSet(t, a[0], SignalControl.pending(t));
        });
        table.register(128, "rt_sigtimedwait", (t, a) -> rtSigtimedwait(ts, sched, t, a[0], a[1], a[2], a[3]));
        table.register(130, "rt_sigsuspend", (t, a) -> {
            if (a[1] != SIGSET_SIZE) return -Errno.EINVAL;
            long mask;
            try {
                mask = t.mm().read64(a[0]);
            } catch (MmException e) {
                return -e.errno();
            }
            return SignalControl.sigsuspend(t, mask);
        });
        table.register(129, "rt_sigqueueinfo", (t, a) -> rtSigqueueinfo(ts, t, (int) a[0], 0, (int) a[1], a[2]));
        table.register(297, "rt_tgsigqueueinfo", (t, a) -> {
            if (a[0] <= 0 || a[1] <= 0) return -Errno.EINVAL;
            return rtSigqueueinfo(ts, t, (int) a[0], (int) a[1], (int) a[2], a[3]);
        });
        table.register(131, "sigaltstack", (t, a) -> SignalControl.sigaltstack(t, a[0], a[1]));
        table.register(62, "kill", (t, a) -> SignalSend.kill(ts, t, (int) a[0], (int) a[1]));
        table.register(200, "tkill", (t, a) -> SignalSend.tgkill(ts, t, 0, (int) a[0], (int) a[1], false));
        table.register(234, "tgkill", (t, a) -> SignalSend.tgkill(ts, t, (int) a[0], (int) a[1], (int) a[2], true));
        table.register(37, "alarm", (t, a) -> Alarm.alarm(ts, sched, t, a[0] & 0xffff_ffffL));
        table.register(34, "pause", (t, a) -> {
            t.sleep(TaskState.INTERRUPTIBLE, "pause");
            return -Errno.BLOCKED;
        });
    }

    /**
     * rt_sigaction(sig, act, oact, sigsetsize): reads struct kernel_sigaction {handler,
     * flags, restorer, mask} (8 bytes each) from act, writes the old one to oact. EINVAL for
     * a bad signal or size, or for catching or ignoring SIGKILL or SIGSTOP; EFAULT.
     */
    static long rtSigaction(Tasks ts, Task t, int sig, long act, long oact, long size) {
        if (size != SIGSET_SIZE) return -Errno.EINVAL;
        long[] fresh = null;
        if (act != 0) { // read before the checks, as Linux copies act in first (EFAULT wins)
            fresh = new long[4];
            try {
                for (int i = 0; i < 4; i++) fresh[i] = t.mm().read64(act + 8L * i);
            } catch (MmException e) {
                return -e.errno();
            }
        }
        if (!SigSet.valid(sig) || (act != 0 && SigSet.has(SigSet.KERNEL_ONLY, sig))) return -Errno.EINVAL;
        long[] old = {t.sighand().handler(sig), t.sighand().flags(sig), t.sighand().restorer(sig), t.sighand().mask(sig)};
        if (fresh != null) SignalControl.setAction(ts, t, sig, fresh[0], fresh[1], fresh[2], fresh[3]);
        if (oact != 0) {
            try {
                for (int i = 0; i < 4; i++) t.mm().write64(oact + 8L * i, old[i]);
            } catch (MmException e) {
                return -e.errno();
            }
        }
        return 0;
    }

    /** rt_sigprocmask(how, set, oset, sigsetsize): EINVAL for a bad how or size; EFAULT. */
    static long rtSigprocmask(Tasks ts, Task t, int how, long set, long oset, long size) {
        if (size != SIGSET_SIZE) return -Errno.EINVAL;
        long old = t.signals().blocked();
        if (set != 0) {
            long mask;
            try {
                mask = t.mm().read64(set);
            } catch (MmException e) {
                return -e.errno();
            }
            long blocked;
            switch (how) {
                case SIG_BLOCK -> blocked = old | mask;
                case SIG_UNBLOCK -> blocked = old & ~mask;
                case SIG_SETMASK -> blocked = mask;
                default -> {
                    return -Errno.EINVAL;
                }
            }
            SignalControl.setBlocked(ts, t, blocked);
        }
        return oset == 0 ? 0 : putSet(t, oset, old);
    }

    /**
     * rt_sigtimedwait(set, info, timeout, sigsetsize): takes a pending signal of set, writing
     * its siginfo_t to info (if not null), and returns its number; sleeps until one comes, or
     * until the timeout (EAGAIN; a zero timeout only polls). See SignalControl.sigtimedwait.
     */
    static long rtSigtimedwait(Tasks ts, Scheduler sched, Task t, long set, long info, long timeout, long size) {
        if (size != SIGSET_SIZE) return -Errno.EINVAL;
        long mask, nanos = -1;
        try {
            mask = t.mm().read64(set);
            if (timeout != 0) {
                long sec = t.mm().read64(timeout), nsec = t.mm().read64(timeout + 8);
                if (sec < 0 || nsec < 0 || nsec >= 1_000_000_000L) return -Errno.EINVAL;
                nanos = sec > Long.MAX_VALUE / 2_000_000_000L ? Long.MAX_VALUE / 2 : sec * 1_000_000_000L + nsec;
            }
        } catch (MmException e) {
            return -e.errno();
        }
        SigInfo[] got = new SigInfo[1];
        long r = SignalControl.sigtimedwait(sched, t, mask, nanos, got);
        if (r > 0 && info != 0) {
            byte[] b = got[0].toBytes();
            if (t.mm().copyOut(info, b, 0, b.length) != vm.AddressSpace.NO_FAULT) return -Errno.EFAULT;
        }
        return r;
    }

    /** rt_sigqueueinfo and rt_tgsigqueueinfo: reads the caller's 128-byte siginfo (EFAULT), then SignalSend.sigqueue. */
    static long rtSigqueueinfo(Tasks ts, Task t, int tgid, int tid, int sig, long uinfo) {
        byte[] b = new byte[SigInfo.SIZE];
        if (t.mm().copyIn(uinfo, b, 0, b.length) != vm.AddressSpace.NO_FAULT) return -Errno.EFAULT;
        return SignalSend.sigqueue(ts, t, tgid, tid, SigInfo.queued(sig, b));
    }

    private static long putSet(Task t, long addr, long set) {
        try {
            t.mm().write64(addr, set);
        } catch (MmException e) {
            return -e.errno();
        }
        return 0;
    }
}
