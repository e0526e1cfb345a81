package syscall;

import mm.MmException;
import sched.Scheduler;
import task.Task;
import task.TaskState;
import task.Tasks;

/**
 * Where tasks run: sched_setaffinity, sched_getaffinity and getcpu. A CPU mask is one
 * 64-bit word (Clonix has at most 64 CPUs), laid out as Linux's cpumask: bit i is CPU i.
 */
public final class AffinityCalls {
    private AffinityCalls() {}

    /** Bytes of a CPU mask. */
    private static final int MASK_BYTES = 8;

    /** Registers the affinity calls on {@code table}. */
    public static void register(SyscallTable table, Tasks ts, Scheduler sched) {
        table.register(203, "sched_setaffinity", (t, a) -> setAffinity(ts, sched, t, (int) a[0], a[1], a[2]));
        table.register(204, "sched_getaffinity", (t, a) -> getAffinity(ts, sched, t, (int) a[0], a[1], a[2]));
        table.register(309, "getcpu", (t, a) -> getcpu(t, a[0], a[1]));
    }

    /** The thread {@code tid} names (0: the caller), or null. */
    private static Task thread(Tasks ts, Task caller, int tid) {
        if (tid == 0) return caller;
        Task t = ts.pids().find(tid);
        return t != null && t.state().isAlive() ? t : null;
    }

    /**
     * sched_setaffinity(tid, len, mask): ESRCH, EFAULT, and EINVAL when the mask holds none
     * of the machine's CPUs. A caller that may no longer use its CPU yields, so it moves now.
     */
    static long setAffinity(Tasks ts, Scheduler sched, Task caller, int tid, long len, long maskAddr) {
        long mask;
        try {
            mask = len >= MASK_BYTES ? caller.mm().read64(maskAddr) : readShort(caller, maskAddr, len);
        } catch (MmException e) {
            return -e.errno();
        }
        // As Linux, the mask is copied in before the thread is looked up: EFAULT wins over ESRCH.
        Task t = thread(ts, caller, tid);
        if (t == null) return -Errno.ESRCH;
        mask &= sched.allCpusMask();
        if (mask == 0) return -Errno.EINVAL;
        sched.setAffinity(t, mask);
        if (t == caller && !t.mayRunOn(t.lastCpu())) t.setState(TaskState.RUNNABLE);
        return 0;
    }

    private static long readShort(Task caller, long addr, long len) throws MmException {
        long mask = 0;
        for (int i = 0; i < len; i++) {
            byte[] b = new byte[1];
            if (caller.mm().copyIn(addr + i, b, 0, 1) != vm.AddressSpace.NO_FAULT) {
                throw new MmException(Errno.EFAULT, addr + i, "cpu mask");
            }
            mask |= (b[0] & 0xffL) << (8 * i);
        }
        return mask;
    }

    /**
     * sched_getaffinity(tid, len, mask): writes the 8-byte mask and returns 8, the bytes
     * written, as Linux's raw call does (glibc's wrapper turns it into 0). As Linux, EINVAL
     * if len is shorter than the mask or not a multiple of a long, checked before ESRCH.
     */
    static long getAffinity(Tasks ts, Scheduler sched, Task caller, int tid, long len, long maskAddr) {
        if (len < MASK_BYTES || len % MASK_BYTES != 0) return -Errno.EINVAL;
        Task t = thread(ts, caller, tid);
        if (t == null) return -Errno.ESRCH;
        try {
            caller.mm().write64(maskAddr, t.affinity() & sched.allCpusMask());
        } catch (MmException e) {
            return -e.errno();
        }
        return MASK_BYTES;
    }

    /** getcpu(cpu, node, cache): the CPU the caller runs on, and NUMA node 0. */
    static long getcpu(Task t, long cpuAddr, long nodeAddr) {
        try {
            if (cpuAddr != 0) t.mm().write32(cpuAddr, t.lastCpu());
            if (nodeAddr != 0) t.mm().write32(nodeAddr, 0);
        } catch (MmException e) {
            return -e.errno();
        }
        return 0;
    }
}
