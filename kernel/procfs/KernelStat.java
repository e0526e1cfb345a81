package procfs;

import sched.Scheduler;
import task.Task;
import task.TaskState;
import task.Tasks;

/**
 * The text of /proc/stat (Linux's fs/proc/stat.c {@code show_stat}): the "cpu" line summed
 * over CPUs (note the two spaces after "cpu"), one "cpuN" line per CPU with the ten time
 * columns in clock ticks (user nice system idle iowait irq softirq steal guest guest_nice),
 * then intr, ctxt, btime, processes, procs_running, procs_blocked and softirq.
 *
 * <p>Clonix's figures: user/system/idle come from {@link CpuTimes}; nice, iowait, irq,
 * softirq, steal and guest are 0, as are the interrupt and softirq counts (the machine does
 * not count its interrupts). {@code btime} is 0: guest wall-clock time starts at the epoch at
 * boot, so that it is the same in every run. {@code processes} counts every task created
 * since boot (threads included, as Linux's total_forks does); {@code procs_blocked} counts
 * tasks in uninterruptible sleep, Clonix's nearest thing to Linux's tasks waiting for I/O.
 */
final class KernelStat {
    /** The boot time in seconds since the epoch: guest CLOCK_REALTIME starts at 0. */
    static final long BTIME = 0;

    private KernelStat() {}

    /** /proc/stat for the machine {@code sched} runs with the tasks of {@code tasks}. */
    static String format(Tasks tasks, Scheduler sched) {
        CpuTimes times = CpuTimes.measure(tasks, sched);
        StringBuilder sb = new StringBuilder();
        cpuLine(sb, "cpu ", CpuTimes.sum(times.user()), CpuTimes.sum(times.system()), times.totalIdle());
        for (int cpu = 0; cpu < sched.cpuCount(); cpu++) {
            cpuLine(sb, "cpu" + cpu, times.user()[cpu], times.system()[cpu], times.idle()[cpu]);
        }
        long switches = 0;
        for (int cpu = 0; cpu < sched.cpuCount(); cpu++) switches += sched.runQueue(cpu).switches();
        int running = 0, blocked = 0;
        for (Task t : tasks.pids().all()) {
            if (t.state() == TaskState.RUNNING || t.state() == TaskState.RUNNABLE) running++;
            else if (t.state() == TaskState.UNINTERRUPTIBLE) blocked++;
        }
        sb.append("intr 0\n");
        sb.append("ctxt ").append(switches).append('\n');
        sb.append("btime ").append(BTIME).append('\n');
        sb.append("processes ").append(tasks.createdTasks()).append('\n');
        sb.append("procs_running ").append(running).append('\n');
        sb.append("procs_blocked ").append(blocked).append('\n');
        sb.append("softirq 0 0 0 0 0 0 0 0 0 0 0\n");
        return sb.toString();
    }

    private static void cpuLine(StringBuilder sb, String name, long user, long system, long idle) {
        sb.append(name).append(' ').append(TaskStat.ticks(user)).append(" 0 ").append(TaskStat.ticks(system))
                .append(' ').append(TaskStat.ticks(idle)).append(" 0 0 0 0 0 0\n");
    }
}
