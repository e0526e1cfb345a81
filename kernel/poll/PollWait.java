package poll;

import sched.Scheduler;
import syscall.Errno;
import task.Task;
import task.TaskState;

/**
 * How poll, select and epoll_wait wait, in the re-execution style of sync.WaitQueue: each
 * execution asks every file afresh (joining its wait queues through the task's
 * {@code PollTable}) and, if nothing is ready and time remains, sleeps; a wake-up or the
 * timer runs the call again from the start. The end of the wait (Linux's end_time) is the
 * task's sleep deadline, set by the first execution that sleeps and kept by the next ones,
 * on the scheduler's virtual clock.
 *
 * <p>A timeout is in nanoseconds: {@link #FOREVER} waits until something is ready, 0 never
 * waits, other values wait at most that long; the parsers return -errno for a bad one.
 */
public final class PollWait {
    private PollWait() {}

    /** The timeout of a call that waits until something is ready (a null timeout, or a negative one for poll). */
    public static final long FOREVER = Long.MAX_VALUE;
    static final long NANOS = 1_000_000_000L;

    /** Starts an execution: leaves the queues the previous one joined. */
    static void begin(Task t) {
        t.pollTable().detach();
    }

    /** Whether this execution may still sleep: the timeout is not 0 and has not run out. */
    static boolean maySleep(Scheduler sched, Task t, long timeoutNanos) {
        if (timeoutNanos == 0) return false;
        return t.sleepDeadline() < 0 || sched.now() < t.sleepDeadline();
    }

    /**
     * Puts {@code t} to sleep on the queues its poll table joined and, for a finite timeout,
     * on the timer (armed by the first execution that sleeps); returns -BLOCKED.
     */
    static long sleep(Scheduler sched, Task t, long timeoutNanos, String channel) {
        if (timeoutNanos != FOREVER && t.sleepDeadline() < 0) t.setSleepDeadline(deadline(sched.now(), timeoutNanos));
        t.sleep(TaskState.INTERRUPTIBLE, channel);
        if (t.sleepDeadline() >= 0) sched.addTimer(t);
        return -Errno.BLOCKED;
    }

    /**
     * Ends the call: leaves every queue and drops the timer. Returns what remained of a
     * finite timeout in nanoseconds (the whole of it if the call never slept), or -1 for
     * FOREVER and 0, which Linux does not write back.
     */
    static long finish(Scheduler sched, Task t, long timeoutNanos) {
        t.pollTable().detach();
        long deadline = t.sleepDeadline();
        t.setSleepDeadline(-1);
        if (timeoutNanos == 0 || timeoutNanos == FOREVER) return -1;
        return deadline < 0 ? timeoutNanos : Math.max(0, deadline - sched.now());
    }

    /**
     * Ends the call with an error: leaves every queue and drops the timer, so that a
     * deadline armed by an earlier execution cannot outlive the call.
     */
    public static long fail(Task t, long errno) {
        t.pollTable().detach();
        t.setSleepDeadline(-1);
        return -errno;
    }

    /** {@code now + nanos}, kept far from overflow as nanosleep keeps it. */
    static long deadline(long now, long nanos) {
        return nanos > Long.MAX_VALUE / 2 - now ? Long.MAX_VALUE / 2 : now + nanos;
    }

    /**
     * Linux's poll_select_set_timeout for a timespec: the nanoseconds of {@code sec},
     * {@code nsec}, or -EINVAL if they are not a valid time (negative, nsec past a second).
     */
    public static long timespecNanos(long sec, long nsec) {
        if (sec < 0 || nsec < 0 || nsec >= NANOS) return -Errno.EINVAL;
        return sec > Long.MAX_VALUE / NANOS / 2 ? Long.MAX_VALUE / 2 : sec * NANOS + nsec;
    }

    /** poll's and epoll_wait's timeout in milliseconds: negative waits for ever. */
    public static long millisNanos(int millis) {
        return millis < 0 ? FOREVER : millis * 1_000_000L;
    }
}
