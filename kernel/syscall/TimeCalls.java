package syscall;

import mm.MmException;
import sched.Scheduler;
import task.Task;
import task.TaskState;
import task.Tasks;

/**
 * Time: clock_gettime, clock_getres, nanosleep, clock_nanosleep, gettimeofday, time and
 * sched_yield (the policy calls are in {@link SchedCalls}, registered from here). All time is
 * virtual, the scheduler's clock of one cycle per nanosecond, so a run never depends on the
 * host's clock. CLOCK_MONOTONIC, CLOCK_MONOTONIC_RAW and CLOCK_BOOTTIME are that clock (0 at
 * boot, and Clonix never suspends); CLOCK_REALTIME is the same clock plus a fixed boot epoch,
 * {@link #BOOT_EPOCH_SECONDS}, so every run boots at the same wall-clock instant. The CPU-time
 * clocks read the cycles the scheduler accounted to the thread, or to all its thread group.
 */
public final class TimeCalls {
    private TimeCalls() {}

    public static final int CLOCK_REALTIME = 0, CLOCK_MONOTONIC = 1, CLOCK_PROCESS_CPUTIME_ID = 2,
            CLOCK_THREAD_CPUTIME_ID = 3, CLOCK_MONOTONIC_RAW = 4, CLOCK_REALTIME_COARSE = 5,
            CLOCK_MONOTONIC_COARSE = 6, CLOCK_BOOTTIME = 7;
    /** clock_nanosleep's flag: the request is an absolute time of the clock, not a duration. */
    public static final int TIMER_ABSTIME = 1;
    /** CLOCK_REALTIME at boot: 2024-01-01T00:00:00Z, fixed so that runs are reproducible. */
    public static final long BOOT_EPOCH_SECONDS = 1_704_067_200L;
    private static final long NANOS = 1_000_000_000L;
    /** Every clock counts whole cycles, so its resolution is one nanosecond. */
    private static final long RESOLUTION_NANOS = 1;

    /** Registers the time calls, and the scheduling-policy calls, on {@code table}. */
    public static void register(SyscallTable table, Tasks ts, Scheduler sched) {
        // Back of the queue: the loop re-queues a task that is RUNNABLE after its call.
        table.register(24, "sched_yield", (t, a) -> {
            t.setState(TaskState.RUNNABLE);
            return 0;
        });
        table.register(35, "nanosleep", (t, a) -> nanosleep(sched, t, a[0]));
        table.register(96, "gettimeofday", (t, a) -> gettimeofday(sched, t, a[0], a[1]));
        table.register(201, "time", (t, a) -> time(sched, t, a[0]));
        table.register(228, "clock_gettime", (t, a) -> clockGettime(sched, t, (int) a[0], a[1]));
        table.register(229, "clock_getres", (t, a) -> clockGetres(t, (int) a[0], a[1]));
        table.register(230, "clock_nanosleep", (t, a) -> clockNanosleep(sched, t, (int) a[0], (int) a[1], a[2]));
        SchedCalls.register(table, ts, sched);
    }

    /** The value of {@code clock} for {@code t} in nanoseconds, or -1 for a clock Clonix does not know. */
    static long clockNanos(Scheduler sched, Task t, int clock) {
        switch (clock) {
            case CLOCK_REALTIME, CLOCK_REALTIME_COARSE:
                return BOOT_EPOCH_SECONDS * NANOS + sched.now();
            case CLOCK_MONOTONIC, CLOCK_MONOTONIC_RAW, CLOCK_MONOTONIC_COARSE, CLOCK_BOOTTIME:
                return sched.now();
            case CLOCK_PROCESS_CPUTIME_ID:
                // The whole thread group's, exited threads included (thread_group_cputime).
                return t.signal().cpuTime();
            case CLOCK_THREAD_CPUTIME_ID:
                return t.utime() + t.stime();
            default:
                return -1;
        }
    }

    /** Writes {@code nanos} as a struct timespec (tv_sec, tv_nsec) at {@code tp}: 0, or -EFAULT. */
    static long writeTimespec(Task t, long tp, long nanos) {
        try {
            t.mm().write64(tp, nanos / NANOS);
            t.mm().write64(tp + 8, nanos % NANOS);
        } catch (MmException e) {
            return -e.errno();
        }
        return 0;
    }

    /** clock_gettime(clockid, tp): EINVAL for an unknown clock (including other processes' CPU clocks), EFAULT. */
    static long clockGettime(Scheduler sched, Task t, int clock, long tp) {
        long nanos = clockNanos(sched, t, clock);
        return nanos < 0 ? -Errno.EINVAL : writeTimespec(t, tp, nanos);
    }

    /** clock_getres(clockid, res): one nanosecond for every clock; a null res only checks the clock. */
    static long clockGetres(Task t, int clock, long res) {
        if (clock < CLOCK_REALTIME || clock > CLOCK_BOOTTIME) return -Errno.EINVAL;
        return res == 0 ? 0 : writeTimespec(t, res, RESOLUTION_NANOS);
    }

    /** gettimeofday(tv, tz): CLOCK_REALTIME in microseconds; tz (if given) is UTC, no DST. */
    static long gettimeofday(Scheduler sched, Task t, long tv, long tz) {
        long nanos = clockNanos(sched, t, CLOCK_REALTIME);
        try {
            if (tv != 0) {
                t.mm().write64(tv, nanos / NANOS);
                t.mm().write64(tv + 8, nanos % NANOS / 1000);
            }
            if (tz != 0) t.mm().write64(tz, 0); // tz_minuteswest and tz_dsttime, two ints
        } catch (MmException e) {
            return -e.errno();
        }
        return 0;
    }

    /** time(tloc): CLOCK_REALTIME's seconds, also stored at tloc unless it is 0; EFAULT. */
    static long time(Scheduler sched, Task t, long tloc) {
        long seconds = clockNanos(sched, t, CLOCK_REALTIME) / NANOS;
        if (tloc != 0) {
            try {
                t.mm().write64(tloc, seconds);
            } catch (MmException e) {
                return -e.errno();
            }
        }
        return seconds;
    }

    /** nanosleep(req, rem): clock_nanosleep on CLOCK_MONOTONIC with a relative request. */
    static long nanosleep(Scheduler sched, Task t, long reqAddr) {
        return sleep(sched, t, CLOCK_MONOTONIC, 0, reqAddr, "nanosleep");
    }

    /**
     * clock_nanosleep(clockid, flags, req, rem): sleeps on REALTIME, MONOTONIC or BOOTTIME for
     * a duration, or with TIMER_ABSTIME until the clock reads req. Like Linux, the other
     * known clocks cannot be slept on (EOPNOTSUPP) and an unknown one is EINVAL. Linux can
     * sleep on the process CPU clock; Clonix cannot yet (EOPNOTSUPP), as no timer fires on
     * accounted CPU time.
     */
    static long clockNanosleep(Scheduler sched, Task t, int clock, int flags, long reqAddr) {
        switch (clock) {
            case CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_BOOTTIME -> {
                return sleep(sched, t, clock, flags, reqAddr, "clock_nanosleep");
            }
            case CLOCK_PROCESS_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID, CLOCK_MONOTONIC_RAW,
                    CLOCK_REALTIME_COARSE, CLOCK_MONOTONIC_COARSE -> {
                return -Errno.ENOTSUP;
            }
            default -> {
                return -Errno.EINVAL;
            }
        }
    }

    /**
     * The sleep behind nanosleep and clock_nanosleep, in the re-execution style of
     * sync.WaitQueue: the first execution reads req, sets the task's deadline on the
     * scheduler's clock and sleeps; the re-execution after the timer's wake-up finds the
     * deadline passed and returns 0. rem is never written: nothing interrupts a sleep yet.
     */
    private static long sleep(Scheduler sched, Task t, int clock, int flags, long reqAddr, String channel) {
        if (t.sleepDeadline() >= 0) {
            if (sched.now() >= t.sleepDeadline()) {
                t.setSleepDeadline(-1);
                return 0;
            }
        } else {
            long sec, nsec;
            try {
                sec = t.mm().read64(reqAddr);
                nsec = t.mm().read64(reqAddr + 8);
            } catch (MmException e) {
                return -e.errno();
            }
            if (sec < 0 || nsec < 0 || nsec >= NANOS) return -Errno.EINVAL;
            long request = sec > Long.MAX_VALUE / NANOS / 2 ? Long.MAX_VALUE / 2 : sec * NANOS + nsec;
            long deadline;
            if ((flags & TIMER_ABSTIME) != 0) {
                // The clock's reading minus now() is its offset from the scheduler's clock.
                long offset = clockNanos(sched, t, clock) - sched.now();
                deadline = request - offset;
            } else {
                deadline = sched.now() + request;
            }
            if (deadline <= sched.now()) return 0;
            t.setSleepDeadline(deadline);
        }
        t.sleep(TaskState.INTERRUPTIBLE, channel);
        sched.addTimer(t);
        return -Errno.BLOCKED;
    }
}
