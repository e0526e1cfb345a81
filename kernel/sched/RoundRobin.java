package sched;

import java.util.Iterator;
import task.Task;

/**
 * Round-robin: every runnable task waits in FIFO order and runs for the same slice of
 * timer ticks, then goes to the back of the queue. Simple and fair, and the default.
 */
public final class RoundRobin implements SchedPolicy {
    private final int sliceTicks;

    /** Round-robin with slices of {@code sliceTicks} timer ticks (at least 1). */
    public RoundRobin(int sliceTicks) {
        this.sliceTicks = Math.max(1, sliceTicks);
    }

    @Override
    public void enqueue(RunQueue rq, Task t) {
        rq.queue.addLast(t);
    }

    @Override
    public Task pickNext(RunQueue rq) {
        return rq.queue.pollFirst();
    }

    @Override
    public boolean remove(RunQueue rq, Task t) {
        return rq.queue.remove(t);
    }

    @Override
    public Task steal(RunQueue rq, int cpu) {
        for (Iterator<Task> it = rq.queue.iterator(); it.hasNext(); ) {
            Task t = it.next();
            if (t.mayRunOn(cpu)) {
                it.remove();
                return t;
            }
        }
        return null;
    }

    @Override
    public int timeSliceTicks(Task t) {
        return sliceTicks;
    }
}
