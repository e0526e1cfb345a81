package trace;

/**
 * The tracepoints of the kernel, named after their Linux counterparts (the sched_* and
 * raw_syscalls events of /sys/kernel/tracing). What the generic fields of a
 * {@link TraceEvent} mean depends on the kind; each constant says so.
 */
public enum TraceKind {
    /** sched_switch: {@code task} now runs on {@code cpu}; {@code arg} is the tid that ran before (-1 if unknown). Tid 0 is the idle task. */
    SWITCH,
    /** sched_wakeup: {@code task} became runnable and was queued on {@code cpu}. */
    WAKEUP,
    /** sched_wakeup_new: the new {@code task} was queued on {@code cpu} for the first time. */
    NEW_TASK,
    /** sched_migrate_task: {@code task} moves to {@code cpu} from CPU {@code arg}. */
    MIGRATE,
    /** sched_process_exit: {@code task} exits; {@code arg} is its wait status. */
    EXIT,
    /** sys_enter: {@code task} calls system call number {@code arg} ({@code name}) with {@code args}. */
    SYSCALL_ENTER,
    /** sys_exit: system call {@code arg} ({@code name}) of {@code task} returns {@code result} (-errno on failure). */
    SYSCALL_EXIT,
    /**
     * signal_deliver: {@code task} takes signal number {@code arg}; {@code decoded} is its
     * siginfo as strace prints it, and {@code result} is 1 if the kernel settled the signal
     * as it was sent (ignored, or fatal at once) rather than on the task's way to user mode.
     */
    SIGNAL
}
