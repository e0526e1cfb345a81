package syscall;

import mm.MmException;
import sched.Scheduler;
import task.Task;
import task.TaskState;
import task.Tasks;

/**
 * Time and the CPU: sched_yield, nanosleep and clock_gettime. All time is virtual (the
 * scheduler's clock: one cycle, one nanosecond), so a run never depends on the host's clock.
 * CLOCK_REALTIME starts at the epoch at boot, which keeps runs reproducible.
 */
public final class TimeCalls {
    private TimeCalls() {}

    public static final int CLOCK_REALTIME = 0, CLOCK_MONOTONIC = 1, CLOCK_PROCESS_CPUTIME_ID = 2,
            CLOCK_THREAD_CPUTIME_ID = 3, CLOCK_MONOTONIC_RAW = 4, CLOCK_REALTIME_COARSE = 5,
            CLOCK_MONOTONIC_COARSE = 6, CLOCK_BOOTTIME = 7;
    private static final long NANOS = 1_000_000_000L;

    /** Registers the time calls on {@code table}. */
    public static void register(SyscallTable table, Tasks ts, Scheduler sched) {
        // Back of the queue: the loop re-queues a task that is RUNNABLE after its call.
        table.register(24, "sched_yield", (t, a) -> {
            t.setState(TaskState.RUNNABLE);
            return 0;
        });
        table.register(35, "nanosleep", (t, a) -> nanosleep(sched, t, a[0]));
        table.register(228, "clock_gettime", (t, a) -> clockGettime(sched, t, (int) a[0], a[1]));
    }

    /**
     * nanosleep(req, rem): sleeps until the clock reaches now + req. The first execution sets
     * the deadline and sleeps; the re-execution after the timer's wake-up finds it passed.
     * rem is not written: nothing interrupts a sleep yet.
     */
    static long nanosleep(Scheduler sched, Task t, long reqAddr) {
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
            long duration = sec > Long.MAX_VALUE / NANOS / 2 ? Long.MAX_VALUE / 2 : sec * NANOS + nsec;
            if (duration == 0) return 0;
            t.setSleepDeadline(sched.now() + duration);
        }
        t.sleep(TaskState.INTERRUPTIBLE, "nanosleep");
        sched.addTimer(t);
        return -Errno.BLOCKED;
    }

    /** clock_gettime(clockid, tp): the virtual clock, or the CPU time of the process or thread. */
    static long clockGettime(Scheduler sched, Task t, int clock, long tp) {
        long nanos;
        switch (clock) {
            case CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_MONOTONIC_RAW, CLOCK_REALTIME_COARSE,
                    CLOCK_MONOTONIC_COARSE, CLOCK_BOOTTIME -> nanos = sched.now();
            case CLOCK_PROCESS_CPUTIME_ID -> {
                nanos = 0;
                for (Task th : t.signal().threads()) nanos += th.utime() + th.stime();
            }
            case CLOCK_THREAD_CPUTIME_ID -> nanos = t.utime() + t.stime();
            default -> {
                return -Errno.EINVAL;
            }
        }
        try {
            t.mm().write64(tp, nanos / NANOS);
            t.mm().write64(tp + 8, nanos % NANOS);
        } catch (MmException e) {
            return -e.errno();
        }
        return 0;
    }
}
