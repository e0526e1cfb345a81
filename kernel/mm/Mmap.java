package mm;

import fs.OpenFile;
import fs.RegularFile;
import fs.ZeroDevice;
import syscall.Errno;
import vm.AddressSpace;

/**
 * mmap(2), munmap(2) and brk(2) on an {@link Mm}, following Linux's mm/mmap.c: the same
 * argument checks in the same order, so a program sees the same errno as on Linux.
 *
 * <p><b>What can be mapped.</b> Anonymous memory, a regular file of the in-memory file
 * system (its page cache is mapped, see {@link FileFault}), and /dev/zero (anonymous memory,
 * as Linux's mmap_zero makes it). Any other open file fails with ENODEV, what Linux returns
 * for a file whose file system has no mmap operation: pipes, devices, /proc files, and files
 * of a mounted host directory, whose bytes live on the host and not in frames. The
 * system-call layer finds the open file (EBADF when there is none) and calls
 * {@link #mmapFile}; {@link #mmap} is the anonymous case.
 *
 * <p><b>When pages appear.</b> Private anonymous memory is demand-paged: the VMA is recorded
 * now and each page is allocated by the page-fault handler on first touch, or at once for
 * MAP_POPULATE (best effort, as in Linux: running out of memory while populating does not
 * fail the call). Shared anonymous memory is demand-paged too, through a {@link SharedMemory}
 * object that remembers which frame each page got, so that parent and child of a fork find
 * the same page whoever touches it first.
 *
 * <p><b>Overcommit.</b> Linux's default heuristic (vm.overcommit_memory = 0): a private
 * writable mapping without MAP_NORESERVE, or a brk growth, fails with ENOMEM only when it is
 * larger than the whole physical memory. Everything else is promised and may end in the
 * out-of-memory killer at fault time.
 */
public final class Mmap {
    private Mmap() {}

    /** mmap flags, Linux x86-64 values. */
    public static final int MAP_SHARED = 0x01, MAP_PRIVATE = 0x02, MAP_SHARED_VALIDATE = 0x03, MAP_TYPE = 0x0f,
            MAP_FIXED = 0x10, MAP_ANONYMOUS = 0x20, MAP_GROWSDOWN = 0x100, MAP_NORESERVE = 0x4000,
            MAP_POPULATE = 0x8000, MAP_STACK = 0x20000, MAP_FIXED_NOREPLACE = 0x100000;
    /**
     * The flags MAP_SHARED keeps and MAP_SHARED_VALIDATE accepts (Linux's LEGACY_MAP_MASK:
     * those above, MAP_DENYWRITE 0x800, MAP_EXECUTABLE 0x1000, MAP_UNINITIALIZED 0x4000000,
     * MAP_LOCKED 0x2000, MAP_NONBLOCK 0x10000, MAP_HUGETLB 0x40000).
     */
    static final int LEGACY_MAP_MASK = MAP_SHARED | MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS | 0x800 | 0x1000
            | 0x4000000 | MAP_GROWSDOWN | 0x2000 | MAP_NORESERVE | MAP_POPULATE | 0x10000 | MAP_STACK | 0x40000;

    private static final long PAGE = AddressSpace.PAGE_SIZE;

    /**
     * mmap(2) for anonymous memory. Returns the page-aligned address of the new mapping or
     * -errno: EINVAL for an unaligned offset, length 0, an unaligned MAP_FIXED address or a
     * mapping type other than exactly MAP_SHARED or MAP_PRIVATE; ENOMEM when the length
     * overflows, no gap is large enough, the range passes TASK_SIZE, the mappings would pass
     * RLIMIT_AS, overcommit refuses or the kernel has no memory for the VMAs;
     * EPERM for MAP_FIXED below mmap_min_addr; EEXIST when MAP_FIXED_NOREPLACE would replace
     * something. Without MAP_FIXED a free hint address is used as is; otherwise the highest
     * free gap below {@link Mm#mmapBase()} is chosen (top-down, deterministic).
     */
    static long mmap(Mm mm, long addr, long length, int prot, int flags, long fd, long offset) {
        if ((offset & (PAGE - 1)) != 0) return -Errno.EINVAL;
        // Linux takes fd as an unsigned int, so only its low 32 bits count.
        if ((flags & MAP_ANONYMOUS) == 0) return (int) fd < 0 ? -Errno.EBADF : -Errno.ENODEV;
        return map(mm, addr, length, prot, flags, null, 0);
    }

    /**
     * mmap(2) of the open file {@code file} (MAP_ANONYMOUS clear), {@code offset} bytes into
     * it. The errors of {@link #mmap}, then, in Linux's order: EOVERFLOW when the offset and
     * length pass the largest file offset; for MAP_SHARED_VALIDATE, EOPNOTSUPP for a flag
     * MAP_SHARED does not know (plain MAP_SHARED drops those flags); for either shared type,
     * EACCES for PROT_WRITE on a file not open for writing; EACCES for a file not open for
     * reading; ENODEV for a file that cannot be mapped (see the class comment); EINVAL for
     * MAP_GROWSDOWN or a mapping type that is none of the three.
     */
    static long mmapFile(Mm mm, long addr, long length, int prot, int flags, OpenFile file, long offset) {
        if ((offset & (PAGE - 1)) != 0) return -Errno.EINVAL;
        return map(mm, addr, length, prot, flags & ~MAP_ANONYMOUS, file, offset);
    }

    /** mmap once the offset is known to be aligned: {@code file} null for anonymous memory. */
    private static long map(Mm mm, long addr, long length, int prot, int flags, OpenFile file, long offset) {
        if (length == 0) return -Errno.EINVAL;
        long len = Mm.pageUp(length);
        if (length < 0 || len <= 0) return -Errno.ENOMEM; // page-aligning overflowed
        if (mm.vmas.count() > mm.sysctl.maxMapCount()) return -Errno.ENOMEM;
        if ((flags & MAP_FIXED_NOREPLACE) != 0) flags |= MAP_FIXED;

        long start = unmappedArea(mm, addr, len, flags);
        if (start < 0) return start;
        long mapped = mapAt(mm, start, len, prot, flags, file, offset);
        // The gap chosen is still free: the tree's record of the searched gaps no longer holds.
        if (mapped < 0) mm.vmas.forgetFreeAreaSearch();
        return mapped;
    }

    /** The rest of mmap, once the address {@code start} is chosen: the mapping, or -errno. */
    private static long mapAt(Mm mm, long start, long len, int prot, int flags, OpenFile file, long offset) {
        if ((flags & MAP_FIXED_NOREPLACE) != 0 && !mm.vmas.intersecting(start, start + len).isEmpty()) {
            return -Errno.EEXIST;
        }
        int vmFlags = file == null ? anonymousFlags(flags) : fileFlags(file, len, prot, flags, offset);
        if (vmFlags < 0) return vmFlags;
        // /dev/zero is anonymous memory; only a regular file stays behind its VMA.
        if (!(file != null && file.inode() instanceof RegularFile)) {
            file = null;
            offset = 0;
        }
        // RLIMIT_AS counts what the mapping adds: what MAP_FIXED replaces is already counted.
        if (!mm.mayGrowBy((len - mappedBytes(mm, start, start + len)) >>> AddressSpace.PAGE_SHIFT)) return -Errno.ENOMEM;
        boolean accountable = (vmFlags & Vma.SHARED) == 0 && (prot & Vma.PROT_WRITE) != 0
                && (flags & MAP_NORESERVE) == 0;
        if (accountable && !enoughMemory(mm, len)) return -Errno.ENOMEM;
        if (accountable) vmFlags |= Vma.ACCOUNT;
        // The new VMA, and the pieces of those it replaces in part.
        if (!mm.vmas.reserve(1 + mm.vmas.splitsAt(start, start + len))) return -Errno.ENOMEM;

        unmapRange(mm, start, start + len); // MAP_FIXED replaces whatever was there
        SharedMemory shm = (vmFlags & (Vma.SHARED | Vma.ANONYMOUS)) == (Vma.SHARED | Vma.ANONYMOUS)
                ? new SharedMemory(mm.phys) : null;
        Vma vma = new Vma(start, start + len, prot, vmFlags, offset, null, shm, file);
        mm.vmas.insertAndMerge(vma);
        if ((flags & MAP_POPULATE) != 0) populate(mm, vma);
        mm.notePeak();
        return start;
    }

    /** The VMA flags of an anonymous mapping of type {@code flags}, or -EINVAL. */
    private static int anonymousFlags(int flags) {
        switch (flags & MAP_TYPE) {
            case MAP_SHARED:
                if ((flags & MAP_GROWSDOWN) != 0) return -Errno.EINVAL;
                return Vma.ANONYMOUS | Vma.SHARED;
            case MAP_PRIVATE:
                return Vma.ANONYMOUS | ((flags & MAP_GROWSDOWN) != 0 ? Vma.GROWS_DOWN : 0);
            default:
                return -Errno.EINVAL;
        }
    }

    /**
     * The VMA flags of a mapping of {@code file}, checked as Linux's do_mmap checks a file
     * mapping (see {@link #mmapFile} for the errors), or -errno. A shared mapping of a file
     * not open for writing may never be made writable (Linux clears VM_MAYWRITE).
     */
    private static int fileFlags(OpenFile file, long len, int prot, int flags, long offset) {
        if (offset < 0 || offset > Long.MAX_VALUE - len) return -Errno.EOVERFLOW; // file_mmap_ok
        int type = flags & MAP_TYPE;
        if (type == MAP_SHARED) flags &= LEGACY_MAP_MASK;
        if (type == MAP_SHARED || type == MAP_SHARED_VALIDATE) {
            if ((flags & ~LEGACY_MAP_MASK) != 0) return -Errno.ENOTSUP; // EOPNOTSUPP, the same number
            if ((prot & Vma.PROT_WRITE) != 0 && !file.isWritable()) return -Errno.EACCES;
        } else if (type != MAP_PRIVATE) {
            return -Errno.EINVAL;
        }
        if (!file.isReadable()) return -Errno.EACCES;
        boolean zero = file.inode() instanceof ZeroDevice;
        if (!zero && !(file.inode() instanceof RegularFile)) return -Errno.ENODEV;
        if ((flags & MAP_GROWSDOWN) != 0) return -Errno.EINVAL;
        if (type == MAP_PRIVATE) return zero ? Vma.ANONYMOUS : 0;
        int shared = Vma.SHARED | (file.isWritable() ? 0 : Vma.NO_MAY_WRITE);
        return zero ? shared | Vma.ANONYMOUS : shared;
    }

    /** How many bytes of {@code [start, end)} are mapped now. */
    private static long mappedBytes(Mm mm, long start, long end) {
        long bytes = 0;
        for (Vma v : mm.vmas.intersecting(start, end)) bytes += Math.min(end, v.end()) - Math.max(start, v.start());
        return bytes;
    }

    /**
     * Chooses where a mapping of {@code len} bytes goes (Linux's get_unmapped_area with the
     * top-down layout): the address, or -ENOMEM / -EINVAL / -EPERM.
     */
    static long unmappedArea(Mm mm, long addr, long len, int flags) {
        if (len > Mm.TASK_SIZE - Mm.MMAP_MIN_ADDR) return -Errno.ENOMEM;
        long start;
        if ((flags & MAP_FIXED) != 0) {
            start = addr;
        } else {
            start = hint(mm, addr, len);
            if (start == 0) start = topDown(mm, len);
            if (start < 0) return start;
        }
        if (start < 0 || start > Mm.TASK_SIZE - len) return -Errno.ENOMEM;
        if ((start & (PAGE - 1)) != 0) return -Errno.EINVAL;
        if (start < Mm.MMAP_MIN_ADDR) return -Errno.EPERM;
        return start;
    }

    /** The hint address, rounded as Linux does, if the range there is free; else 0. */
    private static long hint(Mm mm, long addr, long len) {
        if (addr == 0 || addr < 0) return 0; // a negative hint is a huge unsigned one: past TASK_SIZE
        addr = addr & -PAGE;
        if (addr < Mm.MMAP_MIN_ADDR) addr = Mm.pageUp(Mm.MMAP_MIN_ADDR);
        if (addr < 0 || addr > Mm.TASK_SIZE - len) return 0;
        return mm.vmas.isFree(addr, addr + len, Mm.STACK_GUARD_GAP) ? addr : 0;
    }

    /**
     * The highest gap of {@code len} bytes below mmap_base (Linux's unmapped_area_topdown).
     *
     * <p>Walking down from mmap_base costs one step per VMA above the gap found, and thread
     * stacks are mapped one below the other, so creating n threads would cost n² steps.
     * Linux avoids that with a tree that knows the largest gap under each node; Clonix uses
     * the simpler free-area cache of Linux 2.6 (mm->free_area_cache and cached_hole_size):
     * the tree remembers where the last search ended and the largest gap it passed over
     * above that point, and a request larger than that gap resumes the walk there. The
     * answer is the same as a full walk, because gaps above the point only shrink until a
     * mapping is removed, and removing one forgets the record (see VmaTree).
     */
    private static long topDown(Mm mm, long len) {
        long low = Math.max(PAGE, Mm.MMAP_MIN_ADDR);
        long base = mm.mmapBase();
        long top = mm.vmas.freeAreaSearchStart(base, len);
        long largestGap = top == base ? 0 : mm.vmas.freeAreaLargestGap();
        for (Vma v : mm.vmas.descendingBelow(top + Mm.STACK_GUARD_GAP)) {
            long below = v.startGap(Mm.STACK_GUARD_GAP);
            if (below >= top) continue;
            if (top - v.end() >= len && top - len >= low) {
                mm.vmas.rememberFreeAreaSearch(base, top - len, largestGap);
                return top - len;
            }
            largestGap = Math.max(largestGap, top - v.end());
            top = below;
            if (top <= low) break;
        }
        return top - len >= low ? top - len : -Errno.ENOMEM;
    }

    /** Heuristic overcommit: refuse only a request larger than all of physical memory. */
    static boolean enoughMemory(Mm mm, long len) {
        return len >>> AddressSpace.PAGE_SHIFT <= mm.phys.totalFrames();
    }

    /**
     * MAP_POPULATE: gives every page its frame now, stopping quietly when memory runs out
     * (or at once for PROT_NONE, which Linux does not populate either).
     */
    private static void populate(Mm mm, Vma vma) {
        for (long p = vma.start(); p < vma.end(); p += PAGE) {
            if (!PageFault.populate(mm, vma, p)) return;
        }
    }

    /**
     * munmap(2): removes every mapping in {@code [addr, addr + pageUp(length))}, splitting
     * VMAs that stick out of the range; unmapping a range with nothing in it is not an error.
     * Returns 0, or -EINVAL for an unaligned address, length 0 or a range beyond TASK_SIZE.
     */
    static int munmap(Mm mm, long addr, long length) {
        if ((addr & (PAGE - 1)) != 0 || addr < 0 || addr > Mm.TASK_SIZE || length < 0
                || length > Mm.TASK_SIZE - addr) {
            return -Errno.EINVAL;
        }
        long len = Mm.pageUp(length);
        if (len == 0) return -Errno.EINVAL;
        if (!mm.vmas.reserve(mm.vmas.splitsAt(addr, addr + len))) return -Errno.ENOMEM;
        unmapRange(mm, addr, addr + len);
        return 0;
    }

    /** Drops the VMAs and pages in {@code [start, end)}. */
    static void unmapRange(Mm mm, long start, long end) {
        for (Vma v : mm.vmas.removeRange(start, end)) mm.as.unmap(v.start(), v.pages());
    }

    /**
     * brk(2), as Linux's sys_brk: moves the program break to {@code newBrk} and returns it;
     * returns the current break unchanged when {@code newBrk} is below the start of the heap
     * (brk(0) is how a program asks for it), when growing would run into another mapping or
     * the stack's guard gap, pass RLIMIT_AS, or when overcommit refuses. Growing only extends the [heap] VMA
     * (pages come on first touch); shrinking unmaps the whole pages above the new break.
     */
    static long brk(Mm mm, long newBrk) {
        if (newBrk < mm.startBrk || newBrk > Mm.TASK_SIZE) return mm.brk;
        long oldEnd = Mm.pageUp(mm.brk);
        long newEnd = Mm.pageUp(newBrk);
        if (newEnd == oldEnd) {
            mm.brk = newBrk;
            return newBrk;
        }
        if (newEnd < oldEnd) {
            if (!mm.vmas.reserve(mm.vmas.splitsAt(newEnd, oldEnd))) return mm.brk;
            unmapRange(mm, newEnd, oldEnd);
            mm.brk = newBrk;
            return newBrk;
        }
        if (!mm.vmas.isFree(oldEnd, newEnd + PAGE, Mm.STACK_GUARD_GAP)) return mm.brk;
        if (!mm.mayGrowBy((newEnd - oldEnd) >>> AddressSpace.PAGE_SHIFT)) return mm.brk;
        if (!enoughMemory(mm, newEnd - oldEnd)) return mm.brk;
        if (!mm.vmas.reserve(1)) return mm.brk;
        mm.vmas.insertAndMerge(Vma.anonymous(oldEnd, newEnd, Vma.PROT_READ | Vma.PROT_WRITE, Vma.HEAP));
        mm.brk = newBrk;
        mm.notePeak();
        return newBrk;
    }
}
