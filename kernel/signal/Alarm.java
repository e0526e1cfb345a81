package signal;

import sched.Scheduler;
import task.Signals;
import task.Task;
import task.TaskState;
import task.Tasks;

/**
 * alarm(2): SIGALRM for the process after a number of seconds of the scheduler's virtual
 * clock (Linux's ITIMER_REAL). Each process that sets an alarm gets a kernel timer
 * (Tasks.createKernelTimer) on the scheduler's timer heap; when it expires it sends SIGALRM
 * to the process, which wakes a pause() or interrupts a sleep like any other signal. A new
 * alarm replaces the old one, alarm(0) cancels it, and it survives execve but not the end
 * of the process, as on Linux.
 */
public final class Alarm {
    private Alarm() {}

    private static final long NANOS = 1_000_000_000L;

    /**
     * alarm(seconds) for {@code caller}'s process: arms (or with 0 cancels) the alarm and
     * returns the seconds the previous one still had to run, rounded to the nearest second
     * but at least 1 if it had not expired (Linux's alarm_setitimer), or 0 if there was none.
     */
    public static long alarm(Tasks ts, Scheduler sched, Task caller, long seconds) {
        GroupSignals g = caller.signal().signals();
        long now = sched.now();
        long left = 0;
        if (g.alarmDeadline >= 0 && g.alarmDeadline > now) {
            long nanos = g.alarmDeadline - now;
            left = Math.max(1, (nanos + NANOS / 2) / NANOS);
        }
        if (g.alarmTimer == null) {
            Task leader = caller.groupLeader();
            g.alarmTimer = ts.createKernelTimer("alarm", timer -> expire(ts, leader, timer));
        }
        if (seconds == 0) {
            cancel(g);
            return left;
        }
        Task timer = g.alarmTimer;
        g.alarmDeadline = now + Math.min(seconds, Long.MAX_VALUE / 2 / NANOS) * NANOS;
        timer.setSleepDeadline(g.alarmDeadline);
        timer.sleep(TaskState.INTERRUPTIBLE, "alarm");
        sched.addTimer(timer);
        return left;
    }

    /** Cancels the alarm of group {@code g}, if any (alarm(0), and the end of the process). */
    static void cancel(GroupSignals g) {
        g.alarmDeadline = -1;
        if (g.alarmTimer == null) return;
        g.alarmTimer.setSleepDeadline(-1); // its heap entry goes stale and is dropped
        g.alarmTimer.setState(TaskState.RUNNABLE);
    }

    /** The timer of {@code leader}'s process expired: SIGALRM, unless the process is gone. */
    private static void expire(Tasks ts, Task leader, Task timer) {
        GroupSignals g = leader.signal().signals();
        timer.setSleepDeadline(-1);
        if (g.alarmDeadline < 0) return;
        g.alarmDeadline = -1;
        if (leader.signal().liveThreads() > 0) SignalSend.sendToProcess(ts, leader, Signals.SIGALRM);
    }
}
