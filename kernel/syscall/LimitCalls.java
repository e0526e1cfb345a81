package syscall;

import mm.MmException;
import task.Prlimit;
import task.Task;
import task.Tasks;

/**
 * The resource-limit calls: getrlimit 97, setrlimit 160 and prlimit64 302, each a struct
 * rlimit of two unsigned 64-bit numbers {rlim_cur, rlim_max} in user memory (Linux's
 * kernel/sys.c). The rules are task.Prlimit's; this file moves the structures and checks
 * what only the system calls check: EFAULT for the structures, and for prlimit64 ESRCH for
 * a pid that names no task and EPERM for a task the caller may not touch. Each call reads
 * its new limits before anything else and writes the old ones last, as Linux does, so a bad
 * old-limit pointer still leaves the new limits set.
 */
public final class LimitCalls {
    private LimitCalls() {}

    /** Registers the three calls on {@code table}. */
    public static void register(SyscallTable table, Tasks ts) {
        table.register(97, "getrlimit", (t, a) -> prlimit(t, t, a[0], null, true, a[1]));
        table.register(160, "setrlimit", (t, a) -> {
            long[] fresh = read(t, a[1]);
            return fresh == null ? -Errno.EFAULT : prlimit(t, t, a[0], fresh, false, 0);
        });
        table.register(302, "prlimit64", (t, a) -> {
            long[] fresh = null;
            if (a[2] != 0 && (fresh = read(t, a[2])) == null) return -Errno.EFAULT;
            int pid = (int) a[0];
            Task target = pid == 0 ? t : ts.pids().find(pid);
            if (target == null) return -Errno.ESRCH;
            if (!Prlimit.mayAccess(t, target)) return -Errno.EPERM;
            return prlimit(t, target, a[1], fresh, a[3] != 0, a[3]);
        });
    }

    /** The struct rlimit {rlim_cur, rlim_max} at {@code addr}, or null if it cannot be read. */
    private static long[] read(Task t, long addr) {
        try {
            return new long[] {t.mm().read64(addr), t.mm().read64(addr + 8)};
        } catch (MmException e) {
            return null;
        }
    }

    /**
     * do_prlimit with the new limits {@code fresh} (null: none) and, if {@code wantOld}, the
     * old ones written to {@code oldAddr} once the call has succeeded; {@code resource} is an
     * unsigned int.
     */
    private static long prlimit(Task caller, Task target, long resource, long[] fresh, boolean wantOld, long oldAddr) {
        long[] old = wantOld ? new long[2] : null;
        long r = Prlimit.prlimit(caller, target, resource & 0xffff_ffffL, fresh, old);
        if (r != 0 || old == null) return r;
        try {
            caller.mm().write64(oldAddr, old[0]);
            caller.mm().write64(oldAddr + 8, old[1]);
        } catch (MmException e) {
            return -Errno.EFAULT;
        }
        return 0;
    }
}
