package task;

/**
 * CPU time and context switches of a thread, a process or a process's waited-for children,
 * what getrusage, times and wait4 report (Linux's getrusage in kernel/sys.c). Times are in
 * cycles, one cycle being one nanosecond of virtual CPU time.
 *
 * <p>A process's figures are its live threads' plus what its released threads left in its
 * SignalStruct; its children's are what wait added there when it reaped them (each child's
 * own figures and its children's, Linux's wait_task_zombie).
 */
public record Rusage(long utime, long stime, long nvcsw, long nivcsw) {
    /** Nothing used. */
    public static final Rusage ZERO = new Rusage(0, 0, 0, 0);

    /** The figures of thread {@code t} alone (RUSAGE_THREAD). */
    public static Rusage thread(Task t) {
        return new Rusage(t.utime, t.stime, t.voluntarySwitches, t.involuntarySwitches);
    }

    /** The figures of process {@code sig}: every thread, released ones included (RUSAGE_SELF). */
    public static Rusage self(SignalStruct sig) {
        long utime = sig.deadUtime, stime = sig.deadStime, nvcsw = sig.deadNvcsw, nivcsw = sig.deadNivcsw;
        for (Task t : sig.threads) {
            utime += t.utime;
            stime += t.stime;
            nvcsw += t.voluntarySwitches;
            nivcsw += t.involuntarySwitches;
        }
        return new Rusage(utime, stime, nvcsw, nivcsw);
    }

    /** The figures of the waited-for children of process {@code sig}, and theirs (RUSAGE_CHILDREN). */
    public static Rusage children(SignalStruct sig) {
        return new Rusage(sig.cutime, sig.cstime, sig.cnvcsw, sig.cnivcsw);
    }

    /** The sum of these figures and {@code o}'s. */
    public Rusage plus(Rusage o) {
        return new Rusage(utime + o.utime, stime + o.stime, nvcsw + o.nvcsw, nivcsw + o.nivcsw);
    }

    /** sizeof(struct rusage) on x86-64. */
    public static final int SIZE = 144;

    /**
     * These figures as x86-64's 144-byte struct rusage: ru_utime and ru_stime as struct
     * timeval at 0 and 16, ru_nvcsw and ru_nivcsw at 128 and 136, the rest 0.
     */
    public byte[] toBytes() {
        byte[] b = new byte[SIZE];
        putLong(b, 0, utime / 1_000_000_000L);
        putLong(b, 8, utime % 1_000_000_000L / 1000);
        putLong(b, 16, stime / 1_000_000_000L);
        putLong(b, 24, stime % 1_000_000_000L / 1000);
        putLong(b, 128, nvcsw);
        putLong(b, 136, nivcsw);
        return b;
    }

    private static void putLong(byte[] b, int off, long v) {
        for (int i = 0; i < 8; i++) b[off + i] = (byte) (v >>> (8 * i));
    }

    /** Keeps what released thread {@code t} used in its group's totals (__exit_signal). */
    static void threadReleased(Task t) {
        SignalStruct sig = t.signal;
        sig.deadUtime += t.utime;
        sig.deadStime += t.stime;
        sig.deadNvcsw += t.voluntarySwitches;
        sig.deadNivcsw += t.involuntarySwitches;
    }

    /** Adds {@code reaped}, a child's own figures and its children's, to {@code parent}'s children's totals. */
    static void childReaped(SignalStruct parent, Rusage reaped) {
        parent.cutime += reaped.utime;
        parent.cstime += reaped.stime;
        parent.cnvcsw += reaped.nvcsw;
        parent.cnivcsw += reaped.nivcsw;
    }
}
