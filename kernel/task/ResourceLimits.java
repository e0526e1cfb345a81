package task;

/**
 * A process's resource limits, Linux's {@code signal->rlim}: for each of the 16 resources a
 * soft limit (rlim_cur, what the kernel enforces) and a hard limit (rlim_max, the ceiling the
 * soft limit may be raised to). Values are unsigned 64-bit numbers held in longs, with
 * {@link #RLIM_INFINITY} (all ones, -1 as a long) meaning no limit; compare them with
 * {@link #exceeds}, never with {@code <}.
 *
 * <p>One per thread group, like the {@link SignalStruct} that holds it: fork copies the
 * parent's, threads share them, execve keeps them. The defaults are Linux's INIT_RLIMITS,
 * with RLIMIT_NPROC and RLIMIT_SIGPENDING set from threads-max as Linux's fork_init sets
 * them ({@link #boot}). Enforcement is where Linux has it (docs/kernel.md, "Resource
 * limits"); this class only stores the numbers.
 */
public final class ResourceLimits {
    /** The resources, in Linux's numbering (asm-generic/resource.h). */
    public static final int RLIMIT_CPU = 0, RLIMIT_FSIZE = 1, RLIMIT_DATA = 2, RLIMIT_STACK = 3, RLIMIT_CORE = 4,
            RLIMIT_RSS = 5, RLIMIT_NPROC = 6, RLIMIT_NOFILE = 7, RLIMIT_MEMLOCK = 8, RLIMIT_AS = 9, RLIMIT_LOCKS = 10,
            RLIMIT_SIGPENDING = 11, RLIMIT_MSGQUEUE = 12, RLIMIT_NICE = 13, RLIMIT_RTPRIO = 14, RLIMIT_RTTIME = 15;
    /** How many resources there are (RLIM_NLIMITS); a resource number at or above it is EINVAL. */
    public static final int RLIM_NLIMITS = 16;
    /** No limit: ~0UL. */
    public static final long RLIM_INFINITY = -1L;
    /** The default stack limit, 8 MiB (Linux's _STK_LIM). */
    public static final long STK_LIM = 8L << 20;
    /** The default soft and hard limits on open files (INR_OPEN_CUR, INR_OPEN_MAX). */
    public static final long INR_OPEN_CUR = 1024, INR_OPEN_MAX = 4096;
    /** The default locked-memory limit, 8 MiB (MLOCK_LIMIT since Linux 5.16). */
    public static final long MLOCK_LIMIT = 8L << 20;
    /** The default POSIX message-queue limit in bytes (MQ_BYTES_MAX). */
    public static final long MQ_BYTES_MAX = 819200;

    private final long[] cur = new long[RLIM_NLIMITS];
    private final long[] max = new long[RLIM_NLIMITS];

    private ResourceLimits() {}

    /**
     * init's limits on a machine whose threads-max is {@code maxThreads}: Linux's
     * INIT_RLIMITS, and RLIMIT_NPROC and RLIMIT_SIGPENDING both max_threads / 2, soft and
     * hard (fork_init).
     */
    public static ResourceLimits boot(int maxThreads) {
        ResourceLimits r = new ResourceLimits();
        java.util.Arrays.fill(r.cur, RLIM_INFINITY);
        java.util.Arrays.fill(r.max, RLIM_INFINITY);
        r.set(RLIMIT_STACK, STK_LIM, RLIM_INFINITY);
        r.set(RLIMIT_CORE, 0, RLIM_INFINITY);
        r.set(RLIMIT_NPROC, maxThreads / 2, maxThreads / 2);
        r.set(RLIMIT_NOFILE, INR_OPEN_CUR, INR_OPEN_MAX);
        r.set(RLIMIT_MEMLOCK, MLOCK_LIMIT, MLOCK_LIMIT);
        r.set(RLIMIT_SIGPENDING, maxThreads / 2, maxThreads / 2);
        r.set(RLIMIT_MSGQUEUE, MQ_BYTES_MAX, MQ_BYTES_MAX);
        r.set(RLIMIT_NICE, 0, 0);
        r.set(RLIMIT_RTPRIO, 0, 0);
        return r;
    }

    /** A copy, for a new thread group (fork's copy_signal). */
    public ResourceLimits copy() {
        ResourceLimits r = new ResourceLimits();
        System.arraycopy(cur, 0, r.cur, 0, RLIM_NLIMITS);
        System.arraycopy(max, 0, r.max, 0, RLIM_NLIMITS);
        return r;
    }

    /** The soft limit of {@code resource} (0..RLIM_NLIMITS-1). */
    public long cur(int resource) {
        return cur[resource];
    }

    /** The hard limit of {@code resource}. */
    public long max(int resource) {
        return max[resource];
    }

    /** Sets both limits of {@code resource}; the caller has checked them (see Prlimit). */
    public void set(int resource, long soft, long hard) {
        cur[resource] = soft;
        max[resource] = hard;
    }

    /** True if the unsigned {@code value} is above the unsigned {@code limit} (never above RLIM_INFINITY). */
    public static boolean exceeds(long value, long limit) {
        return Long.compareUnsigned(value, limit) > 0;
    }
}
