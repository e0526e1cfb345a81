package sched;

import java.util.PriorityQueue;
import task.Task;

/**
 * The sleepers with a deadline (nanosleep, futex and wait timeouts, alarm's kernel timer),
 * in a heap ordered by deadline, ties in the order they went to sleep: Linux's hrtimer
 * queue in miniature. Adding and taking the next one cost O(log n), so a machine with
 * thousands of sleepers pays nothing per tick for those whose time has not come.
 *
 * <p>Entries are removed lazily: a task woken otherwise, or asleep again with another
 * deadline, or dead, no longer matches its entry, and the entry is dropped when it reaches
 * the top of the heap, or by the sweep of {@link #add}.
 */
final class SleepTimers {
    /** A sleeper's deadline in the heap; stale once the task's own deadline differs. */
    private record Timer(long deadline, long sequence, Task task) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(deadline, o.deadline);
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }

        /** True if this entry still stands for a sleep of its task. */
        boolean isLive() {
            return task.sleepDeadline() == deadline && task.state().isAlive();
        }
    }

    private final PriorityQueue<Timer> heap = new PriorityQueue<>();
    /** The smallest heap that is swept. */
    private static final int MIN_SWEEP = 64;
    private int sweepAt = MIN_SWEEP;
    /** Orders timers that share a deadline, so the heap never compares tasks. */
    private long sequence;

    /**
     * Adds {@code t}, asleep with its sleep deadline set; adding it twice is harmless. When
     * the heap has doubled since it was last swept, the stale entries are dropped first: a
     * guest that re-arms a far timer in a loop (a timerfd, an alarm, a poll interrupted
     * again and again) would otherwise fill the host's memory with entries that never
     * reach the top. The sweep costs O(n) per doubling, O(1) per add on average.
     */
    void add(Task t) {
        if (t.sleepDeadline() < 0) return;
        if (heap.size() >= sweepAt) {
            heap.removeIf(timer -> !timer.isLive());
            sweepAt = Math.max(MIN_SWEEP, 2 * heap.size());
        }
        heap.add(new Timer(t.sleepDeadline(), sequence++, t));
    }

    /** The heap's size at which {@link #add} next sweeps out stale entries. */
    int sweepAt() {
        return sweepAt;
    }

    /** Entries in the heap, stale ones included. */
    int size() {
        return heap.size();
    }

    /** Wakes every sleeper whose deadline is at or before {@code now}. */
    void wakeExpired(long now) {
        while (!heap.isEmpty() && (heap.peek().deadline <= now || !heap.peek().isLive())) {
            Timer timer = heap.poll();
            if (timer.isLive()) timer.task.wake();
        }
    }

    /** The earliest deadline of a live sleeper, or Long.MAX_VALUE if there is none. */
    long nextDeadline() {
        while (!heap.isEmpty() && !heap.peek().isLive()) heap.poll();
        return heap.isEmpty() ? Long.MAX_VALUE : heap.peek().deadline;
    }
}
