package mm;

import vm.AccessKind;
import vm.AddressSpace;
import vm.CowResult;
import vm.FaultKind;
import vm.PhysicalMemory;
import vm.Pte;

/**
 * The page-fault handler, Linux's do_user_addr_fault + handle_mm_fault in miniature. The
 * MMU has already said what went wrong ({@link FaultKind}); this class decides, from the
 * VMAs, whether the access was legal and if so makes it possible:
 *
 * <ol>
 * <li>Find the VMA. None at the address, but a grows-down VMA just above within the stack
 *     limit: grow that VMA down to the faulting page (stack growth). Otherwise SIGSEGV with
 *     SEGV_MAPERR.</li>
 * <li>The VMA forbids this kind of access (a store to a read-only VMA, a fetch from a
 *     non-executable one, anything in PROT_NONE): SIGSEGV with SEGV_ACCERR.</li>
 * <li>Not present: demand paging, a zeroed frame with the VMA's permissions (for shared
 *     memory, the frame its {@link SharedMemory} holds for that page; for a file mapping,
 *     the file's page, see {@link FileFault}, or SIGBUS beyond the end of the file).
 *     Copy-on-write: {@link AddressSpace#resolveCow}. Protection although the VMA allows
 *     the access: the PTE is out of date, so it gets the VMA's permissions.</li>
 * </ol>
 *
 * <p><b>Out of memory.</b> When a legal fault needs a frame and none is free the result is
 * {@link FaultResult.Kind#OUT_OF_MEMORY} and nothing has changed. The kernel then calls the
 * OOM killer (task.OomKiller), which kills the process with the highest badness and lets the
 * faulting task retry.
 */
final class PageFault {
    private PageFault() {}

    /** Handles a fault of {@code kind} at {@code address} in {@code mm}; see the class comment. */
    static FaultResult handle(Mm mm, long address, AccessKind kind, FaultKind fault) {
        if (address < 0 || address >= Mm.TASK_SIZE) return FaultResult.segv(FaultResult.SEGV_MAPERR, address);
        Vma vma = mm.vmas.find(address);
        if (vma == null) return FaultResult.segv(FaultResult.SEGV_MAPERR, address);
        if (vma.start() > address) {
            vma = expandStack(mm, vma, address);
            if (vma == null) return FaultResult.segv(FaultResult.SEGV_MAPERR, address);
        }
        if (!vma.allows(kind)) return FaultResult.segv(FaultResult.SEGV_ACCERR, address);

        long page = Mm.pageDown(address);
        long pte = mm.as.pte(page);
        if (!Pte.isPresent(pte)) {
            if (vma.file() != null) return FileFault.map(mm, vma, page, kind, address);
            return mapNewPage(mm, vma, page) ? FaultResult.resolved(address) : FaultResult.outOfMemory(address);
        }
        if (fault == FaultKind.COPY_ON_WRITE || kind == AccessKind.WRITE && Pte.isCow(pte)) {
            CowResult cow = mm.as.resolveCow(page);
            if (cow == CowResult.OUT_OF_MEMORY) return FaultResult.outOfMemory(address);
            if (cow != CowResult.NOT_COW) return FaultResult.resolved(address);
        }
        // Present, and the VMA allows the access: bring the PTE's permissions up to date.
        mm.as.protect(page, 1, vma.pteBits() & Pte.PERMS);
        return FaultResult.resolved(address);
    }

    /**
     * The fault an access of {@code kind} at {@code va} would raise, taken from its PTE,
     * handled as if the CPU had raised it: how the kernel touches user memory on a
     * program's behalf (copyIn, copyOut, MADV_POPULATE_*).
     */
    static FaultResult touch(Mm mm, long va, AccessKind kind) {
        long pte = mm.as.pte(va);
        FaultKind fault = !Pte.isPresent(pte) ? FaultKind.NOT_PRESENT
                : kind == AccessKind.WRITE && Pte.isCow(pte) ? FaultKind.COPY_ON_WRITE : FaultKind.PROTECTION;
        return handle(mm, va, kind, fault);
    }

    /**
     * MAP_POPULATE's fault-in of {@code page} of {@code vma}: true if the page is now mapped,
     * false if memory ran out or the VMA is PROT_NONE.
     */
    static boolean populate(Mm mm, Vma vma, long page) {
        if (vma.prot() == Vma.PROT_NONE) return false;
        if (Pte.isPresent(mm.as.pte(page))) return true;
        if (vma.file() != null) return FileFault.map(mm, vma, page, AccessKind.READ, page).isResolved();
        return mapNewPage(mm, vma, page);
    }

    /**
     * Demand paging: maps a frame at the absent {@code page} of {@code vma} with the VMA's
     * permissions. Private memory gets a fresh zeroed frame; shared memory gets the frame its
     * {@link SharedMemory} holds for that page, so every process sees the same one. False,
     * with nothing changed, if no frame is free (for the page or for a page table).
     */
    private static boolean mapNewPage(Mm mm, Vma vma, long page) {
        SharedMemory shm = vma.sharedMemory();
        if (shm == null) return mm.as.map(page, 1, vma.pteBits());
        int frame = shm.frameAt((vma.offset() + (page - vma.start())) >>> AddressSpace.PAGE_SHIFT);
        if (frame == PhysicalMemory.NO_FRAME) return false;
        return mm.as.mapFrame(page, frame, vma.pteBits());
    }

    /**
     * Linux's expand_stack for a fault below {@code vma}: if it grows down, the mappings stay
     * within RLIMIT_AS, the new size stays within RLIMIT_STACK (measured from the VMA's end)
     * and the guard gap above the next lower mapping stays free, the VMA is extended down to
     * the faulting page and returned. Otherwise null.
     */
    private static Vma expandStack(Mm mm, Vma vma, long address) {
        if (!vma.growsDown()) return null;
        long newStart = Mm.pageDown(address);
        if (!mm.mayGrowBy((vma.start() - newStart) >>> AddressSpace.PAGE_SHIFT)) return null; // RLIMIT_AS
        if (vma.end() - newStart > mm.stackLimit) return null;
        Vma below = mm.vmas.previous(vma);
        if (below != null && below.end() > newStart) return null;
        if (below != null && !below.growsDown() && below.prot() != Vma.PROT_NONE
                && newStart - below.end() < Mm.STACK_GUARD_GAP) {
            return null;
        }
        Vma grown = vma.withRange(newStart, vma.end());
        mm.vmas.replace(vma, grown);
        mm.notePeak();
        return grown;
    }
}
