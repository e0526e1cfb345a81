package procfs;

import sched.Scheduler;
import task.Task;
import task.Tasks;

/**
 * Where each CPU's time went, in virtual cycles: user, system and idle, as the "cpu" lines
 * of /proc/stat and the idle figure of /proc/uptime report them (Linux's kcpustat).
 *
 * <p>The scheduler does not (yet) keep per-CPU counters, so this is derived from the
 * tasks' own accounting: every task that exists charges its user and system cycles to the
 * CPU it last ran on, and so did every task already released (task.Tasks keeps their sums). A task that migrated charges all of its time to
 * its last CPU, so the per-CPU split is approximate while the totals are exact; a CPU's idle
 * time is the rest of the time since boot. All of it is virtual time, so it reads the same
 * in every run with the same seed.
 */
record CpuTimes(long[] user, long[] system, long[] idle) {

    /** The split for the machine {@code sched} runs, from the accounting of {@code tasks}. */
    static CpuTimes measure(Tasks tasks, Scheduler sched) {
        int cpus = sched.cpuCount();
        long[] user = new long[cpus], system = new long[cpus], idle = new long[cpus];
        for (Task t : tasks.pids().all()) {
            int cpu = Math.max(0, Math.min(cpus - 1, t.lastCpu()));
            user[cpu] += t.utime();
            system[cpu] += t.stime();
        }
        for (int cpu = 0; cpu < cpus; cpu++) {
            user[cpu] += tasks.releasedUserTime(cpu);
            system[cpu] += tasks.releasedSystemTime(cpu);
        }
        for (int cpu = 0; cpu < cpus; cpu++) idle[cpu] = Math.max(0, sched.now() - user[cpu] - system[cpu]);
        return new CpuTimes(user, system, idle);
    }

    /** Idle cycles summed over every CPU. */
    long totalIdle() {
        long sum = 0;
        for (long v : idle) sum += v;
        return sum;
    }

    /** The sum of {@code values}. */
    static long sum(long[] values) {
        long sum = 0;
        for (long v : values) sum += v;
        return sum;
    }
}
