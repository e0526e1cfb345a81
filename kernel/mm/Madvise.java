package mm;

import syscall.Errno;
import vm.AccessKind;
import vm.AddressSpace;

/**
 * madvise(2), after Linux's mm/madvise.c. Most advice is about paging policy (read-ahead,
 * huge pages, KSM, core dumps, reclaim) that a machine without disk or swap has no use
 * for: it is accepted and changes nothing. The advice that changes what a program sees is
 * carried out:
 *
 * <ul>
 * <li>MADV_DONTNEED (and MADV_DONTNEED_LOCKED): the pages are dropped from this process.
 *     Private anonymous memory reads as zeros afterwards, a private file mapping as the file
 *     again; shared memory keeps its contents, which the next touch maps back.</li>
 * <li>MADV_REMOVE on a shared file mapping: the file's pages there become a hole (zeros in
 *     every mapping), as fallocate's punch hole.</li>
 * <li>MADV_DONTFORK / MADV_DOFORK: fork leaves the VMA out of the child, or not.</li>
 * <li>MADV_WIPEONFORK / MADV_KEEPONFORK: the child gets zero-filled pages there, or a copy.</li>
 * <li>MADV_POPULATE_READ / MADV_POPULATE_WRITE: fault every page in now.</li>
 * </ul>
 *
 * MADV_FREE lets the kernel drop the pages lazily, under memory pressure; Clonix has no
 * reclaim, so the contents simply stay, which Linux also allows.
 */
final class Madvise {
    private Madvise() {}

    /** Advice values, Linux's (include/uapi/asm-generic/mman-common.h). */
    static final int MADV_NORMAL = 0, MADV_RANDOM = 1, MADV_SEQUENTIAL = 2, MADV_WILLNEED = 3,
            MADV_DONTNEED = 4, MADV_FREE = 8, MADV_REMOVE = 9, MADV_DONTFORK = 10, MADV_DOFORK = 11,
            MADV_MERGEABLE = 12, MADV_UNMERGEABLE = 13, MADV_HUGEPAGE = 14, MADV_NOHUGEPAGE = 15,
            MADV_DONTDUMP = 16, MADV_DODUMP = 17, MADV_WIPEONFORK = 18, MADV_KEEPONFORK = 19,
            MADV_COLD = 20, MADV_PAGEOUT = 21, MADV_POPULATE_READ = 22, MADV_POPULATE_WRITE = 23,
            MADV_DONTNEED_LOCKED = 24;

    private static final long PAGE = AddressSpace.PAGE_SIZE;

    /**
     * madvise(addr, length, advice): 0, or in Linux's order EINVAL for advice it does not
     * know (MADV_COLLAPSE, MADV_HWPOISON and the like need huge pages or privileges Clonix
     * does not have), an unaligned address, or a range that wraps around; then, VMA by VMA
     * over the range, EINVAL for advice the VMA cannot take (MADV_FREE on anything but
     * private anonymous memory, MADV_WIPEONFORK on anything but private anonymous memory,
     * MADV_REMOVE on anything but a shared file mapping), EACCES for MADV_REMOVE on a mapping
     * that may not be written, EINVAL or EFAULT when MADV_POPULATE_* meets a page it may not
     * access or that has nothing behind it, ENOMEM when memory is short; and ENOMEM at the
     * end if part of the range is not mapped (the mapped parts have taken the advice).
     */
    static int madvise(Mm mm, long addr, long length, int advice) {
        if (!known(advice)) return -Errno.EINVAL;
        if ((addr & (PAGE - 1)) != 0) return -Errno.EINVAL;
        long len = Mm.pageUp(length);
        if (length != 0 && len == 0) return -Errno.EINVAL; // a tiny negative length rounded up to 0
        long end = addr + len;
        if (Long.compareUnsigned(end, addr) < 0) return -Errno.EINVAL;
        if (end == addr) return 0;
        if (changesFlags(advice) && !mm.vmas.reserve(mm.vmas.splitsAt(addr, end))) return -Errno.ENOMEM;

        int unmapped = 0;
        long at = addr;
        while (Long.compareUnsigned(at, end) < 0) {
            Vma vma = mm.vmas.find(at);
            if (vma == null || Long.compareUnsigned(vma.start(), end) >= 0) return -Errno.ENOMEM;
            if (vma.start() > at) {
                if (isPopulate(advice)) return -Errno.ENOMEM;
                unmapped = -Errno.ENOMEM;
                at = vma.start();
            }
            long pieceEnd = Math.min(vma.end(), end);
            int err = apply(mm, vma, at, pieceEnd, advice);
            if (err < 0) return err;
            at = pieceEnd;
        }
        if (changesFlags(advice)) mm.vmas.mergeAround(addr, end);
        return unmapped;
    }

    /** Linux's madvise_behavior_valid, for what Clonix can do. */
    private static boolean known(int advice) {
        return advice >= MADV_NORMAL && advice <= MADV_DONTNEED_LOCKED && (advice < 5 || advice > 7);
    }

    private static boolean changesFlags(int advice) {
        return advice == MADV_DONTFORK || advice == MADV_DOFORK || advice == MADV_WIPEONFORK || advice == MADV_KEEPONFORK;
    }

    private static boolean isPopulate(int advice) {
        return advice == MADV_POPULATE_READ || advice == MADV_POPULATE_WRITE;
    }

    /** Takes {@code advice} for {@code [start, end)}, which lies inside {@code vma}: 0 or -errno. */
    private static int apply(Mm mm, Vma vma, long start, long end, int advice) {
        long pages = (end - start) >>> AddressSpace.PAGE_SHIFT;
        switch (advice) {
            case MADV_DONTNEED, MADV_DONTNEED_LOCKED -> mm.as.unmap(start, pages);
            case MADV_FREE -> {
                if (!vma.isAnonymous() || vma.isShared()) return -Errno.EINVAL;
            }
            case MADV_REMOVE -> {
                if (vma.mappedFile() == null || !vma.isShared()) return -Errno.EINVAL;
                if ((vma.flags() & Vma.NO_MAY_WRITE) != 0) return -Errno.EACCES;
                vma.mappedFile().punchHole(vma.pageIndex(start), vma.pageIndex(start) + pages);
            }
            case MADV_DONTFORK -> setFlags(mm, start, end, vma.flags() | Vma.DONT_COPY);
            case MADV_DOFORK -> setFlags(mm, start, end, vma.flags() & ~Vma.DONT_COPY);
            case MADV_WIPEONFORK -> {
                if (!vma.isAnonymous() || vma.isShared()) return -Errno.EINVAL;
                setFlags(mm, start, end, vma.flags() | Vma.WIPE_ON_FORK);
            }
            case MADV_KEEPONFORK -> setFlags(mm, start, end, vma.flags() & ~Vma.WIPE_ON_FORK);
            case MADV_POPULATE_READ, MADV_POPULATE_WRITE -> {
                return populate(mm, start, end, advice == MADV_POPULATE_WRITE ? AccessKind.WRITE : AccessKind.READ);
            }
            default -> { } // advice about paging policy: nothing to do
        }
        return 0;
    }

    /** Gives {@code [start, end)}, inside one VMA, the VMA flags {@code flags}. */
    private static void setFlags(Mm mm, long start, long end, int flags) {
        mm.vmas.splitAt(start);
        mm.vmas.splitAt(end);
        Vma piece = mm.vmas.containing(start);
        if (piece.flags() != flags) mm.vmas.replace(piece, piece.withFlags(flags));
    }

    /**
     * MADV_POPULATE_*: faults in every page of {@code [start, end)} for an access of
     * {@code kind}, breaking copy-on-write for a write: EINVAL if the VMA forbids it, EFAULT
     * for a page with nothing behind it (past the end of a file), ENOMEM when memory runs out.
     */
    private static int populate(Mm mm, long start, long end, AccessKind kind) {
        for (long page = start; page < end; page += PAGE) {
            FaultResult r = PageFault.touch(mm, page, kind);
            switch (r.kind()) {
                case RESOLVED -> { }
                case SIGSEGV -> {
                    return -Errno.EINVAL;
                }
                case SIGBUS -> {
                    return -Errno.EFAULT;
                }
                case OUT_OF_MEMORY -> {
                    return -Errno.ENOMEM;
                }
            }
        }
        return 0;
    }
}
