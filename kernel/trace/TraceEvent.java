package trace;

import java.util.List;

/**
 * One recorded event. Which fields are used depends on {@link #kind} (see {@link TraceKind});
 * unused ones are 0, null or empty. Every field is a value, so two runs with the same seed
 * produce events that are {@code equals}.
 *
 * @param time   virtual time in nanoseconds (= cycles) since boot
 * @param cpu    the CPU the event concerns
 * @param kind   the tracepoint
 * @param tid    the task's thread id (0 for the idle task)
 * @param tgid   the task's thread group (process) id
 * @param comm   the task's command name at the time of the event
 * @param arg    the kind's integer detail: previous tid, exit status, syscall number, signal, source CPU
 * @param name   the system call's name, for syscall events
 * @param args   the system call's six arguments, for SYSCALL_ENTER
 * @param result the system call's raw result, for SYSCALL_EXIT
 * @param decoded the arguments already decoded, for a SYSCALL_ENTER the kernel made on a task's
 *               behalf with values it had in hand (the shell's execve); null when only raw
 *               {@code args} are known
 * @param stack  for a SYSCALL_ENTER while the tracer records stacks (strace -k), the caller's
 *               user stack as strace -k prints it, one frame per line (see {@link StackLines});
 *               otherwise empty
 */
public record TraceEvent(long time, int cpu, TraceKind kind, int tid, int tgid, String comm, long arg, String name,
        List<Long> args, long result, String decoded, List<String> stack) {

    /** An event without a stack. */
    public TraceEvent(long time, int cpu, TraceKind kind, int tid, int tgid, String comm, long arg, String name,
            List<Long> args, long result, String decoded) {
        this(time, cpu, kind, tid, tgid, comm, arg, name, args, result, decoded, List.of());
    }

    /** An event with raw arguments only (every tracepoint but the kernel's own execve). */
    public TraceEvent(long time, int cpu, TraceKind kind, int tid, int tgid, String comm, long arg, String name,
            List<Long> args, long result) {
        this(time, cpu, kind, tid, tgid, comm, arg, name, args, result, null);
    }

    /** One line, e.g. {@code 1200 cpu1 SWITCH 3/3 prog arg=2}: for tests and debugging. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        s.append(time).append(" cpu").append(cpu).append(' ').append(kind).append(' ')
                .append(tid).append('/').append(tgid).append(' ').append(comm).append(" arg=").append(arg);
        if (name != null) s.append(' ').append(name);
        if (!args.isEmpty()) s.append(' ').append(args);
        if (kind == TraceKind.SYSCALL_EXIT) s.append(" = ").append(result);
        return s.toString();
    }
}
