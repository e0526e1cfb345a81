package signal;

import mm.MmException;
import task.Task;
import task.Tasks;
import vm.Context;
import vm.Isa;

/**
 * What happens to a system call that was asleep when a handler is to run: restart it after
 * the handler (SA_RESTART), or end it with EINTR. In Clonix a sleeping call has been
 * rewound onto its syscall instruction (sync.WaitQueue), so restarting means leaving it so,
 * and EINTR means stepping past the instruction with a0 = -EINTR after undoing the sleep's
 * bookkeeping. Which calls restart follows man 7 signal: the ones Linux ends with
 * ERESTARTNOHAND or ERESTART_RESTARTBLOCK are interrupted even under SA_RESTART.
 */
final class SyscallRestart {
    private SyscallRestart() {}

    static final int SYS_POLL = 7, SYS_SELECT = 23, SYS_PAUSE = 34, SYS_NANOSLEEP = 35, SYS_RT_SIGTIMEDWAIT = 128,
            SYS_RT_SIGSUSPEND = 130, SYS_FUTEX = 202, SYS_CLOCK_NANOSLEEP = 230, SYS_EPOLL_WAIT = 232,
            SYS_PSELECT6 = 270, SYS_PPOLL = 271, SYS_EPOLL_PWAIT = 281;
    private static final int TIMER_ABSTIME = 1;
    private static final long NANOS = 1_000_000_000L;

    /** True if call {@code nr} of {@code t} is restarted after a handler with SA_RESTART. */
    static boolean restartable(Task t, int nr) {
        return switch (nr) {
            case SYS_POLL, SYS_SELECT, SYS_PAUSE, SYS_NANOSLEEP, SYS_RT_SIGTIMEDWAIT, SYS_RT_SIGSUSPEND,
                    SYS_CLOCK_NANOSLEEP, SYS_EPOLL_WAIT, SYS_PSELECT6, SYS_PPOLL, SYS_EPOLL_PWAIT -> false;
            // A futex wait with a timeout ends like a sleep (ERESTART_RESTARTBLOCK).
            case SYS_FUTEX -> t.sleepDeadline() < 0;
            default -> true;
        };
    }

    /**
     * True if call {@code nr} of {@code t} is a FUTEX_LOCK_PI or FUTEX_LOCK_PI2, which a handler
     * never ends with EINTR, SA_RESTART or not: Linux restarts it (ERESTARTNOINTR).
     */
    static boolean restartsAlways(Task t, int nr) {
        if (nr != SYS_FUTEX) return false;
        int cmd = (int) t.context().regs[Isa.A1] & futex.Futex.FUTEX_CMD_MASK;
        return cmd == futex.Futex.FUTEX_LOCK_PI || cmd == futex.Futex.FUTEX_LOCK_PI2;
    }

    /**
     * Takes {@code t}, asleep in FUTEX_LOCK_PI, off its lock while its handler runs: it stops
     * lending its priority, and the call, still rewound, starts afresh after the handler.
     */
    static void leaveLockForHandler(Tasks ts, Task t) {
        ts.futex().cancel(t);
        t.setFutexWait(null, 0);
        t.setSleepDeadline(-1);
    }

    /**
     * Ends {@code t}'s rewound call {@code nr} with EINTR: leaves its futex queue, drops its
     * timer (writing what was left of a relative nanosleep to rem, and of a select,
     * pselect6 or ppoll timeout to that timeout, as Linux does), leaves poll's queues, forgets a
     * sigtimedwait set, and steps past the syscall instruction with a0 = -EINTR.
     */
    static void interrupt(Tasks ts, Task t, int nr, long now) {
        Context ctx = t.context();
        if (nr == SYS_FUTEX) {
            ts.futex().cancel(t);
            t.setFutexWait(null, 0);
            t.setFutexWoken(false);
        }
        if (t.sleepDeadline() >= 0) {
            long left = Math.max(0, t.sleepDeadline() - now);
            long rem = nr == SYS_NANOSLEEP ? ctx.regs[Isa.A1]
                    : nr == SYS_CLOCK_NANOSLEEP && (ctx.regs[Isa.A1] & TIMER_ABSTIME) == 0 ? ctx.regs[Isa.A3] : 0;
            if (rem != 0) {
                try {
                    t.mm().write64(rem, left / NANOS);
                    t.mm().write64(rem + 8, left % NANOS);
                } catch (MmException e) {
                    // Linux ignores a bad rem here too: the call still fails with EINTR.
                }
            }
            writeRemainingTimeout(t, nr, left);
            t.setSleepDeadline(-1);
        }
        if (nr == SYS_POLL || nr == SYS_PPOLL || nr == SYS_SELECT || nr == SYS_PSELECT6
                || nr == SYS_EPOLL_WAIT || nr == SYS_EPOLL_PWAIT) {
            t.pollTable().detach();
        }
        t.signals().waitSet = 0;
        ctx.regs[Isa.A0] = -syscall.Errno.EINTR;
        ctx.pc += Isa.INSN_BYTES;
    }

    /**
     * select, pselect6 and ppoll interrupted while waiting with a timeout write back what
     * was left of it, a struct timeval for select and a timespec for the others, as
     * Linux's poll_select_finish does; a timeout the caller cannot write is left alone.
     */
    private static void writeRemainingTimeout(Task t, int nr, long left) {
        long[] regs = t.context().regs;
        long addr = nr == SYS_SELECT || nr == SYS_PSELECT6 ? regs[Isa.A4] : nr == SYS_PPOLL ? regs[Isa.A2] : 0;
        if (addr == 0) return;
        try {
            t.mm().write64(addr, left / NANOS);
            t.mm().write64(addr + 8, nr == SYS_SELECT ? left % NANOS / 1000 : left % NANOS);
        } catch (MmException e) {
            // Left unchanged, as Linux leaves it.
        }
    }
}
