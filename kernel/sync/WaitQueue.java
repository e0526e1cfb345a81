package sync;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A wait queue, as Linux's {@code wait_queue_head_t}: the list of tasks sleeping until some
 * condition may have changed (data in a pipe, a child's exit, a futex word).
 *
 * <p><b>How a system call blocks in Clonix.</b> The whole kernel runs on one host thread, so
 * a system call cannot simply wait inside Java. Instead, a call that cannot proceed puts the
 * calling task on a wait queue, marks it sleeping, and returns {@code Errno.BLOCKED}; the
 * system-call layer then moves the task's pc back onto its {@code syscall} instruction. When
 * the queue is woken the task becomes runnable and, once scheduled, executes the
 * {@code syscall} again from the start: it re-checks its condition and either completes or
 * sleeps again. This is Linux's own restart mechanism (ERESTARTSYS) used for every sleep,
 * and it is why every blocking call must be written so that running it again is correct.
 *
 * <p>Waiters are woken in the order they slept (FIFO), so wake-ups are deterministic. The
 * queue is a set kept in insertion order: adding, finding and removing a waiter cost O(1)
 * however many wait (an epoll watch of a file watched thousands of times). Waiters keep
 * identity equality, so no hash order ever shows.
 */
public final class WaitQueue {
    private final Set<Waiter> waiters = new LinkedHashSet<>();

    /** Adds {@code w} if it is not already waiting here, and tells it ({@link Waiter#queued}). */
    public void add(Waiter w) {
        if (waiters.add(w)) w.queued(this);
    }

    /** Removes {@code w} if present (a sleeper killed or woken by something else). */
    public void remove(Waiter w) {
        waiters.remove(w);
    }

    public boolean isEmpty() {
        return waiters.isEmpty();
    }

    /** The waiters in sleep order (a copy). */
    public List<Waiter> waiters() {
        return new ArrayList<>(waiters);
    }

    /** Wakes every waiter, oldest first, and empties the queue. */
    public void wakeUp() {
        List<Waiter> now = new ArrayList<>(waiters);
        waiters.clear();
        for (Waiter w : now) w.wake();
    }

    /**
     * Wakes, oldest first, the waiters that want {@code events} (Linux's wake_up_poll): a pipe
     * that received data wakes its readers and the poll entries waiting for POLLIN, but not
     * an epoll entry that waits only for POLLOUT. The others stay on the queue.
     */
    public void wakeUpPoll(int events) {
        List<Waiter> now = new ArrayList<>();
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
            Waiter w = it.next();
            if (w.wantsEvents(events)) {
                now.add(w);
                it.remove();
            }
        }
        for (Waiter w : now) w.wake();
    }

    /** Wakes at most {@code n} waiters, oldest first; returns how many were woken. */
    public int wakeUp(int n) {
        List<Waiter> now = new ArrayList<>();
        for (Iterator<Waiter> it = waiters.iterator(); now.size() < n && it.hasNext(); ) {
            now.add(it.next());
            it.remove();
        }
        for (Waiter w : now) w.wake();
        return now.size();
    }
}
