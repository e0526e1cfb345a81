package procfs;

import java.util.function.Supplier;
import sched.Scheduler;
import task.Task;
import task.TaskState;
import task.Tasks;

/**
 * The kernel's answers to {@link SystemInfo}, for /proc/cpuinfo, uptime, loadavg, self and
 * thread-self: the CPU count and clock from the scheduler, task counts from the pid table,
 * and the caller from the kernel's notion of the current task.
 *
 * <p>The load averages are the scheduler's (sched.LoadAverage: Linux's calc_global_load,
 * sampled every 5 seconds of virtual time). The last pid is the last one the pid allocator
 * handed out, as Linux's /proc/loadavg shows it.
 */
final class MachineInfo implements SystemInfo {
    private final Tasks tasks;
    private final Scheduler sched;
    private final Supplier<Task> current;

    /** The figures of the machine {@code sched} runs, whose caller {@code current} names. */
    MachineInfo(Tasks tasks, Scheduler sched, Supplier<Task> current) {
        this.tasks = tasks;
        this.sched = sched;
        this.current = current;
    }

    @Override
    public int cpuCount() {
        return sched.cpuCount();
    }

    @Override
    public long uptimeNanos() {
        return sched.now();
    }

    @Override
    public long idleNanos() {
        return CpuTimes.measure(tasks, sched).totalIdle();
    }

    @Override
    public long[] loadAveragesHundredths() {
        return sched.loadAverages();
    }

    @Override
    public int runnableTasks() {
        int n = 0;
        for (Task t : tasks.pids().all()) if (t.state() == TaskState.RUNNING || t.state() == TaskState.RUNNABLE) n++;
        return n;
    }

    @Override
    public int totalTasks() {
        return tasks.pids().count();
    }

    @Override
    public int lastPid() {
        return tasks.pids().lastPid();
    }

    /** The caller's tgid, or 0 outside a system call (then /proc/self names nothing). */
    @Override
    public int callerPid() {
        Task t = current.get();
        return t == null ? 0 : t.tgid();
    }

    /** The caller's tid, or 0 outside a system call. */
    @Override
    public int callerTid() {
        Task t = current.get();
        return t == null ? 0 : t.tid();
    }
}
