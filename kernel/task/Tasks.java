package task;

import futex.Futex;
import java.util.ArrayList;
import java.util.List;
import vm.Context;
import vm.PhysicalMemory;

/**
 * The process-management state of one booted kernel: the pid table, the futex table, init,
 * the task limit, physical memory, and the hooks into the scheduler. {@link Clone},
 * {@link Exit}, {@link Wait} and {@link Exec} are the operations on it.
 *
 * <p>Linux keeps these as globals (init_task, the pid hash, futex_queues); Clonix bundles them
 * in one object so that two kernels (two tests) can live in one JVM.
 */
public final class Tasks {
    /** What the task code needs from the scheduler (implemented by sched.Scheduler). */
    public interface SchedulerHooks {
        /** Puts a woken task (already RUNNABLE) on a run queue (try_to_wake_up). */
        void wakeUp(Task t);

        /** Puts a just-created task on a run queue (wake_up_new_task). */
        void wakeUpNew(Task t);

        /** Takes a task that is leaving for good off its run queue, if it is queued. */
        void dequeue(Task t);

        /** The virtual clock, in cycles. */
        long now();
    }

    /**
     * The default cap on tasks in existence, zombies included (/proc/sys/kernel/threads-max).
     * Linux derives its default from RAM (one eighth of memory in kernel stacks), which gives
     * tens of thousands on a desktop. A Clonix task costs host memory (about 10 KB of Java heap)
     * rather than guest memory, so the default is a fixed 16,384: a program may keep 10,000
     * threads alive, and a fork bomb stops at about 160 MB of host heap.
     */
    public static final int DEFAULT_MAX_TASKS = 16_384;

    final Pids pids = new Pids();
    final Futex futex = new Futex();
    final PhysicalMemory phys;
    /** /proc/sys/vm: every mm made by execve follows these settings. */
    final mm.VmSysctl vmSysctl = new mm.VmSysctl();
    final SchedulerHooks sched;
    int maxTasks = DEFAULT_MAX_TASKS;
    Task init;
    /** Tasks that exited for good and were taken out of the table, for the leak checks of tests. */
    private final List<Task> reaped = new ArrayList<>();
    /** Called with init's wait status when init exits (the run is over; Linux would panic). */
    private java.util.function.IntConsumer onInitExit = status -> {};

    /** A task system over {@code phys} that schedules through {@code sched}. */
    public Tasks(PhysicalMemory phys, SchedulerHooks sched) {
        this.phys = phys;
        this.sched = sched;
    }

    /** The pid table. */
    public Pids pids() { return pids; }

    /** The futex table. */
    public Futex futex() { return futex; }

    /** The machine's /proc/sys/vm settings, shared by every address space. */
    public mm.VmSysctl vmSysctl() { return vmSysctl; }

    /** Physical memory, for execve's new address spaces. */
    public PhysicalMemory physicalMemory() { return phys; }

    /** init (pid 1), or null before it is created. */
    public Task init() { return init; }

    /** The virtual clock in cycles. */
    public long now() { return sched.now(); }

    /** The smallest and largest threads-max Linux accepts (MIN_THREADS, and MAX_THREADS = FUTEX_TID_MASK). */
    public static final int MIN_MAX_TASKS = 20, MAX_MAX_TASKS = 0x3fffffff;

    /** The most tasks that may exist at once; clone beyond it fails with EAGAIN. */
    public void setMaxTasks(int max) { maxTasks = max; }

    /** The most tasks that may exist at once (/proc/sys/kernel/threads-max). */
    public int maxTasks() { return maxTasks; }

    /** Registers what happens when init exits. */
    public void onInitExit(java.util.function.IntConsumer action) { onInitExit = action; }

    void initExited(int status) { onInitExit.accept(status); }

    /** Tasks that have been released since boot, in release order (a copy; tests check their resources). */
    public List<Task> released() { return new ArrayList<>(reaped); }

    void noteReleased(Task t) { reaped.add(t); }

    /**
     * Creates a task with no parent and no resources yet: init (the first call, pid 1) or
     * another kernel-created task. The caller fills in mm, files, fs and the context, then
     * calls {@link #start}.
     */
    public Task createRoot(String comm) {
        int tid = pids.allocate();
        Task t = new Task(tid, new Context(), now(), sched::wakeUp);
        t.signal = new SignalStruct(tid, tid);
        t.signal.threads.add(t);
        t.signal.live = 1;
        t.sighand = new SigHand();
        t.exitSignal = Signals.SIGCHLD;
        t.setComm(comm);
        if (init == null) init = t;
        t.realParent = t.parent = init;
        if (t != init) init.children.add(t);
        pids.add(t);
        return t;
    }

    /**
     * Creates an idle task for CPU {@code cpu}: pid 0, no mm, never in the pid table
     * (Linux's swapper/N).
     */
    public Task createIdle(int cpu) {
        Task t = new Task(0, new Context(), now(), sched::wakeUp);
        t.tgid = 0;
        t.signal = new SignalStruct(0, 0);
        t.setComm("swapper/" + cpu);
        t.affinity = 1L << cpu;
        t.state = TaskState.RUNNABLE;
        return t;
    }

    /**
     * Makes init (pid 1): a root task that runs the program already loaded in {@code mm},
     * with descriptor table {@code files} and fs context {@code fs} (their references pass
     * to it), starting at the entry point with the stack execve built. Then schedules it.
     */
    public Task spawnInit(mm.Mm mm, fs.FdTable files, fs.FsStruct fs) {
        if (init != null) throw new IllegalStateException("init exists already");
        Task t = createRoot("init");
        t.signal.signals.makeUnkillable(); // as copy_process does for a child reaper
        t.mm = mm;
        t.files = files;
        t.fs = fs;
        t.context.pc = mm.entry();
        t.context.regs[vm.Isa.SP] = mm.startStack();
        start(t);
        return t;
    }

    /** Hands a fully built task to the scheduler. */
    public void start(Task t) {
        t.state = TaskState.RUNNABLE;
        sched.wakeUpNew(t);
    }

    /**
     * A kernel timer (Linux's hrtimer, in Clonix's terms): a task object that never runs and
     * only ever sleeps with a deadline on the scheduler's timer heap, so that the heap's
     * wake-up at the deadline calls {@code onExpiry} instead of queuing it. It has tid 0, no
     * resources, and is never in the pid table. signal.Alarm uses one per process.
     */
    public Task createKernelTimer(String name, java.util.function.Consumer<Task> onExpiry) {
        Task t = new Task(0, new Context(), now(), onExpiry);
        t.tgid = 0;
        t.signal = new SignalStruct(0, 0);
        t.setComm(name);
        return t;
    }

    /** Creates a task object for clone (package-private: only {@link Clone} makes tasks). */
    Task newTask(int tid, Context ctx) {
        return new Task(tid, ctx, now(), sched::wakeUp);
    }
}
