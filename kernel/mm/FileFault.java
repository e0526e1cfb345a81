package mm;

import fs.RegularFile;
import syscall.Errno;
import vm.AccessKind;
import vm.AddressSpace;
import vm.CowResult;
import vm.Pte;

/**
 * Demand paging of a file mapping, Linux's {@code filemap_fault} with {@code do_read_fault},
 * {@code do_cow_fault} and {@code do_shared_fault} (mm/filemap.c, mm/memory.c). The frames
 * mapped are the file's own page cache ({@link RegularFile#mapPage}), so:
 *
 * <ul>
 * <li>In a MAP_SHARED mapping the page table maps the file's frame writable (if the VMA
 *     is): a store changes the file, which read(2) and every other mapping see at once.
 *     msync has nothing to write back.</li>
 * <li>In a MAP_PRIVATE mapping the file's frame is mapped copy-on-write: until the process
 *     writes the page it sees the file as it is (a later write(2) to the file shows through,
 *     as on Linux); its first store gives it a private copy, and the file never sees it.</li>
 * <li>A page wholly beyond the end of the file has nothing behind it: SIGBUS with
 *     BUS_ADRERR. The rest of the last page reads as zeros (the file keeps its tail zero).</li>
 * </ul>
 *
 * <p>A hole in the file gets its frame at the first fault, as tmpfs gives it; when the file
 * system is full that is SIGBUS (Linux's VM_FAULT_SIGBUS for -ENOSPC), when memory is, the
 * out-of-memory killer's business.
 */
final class FileFault {
    private FileFault() {}

    /**
     * Maps the absent {@code page} of file VMA {@code vma} for an access of {@code kind},
     * which the VMA allows. Returns what the fault handler reports.
     */
    static FaultResult map(Mm mm, Vma vma, long page, AccessKind kind, long address) {
        RegularFile file = vma.mappedFile();
        long index = vma.pageIndex(page);
        if (index >= Mm.pageUp(file.size()) >>> AddressSpace.PAGE_SHIFT) return FaultResult.sigbus(address);
        int frame = file.mapPage(index);
        if (frame == -Errno.ENOMEM) return FaultResult.outOfMemory(address);
        if (frame < 0) return FaultResult.sigbus(address);
        if (vma.isShared()) {
            return mm.as.mapFrame(page, frame, vma.pteBits()) ? FaultResult.resolved(address) : FaultResult.outOfMemory(address);
        }
        if (!mm.as.mapFrame(page, frame, vma.pteBits() | Pte.COW)) return FaultResult.outOfMemory(address);
        // A store copies at once (do_cow_fault); the COW entry just made is what it copies from.
        if (kind == AccessKind.WRITE && mm.as.resolveCow(page) == CowResult.OUT_OF_MEMORY) {
            return FaultResult.outOfMemory(address);
        }
        return FaultResult.resolved(address);
    }
}
