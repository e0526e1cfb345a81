package task;

import fs.FdTable;
import signal.CpuLimit;
import syscall.Errno;

/**
 * Reading and changing resource limits, Linux's {@code do_prlimit} (kernel/sys.c), which
 * getrlimit, setrlimit and prlimit64 share, and the places a limit is copied to so that the
 * code that enforces it can see it.
 *
 * <p><b>The rules.</b> An unknown resource is EINVAL; a soft limit above the hard one is
 * EINVAL; RLIMIT_NOFILE's hard limit may not pass {@link FdTable#NR_OPEN} (EPERM, Linux's
 * fs.nr_open); raising a hard limit needs privilege (CAP_SYS_RESOURCE, here an effective uid
 * of 0), and so an unprivileged process can lower its hard limit but never raise it again.
 * The soft limit may move anywhere up to the hard one. Nothing changes when a check fails.
 *
 * <p><b>Where the limits are enforced.</b> The limits live in the process's
 * {@link ResourceLimits}. Three of them are also copied into the structures whose code
 * enforces them, because package mm and package fs do not know about tasks: RLIMIT_STACK and
 * RLIMIT_AS into the process's {@code mm.Mm}, RLIMIT_NOFILE into its {@link FdTable}. Linux
 * reads the current task's limit at each use; the copies give the same answers except when
 * two processes share an mm or a descriptor table (CLONE_VM or CLONE_FILES without
 * CLONE_THREAD) and set different limits, where the last one set counts for both.
 * RLIMIT_NPROC is checked by {@link Clone} and {@link Exec}, RLIMIT_CPU by signal.CpuLimit.
 */
public final class Prlimit {
    private Prlimit() {}

    /**
     * do_prlimit for {@code target}'s process on behalf of {@code caller}: if {@code oldOut}
     * is not null it receives the previous {soft, hard}; if {@code newLimit} is not null
     * ({soft, hard}) the limits become those. {@code resource} is Linux's unsigned int.
     * Returns 0 or -EINVAL / -EPERM, with nothing changed on error.
     */
    public static long prlimit(Task caller, Task target, long resource, long[] newLimit, long[] oldOut) {
        if (resource < 0 || resource >= ResourceLimits.RLIM_NLIMITS) return -Errno.EINVAL;
        int r = (int) resource;
        ResourceLimits limits = target.signal.rlimits;
        if (newLimit != null) {
            if (ResourceLimits.exceeds(newLimit[0], newLimit[1])) return -Errno.EINVAL;
            if (r == ResourceLimits.RLIMIT_NOFILE && ResourceLimits.exceeds(newLimit[1], FdTable.NR_OPEN)) return -Errno.EPERM;
            if (ResourceLimits.exceeds(newLimit[1], limits.max(r)) && !caller.cred.capable()) return -Errno.EPERM;
        }
        if (oldOut != null) {
            oldOut[0] = limits.cur(r);
            oldOut[1] = limits.max(r);
        }
        if (newLimit != null) {
            limits.set(r, newLimit[0], newLimit[1]);
            apply(target.signal, r);
        }
        return 0;
    }

    /**
     * Copies limit {@code resource} of the process {@code sig} to where it is enforced (see
     * the class comment); RLIMIT_CPU re-arms the process's CPU-time check.
     */
    private static void apply(SignalStruct sig, int resource) {
        ResourceLimits limits = sig.rlimits;
        if (resource == ResourceLimits.RLIMIT_CPU) CpuLimit.arm(sig);
        for (Task t : sig.threads) {
            if (t.mm != null && resource == ResourceLimits.RLIMIT_STACK) t.mm.setStackLimit(bytes(limits.cur(resource)));
            if (t.mm != null && resource == ResourceLimits.RLIMIT_AS) t.mm.setAddressSpaceLimit(bytes(limits.cur(resource)));
            if (t.files != null && resource == ResourceLimits.RLIMIT_NOFILE) t.files.setLimit(descriptors(limits.cur(resource)));
        }
    }

    /**
     * Gives the address space {@code mm}, just built by execve for a process with limits
     * {@code limits}, its stack and address-space limits; the stack limit also fixes where
     * mmap places mappings (Linux's arch_pick_mmap_layout).
     */
    static void applyToNewMm(mm.Mm mm, ResourceLimits limits) {
        mm.pickMmapLayout(bytes(limits.cur(ResourceLimits.RLIMIT_STACK)));
        mm.setAddressSpaceLimit(bytes(limits.cur(ResourceLimits.RLIMIT_AS)));
    }

    /** A limit in bytes as the mm takes it: RLIM_INFINITY (and anything past Long.MAX_VALUE) is Long.MAX_VALUE. */
    static long bytes(long rlim) {
        return rlim < 0 ? Long.MAX_VALUE : rlim;
    }

    /** RLIMIT_NOFILE as a descriptor count: at most {@link FdTable#NR_OPEN}, which the hard limit cannot pass. */
    private static int descriptors(long rlim) {
        return (int) Math.min(bytes(rlim), FdTable.NR_OPEN);
    }

    /**
     * True if {@code caller} may read or change {@code target}'s limits with prlimit64
     * (Linux's check_prlimit_permission): itself, a process whose real, effective and saved
     * user and group ids all equal the caller's real ones, or any process for a privileged caller.
     */
    public static boolean mayAccess(Task caller, Task target) {
        if (caller == target || caller.cred.capable()) return true;
        Cred c = caller.cred, t = target.cred;
        return c.uid() == t.uid() && c.uid() == t.euid() && c.uid() == t.suid()
                && c.gid() == t.gid() && c.gid() == t.egid() && c.gid() == t.sgid();
    }
}
