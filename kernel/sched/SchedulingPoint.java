package sched;

/**
 * One step of a controlled run: a moment where at least two tasks could run next.
 *
 * @param step       the number of this step in the run, from 0
 * @param current    the tid of the task that was running: it reached a shared access, an
 *                   atomic or a system call, or it has just left the CPU (it blocked, exited
 *                   or used up its slice); 0 if no task ran before
 * @param yielding   true if {@code current} used up its time slice: it may run on, but a
 *                   strategy should let another task run (so that a spinning thread cannot
 *                   livelock a priority-based strategy), and choosing another is no preemption
 * @param candidates the tids of the tasks that may run, in increasing order (at least two);
 *                   they include {@code current} if it can still run
 */
public record SchedulingPoint(int step, int current, boolean yielding, int[] candidates) {
    /** True if {@code current} is among the candidates. */
    public boolean currentRunnable() {
        for (int c : candidates) if (c == current) return true;
        return false;
    }

    /** True if choosing {@code tid} here takes the CPU from a task that could have run on. */
    public boolean isPreemption(int tid) {
        return !yielding && tid != current && currentRunnable();
    }

    /**
     * The choice that is no decision at all: the current task while it can run on (and is
     * not yielding), otherwise the next candidate after it in tid order, round the circle.
     * Schedules are described, and shrunk, as their departures from this choice.
     */
    public int defaultChoice() {
        if (!yielding && currentRunnable()) return current;
        for (int c : candidates) if (c > current) return c;
        return candidates[0];
    }
}
