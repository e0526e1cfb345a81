package task;

import fs.FdTable;
import fs.FsStruct;
import futex.Futex;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import mm.Mm;
import signal.ThreadSignals;
import sync.PollTable;
import vm.Context;

/**
 * One schedulable entity (a process or a thread), modelled on Linux's {@code task_struct}.
 *
 * <p><b>Identity.</b> {@code tid} is the task's own id (what gettid returns); {@code tgid} is
 * the id of its thread group (what getpid returns), equal to the tid of the group leader.
 *
 * <p><b>Family.</b> {@code realParent} created it (or adopted it on reparenting);
 * {@code parent} receives its exit signal and may wait for it (they differ only under
 * ptrace, which Clonix does not have yet, but the two names are Linux's). A CLONE_THREAD
 * child gets its creator's parent, since a thread is not its creator's child. Only thread
 * group leaders are entered in their parent's {@code children} list: threads of a child are
 * reached through its leader, which is all wait4 needs.
 *
 * <p><b>Shared structures.</b> {@code mm}, {@code files}, {@code fs} and {@code sighand} are
 * reference counted: this task owns exactly one reference to each from clone until
 * {@link Exit} drops it, after which the field is null. {@code signal} is shared by the
 * thread group (see {@link SignalStruct}).
 *
 * <p><b>Sleeping.</b> A task sleeps by being put on a wait queue and marked
 * {@link TaskState#INTERRUPTIBLE} or {@link TaskState#UNINTERRUPTIBLE}; {@link #wake} makes it
 * runnable again through the scheduler's hook. See sync.WaitQueue for the re-execution rule.
 *
 * <p>All fields are touched only by the single kernel thread; nothing here is synchronized.
 */
public final class Task implements Futex.FutexWaiter {
    /** Longest command name kept, as Linux's TASK_COMM_LEN (16 bytes with the terminating NUL). */
    public static final int COMM_LEN = 16;
    /**
     * Scheduling policies (Linux's uapi/linux/sched.h). FIFO and RR are the real-time
     * policies, with priorities 1..99; OTHER, BATCH and IDLE share the fair class (priority 0).
     */
    public static final int SCHED_OTHER = 0, SCHED_FIFO = 1, SCHED_RR = 2, SCHED_BATCH = 3, SCHED_IDLE = 5;
    /** {@link #inheritedNice} when nobody lends a nice value: above the highest nice, 19. */
    public static final int NO_INHERITED_NICE = 20;

    int tid;
    int tgid;
    Task groupLeader;
    Task realParent;
    Task parent;
    final List<Task> children = new ArrayList<>();

    TaskState state = TaskState.RUNNABLE;
    /** The wait status this task reports (Linux's exit_code): exited or killed, encoded. */
    int exitCode;
    /** Signal sent to the parent when the group ends: SIGCHLD for fork, the clone low byte otherwise. */
    int exitSignal;
    /** Set when this task must die at its next return to user mode (a pending SIGKILL). */
    boolean killPending;
    /** True once it has called execve (Linux's PF_FORKNOEXEC cleared): its parent may no longer setpgid it. */
    boolean execed;
    /** Its user and group ids (Linux's cred and real_cred, which Clonix does not tell apart). */
    Cred cred = Cred.ROOT;
    /**
     * Set when a set*uid call moved it to a user already over RLIMIT_NPROC: its next execve
     * fails with EAGAIN unless the user is back under the limit (Linux's PF_NPROC_EXCEEDED).
     */
    boolean nprocExceeded;
    String comm = "";
    final long startTime;
    /** Cycles run in user mode and in the kernel (syscall costs) on behalf of this task. */
    long utime, stime;
    /**
     * Context switches away from this task (Linux's nvcsw and nivcsw): voluntary when it left
     * its CPU to wait (a blocking call, a sleep, exit), involuntary when it was still runnable
     * (preempted at the end of its slice, moved off a CPU its affinity no longer allows, or
     * sched_yield, which Linux counts as involuntary too). Written by the scheduler only.
     */
    long voluntarySwitches, involuntarySwitches;
    /** Times this task started running on a CPU other than the one it last ran on (Linux's se.nr_migrations). */
    long migrations;

    Mm mm;
    FdTable files;
    FsStruct fs;
    SigHand sighand;
    SignalStruct signal;
    /** This thread's pending set, blocked mask and restart state (see signal.ThreadSignals). */
    final ThreadSignals signals = new ThreadSignals();

    /** CLONE_CHILD_SETTID / CLONE_CHILD_CLEARTID / set_tid_address addresses, 0 if none. */
    long setChildTid, clearChildTid;
    /** The head of the robust futex list registered by set_robust_list, 0 if none (futex.RobustList). */
    long robustList;
    /** CPUs this task may run on, bit i for CPU i (sched_setaffinity). */
    long affinity = -1L;
    int policy = SCHED_OTHER;
    /** The real-time priority (Linux's rt_priority): 1..99 under FIFO and RR, else 0. */
    int rtPriority;
    /** The nice value, -20..19. */
    int priority;
    /**
     * What tasks blocked on PI futexes this task holds lend it (Linux's pi_top_task, split in
     * the two numbers Clonix's policies read): the highest real-time priority among them (0:
     * none) and the lowest nice value ({@link #NO_INHERITED_NICE}: none). Set only by
     * sched.Scheduler#setInheritedPriority, so a queued task is filed again under its new rank.
     */
    int inheritedRtPriority, inheritedNice = NO_INHERITED_NICE;
    /**
     * What the scheduling policy keeps about this task (Linux's sched_entity, which CFS
     * fills with the vruntime): its own object, which only the policy reads or writes; null
     * until the policy first sees the task. A new task starts with none, whatever its parent had.
     */
    Object schedEntity;
    /** The machine's race detector (sync.HappensBefore.NONE without one), set by Tasks at creation. */
    sync.HappensBefore happensBefore = sync.HappensBefore.NONE;
    /** The race detector's own record of this task (its vector clock), or null; only the detector uses it. */
    Object raceState;
    /** Registers while the task is off a CPU. */
    final Context context;
    /** The CPU it last ran on, or -1 if it never ran. */
    int lastCpu = -1;
    /** The CPU whose run queue holds it while it waits for a CPU, else -1 (Linux's on_rq with task_cpu). */
    int queuedOn = -1;

    /** For a vfork child: the parent, asleep until this task execs or exits; else null. */
    Task vforkParent;
    /** For a vfork parent: the child it waits for; cleared when the child releases it. */
    Task vforkChild;
    /** What this task sleeps on (Linux's wchan), for ps and the deadlock report. */
    String waitChannel = "";
    /** poll's and select's wait entries, made at first use ({@link #pollTable}). */
    private PollTable pollTable;
    /** Virtual time at which a nanosleep ends, or -1. */
    long sleepDeadline = -1;
    private boolean futexWoken;
    /** The futex word this task sleeps on, so that exit can take it off the queue. */
    Object futexMm;
    long futexAddress;

    private final Consumer<Task> waker;

    Task(int tid, Context context, long startTime, Consumer<Task> waker) {
        this.tid = tid;
        this.tgid = tid;
        this.groupLeader = this;
        this.context = context;
        this.startTime = startTime;
        this.waker = waker;
    }

    /**
     * Makes the task runnable if it is asleep, and hands it to the scheduler. Waking a task
     * that is running, runnable, stopped or dead does nothing, so waking twice is harmless.
     */
    @Override
    public void wake() {
        if (!state.isSleeping()) return;
        state = TaskState.RUNNABLE;
        waitChannel = "";
        waker.accept(this);
    }

    /** Marks the task asleep in {@code how} on {@code channel}; the caller has queued it somewhere. */
    public void sleep(TaskState how, String channel) {
        if (!how.isSleeping()) throw new IllegalArgumentException(how + " is not a sleep state");
        state = how;
        waitChannel = channel;
    }

    @Override
    public void setFutexWoken(boolean woken) {
        futexWoken = woken;
    }

    @Override
    public boolean futexWoken() {
        return futexWoken;
    }

    /** Thread id (gettid). */
    public int tid() { return tid; }

    /** Thread group id (getpid). */
    public int tgid() { return tgid; }

    /** The thread group leader (itself for a single-threaded process). */
    public Task groupLeader() { return groupLeader; }

    /** True if this task leads its thread group. */
    public boolean isGroupLeader() { return groupLeader == this; }

    /** The task that created or adopted it. */
    public Task realParent() { return realParent; }

    /** The task that is told of its exit. */
    public Task parent() { return parent; }

    /** Its children (thread group leaders only), oldest first; a copy. */
    public List<Task> children() { return new ArrayList<>(children); }

    /** The current state. */
    public TaskState state() { return state; }

    /** Sets the state; used by the scheduler (RUNNING/RUNNABLE) and by exit. */
    public void setState(TaskState s) { state = s; }

    /** The wait status recorded at exit. */
    public int exitCode() { return exitCode; }

    /** The signal its parent gets when the group ends (0 for none). */
    public int exitSignal() { return exitSignal; }

    /** True if the task must die before it runs user code again. */
    public boolean isKillPending() { return killPending; }

    /** Asks the task to die at its next return to user mode, and wakes it if it sleeps or is stopped. */
    public void kill() {
        killPending = true;
        if (state == TaskState.STOPPED) resumeFromStop();
        else if (state.isSleeping()) wake();
    }

    /**
     * Wakes the task for a signal (Linux's signal_wake_up): an INTERRUPTIBLE sleeper becomes
     * runnable and will take the signal before it runs user code; an UNINTERRUPTIBLE one
     * (a vfork parent) sleeps on and takes it later.
     */
    public void wakeForSignal() {
        if (state == TaskState.INTERRUPTIBLE) wake();
    }

    /** Takes the task off its CPU as stopped by job control (do_signal_stop); only SIGCONT or SIGKILL resume it. */
    public void stop() {
        state = TaskState.STOPPED;
        waitChannel = "do_signal_stop";
    }

    /** Makes a stopped task runnable again (SIGCONT); other states are left alone. */
    public void resumeFromStop() {
        if (state != TaskState.STOPPED) return;
        state = TaskState.RUNNABLE;
        waitChannel = "";
        waker.accept(this);
    }

    /** True if the task has called execve since it was created (setpgid's EACCES). */
    public boolean hasExeced() { return execed; }

    /** Its credentials: user and group ids. */
    public Cred cred() { return cred; }

    /** The command name, at most 15 characters. */
    public String comm() { return comm; }

    /** Sets the command name, cut to 15 bytes as Linux's set_task_comm does. */
    public void setComm(String name) {
        comm = name.length() > COMM_LEN - 1 ? name.substring(0, COMM_LEN - 1) : name;
    }

    /** Virtual time (cycles) at which it was created. */
    public long startTime() { return startTime; }

    /** Cycles spent running user code. */
    public long utime() { return utime; }

    /** Cycles charged to the kernel on its behalf. */
    public long stime() { return stime; }

    /** Context switches away from this task while it waited (voluntary_ctxt_switches). */
    public long voluntarySwitches() { return voluntarySwitches; }

    /** Context switches away from this task while it was still runnable (nonvoluntary_ctxt_switches). */
    public long involuntarySwitches() { return involuntarySwitches; }

    /** Times this task moved to another CPU. */
    public long migrations() { return migrations; }

    /** Counts one switch away from this task; the scheduler calls it when another task (or idle) takes the CPU. */
    public void countSwitch(boolean voluntary) {
        if (voluntary) voluntarySwitches++;
        else involuntarySwitches++;
    }

    /** Counts one migration; the scheduler calls it when the task starts on a CPU other than its last. */
    public void countMigration() { migrations++; }

    /** Adds {@code user} and {@code system} cycles to the accounting counters, the task's and its group's. */
    public void account(long user, long system) {
        utime += user;
        stime += system;
        signal.cpuTime += user + system;
        signal.userCpuTime += user;
    }

    /** The address space (null once released, and for idle tasks). */
    public Mm mm() { return mm; }

    /** The file descriptor table (null once released). */
    public FdTable files() { return files; }

    /** cwd, root and umask (null once released). */
    public FsStruct fs() { return fs; }

    /** The signal handler table (null once released). */
    public SigHand sighand() { return sighand; }

    /** The thread group's shared state. */
    public SignalStruct signal() { return signal; }

    /** This thread's own signal state: pending set, blocked mask (see signal.ThreadSignals). */
    public ThreadSignals signals() { return signals; }

    /** The address CLONE_CHILD_CLEARTID / set_tid_address registered, or 0. */
    public long clearChildTid() { return clearChildTid; }

    /** Registers the address cleared and futex-woken at exit (set_tid_address). */
    public void setClearChildTid(long address) { clearChildTid = address; }

    /** The CPU affinity mask. */
    public long affinity() { return affinity; }

    /** Sets the CPU affinity mask (non-zero). */
    public void setAffinity(long mask) { affinity = mask; }

    /** True if the task may run on CPU {@code cpu}. */
    public boolean mayRunOn(int cpu) { return cpu < 64 && (affinity >>> cpu & 1) != 0; }

    /** The scheduling policy. */
    public int policy() { return policy; }

    /** The nice value. */
    public int priority() { return priority; }

    /** Sets the nice value (setpriority's work, Linux's set_user_nice), already clamped to -20..19. */
    public void setNice(int nice) { priority = nice; }

    /** The scheduling policy's own record of this task (see {@link #schedEntity}), or null. */
    public Object schedEntity() { return schedEntity; }

    /** Gives the scheduling policy's record of this task; only the policy calls this. */
    public void setSchedEntity(Object entity) { schedEntity = entity; }

    @Override
    public sync.HappensBefore happensBefore() { return happensBefore; }

    /** The race detector's record of this task (see {@link #raceState}), or null. */
    public Object raceState() { return raceState; }

    /** Gives the race detector's record of this task; only the detector calls this. */
    public void setRaceState(Object state) { raceState = state; }

    /** The real-time priority: 1..99 under SCHED_FIFO and SCHED_RR, 0 under the other policies. */
    public int rtPriority() { return rtPriority; }

    /** True under SCHED_FIFO or SCHED_RR, which run before every task of the fair policies. */
    public boolean isRealtime() { return policy == SCHED_FIFO || policy == SCHED_RR; }

    /**
     * The real-time priority the scheduler ranks this task by (Linux's effective prio): its
     * own (0 under a fair policy) or, if higher, the one lent by a task blocked on a PI futex
     * it holds. A fair task boosted by a real-time waiter is ranked as a real-time task.
     */
    public int schedRtPriority() { return Math.max(isRealtime() ? rtPriority : 0, inheritedRtPriority); }

    /** The nice value the scheduler weighs this task by: its own or, if lower, one lent through a PI futex. */
    public int schedNice() { return Math.min(priority, inheritedNice); }

    /**
     * Sets what PI waiters lend this task (0 and {@link #NO_INHERITED_NICE}: nothing); only
     * sched.Scheduler#setInheritedPriority calls this, since a queued task must be re-filed.
     */
    public void setInheritedPriority(int rtPriority, int nice) {
        inheritedRtPriority = rtPriority;
        inheritedNice = nice;
    }

    /**
     * Sets the policy and real-time priority (sched_setscheduler's work). The caller has
     * checked the pair as Linux does: 1..99 for FIFO and RR, 0 for the others.
     */
    public void setScheduler(int policy, int rtPriority) {
        this.policy = policy;
        this.rtPriority = rtPriority;
    }

    /** The saved registers. */
    public Context context() { return context; }

    /** The CPU it last ran on, or -1. */
    public int lastCpu() { return lastCpu; }

    /** Records the CPU it runs on. */
    public void setLastCpu(int cpu) { lastCpu = cpu; }

    /** The CPU whose run queue this task waits in, or -1 if it is not queued (running, asleep, new). */
    public int queuedOn() { return queuedOn; }

    /** Records which run queue holds this task (-1: none); the scheduler calls this, nothing else. */
    public void setQueuedOn(int cpu) { queuedOn = cpu; }

    /** What the task sleeps on, or "" (Linux's wchan). */
    public String waitChannel() { return waitChannel; }

    /** When its nanosleep ends, in virtual cycles, or -1. */
    public long sleepDeadline() { return sleepDeadline; }

    /** Sets or clears (-1) the nanosleep deadline. */
    public void setSleepDeadline(long t) { sleepDeadline = t; }

    /** The robust list head set_robust_list registered (0: none). A new task starts without one. */
    public long robustList() { return robustList; }

    /** Registers (0: forgets) the robust list head (set_robust_list; exit and exec forget it). */
    public void setRobustList(long head) { robustList = head; }

    /** The address of the futex word the task sleeps on, in its own address space (0: none). */
    public long futexAddress() { return futexMm == null ? 0 : futexAddress; }
    /**
     * The wait entries of its poll, select or epoll_wait, made at first use and reused by
     * every call, so that a call can leave the queues its previous sleep joined (see
     * sync.PollTable). Waking it wakes the task.
     */
    public PollTable pollTable() {
        if (pollTable == null) pollTable = new PollTable(this::wake);
        return pollTable;
    }

    /** Records the futex word the task sleeps on (exit takes it off that queue). */
    public void setFutexWait(Object mm, long address) {
        futexMm = mm;
        futexAddress = address;
    }

    /** True for the per-CPU idle tasks (pid 0), which have no address space and never exit. */
    public boolean isIdle() { return tid == 0; }

    @Override
    public String toString() {
        return tid + (tid == tgid ? "" : "/" + tgid) + " (" + comm + ") " + state.letter();
    }
}
