package sched;

import task.Task;

/**
 * Periodic load balancing, which the timer runs every {@link Scheduler#BALANCE_TICKS} ticks
 * (Linux's rebalance_domains, for a machine that is one flat scheduling domain). It moves
 * queued tasks between run queues through {@link RunQueues}'s own enqueue and take, so the
 * policy keeps its order and every task still knows which queue holds it.
 *
 * <p>Each step looks at no more than {@link Scheduler#MIGRATE_SCAN} tasks of a queue, as
 * Linux's sched_nr_migrate bounds its scan, so balancing costs the same however many tasks
 * are runnable.
 */
final class LoadBalancer {
    private final RunQueues runqueues;
    private final RunQueue[] rqs;
    /** The length of a balance interval in cycles: how far apart two tasks' CPU times may drift. */
    private final long intervalCycles;

    /** A balancer for the run queues {@code runqueues}, run every {@code intervalCycles}. */
    LoadBalancer(RunQueues runqueues, long intervalCycles) {
        this.runqueues = runqueues;
        this.rqs = runqueues.rqs;
        this.intervalCycles = intervalCycles;
    }

    /**
     * Periodic load balancing (Linux's rebalance_domains, for one flat domain), in two steps.
     * First the loads (running + queued) are evened out: while the most loaded CPU has two
     * or more tasks more than the least loaded one, it gives it a queued task. Then, when
     * some CPUs still have one task more than others (N tasks on M CPUs, M not dividing N),
     * CPUs trade tasks for fairness (see {@link #fairnessSwap}). Affinity is respected: a
     * task that may not run on the target stays. Ties go to the lower CPU number.
     */
    void balance() {
        for (int pass = 0; pass < rqs.length; pass++) {
            RunQueue busiest = rqs[0], idlest = rqs[0];
            for (RunQueue rq : rqs) {
                if (rq.load() > busiest.load()) busiest = rq;
                if (rq.load() < idlest.load()) idlest = rq;
            }
            if (busiest.load() - idlest.load() < 2) break;
            Task moved = runqueues.take(busiest, idlest.cpu);
            if (moved == null) break;
            if (runqueues.tracer().enabled) runqueues.tracer().wakeup(idlest.cpu, moved); // trace: it is placed anew
            runqueues.enqueue(idlest, moved);
        }
        for (int swaps = 0; swaps < rqs.length && fairnessSwap(); swaps++) {
            // each swap puts a better-served task in a longer queue; stop when none helps
        }
    }

    /**
     * Evens out CPU time when the loads differ by one: the CPUs with the smaller load (the
     * light ones) give their tasks a larger share. The task on a light CPU that has had the
     * most CPU time trades places with the queued fair task on a heavy CPU that has had the
     * least, if the difference exceeds a balance interval; a running task is taken off its
     * CPU to move (Linux's active balancing). The loads stay as they were, but the
     * best-served tasks now wait in the longer queues, so over time every task gets the same
     * share: 3 threads on 2 CPUs get two thirds of a CPU each. Moving only the least-served
     * task, without the trade, would not do: the loads flip, and the next pass moves the same
     * task back before it has run. Returns true if it traded.
     */
    private boolean fairnessSwap() {
        int max = 0, min = Integer.MAX_VALUE;
        for (RunQueue rq : rqs) {
            max = Math.max(max, rq.load());
            min = Math.min(min, rq.load());
        }
        if (max - min != 1) return false;
        RunQueue light = null;
        Task mostServed = null;
        for (RunQueue rq : rqs) {
            if (rq.load() != min) continue;
            if (rq.current != null && !rq.current.isRealtime()
                    && (mostServed == null || cpuTime(rq.current) > cpuTime(mostServed))) {
                mostServed = rq.current;
                light = rq;
            }
            int seen = 0;
            for (Task t : rq.queue) {
                if (seen++ == Scheduler.MIGRATE_SCAN) break;
                if (!t.isRealtime() && (mostServed == null || cpuTime(t) > cpuTime(mostServed))) {
                    mostServed = t;
                    light = rq;
                }
            }
        }
        if (mostServed == null) return false;
        RunQueue heavy = null;
        Task leastServed = null;
        for (RunQueue rq : rqs) {
            if (rq.load() != max || !mostServed.mayRunOn(rq.cpu)) continue;
            int seen = 0;
            for (Task t : rq.queue) {
                if (seen++ == Scheduler.MIGRATE_SCAN) break;
                if (movable(t, light) && (leastServed == null || cpuTime(t) < cpuTime(leastServed))) {
                    leastServed = t;
                    heavy = rq;
                }
            }
        }
        if (leastServed == null || cpuTime(mostServed) <= cpuTime(leastServed) + intervalCycles) return false;
        if (light.current == mostServed) {
            runqueues.preemptForMigration(light, mostServed); // queues it on light, from where it moves below
        }
        runqueues.unqueue(light, mostServed);
        runqueues.unqueue(heavy, leastServed);
        if (runqueues.tracer().enabled) { // trace: both are placed anew
            runqueues.tracer().wakeup(light.cpu, leastServed);
            runqueues.tracer().wakeup(heavy.cpu, mostServed);
        }
        runqueues.enqueue(light, leastServed);
        runqueues.enqueue(heavy, mostServed);
        return true;
    }

    /** True if fairness balancing may move {@code t} to {@code to}: a fair task allowed there. */
    private static boolean movable(Task t, RunQueue to) {
        return !t.isRealtime() && t.mayRunOn(to.cpu);
    }

    /** The CPU time {@code t} has had, user and system, in cycles. */
    private static long cpuTime(Task t) {
        return t.utime() + t.stime();
    }
}
