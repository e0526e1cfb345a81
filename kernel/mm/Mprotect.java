package mm;

import syscall.Errno;
import vm.AddressSpace;
import vm.Pte;

/**
 * mprotect(2), following Linux's mm/mprotect.c: the protection of every VMA in the range
 * changes, VMAs sticking out of the range are split, and neighbours that end up identical
 * are merged again. Pages already mapped get the new permissions at once; pages not yet
 * touched get them when they are faulted in.
 */
final class Mprotect {
    private Mprotect() {}

    /** Extra prot bits Linux accepts: PROT_SEM (ignored on x86), PROT_GROWSDOWN, PROT_GROWSUP. */
    static final int PROT_SEM = 0x8, PROT_GROWSDOWN = 0x0100_0000, PROT_GROWSUP = 0x0200_0000;

    private static final long PAGE = AddressSpace.PAGE_SIZE;

    /**
     * Sets the protection of {@code [addr, addr + pageUp(length))} to {@code prot}. Returns 0;
     * -EINVAL for an unaligned address or unknown prot bits (or PROT_GROWSDOWN on a VMA that
     * does not grow down); -ENOMEM when the range overflows or is not entirely mapped, or the
     * kernel has no memory for the VMAs a split makes; -EACCES for PROT_WRITE on a shared
     * mapping of a file not open for writing. As in Linux, the VMAs before the first hole
     * (or refusal) have already been changed when ENOMEM (or EACCES) is returned for one in
     * the middle. Length 0 succeeds without doing anything.
     */
    static int mprotect(Mm mm, long addr, long length, int prot) {
        int grows = prot & (PROT_GROWSDOWN | PROT_GROWSUP);
        if (grows == (PROT_GROWSDOWN | PROT_GROWSUP)) return -Errno.EINVAL;
        prot &= ~grows;
        if ((addr & (PAGE - 1)) != 0) return -Errno.EINVAL;
        if (length == 0) return 0;
        long len = Mm.pageUp(length);
        long end = addr + len;
        if (length < 0 || len == 0 || end <= addr || addr < 0) return -Errno.ENOMEM;
        if ((prot & ~(Vma.PROT_READ | Vma.PROT_WRITE | Vma.PROT_EXEC | PROT_SEM)) != 0) return -Errno.EINVAL;
        prot &= ~PROT_SEM;
        if (grows == PROT_GROWSUP) return -Errno.EINVAL; // no VMA grows up on x86-64

        Vma vma = mm.vmas.find(addr);
        if (vma == null) return -Errno.ENOMEM;
        long start = addr;
        if (grows == PROT_GROWSDOWN) {
            if (vma.start() >= end || !vma.growsDown()) return -Errno.EINVAL;
            start = vma.start();
        } else if (vma.start() > start) {
            return -Errno.ENOMEM;
        }
        if (!mm.vmas.reserve(mm.vmas.splitsAt(start, end))) return -Errno.ENOMEM; // the first and the last VMA may split

        int error = 0;
        long at = start;
        while (true) {
            if ((prot & Vma.PROT_WRITE) != 0 && (vma.flags() & Vma.NO_MAY_WRITE) != 0) {
                error = -Errno.EACCES;
                break;
            }
            long pieceEnd = Math.min(vma.end(), end);
            change(mm, at, pieceEnd, prot);
            at = pieceEnd;
            if (at >= end) break;
            vma = mm.vmas.containing(at);
            if (vma == null) {
                error = -Errno.ENOMEM;
                break;
            }
        }
        mm.vmas.mergeAround(start, at);
        return error;
    }

    /** Gives {@code [start, end)}, which lies inside one VMA, protection {@code prot}. */
    private static void change(Mm mm, long start, long end, int prot) {
        mm.vmas.splitAt(start);
        mm.vmas.splitAt(end);
        Vma piece = mm.vmas.containing(start);
        if (piece.prot() == prot) return;
        Vma changed = piece.withProt(prot);
        mm.vmas.replace(piece, changed);
        mm.as.protect(start, (end - start) >>> AddressSpace.PAGE_SHIFT, changed.pteBits() & Pte.PERMS);
    }
}
