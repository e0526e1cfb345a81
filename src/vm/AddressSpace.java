package vm;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One process's view of memory: a page table mapping 48-bit virtual addresses to frames of
 * {@link PhysicalMemory}, with read/write/execute and copy-on-write bits per page. This is the
 * machine half of a Linux {@code mm_struct}; the kernel keeps the VMAs (what <em>should</em> be
 * mapped) and calls this class to change what <em>is</em> mapped.
 *
 * <p><b>Who calls what.</b> The kernel maps and unmaps pages (exec, brk, mmap, munmap,
 * mprotect), forks with {@link #copyOnWrite}, repairs copy-on-write faults with
 * {@link #resolveCow}, and moves system-call arguments with {@link #copyIn}/{@link #copyOut}
 * and the {@code read*}/{@code write*} helpers, which check permissions exactly as a user
 * access would. The CPUs use the package-private {@link #access} on a TLB miss.
 *
 * <p><b>Arguments.</b> Addresses given to map/unmap/protect must be page-aligned and the range
 * must lie below {@link #LIMIT}; anything else is a kernel bug and throws
 * IllegalArgumentException (the kernel checks user arguments first and returns EINVAL). User
 * pointers given to the copy and read/write methods may be anything: a bad one is a fault.
 *
 * <p><b>TLBs.</b> Every CPU running this address space is attached to it, and every change to
 * an existing mapping flushes the affected pages from those CPUs' TLBs before returning.
 *
 * <p><b>Shared leaf tables.</b> Fork ({@link #copyPageRange}) may, instead of copying a
 * last-level table, put the same one in the child's page table: parent and child then share
 * the leaf (a {@link PageTable.Leaf}, with a count of its sharers), whose private entries are
 * marked copy-on-write once for both. A shared leaf holds one frame reference per
 * present entry, however many address spaces share it. Any change to a shared leaf other than
 * the accessed and dirty bits (map, unmap, protect, a copy-on-write repair) first gives the
 * changing address space a private copy of the leaf ({@link #ownLeaf}), taking a frame
 * reference for each of its present entries; clear drops frame references only for the
 * leaves it held alone. So a frame is freed exactly when no leaf maps it any more. Because a
 * shared leaf is never changed in place, the other sharers' TLBs never need a flush for it.
 * The accessed and dirty bits of a shared leaf are common to its sharers: they may say that a
 * page was used when only another process used it, never the reverse.
 */
public final class AddressSpace {
    public static final int PAGE_SIZE = PhysicalMemory.FRAME_SIZE;
    public static final int PAGE_SHIFT = PhysicalMemory.FRAME_SHIFT;
    /** The first address beyond the 48-bit virtual address space. */
    public static final long LIMIT = 1L << 48;
    /** What {@link #copyIn} and {@link #copyOut} return when no byte faulted. */
    public static final long NO_FAULT = -1;

    // Codes returned by access() instead of a PTE; a PTE is never negative.
    static final long FAULT_NOT_PRESENT = -1, FAULT_PROTECTION = -2, FAULT_COW = -3;

    private final PhysicalMemory phys;
    private final PageTable table;
    private long resident;
    /** TLBs of the CPUs that have this address space loaded, in the order they attached. */
    private Tlb[] attached = new Tlb[4];
    private int nattached;

    /** An empty address space whose pages come from {@code phys}. */
    public AddressSpace(PhysicalMemory phys) {
        this.phys = Objects.requireNonNull(phys);
        this.table = new PageTable(phys);
    }

    /** The physical memory this address space takes frames from. */
    public PhysicalMemory physicalMemory() {
        return phys;
    }

    /** Number of pages currently mapped (the resident set size, in pages). */
    public long residentPages() {
        return resident;
    }

    /**
     * Page-table pages this address space holds below its top-level table (Linux's
     * mm_pgtables_bytes / PAGE_SIZE, which counts the PUD, PMD and PTE tables but not the
     * PGD): VmPTE and the OOM killer's figure. A leaf shared with a forked address space
     * counts in each, as the copy Linux would have made at fork.
     */
    public long pageTablePages() {
        return Math.max(0, table.tableCount() - 1); // an empty address space has no tables at all
    }

    // ---------------------------------------------------------------- mapping

    /** Number of frames reserved for this address space's page tables (its share of meminfo's PageTables). */
    public int pageTableFrames() {
        return table.tableCount();
    }

    /**
     * Maps {@code npages} pages from {@code va} to freshly allocated zeroed frames, with
     * permissions {@code perms} (a combination of Pte.READ, WRITE, EXEC, and SHARED for a
     * MAP_SHARED mapping). Pages already mapped there are replaced, as MAP_FIXED does.
     * Returns false, with nothing changed, if there are not enough free frames for the pages
     * and the page tables they need.
     */
    public boolean map(long va, long npages, long perms) {
        checkRange(va, npages);
        checkPerms(perms, Pte.PERMS | Pte.SHARED);
        if (npages > phys.freeFrames()) return false;
        long vpn = va >>> PAGE_SHIFT;
        if (npages + table.missingTables(vpn, npages) > phys.freeFrames()) return false;
        for (long p = 0; p < npages; p++) {
            int f = phys.allocate(); // cannot fail: we checked the free count above
            install(vpn + p, Pte.make(f, perms));
        }
        return true;
    }

    /**
     * Maps the existing frame {@code frame} at page {@code va}, taking a reference to it
     * (the caller keeps its own). Used for memory shared between address spaces, and for a
     * file's page in a private mapping, which {@code perms} marks Pte.COW so that the first
     * store copies it. A page already mapped there is replaced. Returns false, with nothing
     * changed, if a page table is needed and no frame is free for it.
     */
    public boolean mapFrame(long va, int frame, long perms) {
        checkRange(va, 1);
        checkPerms(perms, Pte.PERMS | Pte.SHARED | Pte.COW);
        long vpn = va >>> PAGE_SHIFT;
        if (table.missingTables(vpn, 1) > phys.freeFrames()) return false;
        phys.retain(frame);
        install(vpn, Pte.make(frame, perms));
        return true;
    }

    /**
     * Removes the mappings of {@code npages} pages from {@code va}; unmapped pages are
     * skipped. The page tables that mapped only pages of the range are freed.
     */
    public void unmap(long va, long npages) {
        checkRange(va, npages);
        long first = va >>> PAGE_SHIFT;
        // On real hardware the PTE is cleared, then TLBs flushed, then the frame freed, so no
        // CPU can write to a frame that has been reused. No CPU runs while the kernel does, so
        // flushing first is equally safe here.
        shootdown(first, npages);
        forEachPresent(first, npages, (leaf, i) -> {
            phys.release(Pte.frame(leaf[i]));
            leaf[i] = 0;
            resident--;
        });
        table.freeTables(first, first + npages);
    }

    /** What {@link #forEachPresentPage} calls for each page. */
    @FunctionalInterface
    public interface PageVisitor {
        /** The page at {@code va} is mapped by {@code pte}. */
        void visit(long va, long pte);
    }

    /**
     * Calls {@code visitor} with the address and PTE of every present page among
     * {@code npages} from {@code va}, in address order. Only the page tables that exist are
     * looked at, so the cost follows what is mapped, not the size of the range (a guest may
     * reserve terabytes). The visitor must not change this address space.
     */
    public void forEachPresentPage(long va, long npages, PageVisitor visitor) {
        checkRange(va, npages);
        long first = va >>> PAGE_SHIFT, end = first + npages;
        for (int k = table.firstLeafEndingAfter(first), n = table.leafCount(); k < n; k++) {
            long base = table.leafBase(k);
            if (base >= end) return;
            long[] ptes = table.nodeAt(k).ptes;
            for (long v = Math.max(first, base), last = Math.min(end, base + PageTable.ENTRIES); v < last; v++) {
                long pte = ptes[(int) v & PageTable.INDEX_MASK];
                if (Pte.isPresent(pte)) visitor.visit(v << PAGE_SHIFT, pte);
            }
        }
    }

    /**
     * Moves the mappings of {@code npages} pages from {@code from} to {@code to} (mremap):
     * each present entry goes with its frame and its bits, copy-on-write and shared
     * included, and the old pages are left unmapped. The destination must have nothing
     * mapped, and the two ranges must not overlap. Returns false, with nothing changed, if
     * the destination may need more page tables than there are free frames (counted
     * generously: each destination leaf with the directories above it).
     */
    public boolean move(long from, long to, long npages) {
        checkRange(from, npages);
        checkRange(to, npages);
        long src = from >>> PAGE_SHIFT, dst = to >>> PAGE_SHIFT;
        if (src < dst + npages && dst < src + npages) throw new IllegalArgumentException("overlapping move");
        List<long[]> moving = new ArrayList<>(); // {page index in the range, pte}
        forEachPresentPage(from, npages, (va, pte) -> moving.add(new long[] {(va >>> PAGE_SHIFT) - src, pte}));
        long missing = 0, lastLeaf = -1;
        for (long[] m : moving) {
            long leaf = (dst + m[0]) & ~(long) PageTable.INDEX_MASK;
            if (leaf != lastLeaf) missing += table.missingTables(leaf, 1);
            lastLeaf = leaf;
        }
        if (missing > phys.freeFrames()) return false;
        for (long[] m : moving) {
            phys.retain(Pte.frame(m[1])); // the new entry's reference; unmap drops the old one's
            install(dst + m[0], m[1]);
        }
        unmap(from, npages);
        return true;
    }

    /**
     * Unmaps everything (exit, exec): every frame reference this address space holds is
     * dropped, and the frames of its page tables. A leaf still shared with another address
     * space loses only this sharer ({@link PageTable#release}); its frame references stay,
     * held for the others.
     */
    public void clear() {
        shootdownAll();
        for (int k = 0, n = table.leafCount(); k < n; k++) {
            PageTable.Leaf leaf = table.nodeAt(k);
            if (leaf.isShared()) continue;
            long[] ptes = leaf.ptes;
            for (int i = 0; i < ptes.length; i++) {
                if ((ptes[i] & Pte.PRESENT) != 0) phys.release(Pte.frame(ptes[i]));
            }
        }
        table.release();
        resident = 0;
    }

    /**
     * Sets the READ/WRITE/EXEC bits of the mapped pages among {@code npages} from {@code va}
     * to {@code perms}; other bits (COW, SHARED, frame) are kept, so a copy-on-write page
     * made writable still copies on its first write. Unmapped pages are skipped.
     */
    public void protect(long va, long npages, long perms) {
        checkRange(va, npages);
        checkPerms(perms, Pte.PERMS);
        long first = va >>> PAGE_SHIFT;
        forEachPresent(first, npages, (leaf, i) -> leaf[i] = (leaf[i] & ~Pte.PERMS) | perms);
        shootdown(first, npages);
    }

    /** The PTE for the page holding {@code va} (0 if none); see {@link Pte} to take it apart. */
    public long pte(long va) {
        return (va >>> 48) != 0 ? 0 : table.get(va >>> PAGE_SHIFT);
    }

    // ---------------------------------------------------------------- fork and copy-on-write

    /**
     * Fork (the kernel's Mm.fork, Linux's dup_mm, calls it): returns a new address space with
     * the same mappings, built by {@link #copyPageRange}. The child pays for as many
     * page-table frames as we have, as on Linux where it gets a copy of each table; returns
     * null, with nothing changed, if that many frames (or whatever else copyPageRange needs)
     * are not free.
     */
    public AddressSpace copyOnWrite() {
        if (table.tableCount() > phys.freeFrames()) return null;
        AddressSpace child = new AddressSpace(phys);
        if (!copyPageRange(child)) return null;
        // Our CPUs may hold write permission for pages that are now copy-on-write.
        shootdownAll();
        return child;
    }

    /**
     * Linux's copy_page_range (mm/memory.c): gives {@code child}, a new and empty address
     * space, every mapping we have. Private pages become copy-on-write in both of us and
     * share their frames; SHARED pages stay shared and writable. The result must hold the
     * rule of the class comment: a frame is freed exactly when no leaf maps it any more.
     * Frames for the child's page tables are known to be free. Returns false, with nothing
     * changed, if a frame is needed and none is free.
     */
    private boolean copyPageRange(AddressSpace child) {
        // LAB cow BEGIN: share every private page copy-on-write with the child, counting references
        // Fork costs no frame references: the child shares each of our leaf tables (see the
        // class comment), so the cost is one pass over each leaf to mark it, and a leaf is
        // copied only when one side first changes it.
        child.table.expectLeaves(table.leafCount());
        for (int k = 0, n = table.leafCount(); k < n; k++) {
            PageTable.Leaf leaf = table.nodeAt(k);
            // A leaf marked by an earlier fork, and not given a writable entry since, is
            // skipped: a process that forks again and again pays for its pages only once.
            // Marking a leaf that is already shared changes nothing its other sharers can
            // see, since its private entries were marked when it was first shared.
            if (!leaf.allCow) {
                long[] ptes = leaf.ptes;
                for (int i = 0; i < ptes.length; i++) {
                    long pte = ptes[i];
                    if ((pte & (Pte.PRESENT | Pte.SHARED | Pte.COW)) == Pte.PRESENT) ptes[i] = pte | Pte.COW;
                }
                leaf.allCow = true;
            }
            leaf.sharers++;
            child.table.shareLeaf(table.leafBase(k), leaf);
        }
        child.resident = resident;
        return true;
        // LAB cow STUB
        // // Until copy-on-write is written, fork copies every private page at once: correct,
        // // but the child costs as many frames as we have pages, written or not.
        // if (resident > phys.freeFrames() - table.tableCount()) return false;
        // for (int k = 0, n = table.leafCount(); k < n; k++) {
        //     long base = table.leafBase(k);
        //     long[] ptes = table.nodeAt(k).ptes;
        //     for (int i = 0; i < ptes.length; i++) {
        //         long pte = ptes[i];
        //         if (!Pte.isPresent(pte)) continue;
        //         if ((pte & Pte.SHARED) != 0) {
        //             phys.retain(Pte.frame(pte));
        //             child.install(base + i, pte);
        //         } else {
        //             int copy = phys.allocate();
        //             System.arraycopy(phys.data(Pte.frame(pte)), 0, phys.data(copy), 0, PAGE_SIZE);
        //             child.install(base + i, Pte.make(copy, Pte.flags(pte)));
        //         }
        //     }
        // }
        // return true;
        // LAB cow END
    }

    /**
     * Repairs a copy-on-write fault at {@code va} (the kernel's page-fault handler calls it
     * for a trap with FaultKind.COPY_ON_WRITE, and {@link #copyOut} for the kernel's own
     * stores): {@link #doWpPage} gives the page a frame this address space may write.
     * Returns NOT_COW, changing nothing, if the page is not a writable copy-on-write page.
     */
    public CowResult resolveCow(long va) {
        if ((va >>> 48) != 0) return CowResult.NOT_COW;
        long vpn = va >>> PAGE_SHIFT;
        long need = Pte.PRESENT | Pte.WRITE | Pte.COW;
        if ((table.get(vpn) & need) != need) return CowResult.NOT_COW;
        CowResult result = doWpPage(vpn);
        if (result != CowResult.OUT_OF_MEMORY) shootdown(vpn, 1);
        return result;
    }

    /**
     * Linux's do_wp_page (mm/memory.c) for page {@code vpn}, whose entry is present, writable
     * and copy-on-write: if its frame is still mapped elsewhere the page gets a private copy
     * (wp_page_copy) and the shared frame loses a reference, and if this was the frame's last
     * user the page simply gets its COW bit cleared (wp_page_reuse). Either way the entry
     * loses its COW bit. Returns COPIED or REUSED, or OUT_OF_MEMORY, with nothing changed,
     * if a copy was needed and no frame is free. The caller flushes the TLBs.
     */
    private CowResult doWpPage(long vpn) {
        // LAB cow BEGIN: copy the page if its frame is shared, or take it back if this is its last user
        // The reference count below means "mapped elsewhere" only for a leaf of our own.
        PageTable.Leaf own = ownLeaf(vpn, false);
        own.allCow = false; // the entry loses its COW bit below
        long[] leaf = own.ptes;
        int i = (int) vpn & PageTable.INDEX_MASK;
        long pte = leaf[i];
        int frame = Pte.frame(pte);
        if (phys.refCount(frame) == 1) {
            leaf[i] = pte & ~Pte.COW;
            return CowResult.REUSED;
        }
        int copy = phys.allocate();
        if (copy == PhysicalMemory.NO_FRAME) return CowResult.OUT_OF_MEMORY;
        System.arraycopy(phys.data(frame), 0, phys.data(copy), 0, PAGE_SIZE);
        leaf[i] = Pte.make(copy, Pte.flags(pte) & ~Pte.COW);
        phys.release(frame);
        return CowResult.COPIED;
        // LAB cow STUB
        // // Until then, the page always gets a copy, even when no one else maps its frame.
        // PageTable.Leaf own = ownLeaf(vpn, false);
        // own.allCow = false; // the entry loses its COW bit below
        // int i = (int) vpn & PageTable.INDEX_MASK;
        // long pte = own.ptes[i];
        // int copy = phys.allocate();
        // if (copy == PhysicalMemory.NO_FRAME) return CowResult.OUT_OF_MEMORY;
        // System.arraycopy(phys.data(Pte.frame(pte)), 0, phys.data(copy), 0, PAGE_SIZE);
        // own.ptes[i] = Pte.make(copy, Pte.flags(pte) & ~Pte.COW);
        // phys.release(Pte.frame(pte));
        // return CowResult.COPIED;
        // LAB cow END
    }

    // ---------------------------------------------------------------- the kernel's user-memory access

    /**
     * Copies {@code len} bytes of user memory at {@code va} into {@code dst[off..]}, checking
     * read permission as a load would. Returns {@link #NO_FAULT}, or the first address that
     * cannot be read, in which case nothing was copied. Used by system calls (write, ...).
     */
    public long copyIn(long va, byte[] dst, int off, int len) {
        Objects.checkFromIndexSize(off, len, dst.length);
        for (long p = va, end = va + len; p - end < 0; p = nextPage(p)) {
            if (access(p, AccessKind.READ) < 0) return p;
        }
        for (int done = 0; done < len; ) {
            long p = va + done;
            int n = Math.min(len - done, PAGE_SIZE - pageOffset(p));
            System.arraycopy(frameData(p), pageOffset(p), dst, off + done, n);
            done += n;
        }
        return NO_FAULT;
    }

    /**
     * Copies {@code src[off..off+len)} into user memory at {@code va}, checking write
     * permission as a store would and breaking copy-on-write sharing first. Returns
     * {@link #NO_FAULT}, or the first address that cannot be written, in which case no byte
     * was changed. A copy-on-write page that cannot be copied for want of memory is reported
     * as a fault too; the caller can tell that case by {@code Pte.isCow(pte(address))}.
     */
    public long copyOut(long va, byte[] src, int off, int len) {
        Objects.checkFromIndexSize(off, len, src.length);
        for (long p = va, end = va + len; p - end < 0; p = nextPage(p)) {
            if (!writable(p)) return p;
        }
        for (int done = 0; done < len; ) {
            long p = va + done;
            int n = Math.min(len - done, PAGE_SIZE - pageOffset(p));
            System.arraycopy(src, off + done, frameData(p), pageOffset(p), n);
            done += n;
        }
        return NO_FAULT;
    }

    /** Reads the byte at user address {@code va} (0..255). */
    public int read8(long va) throws MemoryFault {
        return (int) readN(va, 1) & 0xFF;
    }

    /** Reads a little-endian 16-bit value (0..65535). */
    public int read16(long va) throws MemoryFault {
        return (int) readN(va, 2) & 0xFFFF;
    }

    /** Reads a little-endian 32-bit value. */
    public int read32(long va) throws MemoryFault {
        return (int) readN(va, 4);
    }

    /** Reads a little-endian 64-bit value. */
    public long read64(long va) throws MemoryFault {
        return readN(va, 8);
    }

    /** Writes the low byte of {@code v}. */
    public void write8(long va, int v) throws MemoryFault {
        writeN(va, 1, v);
    }

    /** Writes the low 16 bits of {@code v}, little-endian. */
    public void write16(long va, int v) throws MemoryFault {
        writeN(va, 2, v);
    }

    /** Writes {@code v} as 4 little-endian bytes. */
    public void write32(long va, int v) throws MemoryFault {
        writeN(va, 4, v);
    }

    /** Writes {@code v} as 8 little-endian bytes. */
    public void write64(long va, long v) throws MemoryFault {
        writeN(va, 8, v);
    }

    /**
     * Reads a NUL-terminated string at {@code va}: its bytes without the NUL, or null if no NUL
     * is found among the first {@code max} bytes (the kernel returns ENAMETOOLONG or E2BIG).
     * Throws MemoryFault if the string runs into memory that cannot be read.
     */
    public byte[] readCString(long va, int max) throws MemoryFault {
        byte[] out = new byte[Math.min(max, 256)];
        int n = 0;
        long p = va;
        while (n < max) {
            if (access(p, AccessKind.READ) < 0) throw new MemoryFault(p, AccessKind.READ);
            byte[] page = frameData(p);
            for (int o = pageOffset(p); o < PAGE_SIZE && n < max; o++, n++) {
                if (page[o] == 0) return Arrays.copyOf(out, n);
                if (n == out.length) out = Arrays.copyOf(out, Math.min(max, 2 * n));
                out[n] = page[o];
            }
            p = nextPage(p);
        }
        return null;
    }

    /** {@link #readCString} decoded as UTF-8 (malformed bytes become U+FFFD); null as there. */
    public String readString(long va, int max) throws MemoryFault {
        byte[] b = readCString(va, max);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- for the MMU (package-private)

    /**
     * The page-table walk of a CPU (or of the kernel's accessors) for one {@code kind} of
     * access to {@code va}. On success returns the PTE, after setting its accessed bit (and
     * its dirty bit for a write); otherwise one of FAULT_NOT_PRESENT, FAULT_PROTECTION,
     * FAULT_COW. Changes nothing but those two bits.
     */
    long access(long va, AccessKind kind) {
        if ((va >>> 48) != 0) return FAULT_NOT_PRESENT;
        long vpn = va >>> PAGE_SHIFT;
        long[] leaf = table.leaf(vpn, false);
        if (leaf == null) return FAULT_NOT_PRESENT;
        int i = (int) vpn & PageTable.INDEX_MASK;
        long pte = leaf[i];
        if (!Pte.isPresent(pte)) return FAULT_NOT_PRESENT;
        switch (kind) {
            case READ:
                if ((pte & Pte.READ) == 0) return FAULT_PROTECTION;
                pte |= Pte.ACCESSED;
                break;
            case WRITE:
                if ((pte & Pte.WRITE) == 0) return FAULT_PROTECTION;
                if ((pte & Pte.COW) != 0) return FAULT_COW;
                pte |= Pte.ACCESSED | Pte.DIRTY;
                break;
            default:
                if ((pte & Pte.EXEC) == 0) return FAULT_PROTECTION;
                pte |= Pte.ACCESSED;
                break;
        }
        leaf[i] = pte;
        return pte;
    }

    /** The FaultKind for one of access()'s negative codes. */
    static FaultKind faultKind(long code) {
        return code == FAULT_NOT_PRESENT ? FaultKind.NOT_PRESENT
                : code == FAULT_PROTECTION ? FaultKind.PROTECTION : FaultKind.COPY_ON_WRITE;
    }

    /** The contents of the frame a successful access() returned. */
    byte[] frameOf(long pte) {
        return phys.data(Pte.frame(pte));
    }

    /** Called by a CPU when it starts running this address space. */
    void attach(Tlb tlb) {
        if (nattached == attached.length) attached = Arrays.copyOf(attached, 2 * nattached);
        attached[nattached++] = tlb;
    }

    /** Called by a CPU when it stops running this address space. */
    void detach(Tlb tlb) {
        for (int i = 0; i < nattached; i++) {
            if (attached[i] == tlb) {
                System.arraycopy(attached, i + 1, attached, i, nattached - i - 1);
                attached[--nattached] = null;
                return;
            }
        }
    }

    /** Number of CPUs that have this address space loaded. */
    int attachedCount() {
        return nattached;
    }

    // ---------------------------------------------------------------- helpers

    private interface EntryAction {
        void apply(long[] leaf, int index);
    }

    /**
     * Calls {@code action}, which may change the entry, for each present PTE among {@code n}
     * pages from {@code first}. A shared leaf with a present entry in the range is first made
     * private ({@link #ownLeaf}), so that the action changes only this address space's view.
     */
    private void forEachPresent(long first, long n, EntryAction action) {
        long end = first + n;
        boolean huge = n > 64 * PageTable.ENTRIES;
        // A huge range (munmap of a whole region) visits only the tables that exist; others
        // walk the range one leaf at a time.
        int k = 0;
        for (long vpn = first; vpn < end; ) {
            long base;
            if (huge) {
                while (k < table.leafCount() && table.leafBase(k) + PageTable.ENTRIES <= vpn) k++;
                if (k == table.leafCount() || table.leafBase(k) >= end) return;
                base = table.leafBase(k);
                vpn = Math.max(vpn, base);
            } else {
                base = vpn & ~(long) PageTable.INDEX_MASK;
            }
            long leafEnd = Math.min(end, base + PageTable.ENTRIES);
            long[] leaf = table.leaf(vpn, false);
            if (leaf != null) {
                for (long v = vpn; v < leafEnd; v++) {
                    int i = (int) v & PageTable.INDEX_MASK;
                    if (!Pte.isPresent(leaf[i])) continue;
                    leaf = ownLeaf(v, false).ptes;
                    action.apply(leaf, i);
                }
            }
            vpn = leafEnd;
        }
    }

    /**
     * The leaf table for {@code vpn}, ready to be changed: if the leaf is
     * shared with other address spaces, this one first gets a private copy of it, with a new
     * frame reference for each present entry (the shared leaf keeps its own for the others).
     * Our TLBs need no flush: the copy maps the same frames with the same bits. Returns null
     * if there is no leaf and {@code create} is false.
     */
    private PageTable.Leaf ownLeaf(long vpn, boolean create) {
        PageTable.Leaf leaf = table.node(vpn, create);
        if (leaf == null || !leaf.isShared()) return leaf;
        for (long pte : leaf.ptes) {
            if ((pte & Pte.PRESENT) != 0) phys.retain(Pte.frame(pte));
        }
        leaf.sharers--;
        PageTable.Leaf mine = table.copyOf(leaf);
        table.replaceLeaf(vpn & ~(long) PageTable.INDEX_MASK, mine);
        return mine;
    }

    /** Stores a new PTE, dropping (and flushing) whatever was mapped there before. */
    private void install(long vpn, long pte) {
        PageTable.Leaf own = ownLeaf(vpn, true);
        if ((pte & (Pte.SHARED | Pte.COW)) == 0) own.allCow = false;
        long[] leaf = own.ptes;
        int i = (int) vpn & PageTable.INDEX_MASK;
        long old = leaf[i];
        leaf[i] = pte;
        if (Pte.isPresent(old)) {
            shootdown(vpn, 1);
            phys.release(Pte.frame(old));
        } else {
            resident++;
        }
    }

    /** Makes sure a user write to the page of {@code va} may go through, breaking COW. */
    private boolean writable(long va) {
        long r = access(va, AccessKind.WRITE);
        if (r == FAULT_COW) {
            CowResult c = resolveCow(va);
            if (c != CowResult.COPIED && c != CowResult.REUSED) return false;
            r = access(va, AccessKind.WRITE);
        }
        return r >= 0;
    }

    private long readN(long va, int size) throws MemoryFault {
        if (pageOffset(va) <= PAGE_SIZE - size) {
            long pte = access(va, AccessKind.READ);
            if (pte < 0) throw new MemoryFault(va, AccessKind.READ);
            return LittleEndian.load(frameOf(pte), pageOffset(va), size);
        }
        byte[] b = new byte[8];
        long f = copyIn(va, b, 0, size);
        if (f != NO_FAULT) throw new MemoryFault(f, AccessKind.READ);
        return LittleEndian.load(b, 0, 8);
    }

    private void writeN(long va, int size, long v) throws MemoryFault {
        if (pageOffset(va) <= PAGE_SIZE - size) {
            if (!writable(va)) throw new MemoryFault(va, AccessKind.WRITE);
            LittleEndian.store(frameData(va), pageOffset(va), size, v);
            return;
        }
        byte[] b = new byte[8];
        LittleEndian.store(b, 0, 8, v);
        long f = copyOut(va, b, 0, size);
        if (f != NO_FAULT) throw new MemoryFault(f, AccessKind.WRITE);
    }

    /** Frame contents of a page known to be mapped. */
    private byte[] frameData(long va) {
        return frameOf(table.get(va >>> PAGE_SHIFT));
    }

    private void shootdown(long vpn, long n) {
        for (int i = 0; i < nattached; i++) attached[i].flushRange(vpn, n);
    }

    private void shootdownAll() {
        for (int i = 0; i < nattached; i++) attached[i].flushAll();
    }

    private static int pageOffset(long va) {
        return (int) va & (PAGE_SIZE - 1);
    }

    private static long nextPage(long va) {
        return (va | (PAGE_SIZE - 1)) + 1;
    }

    private static void checkRange(long va, long npages) {
        if ((va & (PAGE_SIZE - 1)) != 0 || va < 0 || npages < 0 || va >= LIMIT && npages > 0
                || npages > (LIMIT - va) >>> PAGE_SHIFT) {
            throw new IllegalArgumentException("bad page range 0x" + Long.toHexString(va) + " + " + npages + " pages");
        }
    }

    private static void checkPerms(long perms, long allowed) {
        if ((perms & ~allowed) != 0) throw new IllegalArgumentException("bad permission bits 0x" + Long.toHexString(perms));
    }
}
