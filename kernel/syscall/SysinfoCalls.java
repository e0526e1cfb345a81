package syscall;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import sched.LoadAverage;
import sched.Scheduler;
import task.Task;
import task.Tasks;
import vm.AddressSpace;
import vm.PhysicalMemory;
import vm.PhysicalMemory.PageKind;

/**
 * sysinfo(2), number 99: the machine's overall figures in one {@code struct sysinfo}, as
 * Linux's do_sysinfo (kernel/sys.c) fills it: the uptime, the load averages, the memory and
 * the number of tasks. Every figure is one that a /proc file also shows, read from the same
 * place: the virtual clock (/proc/uptime), the scheduler's load averages (/proc/loadavg),
 * the physical frames (/proc/meminfo) and the pid table (loadavg's task count). This is the
 * syscall lab's reference part (docs/labs/syscall.md).
 */
public final class SysinfoCalls {
    private SysinfoCalls() {}

    /** Registers sysinfo on {@code table}; the figures come from {@code ts} and {@code sched}. */
    public static void register(SyscallTable table, Tasks ts, Scheduler sched) {
        // LAB syscall BEGIN: the table entry: number 99, named "sysinfo", served by a method of this class
        table.register(99, "sysinfo", (t, a) -> sysinfo(ts, sched, t, a[0]));
        // LAB syscall END
    }

    // LAB syscall BEGIN: fill struct sysinfo as Linux's do_sysinfo does and copy it out (EFAULT)
    /** sizeof(struct sysinfo) on x86-64: 13 longs and ints, padded to a multiple of 8. */
    static final int SIZE = 112;
    /** Bits of fraction in sysinfo's load averages (Linux's SI_LOAD_SHIFT): 65536 is 1.0. */
    static final int SI_LOAD_SHIFT = 16;
    private static final long NANOS = 1_000_000_000L;

    /**
     * sysinfo(info): writes the struct at {@code info} in one copy, so a bad pointer changes
     * nothing and fails with EFAULT. Memory is in bytes (mem_unit 1), as a 64-bit Linux
     * reports it whenever the total fits in a long.
     */
    static long sysinfo(Tasks ts, Scheduler sched, Task t, long info) {
        PhysicalMemory phys = ts.physicalMemory();
        long frame = PhysicalMemory.FRAME_SIZE;
        ByteBuffer si = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        // uptime: whole seconds, rounded up as Linux rounds CLOCK_BOOTTIME (tv_sec + !!tv_nsec).
        long now = sched.now();
        si.putLong(now / NANOS + (now % NANOS != 0 ? 1 : 0));
        // loads[3]: avenrun, moved from FSHIFT to SI_LOAD_SHIFT bits of fraction (get_avenrun).
        for (long load : sched.loadAveragesFixed()) si.putLong(load << (SI_LOAD_SHIFT - LoadAverage.FSHIFT));
        si.putLong(phys.totalFrames() * frame);              // totalram: MemTotal
        si.putLong(phys.freeFrames() * frame);               // freeram: MemFree
        si.putLong(phys.frames(PageKind.SHMEM) * frame);     // sharedram: Shmem
        si.putLong(0);                                       // bufferram: Buffers (there is no block device)
        si.putLong(0);                                       // totalswap: there is no swap
        si.putLong(0);                                       // freeswap
        // procs: every task, threads and zombies included (Linux's nr_threads), cut to 16 bits.
        si.putShort((short) ts.pids().count());
        si.putShort((short) 0);                              // pad
        si.putInt(0);                                        // the hole before the next long
        si.putLong(0);                                       // totalhigh: a 64-bit machine has no high memory
        si.putLong(0);                                       // freehigh
        si.putInt(1);                                        // mem_unit: the sizes above are in bytes
        if (t.mm().copyOut(info, si.array(), 0, SIZE) != AddressSpace.NO_FAULT) return -Errno.EFAULT;
        return 0;
    }
    // LAB syscall END
}
