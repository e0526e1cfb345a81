package mm;

import vm.AddressSpace;

/**
 * The text of /proc/PID/maps and the Vm* lines of /proc/PID/status, as Linux's
 * fs/proc/task_mmu.c produces them.
 */
final class ProcMaps {
    private ProcMaps() {}

    /**
     * Column where the name starts: Linux pads each line to 25 + 6 * sizeof(void *) - 1 = 72
     * characters and then writes one space (seq_setwidth + seq_pad in show_map_vma).
     */
    static final int NAME_PAD = 72;

    /** What Linux shows for shared anonymous memory: an unlinked shmem file of that name. */
    static final String SHMEM_NAME = "/dev/zero (deleted)";

    /**
     * One line per VMA, in address order:
     * {@code start-end perms offset dev inode} then, if the VMA has a name, spaces up to
     * column 72, a space and the name ([heap], [stack] or the executable's path). Addresses
     * are at least 8 hex digits, the offset exactly 8, as Linux's "%08lx". Clonix has no
     * block devices or inode numbers for the executable yet, so dev and inode are "00:00 0";
     * a file mapping shows its file's device and inode, and no name (an open file does not
     * remember the path it was opened by);
     * shared anonymous memory shows as Linux's "00:01 ... /dev/zero (deleted)", inode 0.
     */
    static String format(Mm mm) {
        StringBuilder out = new StringBuilder();
        for (Vma v : mm.vmas.all()) out.append(line(v)).append('\n');
        return out.toString();
    }

    /** The maps line of one VMA, without the newline. */
    static String line(Vma v) {
        boolean shmem = v.sharedMemory() != null;
        long dev = v.file() != null ? v.file().inode().dev() : shmem ? 1 : 0;
        long ino = v.file() != null ? v.file().inode().ino() : 0;
        StringBuilder s = new StringBuilder(String.format("%08x-%08x %s %08x %02x:%02x %d ",
                v.start(), v.end(), v.permissions(), v.offset(), dev >>> 8, dev & 0xff, ino));
        String name = v.isHeap() ? "[heap]" : v.isStack() ? "[stack]" : shmem ? SHMEM_NAME : v.name();
        if (name != null) {
            while (s.length() < NAME_PAD) s.append(' ');
            s.append(' ').append(name);
        }
        return s.toString();
    }

    /** The Vm* figures, computed as Linux's task_mem from the VMAs and the page table. */
    static MemoryUsage usage(Mm mm) {
        long total = 0, data = 0, stack = 0, exe = 0;
        for (Vma v : mm.vmas.all()) {
            long pages = v.pages();
            total += pages;
            boolean write = (v.prot() & Vma.PROT_WRITE) != 0;
            if (v.growsDown()) stack += pages;
            else if (write && !v.isShared()) data += pages;
            else if ((v.prot() & Vma.PROT_EXEC) != 0 && !write) exe += pages;
        }
        long kb = AddressSpace.PAGE_SIZE / 1024;
        return new MemoryUsage(Math.max(mm.peakPages, total) * kb, total * kb, mm.as.residentPages() * kb,
                data * kb, stack * kb, exe * kb, mm.as.pageTablePages() * kb);
    }
}
