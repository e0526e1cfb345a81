package syscall;

import sched.Scheduler;
import task.Rusage;
import task.Task;
import vm.AddressSpace;

/**
 * What a process has used: times 100 and getrusage 98 (Linux's kernel/sys.c). Both read the
 * figures task.Rusage keeps: CPU time (one cycle is one nanosecond of virtual time) and, for
 * getrusage, context switches. The page-fault counts, ru_maxrss and the block counts are
 * not kept and read 0.
 */
public final class UsageCalls {
    private UsageCalls() {}

    /** getrusage's who: the caller's process, its waited-for children, the calling thread. */
    public static final int RUSAGE_SELF = 0, RUSAGE_CHILDREN = -1, RUSAGE_THREAD = 1;
    /** USER_HZ: times counts clock ticks of 10 ms, whatever the kernel's HZ. */
    static final long NANOS_PER_TICK = 10_000_000L;
    /** sizeof(struct tms): four clock_t. */
    static final int TMS_SIZE = 32;

    /** Registers times and getrusage on {@code table}; times reads the clock of {@code sched}. */
    public static void register(SyscallTable table, Scheduler sched) {
        table.register(98, "getrusage", (t, a) -> getrusage(t, (int) a[0], a[1]));
        table.register(100, "times", (t, a) -> times(sched, t, a[0]));
    }

    /**
     * times(buf): the process's user and system time and its waited-for children's, in
     * ticks, written to buf unless it is NULL (EFAULT if it cannot be); returns the ticks
     * since boot. Linux's count starts five minutes before zero so that wrap-around bugs
     * show early; Clonix's starts at 0, which a program cannot tell, as only differences
     * between two calls mean anything.
     */
    static long times(Scheduler sched, Task t, long buf) {
        if (buf != 0) {
            Rusage self = Rusage.self(t.signal()), children = Rusage.children(t.signal());
            long[] ticks = {self.utime(), self.stime(), children.utime(), children.stime()};
            byte[] tms = new byte[TMS_SIZE];
            for (int i = 0; i < ticks.length; i++) {
                long v = ticks[i] / NANOS_PER_TICK;
                for (int k = 0; k < 8; k++) tms[8 * i + k] = (byte) (v >>> (8 * k));
            }
            if (t.mm().copyOut(buf, tms, 0, TMS_SIZE) != AddressSpace.NO_FAULT) return -Errno.EFAULT;
        }
        return sched.now() / NANOS_PER_TICK;
    }

    /** getrusage(who, usage): EINVAL for another who, then EFAULT if usage cannot be written. */
    static long getrusage(Task t, int who, long addr) {
        Rusage usage;
        switch (who) {
            case RUSAGE_SELF -> usage = Rusage.self(t.signal());
            case RUSAGE_CHILDREN -> usage = Rusage.children(t.signal());
            case RUSAGE_THREAD -> usage = Rusage.thread(t);
            default -> {
                return -Errno.EINVAL;
            }
        }
        byte[] b = usage.toBytes();
        return t.mm().copyOut(addr, b, 0, b.length) == AddressSpace.NO_FAULT ? 0 : -Errno.EFAULT;
    }
}
