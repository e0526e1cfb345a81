package mm;

import syscall.Errno;
import vm.AddressSpace;
import vm.Pte;

/**
 * mincore(2), after Linux's mm/mincore.c: one byte per page of a range, 1 if the page is
 * in memory, 0 if touching it would have to fetch or make it. Clonix never swaps, so a
 * page is "in memory" when this process maps it, or, for a page it has not touched, when
 * the file or shared memory object behind the mapping holds it (Linux asks the page cache
 * the same question); an untouched page of private anonymous memory does not exist yet.
 */
final class Mincore {
    private Mincore() {}

    private static final long PAGE = AddressSpace.PAGE_SIZE;
    /** Linux fills the vector a page of bytes at a time, so a bad vector fails after the first 4096. */
    private static final int CHUNK = (int) PAGE;

    /**
     * mincore(addr, length, vec): 0, or in Linux's order EINVAL for an unaligned address;
     * ENOMEM when the range passes the top of user space; EFAULT when the vector does; then,
     * a chunk of 4096 pages at a time, ENOMEM at the first page no VMA covers and EFAULT
     * when the chunk cannot be stored (the chunks before it have been).
     */
    static int mincore(Mm mm, long addr, long length, long vec) {
        if ((addr & (PAGE - 1)) != 0) return -Errno.EINVAL;
        if (!userRange(addr, length)) return -Errno.ENOMEM;
        long pages = (length >>> AddressSpace.PAGE_SHIFT) + ((length & (PAGE - 1)) != 0 ? 1 : 0);
        if (!userRange(vec, pages)) return -Errno.EFAULT;
        byte[] chunk = new byte[CHUNK];
        while (pages > 0) {
            int n = (int) Math.min(pages, CHUNK);
            Vma vma = mm.vmas.containing(addr);
            if (vma == null) return -Errno.ENOMEM;
            n = (int) Math.min(n, (vma.end() - addr) >>> AddressSpace.PAGE_SHIFT);
            for (int i = 0; i < n; i++) chunk[i] = (byte) (resident(mm, vma, addr + i * PAGE) ? 1 : 0);
            if (mm.copyOut(vec, chunk, 0, n) != AddressSpace.NO_FAULT) return -Errno.EFAULT;
            pages -= n;
            vec += n;
            addr += n * PAGE;
        }
        return 0;
    }

    /** Linux's access_ok: {@code [start, start + len)} lies below TASK_SIZE, without wrapping. */
    private static boolean userRange(long start, long len) {
        return Long.compareUnsigned(len, Mm.TASK_SIZE) <= 0 && Long.compareUnsigned(start, Mm.TASK_SIZE - len) <= 0;
    }

    /** Whether the page at {@code page} of {@code vma} is in memory (see the class comment). */
    private static boolean resident(Mm mm, Vma vma, long page) {
        if (Pte.isPresent(mm.as.pte(page))) return true;
        if (vma.mappedFile() != null) return vma.mappedFile().hasPage(vma.pageIndex(page));
        if (vma.sharedMemory() != null) return vma.sharedMemory().hasFrame(vma.pageIndex(page));
        return false;
    }
}
