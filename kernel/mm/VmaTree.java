package mm;

import fs.FileMapper;
import fs.RegularFile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vm.AddressSpace;
import vm.PhysicalMemory;
import vm.Pte;

/**
 * The VMAs of one address space, sorted by address and never overlapping: Linux's
 * {@code mm->mm_mt} maple tree (formerly the {@code mm->mmap} list and rb-tree). Here a
 * {@link TreeMap} keyed by start address does the same job.
 *
 * <p>The tree only keeps the VMA bookkeeping; it never touches page tables. {@link Mm} unmaps
 * or re-protects the pages of the ranges this class reports. It does keep counts: every
 * VMA entering the tree takes a reference to its {@link SharedMemory} or its open file (if
 * any) and every VMA leaving drops it, all through {@link #link} and {@link #unlink}, so that
 * shared memory is freed, and a mapped file closed, exactly when the last VMA using it, in
 * any mm, is gone. A VMA mapping a file also registers the tree with the file as one of its
 * {@link FileMapper}s, so that truncating the file unmaps the pages past its new end here.
 *
 * <p><b>What VMAs cost.</b> Each VMA is paid for in the kernel's slab
 * ({@link Vma#SLAB_BYTES}), as Linux allocates each vm_area_struct from its slab cache. An
 * operation that may add VMAs (a split adds one) first calls {@link #reserve} for the most it
 * can add, which fails, changing nothing, when memory is short: the system call then
 * returns ENOMEM, as Linux's does when vm_area_alloc or the maple tree's preallocation
 * fails. Afterwards {@link #settle} gives back what was reserved and not used. Linking a VMA
 * that was not reserved is a kernel bug and throws.
 */
final class VmaTree implements FileMapper {
    private final PhysicalMemory phys;
    /** The page table of the mm this tree belongs to: where a truncated file's pages are unmapped. */
    private final AddressSpace as;
    private final TreeMap<Long, Vma> byStart = new TreeMap<>();
    /** VMAs paid for in the slab: at least count() at all times, exactly count() once settled. */
    private int charged;
    /** Pages in all the VMAs (Linux's total_vm), kept by link and unlink. */
    private long totalPages;
    /**
     * The free-area cache of the top-down search (Mmap.topDown): when {@code searchBase} is
     * non-zero, every gap between {@code searchEnd} and the mmap_base {@code searchBase} has
     * been looked at and none is larger than {@code searchLargestGap} bytes.
     */
    private long searchBase, searchEnd, searchLargestGap;

    /** An empty tree for the mm whose page table is {@code as}; its VMAs are paid for in {@code phys}'s slab. */
    VmaTree(PhysicalMemory phys, AddressSpace as) {
        this.phys = phys;
        this.as = as;
    }

    /**
     * A copy, for the mm whose page table is {@code childAs}, holding the same (immutable)
     * VMAs but those marked {@link Vma#DONT_COPY}: fork's dup_mmap. Null, with nothing
     * changed, if the slab cannot pay for that many VMAs.
     */
    VmaTree copy(AddressSpace childAs) {
        VmaTree t = new VmaTree(phys, childAs);
        if (!t.reserve(byStart.size())) return null;
        for (Vma v : byStart.values()) if ((v.flags() & Vma.DONT_COPY) == 0) t.link(v);
        t.settle();
        return t;
    }

    /**
     * Pays for {@code more} VMAs beyond those in the tree, for an operation about to add
     * them. False, with nothing changed, if the slab has no room (the caller's ENOMEM).
     */
    boolean reserve(int more) {
        settle();
        if (!phys.chargeSlab((long) more * Vma.SLAB_BYTES)) return false;
        charged += more;
        return true;
    }

    /**
     * How many VMAs splitting at {@code start} and {@code end} adds at its busiest: one for
     * each end that falls strictly inside a VMA.
     */
    int splitsAt(long start, long end) {
        Vma first = containing(start), last = containing(end);
        return (first != null && first.start() != start ? 1 : 0) + (last != null && last.start() != end ? 1 : 0);
    }

    /** Gives back what {@link #reserve} paid for and the operation did not use. */
    void settle() {
        int unused = charged - byStart.size();
        if (unused == 0) return;
        phys.unchargeSlab((long) unused * Vma.SLAB_BYTES);
        charged -= unused;
    }

    /** Puts {@code v} into the map, taking a reference to its shared memory or file. */
    private void link(Vma v) {
        if (byStart.size() >= charged) throw new IllegalStateException("VMA linked without a reservation: " + v);
        hold(v);
        byStart.put(v.start(), v);
        totalPages += v.pages();
    }

    /** Takes {@code v} out of the map, dropping its reference to its shared memory or file. */
    private void unlink(Vma v) {
        byStart.remove(v.start());
        totalPages -= v.pages();
        drop(v);
    }

    /** Takes the references a VMA in this tree holds: its shared memory, or its file and a place among the file's mappers. */
    private void hold(Vma v) {
        if (v.sharedMemory() != null) v.sharedMemory().get();
        if (v.file() != null) {
            v.file().get();
            v.mappedFile().addMapper(this);
        }
    }

    /** Drops what {@link #hold} took; the last drop frees shared memory or closes the file. */
    private void drop(Vma v) {
        if (v.sharedMemory() != null) v.sharedMemory().put();
        if (v.file() != null) {
            v.mappedFile().removeMapper(this);
            v.file().put();
        }
    }

    @Override
    public void unmapFilePages(RegularFile file, long firstIndex, long endIndex, boolean evenCows) {
        for (Vma v : byStart.values()) {
            if (v.mappedFile() != file) continue;
            long first = v.offset() >>> AddressSpace.PAGE_SHIFT;
            long from = v.start() + (Math.max(first, firstIndex) - first) * AddressSpace.PAGE_SIZE;
            long to = v.start() + Math.max(0, Math.min(endIndex - first, v.pages())) * AddressSpace.PAGE_SIZE;
            if (from >= to) continue;
            List<Long> gone = new ArrayList<>();
            as.forEachPresentPage(from, (to - from) >>> AddressSpace.PAGE_SHIFT, (page, pte) -> {
                if (evenCows || v.isShared() || Pte.frame(pte) == file.frameAt(v.pageIndex(page))) gone.add(page);
            });
            for (long page : gone) as.unmap(page, 1);
        }
    }

    /** Number of VMAs (Linux's map_count). */
    int count() {
        return byStart.size();
    }

    /** All VMAs in address order (a copy, safe to iterate while changing the tree). */
    List<Vma> all() {
        return new ArrayList<>(byStart.values());
    }

    /** Pages in all the VMAs (Linux's total_vm), without walking them. */
    long totalPages() {
        return totalPages;
    }

    /** All VMAs in address order: a live view, not to be used while changing the tree (fork reads it without a copy). */
    Collection<Vma> view() {
        return byStart.values();
    }

    /** All VMAs from the highest address down: a live view, not to be used while changing the tree. */
    Collection<Vma> descendingView() {
        return byStart.descendingMap().values();
    }

    /** The VMAs starting below {@code addr}, from the highest down: a live view, as {@link #descendingView}. */
    Collection<Vma> descendingBelow(long addr) {
        return byStart.headMap(addr, false).descendingMap().values();
    }

    /**
     * Where a top-down search for {@code len} bytes below {@code mmapBase} may start: the end
     * of the last search if it was for this base and passed over no gap of {@code len} bytes
     * or more, else {@code mmapBase} itself.
     */
    long freeAreaSearchStart(long mmapBase, long len) {
        return searchBase == mmapBase && len > searchLargestGap ? searchEnd : mmapBase;
    }

    /** The largest gap above the point {@link #freeAreaSearchStart} resumes from. */
    long freeAreaLargestGap() {
        return searchLargestGap;
    }

    /** Records a search below {@code mmapBase} that ended at {@code end}, passing over no gap larger than {@code largestGap}. */
    void rememberFreeAreaSearch(long mmapBase, long end, long largestGap) {
        searchBase = mmapBase;
        searchEnd = end;
        searchLargestGap = largestGap;
    }

    /** Forgets the last search: a gap above its end may have grown (a mapping was removed). */
    void forgetFreeAreaSearch() {
        searchBase = 0;
    }

    /** Removes every VMA and gives back what they cost. */
    void clear() {
        // As unlink, without copying the tree first: exit does this for every process.
        for (Iterator<Vma> it = byStart.values().iterator(); it.hasNext(); ) {
            Vma v = it.next();
            it.remove();
            totalPages -= v.pages();
            drop(v);
        }
        forgetFreeAreaSearch();
        settle();
    }

    /** The first VMA that ends above {@code addr} (Linux's find_vma): it contains addr or lies above it. */
    Vma find(long addr) {
        Map.Entry<Long, Vma> e = byStart.floorEntry(addr);
        if (e != null && e.getValue().end() > addr) return e.getValue();
        Map.Entry<Long, Vma> next = byStart.higherEntry(addr);
        return next == null ? null : next.getValue();
    }

    /** The VMA containing {@code addr}, or null. */
    Vma containing(long addr) {
        Map.Entry<Long, Vma> e = byStart.floorEntry(addr);
        return e != null && e.getValue().end() > addr ? e.getValue() : null;
    }

    /** The VMA just below {@code v} (ending at or before its start), or null. */
    Vma previous(Vma v) {
        Map.Entry<Long, Vma> e = byStart.lowerEntry(v.start());
        return e == null ? null : e.getValue();
    }

    /** The VMAs overlapping {@code [start, end)}, in address order. */
    List<Vma> intersecting(long start, long end) {
        List<Vma> out = new ArrayList<>();
        Vma first = find(start);
        if (first == null) return out;
        for (Vma v : byStart.tailMap(first.start(), true).values()) {
            if (v.start() >= end) break;
            out.add(v);
        }
        return out;
    }

    /**
     * True if no VMA overlaps {@code [start, end)}, counting the guard gap of {@code gap} bytes
     * below a grows-down VMA as occupied.
     */
    boolean isFree(long start, long end, long gap) {
        for (Vma v : intersecting(start, end + gap)) {
            if (v.startGap(gap) < end && v.end() > start) return false;
        }
        return true;
    }

    /** Adds {@code v}, which must not overlap any VMA, without merging it. */
    void insert(Vma v) {
        if (!intersecting(v.start(), v.end()).isEmpty()) {
            throw new IllegalStateException("overlapping VMA " + v);
        }
        link(v);
    }

    /** Replaces {@code old} by {@code v} (same start or not), e.g. to grow the stack. */
    void replace(Vma old, Vma v) {
        byStart.remove(old.start());
        totalPages -= old.pages();
        insert(v); // takes v's reference before old's is dropped, so it never reaches zero
        drop(old);
        // Growing a stack only narrows gaps; anything that could widen one forgets the search.
        if (v.end() < old.end() || v.startGap(Mm.STACK_GUARD_GAP) > old.startGap(Mm.STACK_GUARD_GAP)) {
            forgetFreeAreaSearch();
        }
    }

    /**
     * Adds {@code v} and merges it with the VMAs just below and above it where
     * {@link Vma#canMergeWith} allows, as Linux's vma_merge does for mmap and brk.
     */
    void insertAndMerge(Vma v) {
        insert(v);
        mergeAround(v.start(), v.end());
    }

    /** Merges mergeable neighbours among the VMAs touching {@code [start, end]}. */
    void mergeAround(long start, long end) {
        Vma v = find(start > 0 ? start - 1 : 0);
        while (v != null && v.start() <= end) {
            Map.Entry<Long, Vma> e = byStart.higherEntry(v.start());
            if (e == null) return;
            Vma next = e.getValue();
            if (v.canMergeWith(next)) {
                Vma merged = v.withRange(v.start(), next.end());
                hold(merged); // first, so that the file's references never drop to zero on the way
                unlink(next);
                unlink(v);
                link(merged);
                drop(merged);
                v = merged;
            } else {
                v = next;
            }
        }
    }

    /** Splits the VMA that strictly contains {@code addr}, if any, into two at {@code addr}. */
    void splitAt(long addr) {
        Vma v = containing(addr);
        if (v == null || v.start() == addr) return;
        // Link the upper half before unlinking the whole, so shared memory never drops to zero.
        link(v.withRange(addr, v.end()));
        unlink(v);
        link(v.withRange(v.start(), addr));
    }

    /**
     * Removes everything in {@code [start, end)}, splitting VMAs that stick out of the range
     * (munmap of part of a VMA). Returns the removed pieces, in address order, so the caller
     * can unmap their pages.
     */
    List<Vma> removeRange(long start, long end) {
        splitAt(start);
        splitAt(end);
        List<Vma> removed = intersecting(start, end);
        for (Vma v : removed) unlink(v);
        if (!removed.isEmpty()) forgetFreeAreaSearch();
        return removed;
    }
}
