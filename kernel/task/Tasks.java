package task;

import futex.Futex;
import vm.Context;
import vm.PhysicalMemory;

/**
 * The process-management state of one booted kernel: the pid table, the futex table, init,
 * the task limit (threads-max) and the count of tasks per user (RLIMIT_NPROC), physical
 * memory (each task's THREAD_SIZE is taken from it), the kernel log, and the hooks into the
 * scheduler. {@link Clone}, {@link Exit}, {@link Wait}, {@link Exec}, {@link SetId} and
 * {@link OomKiller} are the operations on it.
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

        /**
         * Lends {@code t} a real-time priority (0: none) and a nice value
         * ({@link Task#NO_INHERITED_NICE}: none) for priority inheritance, re-filing it if queued.
         * The default only records them, which does for a scheduler without run queues (tests).
         */
        default void setInheritedPriority(Task t, int rtPriority, int nice) {
            t.setInheritedPriority(rtPriority, nice);
        }
    }

    /**
     * What one task costs in guest memory, Linux's THREAD_SIZE: 8 KiB, two frames of
     * {@link PhysicalMemory.KernelUse#KERNEL_STACK}, reserved at clone and given back when the
     * task is reaped. Clonix's kernel runs on the host's stack, not on a stack of its own per
     * task, so the frames hold no data: they pay for the Java objects that make up the task
     * (its task_struct: registers, signal state, the scheduler's bookkeeping, about 1.3 KB for
     * a thread), and so a program that makes tasks runs out of guest memory before the host
     * runs out of heap. 8 KiB was x86-64's THREAD_SIZE until Linux 3.15 (16 KiB since). It
     * also sizes threads-max ({@link #maxThreadsFor}) so that, as on Linux, the most tasks a
     * machine allows leave room for what each process needs besides its task (page tables
     * and the pages it writes): a fork loop ends with EAGAIN, not with the OOM killer.
     */
    public static final int THREAD_SIZE = 2 * PhysicalMemory.FRAME_SIZE;
    /** The frames of one task's THREAD_SIZE. */
    public static final int THREAD_FRAMES = THREAD_SIZE / PhysicalMemory.FRAME_SIZE;

    final Pids pids = new Pids();
    final Futex futex;
    final PhysicalMemory phys;
    /** /proc/sys/vm: every mm made by execve follows these settings. */
    final mm.VmSysctl vmSysctl = new mm.VmSysctl();
    final SchedulerHooks sched;
    int maxTasks;
    /**
     * Tasks per real uid, zombies included (Linux's ucounts for UCOUNT_RLIMIT_NPROC): what
     * RLIMIT_NPROC limits. Only looked up by uid, never listed, so its order does not matter.
     */
    private final java.util.Map<Integer, Integer> tasksPerUser = new java.util.HashMap<>();
    Task init;
    /** The race detector every new task reports its synchronisation to (sync.HappensBefore.NONE: none). */
    private sync.HappensBefore happensBefore = sync.HappensBefore.NONE;
    /** The kernel's log (printk), which the OOM killer writes to and syslog(2) reads. */
    private final printk.KernelLog kernelLog;
    /** Tasks whose page fault found no memory, asleep until a process exits (see OomKiller). */
    private final sync.WaitQueue oomWaiters = new sync.WaitQueue();
    /**
     * Told of each task that leaves for good (tests and benchmarks look at them). The kernel
     * keeps no list of its own: a machine that creates millions of tasks must not keep
     * millions of dead ones.
     */
    private java.util.function.Consumer<Task> releaseObserver = t -> {};
    /** Tasks created since boot (Linux's total_forks: the "processes" line of /proc/stat). */
    private long createdTasks;
    /**
     * The user and system cycles of released tasks, by the CPU each last ran on (index 0 and
     * 1, then the CPU), so that /proc/stat's totals still count them (procfs.CpuTimes).
     */
    private final long[][] releasedTime = new long[2][64];
    /**
     * Told of each thread dying of the signal, one whose default action dumps core, that kills
     * its process (a crash: SIGSEGV, SIGABRT...), while its registers and memory are still there;
     * clonix run prints its backtrace (trace.CrashReport).
     */
    private java.util.function.ObjIntConsumer<Task> crashObserver = (t, sig) -> {};
    /** Called with init's wait status when init exits (the run is over; Linux would panic). */
    private java.util.function.IntConsumer onInitExit = status -> {};

    /**
     * A task system over {@code phys} that schedules through {@code sched}, with threads-max
     * sized from the memory ({@link #maxThreadsFor}).
     */
    public Tasks(PhysicalMemory phys, SchedulerHooks sched) {
        this.phys = phys;
        this.sched = sched;
        this.futex = new Futex(sched::setInheritedPriority);
        this.maxTasks = maxThreadsFor(phys.totalFrames());
        this.kernelLog = new printk.KernelLog(sched::now);
    }

    /** The kernel's log. */
    public printk.KernelLog kernelLog() { return kernelLog; }

    /** Where tasks wait for memory after the OOM killer has acted. */
    sync.WaitQueue oomWaiters() { return oomWaiters; }

    /**
     * The default threads-max for a machine of {@code pages} pages, Linux's set_max_threads:
     * the number of tasks whose THREAD_SIZE takes one eighth of memory, that is
     * pages / (8 * THREAD_SIZE / PAGE_SIZE), between {@link #MIN_MAX_TASKS} and
     * {@link #MAX_MAX_TASKS}: one task per 16 pages. 640 MiB (the default) gives 10,240.
     */
    public static int maxThreadsFor(long pages) {
        long threads = pages / (8L * THREAD_FRAMES);
        return (int) Math.max(MIN_MAX_TASKS, Math.min(MAX_MAX_TASKS, threads));
    }

    /** The pid table. */
    public Pids pids() { return pids; }

    /** The futex table. */
    public Futex futex() { return futex; }

    /** Makes every task created from now on report its synchronisation to {@code hb} (race.RaceDetector). */
    public void setHappensBefore(sync.HappensBefore hb) { happensBefore = hb; }

    /** The machine's /proc/sys/vm settings, shared by every address space. */
    public mm.VmSysctl vmSysctl() { return vmSysctl; }

    /** Physical memory, for execve's new address spaces. */
    public PhysicalMemory physicalMemory() { return phys; }

    /** init (pid 1), or null before it is created. */
    public Task init() { return init; }

    /** The virtual clock in cycles. */
    public long now() { return sched.now(); }

    /** The scheduler's hooks (priority inheritance lends priorities through them). */
    public SchedulerHooks scheduler() { return sched; }

    /** The smallest and largest threads-max Linux accepts (MIN_THREADS, and MAX_THREADS = FUTEX_TID_MASK). */
    public static final int MIN_MAX_TASKS = 20, MAX_MAX_TASKS = 0x3fffffff;

    /** The most tasks that may exist at once; clone beyond it fails with EAGAIN. */
    public void setMaxTasks(int max) { maxTasks = max; }

    /** The most tasks that may exist at once (/proc/sys/kernel/threads-max). */
    public int maxTasks() { return maxTasks; }

    /** Registers what happens when init exits. */
    public void onInitExit(java.util.function.IntConsumer action) { onInitExit = action; }

    void initExited(int status) { onInitExit.accept(status); }

    /** Makes {@code observer} see every task that leaves for good from now on, in release order. */
    public void observeReleases(java.util.function.Consumer<Task> observer) { releaseObserver = observer; }

    /** Makes {@code observer} see every crash from now on (see {@link #crashed}). */
    public void observeCrashes(java.util.function.ObjIntConsumer<Task> observer) { crashObserver = observer; }

    /** {@code t} is dying of {@code sig}, which dumps core and kills its process; its registers and memory are still there. */
    public void crashed(Task t, int sig) { crashObserver.accept(t, sig); }

    /** How many tasks have been created since boot, init included. */
    public long createdTasks() { return createdTasks; }

    /** User cycles of the tasks released so far that last ran on CPU {@code cpu}. */
    public long releasedUserTime(int cpu) { return releasedTime[0][cpu]; }

    /** System cycles of the tasks released so far that last ran on CPU {@code cpu}. */
    public long releasedSystemTime(int cpu) { return releasedTime[1][cpu]; }

    /**
     * A task leaves for good (release_task, or de_thread for an old leader): it gives back its
     * THREAD_SIZE, leaves its user's count, and its CPU time goes to the totals of the dead.
     * It must have dropped its mm, files, fs and sighand already: a task released with them
     * is a kernel bug (IllegalStateException), as a frame freed twice is.
     */
    void freeTask(Task t) {
        if (t.mm != null || t.files != null || t.fs != null || t.sighand != null) {
            throw new IllegalStateException(t + " is released with its resources");
        }
        unreserveTaskMemory();
        uncountUser(t.cred.uid());
        t.cred.groups().put();
        int cpu = Math.max(0, t.lastCpu);
        releasedTime[0][cpu] += t.utime;
        releasedTime[1][cpu] += t.stime;
        releaseObserver.accept(t);
    }

    /**
     * Takes a new task's THREAD_SIZE (dup_task_struct's allocation); false, taking nothing, if
     * memory is short (clone's ENOMEM).
     */
    boolean reserveTaskMemory() {
        return phys.reserve(THREAD_FRAMES, PhysicalMemory.KernelUse.KERNEL_STACK);
    }

    /** Gives back a THREAD_SIZE taken with {@link #reserveTaskMemory} for a clone that failed later. */
    void unreserveTaskMemory() {
        phys.unreserve(THREAD_FRAMES, PhysicalMemory.KernelUse.KERNEL_STACK);
    }

    /** How many tasks, zombies included, have real uid {@code uid} (RLIMIT_NPROC's count). */
    public int userTasks(int uid) {
        return tasksPerUser.getOrDefault(uid, 0);
    }

    void countUser(int uid) {
        tasksPerUser.merge(uid, 1, Integer::sum);
    }

    private void uncountUser(int uid) {
        if (tasksPerUser.merge(uid, -1, Integer::sum) == 0) tasksPerUser.remove(uid);
    }

    /** A task's real uid changed from {@code from} to {@code to} (commit_creds moves its count). */
    void moveUser(int from, int to) {
        uncountUser(from);
        countUser(to);
    }

    /**
     * Creates a task with no parent: init (the first call, pid 1) or another kernel-created
     * task. It has its THREAD_SIZE, root's credentials and the boot resource limits
     * ({@link ResourceLimits#boot}), but no mm, files, fs or context yet: the caller fills
     * them in, then calls {@link #start}. Throws IllegalStateException if memory cannot hold
     * even this task (the machine cannot boot).
     */
    public Task createRoot(String comm) {
        if (!reserveTaskMemory()) throw new IllegalStateException("no memory for the task " + comm);
        int tid = pids.allocate();
        Task t = new Task(tid, new Context(), now(), sched::wakeUp);
        t.happensBefore = happensBefore;
        createdTasks++;
        countUser(t.cred.uid());
        t.signal = new SignalStruct(tid, tid);
        t.signal.rlimits = ResourceLimits.boot(maxTasks);
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
        createdTasks++;
        Task t = new Task(tid, ctx, now(), sched::wakeUp);
        t.happensBefore = happensBefore;
        return t;
    }
}
