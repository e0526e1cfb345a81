package sched;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import mm.Vma;
import task.Task;
import task.TaskState;
import vm.AccessKind;
import vm.AccessObserver;
import vm.AddressSpace;
import vm.Cpu;
import vm.Isa;

/**
 * Controlled scheduling (what {@code clonix explore} and {@code clonix run --schedule} boot
 * with): the machine has one CPU, its tasks run one at a time, and at every scheduling point
 * a {@link Strategy} chooses which runnable task runs next. It is both the scheduling policy
 * of that CPU and the observer of its data accesses (vm.AccessObserver).
 *
 * <p><b>Why one CPU is enough.</b> Clonix's memory is sequentially consistent: a run on N
 * CPUs is some interleaving of its tasks' instructions, and what one task's instruction does
 * depends only on the memory it reads. Two instructions that touch no memory in common give
 * the same result in either order, so only the order of accesses to shared memory matters,
 * and every order a multi-CPU run can produce is produced here by switching tasks just
 * before the right shared accesses. Linux's PCT and CHESS tools serialize threads the same way.
 *
 * <p><b>Scheduling points.</b> A task can be switched out (1) just before an access to a
 * shared page, (2) just before an atomic, (3) right after a system call (futex, write, ...),
 * and (4) whenever it leaves the CPU: it blocked, exited, or used up its time slice (a slice
 * still ends, and the strategy is told the task yields, so a spinning thread cannot keep the
 * CPU for ever). A point is a step only if another task could run: points with nobody to
 * switch to cannot matter and are not counted, which keeps PCT's step count small. init
 * (which only starts the command and reaps) is a candidate only when nothing else can run.
 *
 * <p><b>Shared pages.</b> A page belongs to the first task that touches it, and its
 * accesses by that task are cached in the TLB and unobserved. When another task touches it,
 * it becomes shared for the rest of the run and every access to it is a point. Accesses to a
 * task's own stack (the mapping its stack pointer is in) neither claim nor share a page, so
 * a parent writing a new thread's first frame does not make that thread's stack shared.
 * Since the one TLB is flushed whenever the CPU changes tasks, a page cached by one task is
 * observed again as soon as another runs.
 *
 * <p><b>Switching.</b> To switch at an access the observer answers STOP: the instruction is
 * not executed, the scheduler puts the task back on the queue (the decision is kept in
 * {@link #next}) and runs the chosen one; when the stopped task runs again its instruction
 * executes without a new point. Everything runs on the kernel's one thread.
 */
public final class ScheduleControl implements SchedPolicy, AccessObserver {
    /** What a step was: the kind of the access or event at which the strategy chose. */
    public enum Where { LOAD, STORE, ATOMIC, SYSCALL, SWITCH }

    /**
     * A step as it happened: the point, the task chosen, how many steps the current task had
     * been the current one of before this one (its own count, which does not change when other
     * tasks' steps move), and where the current task was: the access or event, its pc and
     * data address, and, if a describer is installed, a text saying so in source terms.
     */
    public record Step(SchedulingPoint point, int chosen, int ownCount, Where where, long pc, long address, String text) {
        /** True if the choice took the CPU from a task that could have run on. */
        public boolean isPreemption() { return point.isPreemption(chosen); }
    }

    /** Says in source terms what task {@code t} does at {@code pc} (to {@code address}); see {@link #describeSteps}. */
    public interface Describer {
        String describe(Task t, Where where, long pc, long address);
    }

    private static final int SHARED = -1;
    /** init's tid. */
    private static final int INIT = 1;
    private static final int SLICE_TICKS = 4;

    private final Strategy strategy;
    private RunQueue rq;
    private Cpu cpu;
    /** The task a decision has chosen, for the next pick, or null. */
    private Task next;
    /** The task that ran last, to flush the TLB when the CPU changes hands. */
    private Task lastRun;
    /** Tasks stopped just before an access: that access, executed again, is no new point. */
    private final List<Task> resuming = new ArrayList<>();
    /** Per address space, each touched page's owner tid, or SHARED. */
    private final Map<AddressSpace, Map<Long, Integer>> owners = new IdentityHashMap<>();
    /** Per tid, the steps at which it was the current task so far. */
    private final Map<Integer, Integer> ownCounts = new HashMap<>();
    private final List<Step> steps = new ArrayList<>();
    /** With a describer: the steps and the switches nobody chose (one task could run), in order. */
    private final List<Step> switches = new ArrayList<>();
    private Describer describer;
    private int preemptions;
    /** Another observer of the CPU's accesses (the race detector), told of each access that is done; or null. */
    private AccessObserver also;

    /** Scheduling decided by {@code strategy}; boot the machine with one CPU and pass this to Scheduler#control. */
    public ScheduleControl(Strategy strategy) {
        this.strategy = strategy;
    }

    /** Connects the only CPU and its run queue (Scheduler#control). */
    void attach(RunQueue rq, Cpu cpu) {
        this.rq = rq;
        this.cpu = cpu;
    }

    /**
     * Composes {@code other} (the race detector of {@code explore --race}) with this control:
     * the control decides first whether the task runs on, and only an access that is then
     * done is shown to {@code other}, so it sees each access once even when the task is
     * switched out before it. The page is cached only if both allow it. Makes this control the
     * CPU's observer again, whoever installed one in between.
     */
    public void alsoObserve(AccessObserver other) {
        also = other;
        cpu.setAccessObserver(this);
    }

    /** Records a description of each step from now on (slower: for the run that is shown to the user). */
    public void describeSteps(Describer d) {
        describer = d;
    }

    /** The steps so far, in order. */
    public List<Step> steps() { return steps; }

    /**
     * With {@link #describeSteps}: the steps and, between them, the switches no strategy
     * chose (a task blocked or exited and only one other could run), which have a single
     * candidate and count in no schedule; what a person needs to follow the run.
     */
    public List<Step> switches() { return switches; }

    /** How many steps took the CPU from a task that could have run on. */
    public int preemptions() { return preemptions; }

    // ---------------------------------------------------------------- the policy

    @Override
    public void enqueue(RunQueue q, Task t) {
        q.queue.addLast(t);
    }

    @Override
    public Task pickNext(RunQueue q) {
        Task chosen = next;
        next = null;
        if (chosen == null) {
            if (q.queue.isEmpty()) return null;
            Task leaving = q.leaving;
            // A task that left still runnable without a decision has used up its slice.
            boolean yielding = leaving != null && leaving.state() == TaskState.RUNNABLE;
            chosen = q.queue.size() == 1 ? forced(leaving, q.queue.getFirst()) : decide(leaving, yielding, Where.SWITCH, 0, 0);
        }
        q.queue.remove(chosen);
        if (chosen != lastRun) {
            cpu.flushTlb(); // the pages cached for the last task must be observed again
            lastRun = chosen;
        }
        return chosen;
    }

    @Override
    public boolean remove(RunQueue q, Task t) {
        if (t == next) next = null;
        resuming.remove(t);
        return q.queue.remove(t);
    }

    @Override
    public Task steal(RunQueue q, int cpu) {
        return null; // one CPU: nobody to steal for
    }

    @Override
    public int timeSliceTicks(Task t) {
        return SLICE_TICKS;
    }

    // ---------------------------------------------------------------- the points

    /** Point (3): after {@code t}'s system call, if it may run on; a decision to switch sets need_resched. */
    void afterSyscall(Task t) {
        if (t.state() != TaskState.RUNNING || rq.current != t || rq.needResched || rq.queue.isEmpty()) return;
        switchIfChosen(t, decide(t, false, Where.SYSCALL, t.context().pc, 0));
    }

    @Override
    public int observe(Cpu c, long pc, long va, int size, AccessKind kind, boolean atomic) {
        int verdict = decideAccess(c, pc, va, kind, atomic);
        if (also == null || verdict == STOP) return verdict;
        int theirs = also.observe(c, pc, va, size, kind, atomic);
        return theirs == STOP ? STOP : Math.max(verdict, theirs);
    }

    /** The control's own answer for an access: a point or not, and if so the strategy's choice. */
    private int decideAccess(Cpu c, long pc, long va, AccessKind kind, boolean atomic) {
        Task t = rq.current;
        if (t == null) return PROCEED;
        Map<Long, Integer> pages = owners.computeIfAbsent(c.addressSpace(), a -> new HashMap<>());
        long vpn = va >>> AddressSpace.PAGE_SHIFT;
        boolean shared = isShared(t, c, pages, vpn, va);
        if (!shared && !atomic) return PROCEED;
        if (resuming.remove(t) || rq.queue.isEmpty()) return PROCEED_UNCACHED;
        Where where = atomic ? Where.ATOMIC : kind == AccessKind.READ ? Where.LOAD : Where.STORE;
        Task chosen = decide(t, false, where, pc, va);
        if (chosen == t) return PROCEED_UNCACHED;
        resuming.add(t);
        switchIfChosen(t, chosen);
        return STOP;
    }

    /** Whether an access of {@code t} to page {@code vpn} is to shared memory; claims or shares the page as it goes. */
    private boolean isShared(Task t, Cpu c, Map<Long, Integer> pages, long vpn, long va) {
        Integer owner = pages.get(vpn);
        if (owner != null && owner == SHARED) return true;
        if (onOwnStack(t, c, va)) return false;
        if (owner == null) {
            pages.put(vpn, t.tid());
            return false;
        }
        if (owner == t.tid()) return false;
        pages.put(vpn, SHARED);
        return true;
    }

    /** True if {@code va} is in the mapping that holds {@code t}'s stack pointer. */
    private static boolean onOwnStack(Task t, Cpu c, long va) {
        Vma stack = t.mm().vmaAt(c.reg(Isa.SP));
        return stack != null && stack.contains(va);
    }

    private void switchIfChosen(Task t, Task chosen) {
        if (chosen == t) return;
        next = chosen;
        rq.needResched = true;
    }

    /** A switch with one candidate, {@code only}: no step, but described if steps are. */
    private Task forced(Task leaving, Task only) {
        if (describer != null && leaving != null && leaving != only) {
            SchedulingPoint point = new SchedulingPoint(steps.size(), leaving.tid(), false, new int[] {only.tid()});
            switches.add(new Step(point, only.tid(), -1, Where.SWITCH, 0, 0, describer.describe(leaving, Where.SWITCH, 0, 0)));
        }
        return only;
    }

    /** Asks the strategy at a point of {@code current} with the queue (and current, if it runs on) as candidates; records the step. */
    private Task decide(Task current, boolean yielding, Where where, long pc, long va) {
        List<Task> candidates = new ArrayList<>(rq.queue);
        if (current != null && rq.current == current) candidates.add(current);
        // init only forks the command and reaps: it runs when nothing else can, which hides
        // no behaviour of the program and keeps its steps out of the schedule.
        if (candidates.size() > 1) candidates.removeIf(c -> c.tid() == INIT);
        if (candidates.size() == 1) return forced(current, candidates.get(0));
        candidates.sort((a, b) -> Integer.compare(a.tid(), b.tid()));
        int[] tids = new int[candidates.size()];
        for (int i = 0; i < tids.length; i++) tids[i] = candidates.get(i).tid();
        int cur = current == null ? 0 : current.tid();
        SchedulingPoint point = new SchedulingPoint(steps.size(), cur, yielding, tids);
        int tid = strategy.choose(point);
        Task chosen = null;
        for (Task c : candidates) if (c.tid() == tid) chosen = c;
        if (chosen == null) throw new IllegalStateException("strategy chose tid " + tid + ", not a candidate");
        int own = ownCounts.merge(cur, 1, Integer::sum) - 1;
        String text = describer == null || current == null ? null : describer.describe(current, where, pc, va);
        Step step = new Step(point, tid, own, where, pc, va, text);
        if (step.isPreemption()) preemptions++;
        steps.add(step);
        if (describer != null) switches.add(step);
        return chosen;
    }
}
