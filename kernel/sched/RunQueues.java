package sched;

import task.Task;
import task.TaskState;
import trace.Tracer;
import vm.Cpu;

/**
 * The run queues of all the CPUs together (Linux's per-CPU {@code runqueues}) and the
 * bookkeeping between them: where a woken or new task is queued, what a CPU takes next,
 * the switch of a CPU from one task to another, and a task's leaving its CPU (the
 * enqueue, pick and context-switch halves of Linux's kernel/sched/core.c). The machine loop
 * in {@link Scheduler} decides when these happen; this class decides what they do.
 *
 * <p><b>Placement.</b> A woken task goes back to the CPU it last ran on unless another CPU it
 * may use is idle; a new task goes to the least loaded CPU it may use; an idle CPU pulls
 * the oldest waiting task from the busiest other queue (idle balancing). Ties go to the
 * lowest CPU number. If the policy says a woken task outranks the one running on its CPU
 * ({@link SchedPolicy#preempts}), that CPU reschedules before its next instruction (Linux's
 * need_resched, set by check_preempt_curr).
 *
 * <p><b>Cost.</b> Every decision (enqueue, pick, wake-up placement) costs a fixed amount of
 * work per CPU, however many tasks are runnable: a task knows which queue holds it, and the
 * policy picks from the front of its queue.
 *
 * <p><b>Accounting.</b> Each task's context switches (voluntary when it left to wait,
 * involuntary when it left still runnable; counted only when the CPU changes hands) and
 * migrations, and each CPU's nr_switches; see {@link #countSwitch}.
 *
 * <p><b>What the loop reads.</b> {@link #active} and {@link #queued} tell the machine loop
 * which CPUs a round must visit; only the methods here change them.
 *
 * <p>Like the rest of the machine, it runs on the machine loop's host thread only.
 */
final class RunQueues {
    private final Cpu[] cpus;
    /** CPU i's run queue; filled by {@link #attach}. */
    final RunQueue[] rqs;
    private SchedPolicy policy;
    private final Tracer tracer;
    /**
     * The CPUs a round must visit even when no task waits in any queue, one bit each: those
     * with a task on them, or whose task has just left and whose switch to idle is still to
     * be counted. The others are idle and have nothing to do until a task is queued.
     */
    long active;
    /** Tasks waiting in all the run queues together (not running): while 0, idle CPUs have nothing to pull. */
    int queued;

    /** The (still empty) run queues of {@code cpus}, ordered by {@code policy}, traced by {@code tracer}. */
    RunQueues(Cpu[] cpus, SchedPolicy policy, Tracer tracer) {
        this.cpus = cpus;
        this.policy = policy;
        this.tracer = tracer;
        this.rqs = new RunQueue[cpus.length];
    }

    /** Gives each CPU its run queue, around the idle task {@code idle[i]}. */
    void attach(Task[] idle) {
        for (int i = 0; i < rqs.length; i++) rqs[i] = new RunQueue(i, idle[i]);
    }

    /** Makes {@code p} the policy; only before any task has been queued (see Scheduler#control). */
    void setPolicy(SchedPolicy p) {
        policy = p;
    }

    /** The kernel's tracer. */
    Tracer tracer() { return tracer; }

    // ---------------------------------------------------------------- placement

    /** try_to_wake_up's placement: queues runnable {@code t} where it should run next (see the class comment). */
    void wakeUp(Task t) {
        if (t.state() != TaskState.RUNNABLE || isQueuedOrRunning(t)) return;
        int target = t.lastCpu() >= 0 && t.mayRunOn(t.lastCpu()) ? t.lastCpu() : -1;
        if (target < 0 || !rqs[target].isIdle() || !rqs[target].queue.isEmpty()) {
            for (RunQueue rq : rqs) {
                if (t.mayRunOn(rq.cpu) && rq.isIdle() && rq.queue.isEmpty()) {
                    target = rq.cpu;
                    break;
                }
            }
        }
        if (target < 0) target = leastLoaded(t);
        if (tracer.enabled) tracer.wakeup(target, t); // trace
        enqueueWakeup(rqs[target], t);
    }

    /** wake_up_new_task's placement: queues new task {@code t} on the least loaded CPU it may use. */
    void wakeUpNew(Task t) {
        int target = leastLoaded(t);
        if (tracer.enabled) tracer.newTask(target, t); // trace
        enqueueWakeup(rqs[target], t);
    }

    /** Takes exiting {@code t} off its CPU or out of its queue (see Tasks.SchedulerHooks#dequeue). */
    void dequeue(Task t) {
        // Exit calls this twice: while the task is still alive (exit_notify), then at release.
        if (tracer.enabled && t.state().isAlive()) tracer.exit(t, t.exitCode()); // trace
        for (RunQueue rq : rqs) {
            if (rq.current == t) {
                rq.current = null;
                // It leaves to die, which Linux counts as a voluntary switch (TASK_DEAD).
                rq.leaving = t;
                rq.leftVoluntarily = true;
                // The CPU keeps the address space loaded (Linux's lazy TLB): if the next task
                // on it is another thread of the process, nothing is flushed. If this was the
                // mm's last user, tearing it down flushes this TLB with the others it is loaded in.
            }
        }
        if (t.queuedOn() >= 0) unqueue(rqs[t.queuedOn()], t);
        // Its timer, if any, is dropped lazily: a dead task never matches its heap entry.
    }

    private boolean isQueuedOrRunning(Task t) {
        return t.queuedOn() >= 0 || (t.state() == TaskState.RUNNING && t.lastCpu() >= 0 && rqs[t.lastCpu()].current == t);
    }

    /**
     * Queues {@code t} on {@code rq} through the policy (at the front of its rank if it was
     * preempted, so it resumes first), and asks the CPU to reschedule if {@code t} should
     * preempt the task running there.
     */
    void enqueue(RunQueue rq, Task t) {
        queue(rq, t, false);
    }

    /** {@link #enqueue} for a task that has just woken up or been created ({@link SchedPolicy#enqueueWakeup}). */
    private void enqueueWakeup(RunQueue rq, Task t) {
        queue(rq, t, true);
    }

    private void queue(RunQueue rq, Task t, boolean woken) {
        if (woken) policy.enqueueWakeup(rq, t); else policy.enqueue(rq, t);
        t.setQueuedOn(rq.cpu);
        queued++;
        if (rq.current != null && policy.preempts(t, rq.current)) rq.needResched = true;
    }

    /** Takes {@code t} out of {@code rq}'s queue; true if it was there. */
    boolean unqueue(RunQueue rq, Task t) {
        if (!policy.remove(rq, t)) return false;
        t.setQueuedOn(-1);
        queued--;
        return true;
    }

    /** The task the policy takes from {@code rq} for {@code cpu} (its own queue or a steal), marked unqueued. */
    Task take(RunQueue rq, int cpu) {
        Task t = rq.cpu == cpu ? policy.pickNext(rq) : policy.steal(rq, cpu);
        if (t != null) {
            t.setQueuedOn(-1);
            queued--;
        }
        return t;
    }

    private int leastLoaded(Task t) {
        int best = -1;
        for (RunQueue rq : rqs) {
            if (!t.mayRunOn(rq.cpu)) continue;
            if (best < 0 || rq.load() < rqs[best].load()) best = rq.cpu;
        }
        return best < 0 ? 0 : best; // an empty mask cannot be set, but never lose a task
    }

    // ---------------------------------------------------------------- switching

    /** The next task for {@code rq}: its own queue first, else one pulled from the busiest queue. */
    Task pickNext(RunQueue rq) {
        rq.needResched = false;
        Task t = take(rq, rq.cpu);
        if (t != null) return t;
        RunQueue busiest = null;
        for (RunQueue other : rqs) {
            if (other != rq && !other.queue.isEmpty() && (busiest == null || other.queue.size() > busiest.queue.size())) {
                busiest = other;
            }
        }
        return busiest == null ? null : take(busiest, rq.cpu);
    }

    /** Puts {@code t}, just picked, on {@code rq}'s CPU: its slice, its state, its registers and address space. */
    void switchTo(RunQueue rq, Task t) {
        countSwitch(rq, t);
        if (t.lastCpu() >= 0 && t.lastCpu() != rq.cpu) t.countMigration();
        rq.current = t;
        active |= 1L << rq.cpu;
        rq.sliceLeft = policy.timeSliceTicks(t);
        t.setState(TaskState.RUNNING);
        if (tracer.enabled) { // trace
            if (t.lastCpu() >= 0 && t.lastCpu() != rq.cpu) tracer.migrate(t, t.lastCpu(), rq.cpu);
            tracer.switchTo(rq.cpu, t);
        }
        t.setLastCpu(rq.cpu);
        cpus[rq.cpu].loadContext(t.context(), t.mm().addressSpace());
    }

    /**
     * {@code rq}'s CPU found nothing to run: the switch to idle is counted, and the CPU drops
     * out of {@link #active} until a task is queued somewhere.
     */
    void goIdle(RunQueue rq) {
        countSwitch(rq, null);
        active &= ~(1L << rq.cpu);
        if (tracer.enabled) tracer.idle(rq.cpu); // trace
    }

    /**
     * Accounts the switch from the task that last left {@code rq}'s CPU to {@code next} (null
     * for idle), as Linux's __schedule does when prev != next: the CPU's nr_switches, and the
     * leaving task's voluntary or involuntary count. Resuming the task that just left, or
     * staying idle, is no switch.
     */
    private void countSwitch(RunQueue rq, Task next) {
        Task prev = rq.leaving;
        rq.leaving = null;
        if (prev == next) return;
        rq.switches++;
        if (prev != null) prev.countSwitch(rq.leftVoluntarily);
    }

    /**
     * Takes the task that was on {@code rq}'s CPU off it; a still-runnable one is queued
     * again, on this CPU if its affinity still allows it, else where a wake-up would put it.
     * A task that leaves still runnable (preempted, moved, or yielding) leaves involuntarily,
     * one that leaves to wait or to die voluntarily; the switch is counted when the CPU takes
     * its next task (see {@link #countSwitch}). The caller has saved its registers.
     */
    void putOff(RunQueue rq, Task t) {
        rq.leaving = t;
        rq.leftVoluntarily = t.state() != TaskState.RUNNING && t.state() != TaskState.RUNNABLE;
        boolean preempted = rq.needResched && t.state() == TaskState.RUNNING;
        if (rq.current == t) rq.current = null;
        if (t.state() == TaskState.RUNNING) t.setState(TaskState.RUNNABLE);
        if (t.state() != TaskState.RUNNABLE || isQueuedOrRunning(t)) return;
        if (!t.mayRunOn(rq.cpu)) {
            wakeUp(t);
        } else if (preempted) {
            policy.enqueuePreempted(rq, t);
            t.setQueuedOn(rq.cpu);
            queued++;
        } else {
            enqueue(rq, t);
        }
    }

    /**
     * Takes the task running on {@code rq}'s CPU off it between bursts (it stays runnable,
     * queued on {@code rq}), so that balancing can move it: Linux's active balancing.
     */
    void preemptForMigration(RunQueue rq, Task t) {
        cpus[rq.cpu].saveContext(t.context());
        putOff(rq, t);
    }

    /**
     * The timer tick's part in each CPU (Linux's scheduler_tick): the running task's slice
     * shrinks by one, and when it is used up and another task waits, or when the task's
     * affinity no longer includes the CPU, the task leaves it.
     */
    void tickSlices() {
        for (RunQueue rq : rqs) {
            Task t = rq.current;
            if (t == null) continue;
            // A task whose affinity no longer includes this CPU leaves at the first tick.
            boolean mustMove = !t.mayRunOn(rq.cpu);
            if (!mustMove && --rq.sliceLeft > 0) continue;
            rq.sliceLeft = policy.timeSliceTicks(t);
            if (!mustMove && rq.queue.isEmpty()) continue;
            cpus[rq.cpu].saveContext(t.context());
            putOff(rq, t);
        }
    }

    // ---------------------------------------------------------------- changes of a task's rank

    /** See {@link Scheduler#setAffinity}. */
    void setAffinity(Task t, long mask) {
        t.setAffinity(mask);
        int q = t.queuedOn();
        if (q >= 0 && !t.mayRunOn(q) && unqueue(rqs[q], t)) wakeUp(t);
    }

    /** See {@link Scheduler#setScheduler}. */
    void setScheduler(Task t, int schedPolicy, int rtPriority) {
        int q = t.queuedOn();
        boolean requeue = q >= 0 && unqueue(rqs[q], t);
        t.setScheduler(schedPolicy, rtPriority);
        if (requeue) enqueue(rqs[q], t);
    }

    /** See {@link Scheduler#setInheritedPriority}. */
    void setInheritedPriority(Task t, int rtPriority, int nice) {
        int q = t.queuedOn();
        boolean requeue = q >= 0 && unqueue(rqs[q], t);
        t.setInheritedPriority(rtPriority, nice);
        if (requeue) enqueue(rqs[q], t);
        for (RunQueue rq : rqs) {
            if (rq.current != t) continue;
            for (Task waiting : rq.queue) {
                if (policy.preempts(waiting, t)) {
                    rq.needResched = true;
                    break;
                }
            }
        }
    }
}
