package sched;

import task.Task;

/**
 * Round-robin with Linux's real-time classes on top. Every runnable task waits in FIFO order;
 * a CPU takes the first queued task of the highest rank, where a SCHED_FIFO or SCHED_RR task
 * of priority p (1..99) ranks above every task of lower priority and above all fair tasks
 * (SCHED_OTHER, SCHED_BATCH and SCHED_IDLE, which share one rank as they share Linux's fair
 * class). Among equals the queue order decides, so equal tasks take turns.
 *
 * <p>Slices: a fair task runs {@code sliceTicks} timer ticks, a SCHED_RR task
 * {@code rrSliceTicks} (Linux's 100 ms), and a SCHED_FIFO task has no slice at all: it keeps
 * its CPU until it blocks, yields or exits. The rank is read when a task is picked, not when
 * it is queued, so sched_setscheduler on a queued task needs no re-queueing.
 *
 * <p>Preemption: a task that wakes (or whose priority is raised) while a task of lower rank
 * runs on its CPU takes that CPU at once ({@link #preempts}); the preempted task goes back to
 * the front of the queue, so among its equals it runs next, as sched(7) says of SCHED_FIFO.
 * Fair tasks never preempt each other; they take turns at the end of slices.
 *
 * <p>Cost: the queue keeps arrival order, and {@link RunQueue#realtimeQueued} counts the
 * real-time tasks in it. With none queued, the next task is simply the first (constant
 * time, however long the queue); only while real-time tasks wait is the queue scanned for
 * the highest rank. A task's rank cannot change while it is queued, because
 * sched_setscheduler takes it out and queues it again (Scheduler.setScheduler).
 */
public final class RoundRobin implements SchedPolicy {
    /** Linux's RR_TIMESLICE: 100 ms. */
    public static final long RR_TIMESLICE_NANOS = 100_000_000L;
    /** The default timer tick of boot.Options (10,000 cycles = 10 us), for the one-argument constructor. */
    private static final long DEFAULT_TICK_CYCLES = 10_000;

    private final int sliceTicks;
    private final int rrSliceTicks;

    /** Round-robin with slices of {@code sliceTicks} timer ticks (at least 1), assuming the default 10 us tick for SCHED_RR. */
    public RoundRobin(int sliceTicks) {
        this(sliceTicks, DEFAULT_TICK_CYCLES);
    }

    /** Round-robin with slices of {@code sliceTicks} ticks of {@code tickCycles}; SCHED_RR slices last 100 ms of virtual time. */
    public RoundRobin(int sliceTicks, long tickCycles) {
        this.sliceTicks = Math.max(1, sliceTicks);
        this.rrSliceTicks = (int) Math.max(1, Math.min(Integer.MAX_VALUE, RR_TIMESLICE_NANOS / Math.max(1, tickCycles)));
    }

    /**
     * The rank of {@code t}: its real-time priority (1..99), or 0 for the fair policies; a
     * priority lent through a PI futex counts as the task's own (Task#schedRtPriority).
     */
    static int rank(Task t) {
        return t.schedRtPriority();
    }

    @Override
    public void enqueue(RunQueue rq, Task t) {
        rq.queue.addLast(t);
        if (rank(t) > 0) rq.realtimeQueued++;
    }

    @Override
    public void enqueuePreempted(RunQueue rq, Task t) {
        rq.queue.addFirst(t);
        if (rank(t) > 0) rq.realtimeQueued++;
    }

    @Override
    public boolean preempts(Task woken, Task running) {
        return rank(woken) > rank(running);
    }

    @Override
    public Task pickNext(RunQueue rq) {
        if (rq.realtimeQueued == 0) return rq.queue.pollFirst();
        return takeBest(rq, -1);
    }

    @Override
    public boolean remove(RunQueue rq, Task t) {
        if (!rq.queue.remove(t)) return false;
        if (rank(t) > 0) rq.realtimeQueued--;
        return true;
    }

    @Override
    public Task steal(RunQueue rq, int cpu) {
        return takeBest(rq, cpu);
    }

    /**
     * Removes and returns the first queued task of the highest rank that may run on
     * {@code cpu} (any task if cpu is -1), or null. A steal with no real-time task queued
     * looks only as far as the first task allowed on {@code cpu}.
     */
    private Task takeBest(RunQueue rq, int cpu) {
        Task best = null;
        for (Task t : rq.queue) {
            if (cpu >= 0 && !t.mayRunOn(cpu)) continue;
            if (best == null || rank(t) > rank(best)) best = t;
            if (rq.realtimeQueued == 0) break;
        }
        if (best != null) remove(rq, best);
        return best;
    }

    @Override
    public int timeSliceTicks(Task t) {
        if (t.policy() == Task.SCHED_FIFO) return Integer.MAX_VALUE;
        if (t.policy() == Task.SCHED_RR) return rrSliceTicks;
        return sliceTicks;
    }
}
