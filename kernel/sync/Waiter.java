package sync;

/**
 * Something that can sleep on a {@link WaitQueue}: in practice a task. Waking a waiter makes
 * it runnable again; it then re-runs the system call that put it to sleep (see WaitQueue).
 */
public interface Waiter {
    /** Makes the waiter runnable. Called by {@link WaitQueue#wakeUp}; waking twice is harmless. */
    void wake();

    /**
     * Called by {@link WaitQueue#add} when this waiter joins {@code queue}: a
     * {@link PollTable} records its queues there so that it can leave them all. Tasks ignore it.
     */
    default void queued(WaitQueue queue) {}

    /**
     * Whether a wake-up that reports {@code events} (poll bits, see
     * {@link WaitQueue#wakeUpPoll}) concerns this waiter, as the key Linux passes to a wait
     * entry's callback. A task sleeping in read or write takes every wake-up; a poll entry
     * only those for the events it waits for.
     */
    default boolean wantsEvents(int events) {
        return true;
    }

    /** The race detector this waiter reports its synchronisation to ({@link HappensBefore#NONE}: none). */
    default HappensBefore happensBefore() {
        return HappensBefore.NONE;
    }
}
