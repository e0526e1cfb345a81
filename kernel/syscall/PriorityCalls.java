package syscall;

import java.util.ArrayList;
import java.util.List;
import sched.NiceWeights;
import task.Cred;
import task.ResourceLimits;
import task.Task;
import task.Tasks;

/**
 * The nice value: getpriority and setpriority, with Linux's rules (kernel/sys.c). {@code
 * which} says what {@code who} names: PRIO_PROCESS a thread (as on Linux, whose nice is per
 * thread), PRIO_PGRP every thread of a process group, PRIO_USER every thread whose real uid is
 * {@code who}; a {@code who} of 0 is the caller, its process group, or its real uid.
 *
 * <p>setpriority clamps the value to -20..19. It may change a thread whose real or effective
 * uid is the caller's effective uid, or any thread with privilege (else EPERM); lowering the
 * nice value also needs the target's RLIMIT_NICE to allow it (20 - nice at most the limit)
 * or privilege (else EACCES). With several targets, the last refusal is the error, but the
 * others are still changed, as on Linux. getpriority returns the highest priority among the
 * targets as 20 - nice (1..40), since a negative result would read as an error; the C
 * library turns it back into a nice value. No target at all is ESRCH, a bad {@code which}
 * EINVAL. What the nice value is worth is the scheduling policy's business (see
 * sched.NiceWeights): round robin ignores it, stride shares the CPU by it.
 */
public final class PriorityCalls {
    private PriorityCalls() {}

    /** The values of {@code which}. */
    static final int PRIO_PROCESS = 0, PRIO_PGRP = 1, PRIO_USER = 2;

    /** Registers getpriority and setpriority on {@code table}. */
    public static void register(SyscallTable table, Tasks ts) {
        table.register(140, "getpriority", (t, a) -> getPriority(ts, t, (int) a[0], (int) a[1]));
        table.register(141, "setpriority", (t, a) -> setPriority(ts, t, (int) a[0], (int) a[1], (int) a[2]));
    }

    /** getpriority(which, who): 20 minus the lowest nice value among the targets. */
    static long getPriority(Tasks ts, Task caller, int which, int who) {
        if (which < PRIO_PROCESS || which > PRIO_USER) return -Errno.EINVAL;
        List<Task> targets = targets(ts, caller, which, who);
        if (targets.isEmpty()) return -Errno.ESRCH;
        int lowest = NiceWeights.MAX_NICE;
        for (Task t : targets) lowest = Math.min(lowest, t.priority());
        return 20 - lowest;
    }

    /** setpriority(which, who, nice): sets the nice value of every target it may change. */
    static long setPriority(Tasks ts, Task caller, int which, int who, int nice) {
        if (which < PRIO_PROCESS || which > PRIO_USER) return -Errno.EINVAL;
        nice = Math.max(NiceWeights.MIN_NICE, Math.min(NiceWeights.MAX_NICE, nice));
        long error = -Errno.ESRCH;
        for (Task t : targets(ts, caller, which, who)) error = setOne(ts, caller, t, nice, error);
        return error;
    }

    /** Linux's set_one_prio: sets {@code t}'s nice value if allowed; the call's result so far, updated. */
    private static long setOne(Tasks ts, Task caller, Task t, int nice, long error) {
        Cred c = caller.cred();
        if (t.cred().uid() != c.euid() && t.cred().euid() != c.euid() && !c.capable()) return -Errno.EPERM;
        long niceLimit = t.signal().rlimits().cur(ResourceLimits.RLIMIT_NICE);
        boolean mayLower = c.capable() || !ResourceLimits.exceeds(20 - nice, niceLimit);
        if (nice < t.priority() && !mayLower) return -Errno.EACCES;
        t.setNice(nice);
        ts.futex().pi().priorityChanged(t); // a PI futex's sleepers and owners see the change
        return error == -Errno.ESRCH ? 0 : error;
    }

    /** The live threads {@code which} and {@code who} name, in tid order. */
    private static List<Task> targets(Tasks ts, Task caller, int which, int who) {
        List<Task> found = new ArrayList<>();
        if (which == PRIO_PROCESS) {
            Task t = SchedCalls.thread(ts, caller, who);
            if (t != null) found.add(t);
            return found;
        }
        int pgid = who != 0 ? who : caller.signal().pgid();
        int uid = who != 0 ? who : caller.cred().uid();
        for (Task t : ts.pids().all()) {
            if (!t.state().isAlive() || t.isIdle()) continue;
            if (which == PRIO_PGRP ? t.signal().pgid() == pgid : t.cred().uid() == uid) found.add(t);
        }
        return found;
    }
}
