package procfs;

import vm.PhysicalMemory;
import vm.PhysicalMemory.KernelUse;
import vm.PhysicalMemory.PageKind;

/**
 * The text of /proc/meminfo (Linux's fs/proc/meminfo.c {@code meminfo_proc_show}): one
 * "Name:" line per figure, the name padded to 16 columns and the value right-aligned in 8,
 * in kB, in Linux's order. top and free read it.
 *
 * <p>Every figure comes from the physical frames and what they hold: MemTotal is the
 * machine's memory, MemFree its free frames. File data of the in-memory file system and
 * MAP_SHARED anonymous memory are Shmem, and, as Linux counts tmpfs pages, part of Cached
 * (the only page cache there is). AnonPages is the processes' private memory. The kernel's
 * own memory is shown where Linux shows it: Slab (all of it unreclaimable, SUnreclaim),
 * KernelStack and PageTables. Pipe buffers have no line, as on Linux. There is no swap and
 * there are no buffers.
 */
final class MemInfo {
    private MemInfo() {}

    /** /proc/meminfo for the machine whose frames are {@code phys}. */
    static String format(PhysicalMemory phys) {
        long frameKb = PhysicalMemory.FRAME_SIZE / 1024;
        long total = phys.totalFrames() * frameKb;
        long free = phys.freeFrames() * frameKb;
        long anon = phys.frames(PageKind.ANON) * frameKb;
        long shmem = phys.frames(PageKind.SHMEM) * frameKb;
        long slab = phys.kernelFrames(KernelUse.SLAB) * frameKb;
        StringBuilder sb = new StringBuilder();
        line(sb, "MemTotal", total);
        line(sb, "MemFree", free);
        line(sb, "MemAvailable", available(free, shmem, shmem, 0));
        line(sb, "Buffers", 0);
        line(sb, "Cached", shmem);
        line(sb, "SwapCached", 0);
        line(sb, "Active", anon + shmem); // shmem pages are on the anonymous LRU lists
        line(sb, "Inactive", 0);
        line(sb, "SwapTotal", 0);
        line(sb, "SwapFree", 0);
        line(sb, "Dirty", 0);
        line(sb, "AnonPages", anon);
        line(sb, "Shmem", shmem);
        line(sb, "KReclaimable", 0);
        line(sb, "Slab", slab);
        line(sb, "SReclaimable", 0);
        line(sb, "SUnreclaim", slab);
        line(sb, "KernelStack", phys.kernelFrames(KernelUse.KERNEL_STACK) * frameKb);
        line(sb, "PageTables", phys.kernelFrames(KernelUse.PAGE_TABLES) * frameKb);
        return sb.toString();
    }

    /**
     * Linux's si_mem_available, in kB: the free memory (Clonix keeps no watermark reserve),
     * plus the page cache that could be dropped (the file LRU, Cached without Shmem: shmem
     * pages cannot be dropped without swap) and the reclaimable slab, each less what reclaim
     * would leave (half, at most the low watermark, which is 0 here).
     */
    private static long available(long free, long cached, long shmem, long reclaimableSlab) {
        long pageCache = cached - shmem;
        long lowWatermark = 0;
        long available = free;
        available += pageCache - Math.min(pageCache / 2, lowWatermark);
        available += reclaimableSlab - Math.min(reclaimableSlab / 2, lowWatermark);
        return Math.max(0, available);
    }

    /** One line as Linux's show_val_kb: "Name:" padded to 16 columns, the value in 8, " kB". */
    private static void line(StringBuilder sb, String name, long kb) {
        sb.append(String.format("%-16s%8d kB", name + ":", kb)).append('\n');
    }
}
