package syscall;

import task.Task;
import task.TaskState;
import trace.Tracer;
import vm.Context;
import vm.Isa;

/**
 * The system call table, as Linux's {@code sys_call_table} for x86-64: handlers indexed by
 * number, each with its name (for strace). {@link #dispatch} is the whole system-call path
 * from the trap to the result in a0, including the re-execution rule for calls that block.
 *
 * <p>The path allocates nothing: the six argument registers are copied into an array the
 * table keeps ({@link #args}), as Linux's handlers read theirs from the saved {@code pt_regs}.
 * One array serves every call because one host thread runs the whole machine and a call is
 * served from start to end before the next begins (a call rewound by a signal runs again
 * later, through {@link #dispatch} again).
 */
public final class SyscallTable {
    /** One past the highest number the table can hold (Linux x86-64 numbers stay below 512). */
    public static final int SIZE = 512;
    /** The size of the syscall instruction: a blocked call moves pc back by this much. */
    private static final int INSTRUCTION_SIZE = 8;

    private final SyscallHandler[] handlers = new SyscallHandler[SIZE];
    private final String[] names = new String[SIZE];
    /**
     * The argument registers a0..a5 of the call being served, which {@link #dispatch} hands
     * to the handler: valid until the handler returns, so a handler reads it and keeps
     * nothing of it (see {@link SyscallHandler}).
     */
    private final long[] args = new long[6];
    /** The kernel's tracer for sys_enter/sys_exit, or a disabled one until {@link #setTracer}. */
    private Tracer tracer = new Tracer(() -> 0, 1);

    /** An empty table: every number answers ENOSYS until registered. */
    public SyscallTable() {}

    /** Installs {@code handler} as system call {@code nr} called {@code name}. */
    public void register(int nr, String name, SyscallHandler handler) {
        handlers[nr] = handler;
        names[nr] = name;
    }

    /** Makes {@link #dispatch} report to {@code tracer} (the scheduler's) while it is enabled. */
    public void setTracer(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The name of call {@code nr} ("write"), or null if none is registered. */
    public String name(long nr) {
        return nr >= 0 && nr < SIZE ? names[(int) nr] : null;
    }

    /**
     * Serves the system call of {@code t}, whose registers are saved in its context: number
     * in a7, arguments in a0..a5. Unknown numbers return -ENOSYS. A call that returns
     * -BLOCKED is rewound to its syscall instruction and its task marked asleep
     * (INTERRUPTIBLE, waiting on the call's name) unless the call chose a state itself; it
     * runs again when woken. Returns the raw result.
     */
    public long dispatch(Task t) {
        Context ctx = t.context();
        long[] regs = ctx.regs;
        long nr = regs[Isa.A7];
        args[0] = regs[Isa.A0];
        args[1] = regs[Isa.A1];
        args[2] = regs[Isa.A2];
        args[3] = regs[Isa.A3];
        args[4] = regs[Isa.A4];
        args[5] = regs[Isa.A5];
        SyscallHandler h = nr >= 0 && nr < SIZE ? handlers[(int) nr] : null;
        if (tracer.enabled) tracer.syscallEnter(t, nr, name(nr), args); // trace
        long result = h == null ? -Errno.ENOSYS : h.call(t, args);
        // Like Linux, a call that ended its task (exit, exit_group) has no sys_exit event.
        if (tracer.enabled && t.state().isAlive()) tracer.syscallExit(t, nr, name(nr), args, result); // trace
        if (result == -Errno.BLOCKED && !t.signals().isFrameRestored()) {
            ctx.pc -= INSTRUCTION_SIZE;
            if (t.state() == TaskState.RUNNING) t.sleep(TaskState.INTERRUPTIBLE, names[(int) nr]);
        } else if (t.state().isAlive()) {
            ctx.regs[Isa.A0] = result;
        }
        return result;
    }
}
