package sched;

import task.Task;

/**
 * A scheduling policy: which runnable task a CPU runs next, and for how long. Linux calls
 * this a scheduling class ({@code struct sched_class}); the machine loop in {@link Scheduler}
 * calls only these methods, so a coursework policy (FIFO, priorities, MLFQ, lottery) is one
 * new implementation of this interface.
 *
 * <p>Contract: the scheduler calls {@link #enqueue} (or {@link #enqueueWakeup}, for a task
 * that has just woken up or been created) once each time a task is queued on {@code rq}, and
 * {@link #pickNext}, {@link #steal} or {@link #remove} takes it back out; a task is in at most
 * one queue. Everything runs on the kernel's single thread.
 */
public interface SchedPolicy {
    /** Adds a runnable task to the queue of {@code rq}. */
    void enqueue(RunQueue rq, Task t);

    /** Removes and returns the task {@code rq}'s CPU should run next, or null if none is runnable. */
    Task pickNext(RunQueue rq);

    /** Removes {@code t} from {@code rq} if it is queued there (it exited or migrated); true if it was. */
    boolean remove(RunQueue rq, Task t);

    /** The first queued task of {@code rq} that may run on CPU {@code cpu}, removed, or null (load balancing). */
    Task steal(RunQueue rq, int cpu);

    /** How many timer ticks {@code t} may run before another runnable task gets the CPU. */
    int timeSliceTicks(Task t);

    /**
     * True if {@code woken}, just queued, should take the CPU from {@code running} at once
     * rather than wait for its slice to end (Linux's check_preempt_curr). By default no task
     * preempts another: a woken task waits its turn.
     */
    default boolean preempts(Task woken, Task running) {
        return false;
    }

    /**
     * Queues {@code t}, which was not runnable a moment ago: it has just woken up or been
     * created (Linux's enqueue_task with ENQUEUE_WAKEUP). By default it is queued as any
     * other; a policy that measures what each task is owed places a newcomer here, so that a
     * long sleep earns no credit (see {@link Stride}).
     */
    default void enqueueWakeup(RunQueue rq, Task t) {
        enqueue(rq, t);
    }

    /**
     * Queues {@code t}, which was running and has just been preempted by a task that
     * {@link #preempts} it. By default it is queued as any other; a policy may put it back at
     * the front, as Linux does for a preempted SCHED_FIFO task.
     */
    default void enqueuePreempted(RunQueue rq, Task t) {
        enqueue(rq, t);
    }
}
