package sched;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import task.Task;

/**
 * One CPU's run queue, as Linux's {@code struct rq}: the task on the CPU, the runnable tasks
 * waiting for it, the idle task that "runs" when there is nothing else, and what is left of
 * the current time slice. The queue's order belongs to the {@link SchedPolicy}.
 */
public final class RunQueue {
    final int cpu;
    final Task idle;
    final ArrayDeque<Task> queue = new ArrayDeque<>();
    /** The task on the CPU, or null when the CPU is idle. */
    Task current;
    /** Timer ticks left in the current task's slice. */
    int sliceLeft;
    /**
     * Set when a task that outranks the running one was queued here (Linux's TIF_NEED_RESCHED):
     * the CPU puts its task back and picks again before running another instruction.
     */
    boolean needResched;
    /**
     * Queued tasks with a real-time policy, kept by policies that rank them (see RoundRobin):
     * while it is 0, the front of the queue is the next task and no scan is needed.
     */
    int realtimeQueued;
    /** Context switches on this CPU (nr_switches): every change of the task on it, idle included. */
    long switches;
    /**
     * The task that last left this CPU, until the CPU takes its next task: the switch is
     * counted only then, and only if the next task is another one (a task that yields with
     * nobody waiting keeps its CPU, and Linux counts no switch for that).
     */
    Task leaving;
    /** Whether {@link #leaving} left to wait (a voluntary switch) rather than still runnable. */
    boolean leftVoluntarily;

    /** An empty run queue for CPU {@code cpu}, whose idle task is {@code idle}. */
    public RunQueue(int cpu, Task idle) {
        this.cpu = cpu;
        this.idle = idle;
    }

    /** The CPU number. */
    public int cpu() { return cpu; }

    /** The task on the CPU: the running task, or the idle task. */
    public Task current() { return current != null ? current : idle; }

    /** True when the CPU runs nothing but its idle task. */
    public boolean isIdle() { return current == null; }

    /** The queued tasks in queue order (a copy). */
    public List<Task> queued() { return new ArrayList<>(queue); }

    /** Runnable tasks on this CPU, the running one included (the load). */
    public int load() { return queue.size() + (current != null ? 1 : 0); }

    /** Context switches so far. */
    public long switches() { return switches; }

    /** The queue itself, for policies in this package and for coursework policies. */
    public ArrayDeque<Task> tasks() { return queue; }
}
