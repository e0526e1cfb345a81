package mm;

import syscall.Errno;
import vm.AddressSpace;

/**
 * mremap(2), after Linux's mm/mremap.c: grow or shrink a mapping, moving it when it cannot
 * grow where it is. A move takes the page-table entries along ({@link AddressSpace#move}),
 * so the pages keep their frames: nothing is copied, private pages stay copy-on-write with
 * whoever shares them, and shared ones stay shared.
 *
 * <p>Only part of one VMA may be remapped: the old range must start inside a VMA (EFAULT
 * otherwise) and, to grow or move, end within it (EFAULT), except that shrinking simply
 * unmaps the tail, across VMAs as munmap would.
 */
final class Mremap {
    private Mremap() {}

    /** mremap flags, Linux's values. */
    static final int MREMAP_MAYMOVE = 1, MREMAP_FIXED = 2, MREMAP_DONTUNMAP = 4;

    private static final long PAGE = AddressSpace.PAGE_SIZE;

    /**
     * mremap(addr, oldLength, newLength, flags, newAddr): the new address of the mapping, or
     * -errno, checked in Linux's order: EINVAL for an unknown flag, an unaligned address, a
     * new length of 0; with MREMAP_FIXED or MREMAP_DONTUNMAP, EINVAL for an unaligned new
     * address, no MREMAP_MAYMOVE, DONTUNMAP with a change of size, a new range past
     * TASK_SIZE or overlapping the old one; EFAULT when no VMA contains {@code addr}; then
     * (to grow or move) EINVAL for a zero old length on a private mapping (a zero old length
     * on a shared one makes a second mapping of the same pages), EFAULT when the old range
     * runs past the end of its VMA, ENOMEM past RLIMIT_AS, when it cannot grow in place
     * without MREMAP_MAYMOVE, when no gap is large enough or memory is short.
     */
    static long mremap(Mm mm, long addr, long oldLength, long newLength, int flags, long newAddr) {
        if ((flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP)) != 0) return -Errno.EINVAL;
        if ((addr & (PAGE - 1)) != 0) return -Errno.EINVAL;
        long oldLen = Mm.pageUp(oldLength), newLen = Mm.pageUp(newLength);
        if (newLen == 0) return -Errno.EINVAL;
        boolean toNewAddr = (flags & (MREMAP_FIXED | MREMAP_DONTUNMAP)) != 0;
        if (toNewAddr) {
            if ((newAddr & (PAGE - 1)) != 0) return -Errno.EINVAL;
            if ((flags & MREMAP_MAYMOVE) == 0) return -Errno.EINVAL;
            if ((flags & MREMAP_DONTUNMAP) != 0 && oldLen != newLen) return -Errno.EINVAL;
            if (Long.compareUnsigned(newLen, Mm.TASK_SIZE) > 0
                    || Long.compareUnsigned(newAddr, Mm.TASK_SIZE - newLen) > 0) {
                return -Errno.EINVAL;
            }
            if (Long.compareUnsigned(addr + oldLen, newAddr) > 0 && Long.compareUnsigned(newAddr + newLen, addr) > 0) {
                return -Errno.EINVAL;
            }
        }
        if (mm.vmas.containing(addr) == null) return -Errno.EFAULT;
        if (toNewAddr) return mremapTo(mm, addr, oldLen, newLen, flags, newAddr);

        if (oldLen >= newLen) {
            if (oldLen > newLen) {
                int err = Mmap.munmap(mm, addr + newLen, oldLen - newLen);
                if (err < 0) return err;
            }
            return addr;
        }
        Vma vma = mm.vmas.containing(addr);
        long err = checkResize(mm, vma, addr, oldLen, newLen);
        if (err < 0) return err;
        if (addr + oldLen == vma.end() && mm.vmas.intersecting(vma.end(), addr + newLen).isEmpty()
                && addr + newLen <= Mm.TASK_SIZE) {
            return expandInPlace(mm, vma, newLen - oldLen) ? addr : -Errno.ENOMEM;
        }
        if ((flags & MREMAP_MAYMOVE) == 0) return -Errno.ENOMEM;
        long to = Mmap.unmappedArea(mm, 0, newLen, 0);
        if (to < 0) return to;
        return move(mm, vma, addr, oldLen, to, newLen, flags);
    }

    /** mremap with MREMAP_FIXED or MREMAP_DONTUNMAP (Linux's mremap_to). */
    private static long mremapTo(Mm mm, long addr, long oldLen, long newLen, int flags, long newAddr) {
        if ((flags & MREMAP_FIXED) != 0) {
            int err = Mmap.munmap(mm, newAddr, newLen);
            if (err < 0) return err;
        }
        if (oldLen > newLen) {
            int err = Mmap.munmap(mm, addr + newLen, oldLen - newLen);
            if (err < 0) return err;
            oldLen = newLen;
        }
        Vma vma = mm.vmas.containing(addr);
        if (vma == null) return -Errno.EFAULT;
        long err = checkResize(mm, vma, addr, oldLen, newLen);
        if (err < 0) return err;
        if ((flags & MREMAP_FIXED) == 0) {
            newAddr = Mmap.unmappedArea(mm, 0, newLen, 0);
            if (newAddr < 0) return newAddr;
        }
        return move(mm, vma, addr, oldLen, newAddr, newLen, flags);
    }

    /** Linux's vma_to_resize checks for {@code [addr, addr + oldLen)} of {@code vma} becoming {@code newLen} long: 0 or -errno. */
    private static long checkResize(Mm mm, Vma vma, long addr, long oldLen, long newLen) {
        if (oldLen == 0 && !vma.isShared()) return -Errno.EINVAL;
        if (oldLen > vma.end() - addr) return -Errno.EFAULT;
        if (newLen <= oldLen) return 0;
        if (!mm.mayGrowBy((newLen - oldLen) >>> AddressSpace.PAGE_SHIFT)) return -Errno.ENOMEM;
        return 0;
    }

    /** Whether overcommit must agree to the mapping's growth (Linux's VM_ACCOUNT, set by mmap). */
    private static boolean accountable(Vma vma) {
        return (vma.flags() & Vma.ACCOUNT) != 0;
    }

    /** Grows {@code vma} by {@code delta} bytes at its end (it stays one VMA); false if overcommit refuses. */
    private static boolean expandInPlace(Mm mm, Vma vma, long delta) {
        if (accountable(vma) && !Mmap.enoughMemory(mm, delta)) return false;
        mm.vmas.replace(vma, vma.withRange(vma.start(), vma.end() + delta));
        mm.vmas.mergeAround(vma.start(), vma.end() + delta);
        mm.notePeak();
        return true;
    }

    /**
     * Linux's move_vma: a new VMA of {@code newLen} bytes at {@code to} for the piece
     * {@code [from, from + oldLen)} of {@code vma}, with the same protection, flags and file
     * offset, takes over its pages; the old range is then unmapped, or kept empty with
     * MREMAP_DONTUNMAP. A zero {@code oldLen} (shared mappings only) maps the same memory a
     * second time and moves nothing.
     */
    private static long move(Mm mm, Vma vma, long from, long oldLen, long to, long newLen, int flags) {
        if (newLen > oldLen && accountable(vma) && !Mmap.enoughMemory(mm, newLen - oldLen)) return -Errno.ENOMEM;
        // The new VMA, and the splits of the old range and of what the new one merges with.
        if (!mm.vmas.reserve(1 + mm.vmas.splitsAt(from, from + oldLen) + 2)) return -Errno.ENOMEM;
        if (!mm.as.move(from, to, oldLen >>> AddressSpace.PAGE_SHIFT)) return -Errno.ENOMEM;
        Vma piece = vma.withRange(from, from + Math.max(oldLen, PAGE)); // a zero oldLen: where the copy starts
        mm.vmas.insertAndMerge(piece.movedTo(to).withRange(to, to + newLen));
        if (oldLen > 0 && (flags & MREMAP_DONTUNMAP) == 0) mm.vmas.removeRange(from, from + oldLen);
        mm.notePeak();
        return to;
    }
}
