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
 * the top of the heap.
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
    /** Orders timers that share a deadline, so the heap never compares tasks. */
    private long sequence;

    /** Adds {@code t}, asleep with its sleep deadline set; adding it twice is harmless. */
    void add(Task t) {
        if (t.sleepDeadline() >= 0) heap.add(new Timer(t.sleepDeadline(), sequence++, t));
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
