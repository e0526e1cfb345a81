package task;

/** The clone flags of linux/sched.h, with Linux's values. */
public final class CloneFlags {
    private CloneFlags() {}

    /** The low byte: the signal sent to the parent when the child's group ends. */
    public static final long CSIGNAL = 0xff;
    public static final long CLONE_VM = 0x100, CLONE_FS = 0x200, CLONE_FILES = 0x400, CLONE_SIGHAND = 0x800,
            CLONE_PIDFD = 0x1000, CLONE_PTRACE = 0x2000, CLONE_VFORK = 0x4000, CLONE_PARENT = 0x8000,
            CLONE_THREAD = 0x10000, CLONE_NEWNS = 0x20000, CLONE_SYSVSEM = 0x40000, CLONE_SETTLS = 0x80000,
            CLONE_PARENT_SETTID = 0x100000, CLONE_CHILD_CLEARTID = 0x200000, CLONE_DETACHED = 0x400000,
            CLONE_UNTRACED = 0x800000, CLONE_CHILD_SETTID = 0x1000000, CLONE_NEWCGROUP = 0x2000000,
            CLONE_NEWUTS = 0x4000000, CLONE_NEWIPC = 0x8000000, CLONE_NEWUSER = 0x10000000,
            CLONE_NEWPID = 0x20000000, CLONE_NEWNET = 0x40000000, CLONE_IO = 0x80000000L;
    /** clone3 only (above bit 31, so the clone syscall cannot pass them). */
    public static final long CLONE_CLEAR_SIGHAND = 0x100000000L, CLONE_INTO_CGROUP = 0x200000000L;

    /** Every namespace flag: Clonix has no namespaces. */
    public static final long NAMESPACES = CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS | CLONE_NEWIPC
            | CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET;

    /** fork() is clone(SIGCHLD). */
    public static final long FORK = Signals.SIGCHLD;
    /** vfork() is clone(CLONE_VM | CLONE_VFORK | SIGCHLD). */
    public static final long VFORK = CLONE_VM | CLONE_VFORK | Signals.SIGCHLD;
}
