package procfs;

import vm.PhysicalMemory;

/**
 * The text of /proc/meminfo (Linux's fs/proc/meminfo.c {@code meminfo_proc_show}): one
 * "Name:" line per figure, the name padded to 16 columns and the value right-aligned in 8,
 * in kB, in Linux's order. top and free read it.
 *
 * <p>Clonix's figures come from the physical frames: MemTotal is the machine's memory,
 * MemFree and MemAvailable its free frames. The machine has no page cache, no buffers and
 * no swap, so Buffers, Cached, Shmem, the slab lines and the swap lines are 0 (file data
 * lives in the file system's own budget, outside the frames).
 */
final class MemInfo {
    private MemInfo() {}

    /** /proc/meminfo for the machine whose frames are {@code phys}. */
    static String format(PhysicalMemory phys) {
        long frameKb = PhysicalMemory.FRAME_SIZE / 1024;
        long total = phys.totalFrames() * frameKb;
        long free = phys.freeFrames() * frameKb;
        StringBuilder sb = new StringBuilder();
        line(sb, "MemTotal", total);
        line(sb, "MemFree", free);
        line(sb, "MemAvailable", free);
        line(sb, "Buffers", 0);
        line(sb, "Cached", 0);
        line(sb, "SwapCached", 0);
        line(sb, "Active", total - free);
        line(sb, "Inactive", 0);
        line(sb, "SwapTotal", 0);
        line(sb, "SwapFree", 0);
        line(sb, "Dirty", 0);
        line(sb, "AnonPages", total - free);
        line(sb, "Shmem", 0);
        line(sb, "KReclaimable", 0);
        line(sb, "Slab", 0);
        line(sb, "SReclaimable", 0);
        line(sb, "SUnreclaim", 0);
        return sb.toString();
    }

    /** One line as Linux's show_val_kb: "Name:" padded to 16 columns, the value in 8, " kB". */
    private static void line(StringBuilder sb, String name, long kb) {
        sb.append(String.format("%-16s%8d kB", name + ":", kb)).append('\n');
    }
}
