package trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;
import task.Task;

/**
 * The kernel's tracepoints and the ring buffer they write to (Linux's ftrace ring buffer,
 * much simplified). The scheduler owns one Tracer; hooks in the kernel call its methods
 * only when {@link #enabled} is true, so with tracing off a hook costs one field read:
 * {@code if (tracer.enabled) tracer.wakeup(cpu, t);}.
 *
 * <p><b>Time.</b> Events are stamped with the virtual clock given at construction, never
 * with host time, so the same seed gives the same stream. Within a round of the machine
 * loop one CPU's burst may end after the next round's start, so stamps are clamped to be
 * non-decreasing per CPU: every consumer may assume each CPU's events are in time order.
 *
 * <p><b>The buffer.</b> A fixed number of slots; when it is full the oldest event is
 * overwritten and counted in {@link #dropped}. All calls come from the single machine-loop
 * thread; there is no locking.
 *
 * <p><b>The state at the window start.</b> A program that runs long without being switched
 * out leaves no SWITCH event in the kept window once its switch-in has been overwritten, and a
 * timeline of the window would not know who ran. So, as an event is overwritten, a SWITCH
 * among them is remembered per CPU: the newest dropped switch on a CPU names the task that
 * was running there when the kept window starts ({@link #windowStart}).
 */
public final class Tracer {
    /** The buffer size used when none is given: 64 Ki events. */
    public static final int DEFAULT_CAPACITY = 1 << 16;

    /** Whether tracepoints record; hooks test this field before calling, to cost nothing when off. */
    public boolean enabled;
    /** Whether each system call's entry also records the caller's user stack (strace -k: {@link StackLines}). */
    public boolean stacks;
    private final StackLines stackLines = new StackLines();

    private final LongSupplier clock;
    private final int cpus;
    private TraceEvent[] ring = new TraceEvent[0];
    private int next;
    private long recorded;
    /** The tid each CPU runs as far as the trace knows (-1: not yet seen), the "prev" of the next switch. */
    private final int[] onCpu;
    /** The last stamp given on each CPU, for the clamp described above. */
    private final long[] lastTime;
    /** Per CPU, the newest SWITCH event overwritten in the buffer (null: none yet). */
    private TraceEvent[] droppedSwitch;
    /** The decoded arguments of the system call being dispatched, from its sys_enter to its sys_exit. */
    private String entered;

    /** A disabled tracer for a machine of {@code cpus} CPUs whose virtual time is {@code clock}. */
    public Tracer(LongSupplier clock, int cpus) {
        this.clock = clock;
        this.cpus = cpus;
        this.onCpu = new int[cpus];
        this.lastTime = new long[cpus];
        this.droppedSwitch = new TraceEvent[cpus];
        Arrays.fill(onCpu, -1);
    }

    /** Starts recording into a fresh buffer of {@code capacity} (at least 1) events; earlier events are discarded. */
    public void enable(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("trace buffer capacity must be at least 1");
        ring = new TraceEvent[capacity];
        droppedSwitch = new TraceEvent[cpus];
        next = 0;
        recorded = 0;
        enabled = true;
    }

    /** Stops recording; the events recorded so far stay readable. */
    public void disable() { enabled = false; }

    /** The number of CPUs the tracer was built for. */
    public int cpuCount() { return cpus; }

    /** The events still in the buffer, oldest first. */
    public List<TraceEvent> events() {
        int size = (int) Math.min(recorded, ring.length);
        int oldest = recorded > ring.length ? next : 0;
        List<TraceEvent> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) out.add(ring[(oldest + i) % ring.length]);
        return out;
    }

    /**
     * Who was on each CPU when the kept window starts, for the CPUs whose switch-in events
     * were overwritten: one SWITCH event per such CPU, in CPU order, naming the task of the
     * newest dropped switch and stamped with the time of the oldest kept event. Empty while
     * nothing has been dropped.
     */
    public List<TraceEvent> windowStart() {
        List<TraceEvent> out = new ArrayList<>();
        if (recorded <= ring.length) return out;
        long start = ring[next].time();
        for (TraceEvent sw : droppedSwitch) {
            if (sw == null) continue;
            out.add(new TraceEvent(Math.max(start, sw.time()), sw.cpu(), TraceKind.SWITCH, sw.tid(), sw.tgid(), sw.comm(),
                    sw.arg(), null, List.of(), 0));
        }
        return out;
    }

    /**
     * {@link #windowStart} followed by {@link #events}: a stream in which every CPU's first
     * event says who was running, what a timeline of the recent past needs.
     */
    public List<TraceEvent> eventsWithWindowStart() {
        List<TraceEvent> out = windowStart();
        out.addAll(events());
        return out;
    }

    /** How many events were recorded since {@link #enable}, dropped ones included. */
    public long recorded() { return recorded; }

    /** How many of them were overwritten because the buffer was full. */
    public long dropped() { return Math.max(0, recorded - ring.length); }

    // ---------------------------------------------------------------- tracepoints

    /** sched_switch: {@code next} starts running on {@code cpu}. */
    public void switchTo(int cpu, Task next) {
        int prev = onCpu[cpu];
        onCpu[cpu] = next.tid();
        emit(cpu, TraceKind.SWITCH, next, prev, null, List.of(), 0);
    }

    /** sched_switch to the idle task: {@code cpu} found nothing to run. Recorded once per idle period. */
    public void idle(int cpu) {
        if (onCpu[cpu] == 0) return;
        long prev = onCpu[cpu];
        onCpu[cpu] = 0;
        record(new TraceEvent(stamp(cpu), cpu, TraceKind.SWITCH, 0, 0, "swapper/" + cpu, prev, null, List.of(), 0));
    }

    /** sched_wakeup: {@code t} was queued on {@code cpu}. */
    public void wakeup(int cpu, Task t) { emit(cpu, TraceKind.WAKEUP, t, 0, null, List.of(), 0); }

    /** sched_wakeup_new: the new task {@code t} was queued on {@code cpu}. */
    public void newTask(int cpu, Task t) { emit(cpu, TraceKind.NEW_TASK, t, 0, null, List.of(), 0); }

    /** sched_migrate_task: {@code t} moves from CPU {@code from} to CPU {@code to}. */
    public void migrate(Task t, int from, int to) { emit(to, TraceKind.MIGRATE, t, from, null, List.of(), 0); }

    /** sched_process_exit: {@code t} exits with wait status {@code status}. */
    public void exit(Task t, int status) { emit(cpuOf(t), TraceKind.EXIT, t, status, null, List.of(), 0); }

    /** sys_enter: {@code t} calls {@code nr} ({@code name}, null if unknown) with {@code args} (a0..a5). */
    public void syscallEnter(Task t, long nr, String name, long[] args) {
        List<Long> list = new ArrayList<>(args.length);
        for (long a : args) list.add(a);
        int cpu = cpuOf(t);
        entered = SyscallArguments.atEnter(t, nr, args);
        record(new TraceEvent(stamp(cpu), cpu, TraceKind.SYSCALL_ENTER, t.tid(), t.tgid(), t.comm(), nr, name,
                List.copyOf(list), 0, entered, stacks ? stackLines.of(t) : List.of()));
    }

    /**
     * sys_enter and sys_exit of an execve the kernel performed for {@code t} (the shell's
     * fork-and-exec, done before the child first runs), recorded once it is over. The
     * arguments were values, not guest memory, so they are recorded decoded, as strace prints
     * them: the path and argv as quoted strings, then {@code envp} (the environment's address;
     * in the new image, since the caller's copy never was in guest memory) followed by a C
     * comment counting the variables.
     */
    public void kernelExecve(Task t, String path, List<String> argv, long envp, int envCount, long result) {
        final long nr = 59;
        StringBuilder s = new StringBuilder(quote(path)).append(", [");
        for (int i = 0; i < argv.size(); i++) s.append(i == 0 ? "" : ", ").append(quote(argv.get(i)));
        s.append("], 0x").append(Long.toHexString(envp)).append(" /* ").append(envCount)
                .append(envCount == 1 ? " var */" : " vars */");
        int cpu = cpuOf(t);
        record(new TraceEvent(stamp(cpu), cpu, TraceKind.SYSCALL_ENTER, t.tid(), t.tgid(), t.comm(), nr, "execve",
                List.of(), 0, s.toString()));
        emit(cpu, TraceKind.SYSCALL_EXIT, t, nr, "execve", List.of(), result);
    }

    /** {@code s} as strace prints a string: in double quotes, with C escapes. */
    private static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                default -> q.append(c);
            }
        }
        return q.append('"').toString();
    }

    /**
     * sys_exit: call {@code nr} of {@code t}, made with {@code args}, returns {@code result}.
     * For a call that filled a buffer (read), the event carries the arguments decoded now
     * that the bytes are there; a structure the call both read and filled keeps what was
     * decoded at its entry (the dispatcher calls syscallEnter and syscallExit of one call
     * back to back, so the last entry's text is this call's).
     */
    public void syscallExit(Task t, long nr, String name, long[] args, long result) {
        int cpu = cpuOf(t);
        record(new TraceEvent(stamp(cpu), cpu, TraceKind.SYSCALL_EXIT, t.tid(), t.tgid(), t.comm(), nr, name,
                List.of(), result, SyscallArguments.atExit(t, nr, args, result, entered)));
        entered = null;
    }

    /**
     * signal_deliver: {@code t} takes the signal {@code info} describes: dequeued on its way to
     * user mode ({@code sent} false: to a handler, ignored, a stop or a kill), or, with {@code
     * sent}, at the time it is sent, when the kernel settles it at once: dropped because {@code
     * t} ignores it, or fatal (the group is killed without dequeuing it). The event carries the
     * siginfo as strace prints it and {@code result} 1 for a sent signal (see TraceKind.SIGNAL).
     */
    public void signal(Task t, signal.SigInfo info, boolean sent) {
        int cpu = cpuOf(t);
        record(new TraceEvent(stamp(cpu), cpu, TraceKind.SIGNAL, t.tid(), t.tgid(), t.comm(), info.signo(), null,
                List.of(), sent ? 1 : 0, StructText.siginfo(info.toBytes())));
    }

    // ---------------------------------------------------------------- the buffer

    /** The CPU a task-level event happens on: the one the task runs (or last ran) on. */
    private int cpuOf(Task t) { return Math.min(Math.max(0, t.lastCpu()), cpus - 1); }

    private void emit(int cpu, TraceKind kind, Task t, long arg, String name, List<Long> args, long result) {
        record(new TraceEvent(stamp(cpu), cpu, kind, t.tid(), t.tgid(), t.comm(), arg, name, args, result));
    }

    private long stamp(int cpu) {
        long now = Math.max(clock.getAsLong(), lastTime[cpu]);
        lastTime[cpu] = now;
        return now;
    }

    private void record(TraceEvent e) {
        if (ring.length == 0) return;
        TraceEvent overwritten = ring[next];
        if (overwritten != null && overwritten.kind() == TraceKind.SWITCH && overwritten.cpu() < cpus) {
            droppedSwitch[overwritten.cpu()] = overwritten;
        }
        ring[next] = e;
        next = (next + 1) % ring.length;
        recorded++;
    }
}
