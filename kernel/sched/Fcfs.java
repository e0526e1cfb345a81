package sched;

import task.Task;

/**
 * First come, first served: the textbook's simplest policy, and the smallest complete
 * {@link SchedPolicy}. Runnable tasks wait in arrival order and a task keeps its CPU until
 * it blocks, yields or exits: there is no time slice, so a CPU-bound task starves everyone
 * queued behind it on its CPU (the convoy effect the textbooks warn about; idle CPUs still
 * pull waiting tasks, and periodic balancing still spreads them).
 *
 * <p>Select it with {@code clonix run --sched fcfs}. Real-time priorities are ignored: every
 * task is equal here.
 */
public final class Fcfs implements SchedPolicy {
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
        for (Task t : rq.queue) {
            if (t.mayRunOn(cpu)) {
                rq.queue.remove(t);
                return t;
            }
        }
        return null;
    }

    @Override
    public int timeSliceTicks(Task t) {
        return Integer.MAX_VALUE; // no preemption on the tick: a task runs until it leaves
    }
}
