package syscall;

import mm.MmException;
import sched.RoundRobin;
import sched.Scheduler;
import task.Task;
import task.TaskState;
import task.Tasks;

/**
 * Scheduling policy calls: sched_setscheduler, sched_getscheduler, sched_setparam,
 * sched_getparam, sched_get_priority_max/min and sched_rr_get_interval, with Linux's rules
 * (kernel/sched/syscalls.c). A pid names a thread; 0 is the caller. Everyone is root in
 * Clonix, so EPERM never happens. {@code struct sched_param} is one int, sched_priority.
 *
 * <p>The checks come in Linux's order: a negative pid or a null param is EINVAL, an
 * unreadable param EFAULT, a missing thread ESRCH, and only then the policy and priority
 * (EINVAL unless FIFO/RR have 1..99 and OTHER/BATCH/IDLE have 0).
 */
public final class SchedCalls {
    private SchedCalls() {}

    /** Linux's SCHED_DEADLINE: a valid policy name that sched_setscheduler cannot set (no deadline parameters). */
    public static final int SCHED_DEADLINE = 6;
    /** Linux's SCHED_RESET_ON_FORK flag, accepted in the policy and ignored (not remembered). */
    public static final int SCHED_RESET_ON_FORK = 0x40000000;
    /** The highest real-time priority (MAX_RT_PRIO - 1). */
    public static final int MAX_RT_PRIORITY = 99;
    /** sched_setparam passes this as the policy: keep the current one (Linux's SETPARAM_POLICY). */
    private static final int KEEP_POLICY = -1;

    /** Registers the policy calls on {@code table}. */
    public static void register(SyscallTable table, Tasks ts, Scheduler sched) {
        table.register(142, "sched_setparam", (t, a) -> setScheduler(ts, sched, t, (int) a[0], KEEP_POLICY, a[1]));
        table.register(143, "sched_getparam", (t, a) -> getParam(ts, t, (int) a[0], a[1]));
        table.register(144, "sched_setscheduler", (t, a) -> {
            int policy = (int) a[1];
            return policy < 0 ? -Errno.EINVAL : setScheduler(ts, sched, t, (int) a[0], policy, a[2]);
        });
        table.register(145, "sched_getscheduler", (t, a) -> getScheduler(ts, t, (int) a[0]));
        table.register(146, "sched_get_priority_max", (t, a) -> priorityMax((int) a[0]));
        table.register(147, "sched_get_priority_min", (t, a) -> priorityMin((int) a[0]));
        table.register(148, "sched_rr_get_interval", (t, a) -> rrGetInterval(ts, t, (int) a[0], a[1]));
    }

    /** The live thread {@code tid} names (0: the caller), or null. */
    static Task thread(Tasks ts, Task caller, int tid) {
        if (tid == 0) return caller;
        Task t = ts.pids().find(tid);
        return t != null && t.state().isAlive() && !t.isIdle() ? t : null;
    }

    /** True for FIFO and RR. */
    private static boolean isRealtime(int policy) {
        return policy == Task.SCHED_FIFO || policy == Task.SCHED_RR;
    }

    /** True for the fair policies OTHER, BATCH and IDLE. */
    private static boolean isFair(int policy) {
        return policy == Task.SCHED_OTHER || policy == Task.SCHED_BATCH || policy == Task.SCHED_IDLE;
    }

    /**
     * sched_setscheduler(pid, policy, param) and, with {@code policy} -1, sched_setparam(pid,
     * param). A caller that changes its own policy yields, so its new rank and slice apply now.
     */
    static long setScheduler(Tasks ts, Scheduler sched, Task caller, int pid, int policy, long paramAddr) {
        if (paramAddr == 0 || pid < 0) return -Errno.EINVAL;
        int priority;
        try {
            priority = caller.mm().read32(paramAddr);
        } catch (MmException e) {
            return -e.errno();
        }
        Task t = thread(ts, caller, pid);
        if (t == null) return -Errno.ESRCH;
        if (policy != KEEP_POLICY) policy &= ~SCHED_RESET_ON_FORK;
        if (policy == KEEP_POLICY) policy = t.policy();
        if (isRealtime(policy)) {
            if (priority < 1 || priority > MAX_RT_PRIORITY) return -Errno.EINVAL;
        } else if (isFair(policy)) {
            if (priority != 0) return -Errno.EINVAL;
        } else {
            return -Errno.EINVAL; // unknown, or SCHED_DEADLINE without its parameters
        }
        sched.setScheduler(t, policy, priority);
        ts.futex().pi().priorityChanged(t); // a PI futex's sleepers and owners see the change
        if (t == caller) t.setState(TaskState.RUNNABLE);
        return 0;
    }

    /** sched_getscheduler(pid): the policy of the thread; EINVAL for a negative pid, ESRCH. */
    static long getScheduler(Tasks ts, Task caller, int pid) {
        if (pid < 0) return -Errno.EINVAL;
        Task t = thread(ts, caller, pid);
        return t == null ? -Errno.ESRCH : t.policy();
    }

    /** sched_getparam(pid, param): writes the real-time priority (0 for fair tasks). */
    static long getParam(Tasks ts, Task caller, int pid, long paramAddr) {
        if (paramAddr == 0 || pid < 0) return -Errno.EINVAL;
        Task t = thread(ts, caller, pid);
        if (t == null) return -Errno.ESRCH;
        try {
            caller.mm().write32(paramAddr, t.rtPriority());
        } catch (MmException e) {
            return -e.errno();
        }
        return 0;
    }

    /** sched_get_priority_max(policy): 99 for FIFO and RR, 0 for the others, EINVAL if unknown. */
    static long priorityMax(int policy) {
        if (isRealtime(policy)) return MAX_RT_PRIORITY;
        return isFair(policy) || policy == SCHED_DEADLINE ? 0 : -Errno.EINVAL;
    }

    /** sched_get_priority_min(policy): 1 for FIFO and RR, 0 for the others, EINVAL if unknown. */
    static long priorityMin(int policy) {
        if (isRealtime(policy)) return 1;
        return isFair(policy) || policy == SCHED_DEADLINE ? 0 : -Errno.EINVAL;
    }

    /**
     * sched_rr_get_interval(pid, tp): 100 ms for SCHED_RR as Linux (RR_TIMESLICE), 0 for
     * SCHED_FIFO (no slice). For the fair policies Linux reports a load-dependent CFS slice;
     * Clonix reports 0, which Linux also returns for a fair task with no load.
     */
    static long rrGetInterval(Tasks ts, Task caller, int pid, long tp) {
        if (pid < 0) return -Errno.EINVAL;
        Task t = thread(ts, caller, pid);
        if (t == null) return -Errno.ESRCH;
        long nanos = t.policy() == Task.SCHED_RR ? RoundRobin.RR_TIMESLICE_NANOS : 0;
        return TimeCalls.writeTimespec(caller, tp, nanos);
    }
}
