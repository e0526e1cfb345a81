package syscall;

import fs.Vfs;
import java.util.function.Supplier;
import mm.MmException;
import poll.PollFds;
import poll.PollWait;
import poll.Select;
import sched.Scheduler;
import signal.SignalControl;
import task.Task;
import task.Tasks;

/**
 * Waiting for descriptors: poll, ppoll, select and pselect6 (the work is in package poll),
 * and, registered from here, epoll ({@link EpollCalls}) and the event descriptors
 * ({@link EventFdCalls}). This layer reads the timeouts and signal masks in their user
 * layouts, in Linux's order of checks, and writes back what remains of the timeout:
 * select's timeval, and ppoll's and pselect6's timespec (glibc hands the kernel a copy,
 * so C programs see that only through select).
 *
 * <p>ppoll and pselect6 block the signals of their mask while they wait and restore the
 * caller's mask when they return, unless a handler interrupted them, in which case the
 * handler's frame restores it (see signal.SignalControl#setTemporaryMask).
 */
public final class PollCalls {
    private PollCalls() {}

    /** The kernel's sigset_t: 64 signals in 8 bytes; ppoll's and pselect6's sigsetsize must say so. */
    static final long SIGSET_SIZE = 8;
    private static final long NANOS = 1_000_000_000L;

    /**
     * Registers poll, select, pselect6, ppoll, then the epoll and event-descriptor calls;
     * {@code current} gives the task whose call is running (see EventFdCalls).
     */
    public static void register(SyscallTable table, Tasks ts, Scheduler sched, Vfs vfs, Supplier<Task> current) {
        table.register(7, "poll", (t, a) -> PollFds.poll(sched, t, mem(t), a[0], a[1],
                PollWait.millisNanos((int) a[2]), "do_sys_poll", left -> {}));
        table.register(23, "select", (t, a) -> select(sched, t, (int) a[0], a[1], a[2], a[3], a[4]));
        table.register(270, "pselect6", (t, a) -> pselect6(sched, t, (int) a[0], a[1], a[2], a[3], a[4], a[5]));
        table.register(271, "ppoll", (t, a) -> ppoll(sched, t, a[0], a[1], a[2], a[3], a[4]));
        EpollCalls.register(table, vfs, sched);
        EventFdCalls.register(table, ts, sched, vfs, current);
    }

    /**
     * select(nfds, readfds, writefds, exceptfds, timeout): a struct timeval timeout (null: for
     * ever), EFAULT if it cannot be read, EINVAL if negative; microseconds past a second
     * carry into the seconds, as Linux's kern_select takes them. What remains is written back.
     */
    static long select(Scheduler sched, Task t, int nfds, long inp, long outp, long exp, long tvp) {
        long timeout = PollWait.FOREVER;
        if (tvp != 0) {
            try {
                long sec = t.mm().read64(tvp), usec = t.mm().read64(tvp + 8);
                timeout = PollWait.timespecNanos(sec + usec / 1_000_000, usec % 1_000_000 * 1000);
            } catch (MmException e) {
                return PollWait.fail(t, e.errno());
            }
            if (timeout < 0) return PollWait.fail(t, Errno.EINVAL);
        }
        return Select.select(sched, t, mem(t), nfds, inp, outp, exp, timeout, "do_select",
                left -> writeBack(t, tvp, left / NANOS, left % NANOS / 1000));
    }

    /**
     * pselect6(nfds, readfds, writefds, exceptfds, timeout, sig): select with a timespec and,
     * through {@code sig} (a struct {const sigset_t *ss; size_t ss_len}), a signal mask for
     * the wait. Linux's order: EFAULT for sig, EFAULT then EINVAL for the timeout, EINVAL for
     * an ss_len that is not 8, EFAULT for the set, then select's errors.
     */
    static long pselect6(Scheduler sched, Task t, int nfds, long inp, long outp, long exp, long tsp, long sig) {
        long ss = 0, ssLen = 0;
        try {
            if (sig != 0) {
                ss = t.mm().read64(sig);
                ssLen = t.mm().read64(sig + 8);
            }
        } catch (MmException e) {
            return PollWait.fail(t, e.errno());
        }
        long timeout = readTimespec(t, tsp);
        if (timeout < 0) return PollWait.fail(t, -timeout);
        long masked = setMask(t, ss, ssLen);
        if (masked < 0) return PollWait.fail(t, -masked);
        long r = Select.select(sched, t, mem(t), nfds, inp, outp, exp, timeout, "do_select",
                left -> writeBack(t, tsp, left / NANOS, left % NANOS));
        if (r != -Errno.BLOCKED && ss != 0) SignalControl.restoreTemporaryMask(t);
        return r;
    }

    /**
     * ppoll(fds, nfds, timeout, sigmask, sigsetsize): poll with a timespec (null: for ever)
     * and a signal mask for the wait. Linux's order: EFAULT then EINVAL for the timeout,
     * EINVAL for a sigsetsize that is not 8, EFAULT for the mask, then poll's errors.
     */
    static long ppoll(Scheduler sched, Task t, long fds, long nfds, long tsp, long sigmask, long sigsetsize) {
        long timeout = readTimespec(t, tsp);
        if (timeout < 0) return PollWait.fail(t, -timeout);
        long masked = setMask(t, sigmask, sigsetsize);
        if (masked < 0) return PollWait.fail(t, -masked);
        long r = PollFds.poll(sched, t, mem(t), fds, nfds, timeout, "do_sys_poll",
                left -> writeBack(t, tsp, left / NANOS, left % NANOS));
        if (r != -Errno.BLOCKED && sigmask != 0) SignalControl.restoreTemporaryMask(t);
        return r;
    }

    /**
     * The timeout of a struct timespec at {@code tsp} in nanoseconds: FOREVER for a null
     * pointer, -EFAULT if it cannot be read, -EINVAL if it is not a valid time.
     */
    static long readTimespec(Task t, long tsp) {
        if (tsp == 0) return PollWait.FOREVER;
        try {
            return PollWait.timespecNanos(t.mm().read64(tsp), t.mm().read64(tsp + 8));
        } catch (MmException e) {
            return -e.errno();
        }
    }

    /**
     * Installs the mask at {@code sigmask} for the wait (Linux's set_user_sigmask): nothing
     * for a null pointer, -EINVAL if {@code size} is not 8, -EFAULT if it cannot be read.
     */
    static long setMask(Task t, long sigmask, long size) {
        if (sigmask == 0) return 0;
        if (size != SIGSET_SIZE) return -Errno.EINVAL;
        try {
            SignalControl.setTemporaryMask(t, t.mm().read64(sigmask));
        } catch (MmException e) {
            return -e.errno();
        }
        return 0;
    }

    /**
     * Writes what remains of a timeout back to the caller's struct timeval or timespec. A
     * timeout in memory the caller cannot write is left alone, as Linux's poll_select_finish
     * leaves it: the call has succeeded and must not fail now.
     */
    private static void writeBack(Task t, long addr, long sec, long sub) {
        try {
            t.mm().write64(addr, sec);
            t.mm().write64(addr + 8, sub);
        } catch (MmException e) {
            // Left unchanged: see above.
        }
    }

    static MmUserMemory mem(Task t) {
        return new MmUserMemory(t.mm());
    }
}
