package mm;

import syscall.Errno;
import vm.AddressSpace;

/**
 * msync(2), after Linux's mm/msync.c. A shared file mapping maps the file's own page cache
 * (see {@link FileFault}) and the in-memory file system has no disk behind it, so there is
 * never anything to write back: what msync does here is check its arguments and the range
 * as Linux does, so that a program gets the same answers.
 */
final class Msync {
    private Msync() {}

    /** msync flags, Linux's values. */
    static final int MS_ASYNC = 1, MS_INVALIDATE = 2, MS_SYNC = 4;

    private static final long PAGE = AddressSpace.PAGE_SIZE;

    /**
     * msync(addr, length, flags): 0, or in Linux's order EINVAL for an unknown flag, an
     * unaligned address, or MS_ASYNC with MS_SYNC; ENOMEM when the range wraps around or
     * part of it is not mapped. A length that rounds to 0 pages succeeds at once; so do flags
     * of 0. For MS_ASYNC alone Linux stops at the first hole; otherwise it goes on past holes
     * and reports ENOMEM at the end. (EBUSY for MS_INVALIDATE on locked pages cannot happen:
     * Clonix has no mlock.)
     */
    static int msync(Mm mm, long addr, long length, int flags) {
        if ((flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC)) != 0) return -Errno.EINVAL;
        if ((addr & (PAGE - 1)) != 0) return -Errno.EINVAL;
        if ((flags & MS_ASYNC) != 0 && (flags & MS_SYNC) != 0) return -Errno.EINVAL;
        long end = addr + Mm.pageUp(length);
        if (Long.compareUnsigned(end, addr) < 0) return -Errno.ENOMEM;
        if (end == addr) return 0;
        int unmapped = 0;
        long start = addr;
        Vma vma = mm.vmas.find(start);
        while (true) {
            if (vma == null) return -Errno.ENOMEM;
            if (start < vma.start()) {
                if (flags == MS_ASYNC) return -Errno.ENOMEM;
                start = vma.start();
                if (Long.compareUnsigned(start, end) >= 0) return -Errno.ENOMEM;
                unmapped = -Errno.ENOMEM;
            }
            start = vma.end();
            if (Long.compareUnsigned(start, end) >= 0) return unmapped;
            vma = mm.vmas.find(start);
        }
    }
}
