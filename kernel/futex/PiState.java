package futex;

import java.util.ArrayList;
import java.util.List;
import task.Task;

/**
 * The kernel's side of one contended PI futex (Linux's futex_pi_state with its rt_mutex): the
 * task that owns the lock and the tasks blocked on it in FUTEX_LOCK_PI. It exists only while
 * somebody waits: an uncontended PI futex lives entirely in its user-space word, which holds
 * the owner's tid (and FUTEX_WAITERS once the kernel keeps a state for it).
 *
 * <p>Waiters are kept best first, as an rt_mutex keeps its waiter tree: a higher real-time
 * priority first, then (among fair tasks) a lower nice value, then arrival order, so that
 * equals take the lock in FIFO order and the order never depends on hash order. The
 * priority is the one the waiter is scheduled with now (Task#schedRtPriority, #schedNice),
 * which it may itself have inherited: that is what makes inheritance transitive.
 */
final class PiState {
    /** The futex word this state belongs to. */
    final Futex.Key key;
    /** The task that holds the lock: it inherits the priority of {@link #top()}. */
    Task owner;
    /** Blocked tasks, best first; never empty while the state is in the table. */
    private final List<Task> waiters = new ArrayList<>();

    PiState(Futex.Key key, Task owner) {
        this.key = key;
        this.owner = owner;
    }

    /** The waiter that would get the lock now, and whose priority the owner inherits; null if none. */
    Task top() {
        return waiters.isEmpty() ? null : waiters.get(0);
    }

    /** True while some task is blocked on this lock. */
    boolean hasWaiters() {
        return !waiters.isEmpty();
    }

    /** Files {@code t} after every waiter at least as good as it (FIFO among equals). */
    void add(Task t) {
        int i = 0;
        while (i < waiters.size() && !better(t, waiters.get(i))) i++;
        waiters.add(i, t);
    }

    /** Takes {@code t} off the list; harmless if it is not there. */
    void remove(Task t) {
        waiters.remove(t);
    }

    /** Takes the top waiter off the list and returns it (the lock is being handed to it). */
    Task takeTop() {
        return waiters.remove(0);
    }

    /** Re-files {@code t}, whose priority has changed, at its new place (a changed priority loses its FIFO seniority, as in Linux). */
    void resort(Task t) {
        if (waiters.remove(t)) add(t);
    }

    /** The waiters, best first (a copy, for the deadlock report and tests). */
    List<Task> waiters() {
        return new ArrayList<>(waiters);
    }

    /** True if {@code a} must get the lock before {@code b}: strictly higher priority. */
    static boolean better(Task a, Task b) {
        if (a.schedRtPriority() != b.schedRtPriority()) return a.schedRtPriority() > b.schedRtPriority();
        return a.schedNice() < b.schedNice();
    }
}
