package mm;

import fs.OpenFile;
import fs.RegularFile;
import java.util.Objects;
import vm.AccessKind;
import vm.AddressSpace;
import vm.Pte;

/**
 * A virtual memory area, Linux's {@code vm_area_struct}: one contiguous range
 * {@code [start, end)} of an address space in which every page has the same protection and
 * the same origin (a piece of the executable, the heap, the stack, an anonymous mapping).
 *
 * <p>A VMA says what <em>may</em> be mapped; the page table ({@link AddressSpace}) says what
 * <em>is</em> mapped. Pages of an anonymous VMA appear only when first touched (demand
 * paging), so a VMA may be much larger than the memory it uses.
 *
 * <p>Vma objects are immutable: splitting, merging, growing or changing the protection of a
 * VMA makes a new object ({@link #withRange}, {@link #withProt}), which is why a forked
 * {@link Mm} can share them with its parent.
 */
public final class Vma {
    /** Protection bits, as mmap(2) and mprotect(2) take them. */
    public static final int PROT_NONE = 0, PROT_READ = 1, PROT_WRITE = 2, PROT_EXEC = 4;

    /** Flag: a MAP_SHARED mapping; fork shares its pages instead of copying them. */
    public static final int SHARED = 1;
    /** Flag: anonymous memory (zero-filled), not a piece of the executable. */
    public static final int ANONYMOUS = 2;
    /** Flag: grows down on a fault just below it (Linux's VM_GROWSDOWN). */
    public static final int GROWS_DOWN = 4;
    /** Flag: the program break area, shown as [heap]. */
    public static final int HEAP = 8;
    /** Flag: the main thread's stack, shown as [stack] (Linux's VM_STACK). */
    public static final int STACK = 16;
    /** Flag: fork leaves this VMA out of the child (madvise MADV_DONTFORK, Linux's VM_DONTCOPY). */
    public static final int DONT_COPY = 32;
    /** Flag: fork gives the child zero-filled pages here (MADV_WIPEONFORK, Linux's VM_WIPEONFORK). */
    public static final int WIPE_ON_FORK = 64;
    /**
     * Flag: PROT_WRITE may never be added (Linux's VM_MAYWRITE clear): a shared mapping of a
     * file not open for writing.
     */
    public static final int NO_MAY_WRITE = 128;
    /**
     * Flag: overcommit is asked when the mapping grows (Linux's VM_ACCOUNT): a private
     * writable mapping made without MAP_NORESERVE.
     */
    public static final int ACCOUNT = 256;

    /** What one VMA costs in the kernel's slab: Linux's vm_area_struct, about 200 bytes on x86-64. */
    public static final int SLAB_BYTES = 200;

    private final long start;
    private final long end;
    private final int prot;
    private final int flags;
    private final long offset;
    private final String name;
    private final SharedMemory shm;
    private final OpenFile file;

    /**
     * A VMA over {@code [start, end)} (page-aligned, start < end) with protection {@code prot},
     * flags {@code flags}, file offset {@code offset} of its first byte and a {@code name}
     * (the executable's path for its segments; null for anonymous memory).
     */
    public Vma(long start, long end, int prot, int flags, long offset, String name) {
        this(start, end, prot, flags, offset, name, null);
    }

    /** A VMA backed by {@code shm} (shared anonymous memory), {@code offset} bytes into it. */
    Vma(long start, long end, int prot, int flags, long offset, String name, SharedMemory shm) {
        this(start, end, prot, flags, offset, name, shm, null);
    }

    /**
     * A VMA mapping the regular file open as {@code file} (Linux's vm_file), {@code offset}
     * bytes into it, or anonymous memory when {@code file} is null. The VMA does not own a
     * reference to {@code file}: each tree holding it takes one ({@link VmaTree}).
     */
    Vma(long start, long end, int prot, int flags, long offset, String name, SharedMemory shm, OpenFile file) {
        if ((start | end) % AddressSpace.PAGE_SIZE != 0 || start < 0 || end <= start) {
            throw new IllegalArgumentException(String.format("bad VMA range 0x%x-0x%x", start, end));
        }
        this.start = start;
        this.end = end;
        this.prot = prot & (PROT_READ | PROT_WRITE | PROT_EXEC);
        this.flags = flags;
        this.offset = offset;
        this.name = name;
        this.shm = shm;
        this.file = file;
    }

    /** An anonymous VMA (offset 0, no name). */
    public static Vma anonymous(long start, long end, int prot, int flags) {
        return new Vma(start, end, prot, flags | ANONYMOUS, 0, null);
    }

    public long start() { return start; }
    public long end() { return end; }
    public int prot() { return prot; }
    public int flags() { return flags; }
    /**
     * Offset of {@link #start()} in the file or shared memory object behind the VMA (0 for
     * private anonymous memory), printed by /proc/PID/maps.
     */
    public long offset() { return offset; }
    /** The path of the mapped file, or null for anonymous memory. */
    public String name() { return name; }

    /** The shared memory object behind a MAP_SHARED anonymous VMA, else null. */
    SharedMemory sharedMemory() {
        return shm;
    }

    /** The open file this VMA maps (Linux's vm_file), or null for anonymous memory and program segments. */
    public OpenFile file() {
        return file;
    }

    /** The mapped file's page cache, or null if this VMA maps no file. */
    RegularFile mappedFile() {
        return file == null ? null : (RegularFile) file.inode();
    }

    /** The index in the mapped file (or shared memory object) of the page at {@code addr}. */
    long pageIndex(long addr) {
        return (offset + (Mm.pageDown(addr) - start)) >>> AddressSpace.PAGE_SHIFT;
    }

    /** Length in bytes. */
    public long size() {
        return end - start;
    }

    /** Length in pages. */
    public long pages() {
        return size() >>> AddressSpace.PAGE_SHIFT;
    }

    public boolean isShared() { return (flags & SHARED) != 0; }
    public boolean isAnonymous() { return (flags & ANONYMOUS) != 0; }
    public boolean growsDown() { return (flags & GROWS_DOWN) != 0; }
    public boolean isHeap() { return (flags & HEAP) != 0; }
    public boolean isStack() { return (flags & STACK) != 0; }

    /** True if {@code addr} lies inside {@code [start, end)}. */
    public boolean contains(long addr) {
        return addr >= start && addr < end;
    }

    /**
     * The lowest address another mapping may end at below this one: {@code start}, or for a
     * grows-down VMA {@code start - gap}, keeping Linux's stack guard gap free so that the
     * stack can always grow a little (Linux's {@code vm_start_gap}).
     */
    public long startGap(long gap) {
        return growsDown() ? Math.max(0, start - gap) : start;
    }

    /** This VMA cut down (or grown) to {@code [newStart, newEnd)}, with the offset kept in step. */
    public Vma withRange(long newStart, long newEnd) {
        long newOffset = isAnonymous() && !isShared() ? 0 : offset + (newStart - start);
        return new Vma(newStart, newEnd, prot, flags, newOffset, name, shm, file);
    }

    /** This VMA with protection {@code newProt}. */
    public Vma withProt(int newProt) {
        return new Vma(start, end, newProt, flags, offset, name, shm, file);
    }

    /** This VMA with flags {@code newFlags} (madvise's MADV_DONTFORK and friends). */
    Vma withFlags(int newFlags) {
        return new Vma(start, end, prot, newFlags, offset, name, shm, file);
    }

    /** This VMA moved to start at {@code newStart} with the same size, file and offset (mremap). */
    Vma movedTo(long newStart) {
        return new Vma(newStart, newStart + size(), prot, flags, offset, name, shm, file);
    }

    /**
     * True if {@code next} starts where this VMA ends and the two can be one VMA, as Linux's
     * {@code vma_merge} decides: same protection, flags and file, contiguous file offsets.
     * Shared anonymous mappings never merge (each is its own shared memory object in Linux);
     * shared mappings of one file do.
     */
    public boolean canMergeWith(Vma next) {
        return end == next.start && prot == next.prot && flags == next.flags && (!isShared() || file != null)
                && Objects.equals(name, next.name) && file == next.file
                && (isAnonymous() || offset + size() == next.offset);
    }

    /**
     * The page-table permission bits for this VMA's pages. As on x86-64, any access right
     * implies read (a PROT_WRITE or PROT_EXEC page can be read); PROT_NONE maps nothing usable.
     */
    public long pteBits() {
        long bits = prot != PROT_NONE ? Pte.READ : 0;
        if ((prot & PROT_WRITE) != 0) bits |= Pte.WRITE;
        if ((prot & PROT_EXEC) != 0) bits |= Pte.EXEC;
        if (isShared()) bits |= Pte.SHARED;
        return bits;
    }

    /** True if this VMA permits an access of this kind (consistent with {@link #pteBits()}). */
    public boolean allows(AccessKind kind) {
        long bits = pteBits();
        return switch (kind) {
            case READ -> (bits & Pte.READ) != 0;
            case WRITE -> (bits & Pte.WRITE) != 0;
            case EXECUTE -> (bits & Pte.EXEC) != 0;
        };
    }

    /** The permission column of /proc/PID/maps: "r-xp", "rw-s". */
    public String permissions() {
        return ((prot & PROT_READ) != 0 ? "r" : "-") + ((prot & PROT_WRITE) != 0 ? "w" : "-")
                + ((prot & PROT_EXEC) != 0 ? "x" : "-") + (isShared() ? "s" : "p");
    }

    @Override
    public String toString() {
        return String.format("%x-%x %s%s", start, end, permissions(), name == null ? "" : " " + name);
    }
}
