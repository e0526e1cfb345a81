package sched;

import task.Task;

/**
 * A proportional-share policy (the sched lab, docs/labs/sched.md): every runnable task gets
 * a share of its CPU in proportion to its tickets, here the weight of its nice value
 * ({@link NiceWeights}, Linux's sched_prio_to_weight). Select it with
 * {@code clonix run --sched stride}. Its contract, which the lab's tests check:
 * <ul>
 *   <li>CPU-bound tasks on one CPU share it by weight: nice 0 and nice 5 (weights 1024 and
 *       335) get 75% and 25% of it;
 *   <li>no task starves: even nice 19 (weight 15) runs, now and then;
 *   <li>a task that slept gets its share again on waking, no more (sleeping earns no
 *       credit, so it does not take the CPU for a long burst) and no less;
 *   <li>a new task gets its share from the start, and is not owed the time the others ran
 *       before it existed;
 *   <li>a nice value changed by setpriority counts from then on.
 * </ul>
 * Every task gets the same slice ({@link #timeSliceTicks}); shares come from how often each
 * task is picked. Real-time policies are not honoured: a SCHED_FIFO or SCHED_RR task is
 * weighed by its nice value like any other.
 */
public final class Stride implements SchedPolicy {
    // LAB sched BEGIN: a proportional-share policy: a task's CPU share follows the weight of its nice value
    /*
     * Stride scheduling (Waldspurger and Weihl, 1995). Each task has a pass: the CPU time it
     * has had, measured in virtual time, where one nanosecond of CPU counts NICE_0_LOAD /
     * weight virtual nanoseconds (the paper's stride). A heavy task's pass grows slowly, a
     * light one's fast. The CPU runs the queued task with the smallest pass for a fixed
     * slice; over time every pass advances at the same rate, which is proportional sharing.
     * Linux's CFS is this idea with the pass called vruntime (update_curr and
     * calc_delta_fair in kernel/sched/fair.c).
     *
     * Every run queue has a virtual time, which never goes back: the smallest pass of its
     * running and queued tasks as last seen (the paper's global_pass, CFS's min_vruntime).
     * It tells where a task joining the queue belongs. A new task starts there, level with
     * the others. A woken task keeps its pass if it is ahead, but is brought up to the
     * virtual time if it is behind: its sleep earns no credit (CFS's place_entity, without
     * the sleeper bonus). A task that moves to another CPU keeps its distance from the
     * virtual time of the queue it left (CFS's migrate_task_rq_fair), since passes on two
     * CPUs are not comparable.
     *
     * A task's CPU time is charged to its pass when it is queued; the running task's is
     * charged too when another task joins its queue, since it may have run alone for long
     * without ever being queued. The weight is read at each charge, so a new nice value
     * counts from then on. The pick scans the queue, linear in its length (Linux keeps a
     * red-black tree ordered by vruntime); ties go to the task queued first. Stride draws no
     * random numbers: the machine's seed is not needed.
     */
    /** The slice of every task, in timer ticks: stride scheduling's fixed quantum. */
    private final int sliceTicks;
    /** Each run queue's virtual time, indexed by CPU number. */
    private final long[] virtualTime;

    /** What the policy keeps about one task, in {@link Task#schedEntity()}. */
    private static final class Entity {
        /** The task's pass, in virtual nanoseconds, measured on the queue of CPU {@link #home}. */
        long pass;
        /** The task's CPU time (cycles) when its pass was last charged. */
        long charged;
        /** The CPU whose virtual time {@link #pass} is measured against; -1 before it joins a queue. */
        int home = -1;
    }

    /** Stride scheduling on {@code cpus} CPUs, with slices of {@code sliceTicks} timer ticks (at least 1). */
    public Stride(int cpus, int sliceTicks) {
        this.sliceTicks = Math.max(1, sliceTicks);
        this.virtualTime = new long[cpus];
    }

    /** The policy's record of {@code t}, created with the task's CPU time so far as already charged. */
    private static Entity entity(Task t) {
        Entity e = (Entity) t.schedEntity();
        if (e == null) {
            e = new Entity();
            e.charged = cpuTime(t);
            t.setSchedEntity(e);
        }
        return e;
    }

    /** The CPU time {@code t} has had, user and system, in cycles. */
    private static long cpuTime(Task t) {
        return t.utime() + t.stime();
    }

    /**
     * Adds the CPU time {@code t} used since its last charge to its pass, weighted by its nice
     * value now (a lower one lent through a PI futex counts, Task#schedNice).
     */
    private static void charge(Task t, Entity e) {
        long used = cpuTime(t) - e.charged;
        e.charged += used;
        e.pass += used * NiceWeights.NICE_0_LOAD / NiceWeights.weight(t.schedNice());
    }

    /** Moves {@code e}'s pass to the queue of {@code cpu}, keeping its distance from the virtual time. */
    private void moveTo(Entity e, int cpu) {
        if (e.home >= 0 && e.home != cpu) e.pass += virtualTime[cpu] - virtualTime[e.home];
        e.home = cpu;
    }

    /**
     * Brings {@code rq}'s virtual time up to the smallest pass among its running task (charged
     * first, since it may have run for long alone) and its queued tasks; it never goes back.
     */
    private void updateVirtualTime(RunQueue rq) {
        long min = Long.MAX_VALUE;
        Task running = rq.current;
        if (running != null) {
            Entity e = entity(running);
            charge(running, e);
            if (e.home == rq.cpu) min = e.pass;
        }
        for (Task t : rq.queue) min = Math.min(min, entity(t).pass);
        if (min != Long.MAX_VALUE) virtualTime[rq.cpu] = Math.max(virtualTime[rq.cpu], min);
    }

    @Override
    public void enqueue(RunQueue rq, Task t) {
        join(rq, t, false);
    }

    @Override
    public void enqueueWakeup(RunQueue rq, Task t) {
        join(rq, t, true);
    }

    /**
     * Queues {@code t} on {@code rq} after charging its pass. A task {@code woken} (or new) is
     * placed at the queue's virtual time if it is behind it: it earns nothing for its sleep.
     * One that was runnable all along (its slice ended, it yielded, it was moved) keeps its
     * pass: it is owed whatever it earned while it waited.
     */
    private void join(RunQueue rq, Task t, boolean woken) {
        Entity e = entity(t);
        charge(t, e);
        if (woken || e.home < 0) updateVirtualTime(rq);
        long now = virtualTime[rq.cpu];
        if (e.home < 0) e.pass = now; // new: level with the tasks already here
        moveTo(e, rq.cpu);
        if (woken) e.pass = Math.max(e.pass, now);
        rq.queue.addLast(t);
    }

    @Override
    public Task pickNext(RunQueue rq) {
        Task next = smallestPass(rq, -1);
        if (next == null) return null;
        rq.queue.remove(next);
        virtualTime[rq.cpu] = Math.max(virtualTime[rq.cpu], entity(next).pass);
        return next;
    }

    @Override
    public boolean remove(RunQueue rq, Task t) {
        return rq.queue.remove(t);
    }

    @Override
    public Task steal(RunQueue rq, int cpu) {
        Task t = smallestPass(rq, cpu);
        if (t == null) return null;
        rq.queue.remove(t);
        moveTo(entity(t), cpu);
        return t;
    }

    /** The queued task of {@code rq} with the smallest pass that may run on {@code cpu} (any, if -1), the first on ties; null if none. */
    private static Task smallestPass(RunQueue rq, int cpu) {
        Task best = null;
        long bestPass = 0;
        for (Task t : rq.queue) {
            if (cpu >= 0 && !t.mayRunOn(cpu)) continue;
            long pass = entity(t).pass;
            if (best == null || pass < bestPass) {
                best = t;
                bestPass = pass;
            }
        }
        return best;
    }

    @Override
    public int timeSliceTicks(Task t) {
        return sliceTicks;
    }
    // LAB sched STUB
    // /** The slice of every task, in timer ticks. */
    // private final int sliceTicks;
    //
    // /** For now, plain round robin: every task gets the same share, whatever its nice value. */
    // public Stride(int cpus, int sliceTicks) {
    //     this.sliceTicks = Math.max(1, sliceTicks);
    // }
    //
    // @Override
    // public void enqueue(RunQueue rq, Task t) {
    //     rq.queue.addLast(t);
    // }
    //
    // @Override
    // public Task pickNext(RunQueue rq) {
    //     return rq.queue.pollFirst();
    // }
    //
    // @Override
    // public boolean remove(RunQueue rq, Task t) {
    //     return rq.queue.remove(t);
    // }
    //
    // @Override
    // public Task steal(RunQueue rq, int cpu) {
    //     for (Task t : rq.queue) {
    //         if (t.mayRunOn(cpu)) {
    //             rq.queue.remove(t);
    //             return t;
    //         }
    //     }
    //     return null;
    // }
    //
    // @Override
    // public int timeSliceTicks(Task t) {
    //     return sliceTicks;
    // }
    // LAB sched END
}
