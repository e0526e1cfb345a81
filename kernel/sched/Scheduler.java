package sched;

import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import task.Task;
import task.TaskState;
import task.Tasks;
import trace.Tracer;
import vm.Cpu;
import vm.Trap;

/**
 * The machine loop: N virtual CPUs, each with a {@link RunQueue}, a virtual clock, the timer,
 * and the idle loop (Linux's kernel/sched/core.c schedule() and scheduler_tick, with the idle
 * loop and the timer interrupt folded in); the run queues' bookkeeping is {@link RunQueues}'s.
 *
 * <p><b>Time.</b> The clock counts cycles; one instruction is one cycle, and one cycle is one
 * nanosecond of guest time. The loop runs in rounds: in each round every CPU that has
 * something to do, in CPU order, runs a burst of instructions whose length it draws from its
 * own {@link BurstStream} (uniform in [mean/2, 3*mean/2]; the streams' seeds come from the
 * boot options' seed), and then the clock advances by the mean. So the CPUs advance in
 * lockstep, but how far each gets relative to the others, and so how their memory accesses
 * interleave, depends on the seed and on nothing else: the same seed gives the same run. A
 * system call costs {@link #SYSCALL_CYCLES} of its CPU's burst.
 *
 * <p><b>Idle CPUs cost nothing.</b> A CPU with no task, and nothing in any queue that it could
 * pull, is not visited in a round and draws no burst (the loop reads the mask of the
 * {@link RunQueues#active} CPUs and the count of the {@link RunQueues#queued} tasks); a task
 * queued anywhere makes every CPU look, as idle balancing must. When exactly one CPU is busy and no task waits,
 * nothing can happen until its task traps or the timer ticks, so the CPU runs the bursts of
 * many rounds at once ({@link #runLone}); a trap ends that early, at the round the trap falls
 * in, which goes on as usual. The clock, the timestamps of events, the accounting, the timer
 * and the time limit are exactly what the round-by-round loop gives ({@link #setLongBursts}
 * turns it off, and tests compare). It also lets the JIT run whole translated blocks, which
 * a burst of 100 instructions cuts short. Several busy CPUs still interleave burst by burst.
 *
 * <p><b>The timer.</b> Every {@code tickCycles} the timer ticks on every CPU: the running
 * task's slice shrinks by one, and when it is used up and another task waits, the task is
 * preempted to the back of the queue. Sleepers whose nanosleep deadline has passed wake.
 * When every CPU is idle the clock jumps straight to the next deadline (a tickless idle).
 *
 * <p><b>Placement.</b> Where a woken or new task is queued, what a CPU takes next and how it
 * switches are {@link RunQueues}'s: this class decides when they happen.
 *
 * <p><b>Periodic balancing.</b> Every {@link #BALANCE_TICKS} ticks the timer also evens out
 * the queues (see {@link LoadBalancer}): a queue two or more tasks longer than another gives
 * one away, and when the lengths differ by one the best-served task on a shorter queue
 * trades places with the least-served one on a longer queue, so that 3 threads on 2 CPUs
 * each get two thirds of a CPU over time.
 *
 * <p><b>Cost.</b> The tick costs a fixed amount of work per CPU, however many tasks are
 * runnable (as do the decisions of {@link RunQueues}), and sleepers wait in a heap ordered
 * by deadline. Balancing looks at no more than {@link #MIGRATE_SCAN} tasks of a queue, as
 * Linux's sched_nr_migrate bounds its own scan.
 *
 * <p><b>Accounting.</b> Each task's cycles, here; its switches and migrations, in
 * {@link RunQueues}.
 *
 * <p><b>The end.</b> The loop stops when {@link #stop} is called (init has exited), when no
 * task is left, or when tasks remain but none can ever run again: then {@link #stopReason}
 * describes what each one waits on.
 */
public final class Scheduler implements Tasks.SchedulerHooks {
    /** What one system call costs, in cycles, beyond its syscall instruction. */
    public static final int SYSCALL_CYCLES = 100;
    /** How many queued tasks one balancing step examines at most (Linux's sched_nr_migrate is 32). */
    static final int MIGRATE_SCAN = 32;
    /** Timer ticks between periodic balancing passes: the default fair slice. */
    static final int BALANCE_TICKS = 4;
    /** The most rounds a lone busy CPU runs in one go (see {@link #runLone}), which bounds its look-ahead. */
    static final int MAX_LONE_ROUNDS = 1 << 16;
    /** The fewest rounds {@link #runLone} looks ahead: two, since it runs only if two or more fit. */
    static final int MIN_LONE_ROUNDS = 2;

    private final Cpu[] cpus;
    /** The run queues and their bookkeeping: placement, picking, switching. */
    private final RunQueues runqueues;
    /** The same run queues, CPU by CPU ({@link RunQueues#rqs}). */
    private final RunQueue[] rqs;
    /** The controlled scheduling of explore and --schedule runs, or null (see {@link #control}). */
    private ScheduleControl control;
    /** Each CPU's burst lengths (see {@link BurstStream}): a CPU draws only when it is visited. */
    private final BurstStream[] bursts;
    private final int burstMean;
    private final long tickCycles;
    private long clock;
    private long nextTick;
    private TrapHandler handler;
    private Tasks tasks;
    /** Volatile: the shell's replay stops a machine that runs on another host thread (Ctrl-C). */
    private volatile boolean stopped;
    private String stopReason;
    private long cycleLimit;
    /** Sleepers with a deadline, earliest first. */
    private final SleepTimers timers = new SleepTimers();
    /** Timer ticks between periodic balancing passes ({@link #BALANCE_TICKS}). */
    private final int balanceTicks;
    /** Timer ticks since boot. */
    private long ticks;
    private final LoadAverage loadAverage;
    private final LoadBalancer balancer;
    /** Says what a task waits on, for {@link #describeTasks}. */
    private Function<Task, String> waitDescriber = Task::waitChannel;
    /** The tracepoints (docs/kernel.md, "Tracing"); every hook is guarded by {@code tracer.enabled}. */
    private final Tracer tracer;
    /** Cycles the CPU in {@link #runBurst} has used of its burst so far: events are stamped clock + this. */
    private long burstUsed;
    /** Whether a lone busy CPU may run many rounds in one go (see {@link #runLone}); tests turn it off to compare. */
    private boolean longBursts = true;
    /**
     * How many rounds the next {@link #runLone} looks ahead at most: doubled after a run that
     * did not trap, and cut back to about the rounds before the trap after one that did. A
     * task that makes a system call every few instructions then sums two or three burst
     * lengths per call instead of the hundred before the next tick; one that never traps
     * soon runs {@link #MAX_LONE_ROUNDS} at once. It depends only on where the guest trapped,
     * so it is the same for a seed under either engine.
     */
    private long loneLookAhead = MIN_LONE_ROUNDS;

    /**
     * A machine of {@code cpus.length} CPUs scheduled by {@code policy}, whose bursts have
     * mean length {@code burstMean} and come from {@code seed}, with a timer tick every
     * {@code tickCycles}.
     */
    public Scheduler(Cpu[] cpus, SchedPolicy policy, long seed, int burstMean, long tickCycles) {
        this.cpus = cpus;
        if (cpus.length > Long.SIZE) throw new IllegalArgumentException("at most 64 CPUs");
        this.burstMean = Math.max(2, burstMean);
        SplittableRandom seeds = new SplittableRandom(seed);
        this.bursts = new BurstStream[cpus.length];
        for (int i = 0; i < cpus.length; i++) bursts[i] = new BurstStream(seeds.nextLong(), this.burstMean);
        this.tickCycles = Math.max(1, tickCycles);
        this.nextTick = this.tickCycles;
        this.tracer = new Tracer(() -> clock + burstUsed, cpus.length);
        this.runqueues = new RunQueues(cpus, policy, tracer);
        this.rqs = runqueues.rqs;
        this.balanceTicks = BALANCE_TICKS;
        this.loadAverage = new LoadAverage(this.tickCycles);
        this.balancer = new LoadBalancer(runqueues, (long) balanceTicks * this.tickCycles);
    }

    /** The kernel's tracer, disabled until someone calls {@link Tracer#enable}. */
    public Tracer tracer() { return tracer; }

    /** Connects the task system (for idle tasks and the end test) and the trap dispatcher; call once before {@link #run}. */
    public void attach(Tasks tasks, TrapHandler handler) {
        this.tasks = tasks;
        this.handler = handler;
        Task[] idle = new Task[cpus.length];
        for (int i = 0; i < cpus.length; i++) idle[i] = tasks.createIdle(i);
        runqueues.attach(idle);
    }

    /** The number of CPUs. */
    public int cpuCount() { return cpus.length; }

    /**
     * Hands the machine over to controlled scheduling: {@code c} becomes the policy and the
     * observer of the CPU's data accesses, and decides at each scheduling point who runs next.
     * The machine must have one CPU, and no task may have been queued yet.
     */
    public void control(ScheduleControl c) {
        if (cpus.length != 1) throw new IllegalStateException("controlled scheduling needs a machine of one CPU");
        control = c;
        runqueues.setPolicy(c);
        c.attach(rqs[0], cpus[0]);
        cpus[0].setAccessObserver(c);
    }

    /** CPU {@code i}'s run queue. */
    public RunQueue runQueue(int i) { return rqs[i]; }

    /** The virtual clock, in cycles (= nanoseconds) since boot. */
    @Override
    public long now() { return clock; }

    /**
     * Where a tickless idle would take the clock: the earliest sleeper's deadline when no
     * CPU runs a task and none waits for one (Long.MAX_VALUE if no sleeper has a deadline),
     * or -1 while there is work. The shell uses it to hold virtual time to the wall clock.
     */
    public long idleUntil() {
        if (runqueues.queued > 0) return -1;
        for (long a = runqueues.active; a != 0; a &= a - 1) if (!rqs[Long.numberOfTrailingZeros(a)].isIdle()) return -1;
        return timers.nextDeadline();
    }

    /** Makes the loop return at the next opportunity; may be called from any thread. */
    public void stop() { stopped = true; }

    /** Why the loop stopped on its own (a deadlock, the cycle limit), or null. */
    public String stopReason() { return stopReason; }

    /** Forgets the stop reason, so that {@link #run} can be called again. */
    public void clearStopReason() { stopReason = null; }

    /** Stops the loop (with a reason) once the clock reaches {@code cycles}; 0 for no limit. */
    public void setCycleLimit(long cycles) { cycleLimit = cycles; }

    // ---------------------------------------------------------------- the task system's hooks

    @Override
    public void wakeUp(Task t) { runqueues.wakeUp(t); }

    @Override
    public void wakeUpNew(Task t) { runqueues.wakeUpNew(t); }

    @Override
    public void dequeue(Task t) { runqueues.dequeue(t); }

    /**
     * Puts {@code t} (asleep already, with its sleep deadline set) on the timer heap: it
     * wakes at its deadline unless something wakes it first. Adding it twice is harmless.
     */
    public void addTimer(Task t) {
        timers.add(t);
    }

    // ---------------------------------------------------------------- the loop

    /** Why {@link #runUntil} returned. */
    public enum Pause {
        /** The caller's condition became true. */
        CONDITION,
        /** {@link #stop} was called, or the cycle limit was reached (then {@link #stopReason} says so). */
        STOPPED,
        /**
         * No CPU has work and no sleeper has a deadline: every task left waits for something
         * only the outside world or another task could give it (console input, a signal). For
         * a batch run that is a deadlock; an interactive session may feed input and go on.
         */
        IDLE
    }

    /**
     * Runs the machine until {@link #stop}, until no task is left, or until a deadlock; in the
     * last case {@link #stopReason} reports what each task waits on.
     */
    public void run() {
        if (runUntil(() -> false) == Pause.IDLE) {
            String blocked = describeTasks();
            if (!blocked.isEmpty()) stopReason = "deadlock: no task can run again\n" + blocked;
        }
    }

    /** {@code cycles} (nanoseconds) as seconds, without trailing zeros: 2000000000 is "2", 200000 is "0.0002". */
    public static String seconds(long cycles) {
        return java.math.BigDecimal.valueOf(cycles, 9).stripTrailingZeros().toPlainString();
    }

    /**
     * {@link #runUntil(BooleanSupplier, long)} with no deadline: {@code until} must not look
     * at the clock.
     */
    public Pause runUntil(BooleanSupplier until) {
        return runUntil(until, Long.MAX_VALUE);
    }

    /**
     * Runs rounds of the machine loop until {@code until} holds or the clock reaches
     * {@code deadline} (both are asked after every round, so they see the machine between
     * rounds, never inside a burst), until {@link #stop}, or until nothing can run (see
     * {@link Pause}). {@code until} must not look at the clock: a wait bounded in time gives
     * its bound as {@code deadline}, because a lone busy CPU may run many rounds in one go
     * (see {@link #runLone}), and only a trap, a tick or the deadline can end that early. It
     * may be called again after it returns CONDITION or IDLE; the clock and every CPU carry on
     * where they were.
     */
    public Pause runUntil(BooleanSupplier until, long deadline) {
        // Whether until has been asked since this call began: only then is it known to be
        // false, and to stay false while nothing traps.
        boolean asked = false;
        while (!stopped) {
            if (cycleLimit > 0 && clock >= cycleLimit) {
                stopReason = "time limit of " + seconds(cycleLimit) + " s of virtual time reached\n" + describeTasks();
                return Pause.STOPPED;
            }
            int lone = asked ? loneBusyCpu() : -1;
            boolean ran = lone >= 0 && runLone(lone, deadline) || round(-1, 0);
            if (ran) {
                clock += burstMean;
                while (clock >= nextTick) tick();
            } else if (!idleUntilNextEvent()) {
                return Pause.IDLE;
            }
            if (clock >= deadline || until.getAsBoolean()) return Pause.CONDITION;
            asked = true;
        }
        return Pause.STOPPED;
    }

    /**
     * Turns on or off the long bursts of a lone busy CPU ({@link #runLone}); on by default.
     * Either way the run is the same, instruction for instruction: tests compare the two.
     */
    public void setLongBursts(boolean on) {
        longBursts = on;
    }

    /**
     * One round: every CPU that has something to do, in CPU order, runs a burst drawn from
     * its own stream. A CPU is visited if it is {@link RunQueues#active}, or if some task waits in a
     * queue (it may be its own, or one an idle CPU may pull); an idle CPU with nothing to
     * pull is skipped and draws nothing. With {@code resumeCpu} >= 0 the round begins at that
     * CPU, whose burst has already run {@code resumed} cycles and stopped at a trap (see
     * {@link #runLone}). True if any CPU ran a task.
     */
    private boolean round(int resumeCpu, long resumed) {
        boolean ran = false;
        for (int i = resumeCpu >= 0 ? resumeCpu : nextToVisit(-1); i >= 0 && !stopped; i = nextToVisit(i)) {
            ran |= runBurst(i, bursts[i].next(), i == resumeCpu ? resumed : -1);
        }
        return ran;
    }

    /** The first CPU after {@code i} that a round must visit (see {@link #round}), or -1. */
    private int nextToVisit(int i) {
        int n = i + 1;
        if (n >= cpus.length) return -1;
        if (runqueues.queued > 0) return n;
        long rest = runqueues.active & (-1L << n);
        return rest == 0 ? -1 : Long.numberOfTrailingZeros(rest);
    }

    /**
     * The CPU that alone has something to do, with a task on it that nothing but itself can
     * disturb: no task waits in any queue, no reschedule is due, and no observer watches its
     * accesses (explore, --race). -1 if there is no such CPU or long bursts are off.
     */
    private int loneBusyCpu() {
        if (!longBursts || runqueues.queued > 0 || Long.bitCount(runqueues.active) != 1) return -1;
        int c = Long.numberOfTrailingZeros(runqueues.active);
        RunQueue rq = rqs[c];
        return rq.current == null || rq.needResched || cpus[c].accessObserver() != null ? -1 : c;
    }

    /**
     * Runs lone busy CPU {@code c} through many rounds in one go: the rounds until the next
     * tick, the cycle limit or {@code deadline}, at most {@link #loneLookAhead} of them (the
     * next call goes on where this one stopped), and until its task's CPU time reaches the
     * point where the kernel has work to do before it returns to user mode (a CPU-time timer,
     * RLIMIT_CPU). Nothing else can happen in those rounds unless the task traps: every other
     * CPU is idle with nothing to pull, so a round-by-round loop would skip them, and the
     * task's bursts would follow each other with nothing in between. So the CPU runs the sum
     * of its next bursts at once. If the task traps, the rounds before the one it trapped in
     * are over, and that round goes on as usual from the trap ({@link #round} with the cycles
     * it has run). Either way the bursts, the clock, the timestamps of events and the task's
     * accounting are exactly those of the round-by-round loop. On return the clock stands at
     * the start of the last round that ran, as after {@link #round}. False if fewer than two
     * rounds could run so (nothing ran; the caller runs an ordinary round).
     */
    private boolean runLone(int c, long deadline) {
        Task t = rqs[c].current;
        long cpuTimeLeft = handler.cpuTimeBeforeWork(t);
        long rounds = Math.min(loneLookAhead, Math.min(roundsBefore(nextTick), roundsBefore(deadline)));
        if (cycleLimit > 0) rounds = Math.min(rounds, roundsBefore(cycleLimit));
        BurstStream stream = bursts[c];
        long budget = 0;
        int k = 0;
        while (k < rounds && budget < cpuTimeLeft) budget += stream.peek(k++);
        if (k < 2) return false;
        Cpu cpu = cpus[c];
        long done = cpu.run(budget);
        if (cpu.trap() == null) {
            t.account(done, 0);
            stream.skip(k);
            clock += (long) (k - 1) * burstMean;
            if (k == loneLookAhead) loneLookAhead = Math.min(MAX_LONE_ROUNDS, 2 * loneLookAhead);
            return true;
        }
        // The trap came in round j, the one whose burst holds the instruction that trapped: a
        // system call is retired and counted in done, a fault is not and comes after them.
        long trapped = cpu.trap().cause() == vm.TrapCause.SYSCALL ? done : done + 1;
        long whole = 0;
        int j = 0;
        for (long b; whole + (b = stream.peek(j)) < trapped; j++) whole += b;
        loneLookAhead = Math.max(MIN_LONE_ROUNDS, 2L * (j + 1));
        t.account(whole, 0);
        stream.skip(j);
        clock += (long) j * burstMean;
        return round(c, done - whole);
    }

    /** How many rounds begin before the clock reaches {@code time} (> clock): the last of them may end at or past it. */
    private long roundsBefore(long time) {
        return (time - clock - 1) / burstMean + 1;
    }

    /**
     * Runs CPU {@code i} for up to {@code budget} cycles; false if it had nothing to run. With
     * {@code resumed} >= 0 its task has already run that many cycles of the burst and stopped
     * at the trap the CPU holds (see {@link #runLone}); the burst goes on from there.
     */
    private boolean runBurst(int i, long budget, long resumed) {
        RunQueue rq = rqs[i];
        Cpu cpu = cpus[i];
        boolean ran = false;
        long burst = budget;
        burstUsed = 0;
        while (budget > 0 && !stopped) {
            Task t = rq.current;
            long done;
            if (resumed >= 0) {
                done = resumed;
                resumed = -1;
            } else {
                if (t != null && rq.needResched) {
                    // A task that outranks this one was queued here since the CPU last looked.
                    cpu.saveContext(t.context());
                    runqueues.putOff(rq, t);
                    continue;
                }
                if (t == null) {
                    t = runqueues.pickNext(rq);
                    if (t == null) {
                        runqueues.goIdle(rq);
                        break;
                    }
                    runqueues.switchTo(rq, t);
                }
                if (handler.hasWorkBeforeUserMode(t)) {
                    // The return to user mode: a kill, a stop or a signal handler's frame. The
                    // task may have run on since its last trap, so its live registers are in the
                    // CPU: save them first, or the handler's frame would hold stale ones.
                    cpu.saveContext(t.context());
                    handler.beforeUserMode(t);
                    if (t.state() != TaskState.RUNNING) {
                        runqueues.putOff(rq, t);
                        continue;
                    }
                    cpu.loadContext(t.context(), t.mm().addressSpace());
                }
                done = cpu.run(budget);
            }
            ran = true;
            budget -= done;
            t.account(done, 0);
            Trap trap = cpu.trap();
            if (trap == null) continue;
            cpu.saveContext(t.context());
            if (trap.cause() == vm.TrapCause.SYSCALL) {
                budget -= SYSCALL_CYCLES;
                t.account(0, SYSCALL_CYCLES);
            }
            burstUsed = burst - budget;
            handler.trap(t, trap);
            if (control != null && trap.cause() == vm.TrapCause.SYSCALL) control.afterSyscall(t); // a scheduling point
            if (t.state() == TaskState.RUNNING && rq.current == t && !rq.needResched) {
                cpu.loadContext(t.context(), t.mm().addressSpace());
            } else {
                runqueues.putOff(rq, t);
            }
        }
        burstUsed = 0;
        return ran;
    }

    /** A mask with one bit for each CPU of this machine. */
    public long allCpusMask() {
        return cpus.length == 64 ? -1L : (1L << cpus.length) - 1;
    }

    /**
     * sched_setaffinity's work: restricts {@code t} to the CPUs in {@code mask} (already
     * checked to contain one of ours). A queued task on a CPU it may no longer use moves now;
     * a running one moves when it next leaves its CPU (the caller makes it yield).
     */
    public void setAffinity(Task t, long mask) {
        runqueues.setAffinity(t, mask);
    }

    /**
     * sched_setscheduler's work (Linux's __sched_setscheduler): gives {@code t} a new policy
     * and real-time priority, already checked by the caller. A queued task is taken out and
     * queued again, so that the policy files it under its new rank; a task running on a CPU
     * picks up its new slice when it next leaves. Either way, a task that now outranks the
     * one running where it is queued makes that CPU reschedule.
     */
    public void setScheduler(Task t, int schedPolicy, int rtPriority) {
        runqueues.setScheduler(t, schedPolicy, rtPriority);
    }

    /**
     * rt_mutex_setprio's work: lends {@code t} real-time priority {@code rtPriority} (0: none)
     * and nice value {@code nice} (Task.NO_INHERITED_NICE: none) on behalf of the tasks blocked
     * on PI futexes it holds. A queued task is re-filed under its new rank, as by
     * {@link #setScheduler}, and makes its CPU reschedule if it now outranks the running task;
     * a running task that a queued one now outranks gives its CPU up at once.
     */
    @Override
    public void setInheritedPriority(Task t, int rtPriority, int nice) {
        runqueues.setInheritedPriority(t, rtPriority, nice);
    }

    /** The 1, 5 and 15 minute load averages in hundredths (for /proc/loadavg). */
    public long[] loadAverages() {
        return loadAverage.hundredths();
    }

    /** The 1, 5 and 15 minute load averages in LoadAverage.FSHIFT fixed point (for sysinfo). */
    public long[] loadAveragesFixed() {
        return loadAverage.avenrun();
    }

    /** The timer interrupt on every CPU: slices, preemption, and sleepers whose time has come. */
    private void tick() {
        nextTick += tickCycles;
        ticks++;
        runqueues.tickSlices();
        timers.wakeExpired(clock);
        // Balancing moves only queued tasks: with none, it has nothing to do.
        if (ticks % balanceTicks == 0 && runqueues.queued > 0) balancer.balance();
        loadAverage.sample(clock, this::activeTasks);
    }

    /** Tasks running, waiting for a CPU or in uninterruptible sleep: what Linux's load average counts. */
    private int activeTasks() {
        int n = 0;
        for (Task t : tasks.pids().all()) {
            TaskState s = t.state();
            if (s == TaskState.RUNNING || s == TaskState.RUNNABLE || s == TaskState.UNINTERRUPTIBLE) n++;
        }
        return n;
    }

    /**
     * Nothing ran this round. If a sleeper has a deadline, jumps the clock to it and wakes
     * it (true). Otherwise nothing can run until something outside the machine acts: false.
     */
    private boolean idleUntilNextEvent() {
        if (runqueues.queued > 0) return true;
        long next = timers.nextDeadline();
        if (next != Long.MAX_VALUE) {
            clock = Math.max(clock, next);
            nextTick = (clock / tickCycles + 1) * tickCycles;
            timers.wakeExpired(clock);
            return true;
        }
        return false;
    }

    /**
     * Sets how {@link #describeTasks} says what a task waits on; by default its wait channel.
     * The kernel installs one that decodes the blocked call (boot.WaitDescription).
     */
    public void setWaitDescriber(Function<Task, String> describer) {
        waitDescriber = describer;
    }

    /** One line per live task: tid, name, state letter and what it waits on (the deadlock report). */
    public String describeTasks() {
        return describeTasks(t -> true);
    }

    /** {@link #describeTasks()} for the live tasks that {@code include} accepts. */
    public String describeTasks(Predicate<Task> include) {
        StringBuilder report = new StringBuilder();
        for (Task t : tasks.pids().all()) {
            if (!t.state().isAlive() || !include.test(t)) continue;
            report.append("  ").append(t.tid()).append(' ').append(t.comm()).append(": ")
                    .append(t.state().letter()).append(' ').append(waitDescriber.apply(t)).append('\n');
        }
        return report.toString();
    }
}
