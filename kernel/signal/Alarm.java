package signal;

import sched.Scheduler;
import task.Task;
import task.Tasks;

/**
 * alarm(2): SIGALRM for the process after a number of seconds of the virtual clock. As in
 * Linux (alarm_setitimer) it is setitimer(ITIMER_REAL) with no interval, so the two share
 * one timer (see {@link IntervalTimers}): a new alarm replaces the old one or an interval
 * timer, alarm(0) cancels either, and it survives execve but not the end of the process.
 */
public final class Alarm {
    private Alarm() {}

    private static final long NANOS = 1_000_000_000L;

    /**
     * alarm(seconds) for {@code caller}'s process: arms (or with 0 cancels) ITIMER_REAL and
     * returns the seconds the previous setting still had to run, rounded to the nearest
     * second but at least 1 if it had not expired, or 0 if there was none.
     */
    public static long alarm(Tasks ts, Scheduler sched, Task caller, long seconds) {
        long nanos = Math.min(seconds, Long.MAX_VALUE / 2 / NANOS) * NANOS;
        IntervalTimers.Setting old = IntervalTimers.set(ts, sched, caller, IntervalTimers.ITIMER_REAL,
                new IntervalTimers.Setting(nanos, 0));
        long left = old.value() / NANOS;
        if ((left == 0 && old.value() != 0) || old.value() % NANOS >= NANOS / 2) left++;
        return left;
    }
}
