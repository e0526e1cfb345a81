package sync;

/**
 * Something that can sleep on a {@link WaitQueue}: in practice a task. Waking a waiter makes
 * it runnable again; it then re-runs the system call that put it to sleep (see WaitQueue).
 */
public interface Waiter {
    /** Makes the waiter runnable. Called by {@link WaitQueue#wakeUp}; waking twice is harmless. */
    void wake();
}
