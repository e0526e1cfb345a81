package signal;

import sched.Scheduler;
import task.Task;
import task.TaskState;
import task.Tasks;

/**
 * A kernel timer on the virtual clock, Linux's hrtimer in Clonix's terms: a task made by
 * task.Tasks#createKernelTimer that sleeps with a deadline on the scheduler's timer heap,
 * whose wake-up at the deadline runs the expiry function instead of queuing it. ITIMER_REAL
 * (and so alarm) and the POSIX timers on the wall and monotonic clocks are such timers.
 */
final class HrTimer {
    private final Scheduler sched;
    private final Task task;

    /** A disarmed timer named {@code name} (its comm) that runs {@code onExpiry} when it expires. */
    HrTimer(Tasks ts, Scheduler sched, String name, Runnable onExpiry) {
        this.sched = sched;
        this.task = ts.createKernelTimer(name, t -> {
            t.setSleepDeadline(-1); // it has fired: no longer armed
            onExpiry.run();
        });
    }

    /** Arms the timer to expire at virtual time {@code deadline}; an earlier arming is forgotten. */
    void start(long deadline) {
        task.setSleepDeadline(deadline);
        task.sleep(TaskState.INTERRUPTIBLE, task.comm());
        sched.addTimer(task);
    }

    /** Disarms the timer: its entry on the heap goes stale and is dropped there. */
    void cancel() {
        task.setSleepDeadline(-1);
        task.setState(TaskState.RUNNABLE);
    }

    /** The virtual time at which the timer expires, or -1 if it is not armed. */
    long deadline() {
        return task.sleepDeadline();
    }

    /** The virtual clock now. */
    long now() {
        return sched.now();
    }
}
