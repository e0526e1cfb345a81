package syscall;

import mm.MmException;
import sched.Scheduler;
import signal.IntervalTimers;
import signal.PosixTimers;
import task.Task;
import task.Tasks;
import vm.AddressSpace;

/**
 * The timers that send signals: the interval timers, getitimer 36 and setitimer 38
 * (signal.IntervalTimers), and the POSIX timers, timer_create 222, timer_settime 223,
 * timer_gettime 224, timer_getoverrun 225 and timer_delete 226 (signal.PosixTimers). This
 * file moves struct itimerval (two struct timeval) and struct itimerspec (two struct
 * timespec) between user memory and nanoseconds, and checks what Linux's system calls check,
 * in their order: EFAULT for what they read, EINVAL for a bad time, a bad which or a timer
 * the process does not have, and EFAULT for what they write last.
 */
public final class TimerCalls {
    private TimerCalls() {}

    private static final long NANOS = 1_000_000_000L, MICROS = 1_000_000L;
    /** sizeof(struct sigevent) on x86-64. */
    static final int SIGEVENT_SIZE = 64;

    /** Registers the seven calls on {@code table}. */
    public static void register(SyscallTable table, Tasks ts, Scheduler sched) {
        table.register(36, "getitimer", (t, a) -> getitimer(sched, t, (int) a[0], a[1]));
        table.register(38, "setitimer", (t, a) -> setitimer(ts, sched, t, (int) a[0], a[1], a[2]));
        table.register(222, "timer_create", (t, a) -> timerCreate(ts, sched, t, (int) a[0], a[1], a[2]));
        table.register(223, "timer_settime", (t, a) -> timerSettime(ts, t, (int) a[0], (int) a[1], a[2], a[3]));
        table.register(224, "timer_gettime", (t, a) -> timerGettime(t, (int) a[0], a[1]));
        table.register(225, "timer_getoverrun", (t, a) -> {
            if (!PosixTimers.exists(t, (int) a[0])) return -Errno.EINVAL;
            return PosixTimers.overrun(t, (int) a[0]);
        });
        table.register(226, "timer_delete", (t, a) -> {
            if (!PosixTimers.exists(t, (int) a[0])) return -Errno.EINVAL;
            PosixTimers.delete(ts, t, (int) a[0]);
            return 0;
        });
    }

    /** getitimer(which, value): EINVAL for a which other than 0..2, then EFAULT. */
    static long getitimer(Scheduler sched, Task t, int which, long addr) {
        if (which < IntervalTimers.ITIMER_REAL || which > IntervalTimers.ITIMER_PROF) return -Errno.EINVAL;
        return writeItimerval(t, addr, IntervalTimers.get(sched, t, which));
    }

    /**
     * setitimer(which, value, ovalue): EFAULT if value cannot be read (a null value disarms,
     * as Linux allows), EINVAL for a negative time or microseconds out of 0..999999, EINVAL
     * for a bad which, then EFAULT if ovalue cannot be written (the timer is set all the same).
     */
    static long setitimer(Tasks ts, Scheduler sched, Task t, int which, long value, long ovalue) {
        IntervalTimers.Setting fresh = IntervalTimers.Setting.DISARMED;
        if (value != 0) {
            long[] v = new long[4];
            try {
                for (int i = 0; i < 4; i++) v[i] = t.mm().read64(value + 8L * i);
            } catch (MmException e) {
                return -Errno.EFAULT;
            }
            for (int i = 0; i < 4; i += 2) if (v[i] < 0 || v[i + 1] < 0 || v[i + 1] >= MICROS) return -Errno.EINVAL;
            fresh = new IntervalTimers.Setting(nanos(v[2], v[3] * 1000), nanos(v[0], v[1] * 1000));
        }
        if (which < IntervalTimers.ITIMER_REAL || which > IntervalTimers.ITIMER_PROF) return -Errno.EINVAL;
        IntervalTimers.Setting old = IntervalTimers.set(ts, sched, t, which, fresh);
        return ovalue == 0 ? 0 : writeItimerval(t, ovalue, old);
    }

    /**
     * timer_create(clockid, sevp, timerid): EFAULT if sevp cannot be read, then
     * PosixTimers.create's errors; EFAULT if the id cannot be written, the timer being
     * deleted again, as Linux does.
     */
    static long timerCreate(Tasks ts, Scheduler sched, Task t, int clock, long sevp, long timerid) {
        PosixTimers.SigEvent event = null;
        if (sevp != 0) {
            byte[] b = new byte[SIGEVENT_SIZE];
            if (t.mm().copyIn(sevp, b, 0, SIGEVENT_SIZE) != AddressSpace.NO_FAULT) return -Errno.EFAULT;
            event = new PosixTimers.SigEvent(getInt(b, 0) & 0xffff_ffffL | (long) getInt(b, 4) << 32,
                    getInt(b, 8), getInt(b, 12), getInt(b, 16));
        }
        long id = PosixTimers.create(ts, sched, t, clock, event);
        if (id < 0) return id;
        try {
            t.mm().write32(timerid, (int) id);
        } catch (MmException e) {
            PosixTimers.delete(ts, t, (int) id);
            return -Errno.EFAULT;
        }
        return 0;
    }

    /**
     * timer_settime(timerid, flags, new_value, old_value): EINVAL for a null new_value,
     * EFAULT if it cannot be read, EINVAL for a bad timespec, EINVAL for an unknown timer,
     * then EFAULT if old_value cannot be written.
     */
    static long timerSettime(Tasks ts, Task t, int id, int flags, long newAddr, long oldAddr) {
        if (newAddr == 0) return -Errno.EINVAL;
        long[] v = new long[4];
        try {
            for (int i = 0; i < 4; i++) v[i] = t.mm().read64(newAddr + 8L * i);
        } catch (MmException e) {
            return -Errno.EFAULT;
        }
        for (int i = 0; i < 4; i += 2) if (v[i] < 0 || v[i + 1] < 0 || v[i + 1] >= NANOS) return -Errno.EINVAL;
        if (!PosixTimers.exists(t, id)) return -Errno.EINVAL;
        // CLOCK_REALTIME reads the boot epoch more than the timers' virtual-time scale.
        long offset = PosixTimers.clock(t, id) == PosixTimers.CLOCK_REALTIME ? TimeCalls.BOOT_EPOCH_SECONDS * NANOS : 0;
        PosixTimers.Setting old = PosixTimers.set(ts, t, id, flags, nanos(v[2], v[3]), nanos(v[0], v[1]), offset);
        return oldAddr == 0 ? 0 : writeItimerspec(t, oldAddr, old);
    }

    /** timer_gettime(timerid, curr_value): EINVAL for an unknown timer, then EFAULT. */
    static long timerGettime(Task t, int id, long addr) {
        if (!PosixTimers.exists(t, id)) return -Errno.EINVAL;
        return writeItimerspec(t, addr, PosixTimers.get(t, id));
    }

    /** seconds and nanoseconds (both valid) as nanoseconds, held at Long.MAX_VALUE / 2 (never). */
    private static long nanos(long sec, long nsec) {
        return sec >= Long.MAX_VALUE / 2 / NANOS ? Long.MAX_VALUE / 2 : sec * NANOS + nsec;
    }

    /** Writes a struct itimerval {it_interval, it_value}, microseconds rounded down: 0 or -EFAULT. */
    private static long writeItimerval(Task t, long addr, IntervalTimers.Setting s) {
        return write(t, addr, new long[] {s.interval() / NANOS, s.interval() % NANOS / 1000, s.value() / NANOS, s.value() % NANOS / 1000});
    }

    /** Writes a struct itimerspec {it_interval, it_value}: 0 or -EFAULT. */
    private static long writeItimerspec(Task t, long addr, PosixTimers.Setting s) {
        return write(t, addr, new long[] {s.interval() / NANOS, s.interval() % NANOS, s.value() / NANOS, s.value() % NANOS});
    }

    /** Writes four longs in one copy, so a bad pointer changes nothing: 0 or -EFAULT. */
    private static long write(Task t, long addr, long[] v) {
        byte[] b = new byte[32];
        for (int i = 0; i < 4; i++) for (int k = 0; k < 8; k++) b[8 * i + k] = (byte) (v[i] >>> (8 * k));
        return t.mm().copyOut(addr, b, 0, b.length) == AddressSpace.NO_FAULT ? 0 : -Errno.EFAULT;
    }

    private static int getInt(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | b[off + 3] << 24;
    }
}
