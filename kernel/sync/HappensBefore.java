package sync;

/**
 * Where the kernel tells a race detector about the synchronisation it performs for tasks:
 * the edges of the happens-before order that do not go through an atomic instruction (a
 * futex wake-up, clone, exit and wait4, data through a pipe or a socket, a signal). A
 * release on a key publishes everything its task has done so far; an acquire on the same
 * key makes all that visible to the acquiring task. Keys are kernel objects compared with
 * {@code equals} (a futex key, a pipe, a thread group's signal struct).
 *
 * <p>Every task carries the machine's instance ({@link Waiter#happensBefore}); it is
 * {@link #NONE}, which does nothing, unless a race detector was installed (race.RaceDetector).
 * The waiters passed are tasks; anything else is ignored.
 */
public interface HappensBefore {
    /** {@code t}'s history so far is published on {@code key}. */
    void release(Waiter t, Object key);

    /** {@code t} has seen everything published on {@code key} so far. */
    void acquire(Waiter t, Object key);

    /**
     * The kernel stored a synchronisation word at user address {@code address} for {@code t}
     * (the CLONE_CHILD_CLEARTID zero at thread exit): a release store at that address, which
     * a later load of the word (pthread_join's) acquires.
     */
    void releaseAt(Waiter t, long address);

    /** {@code child} (a new thread or process) starts with everything {@code parent} has done. */
    void fork(Waiter parent, Waiter child);

    /** {@code t} runs a new program (execve): its old address space's history is forgotten. */
    void exec(Waiter t);

    /** {@code t} exits: what it did is published to whoever waits for its process (wait4). */
    void exit(Waiter t);

    /** Does nothing: the machine has no race detector. */
    HappensBefore NONE = new HappensBefore() {
        @Override public void release(Waiter t, Object key) {}
        @Override public void acquire(Waiter t, Object key) {}
        @Override public void releaseAt(Waiter t, long address) {}
        @Override public void fork(Waiter parent, Waiter child) {}
        @Override public void exec(Waiter t) {}
        @Override public void exit(Waiter t) {}
    };
}
