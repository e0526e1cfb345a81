package sched;

import java.util.Iterator;
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
 * <p>Not done: a task that wakes does not preempt a running task of lower rank at once (the
 * scheduler loop has no wake-up preemption hook); it runs when that task's slice ends or it
 * blocks. A FIFO task therefore is only overtaken when it leaves its CPU.
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

    /** The rank of {@code t}: its real-time priority (1..99), or 0 for the fair policies. */
    static int rank(Task t) {
        return t.isRealtime() ? t.rtPriority() : 0;
    }

    @Override
    public void enqueue(RunQueue rq, Task t) {
        rq.queue.addLast(t);
    }

    @Override
    public Task pickNext(RunQueue rq) {
        Task best = null;
        for (Task t : rq.queue) if (best == null || rank(t) > rank(best)) best = t;
        if (best != null) rq.queue.remove(best);
        return best;
    }

    @Override
    public boolean remove(RunQueue rq, Task t) {
        return rq.queue.remove(t);
    }

    @Override
    public Task steal(RunQueue rq, int cpu) {
        Task best = null;
        for (Iterator<Task> it = rq.queue.iterator(); it.hasNext(); ) {
            Task t = it.next();
            if (t.mayRunOn(cpu) && (best == null || rank(t) > rank(best))) best = t;
        }
        if (best != null) rq.queue.remove(best);
        return best;
    }

    @Override
    public int timeSliceTicks(Task t) {
        if (t.policy() == Task.SCHED_FIFO) return Integer.MAX_VALUE;
        if (t.policy() == Task.SCHED_RR) return rrSliceTicks;
        return sliceTicks;
    }
}
