package mm;

import exec.Loader;
import fs.OpenFile;
import java.util.List;
import obj.Executable;
import syscall.Errno;
import vm.AccessKind;
import vm.AddressSpace;
import vm.MemoryFault;
import vm.PhysicalMemory;
import vm.Pte;
import vm.Trap;
import vm.TrapCause;

/**
 * One address space as the kernel sees it, Linux's {@code mm_struct}: the page table
 * ({@link AddressSpace}), the VMAs that say what may be mapped, the layout of the program
 * (code, data, heap break, stack) and the number of tasks using it.
 *
 * <p><b>Life cycle.</b> {@link #exec} builds a fresh mm for execve. Tasks created with
 * CLONE_VM take another reference with {@link #share}; fork gets a copy-on-write copy with
 * {@link #fork}. Each user calls {@link #release} when it exits or execs; the last one frees
 * every frame.
 *
 * <p><b>Where the work is.</b> This class holds the state and the user-memory helpers; exec
 * lives in {@link Binfmt}, the system calls in {@link Mmap} (mmap, munmap, brk),
 * {@link Mprotect}, {@link Mremap}, {@link Msync}, {@link Mincore} and {@link Madvise}, the
 * page-fault handler in {@link PageFault} (with {@link FileFault} for file mappings), and
 * /proc/PID/maps in {@link ProcMaps}, as Linux splits them over fs/binfmt_elf.c,
 * mm/mmap.c, mm/mprotect.c, mm/mremap.c, mm/msync.c, mm/mincore.c, mm/madvise.c,
 * mm/memory.c, mm/filemap.c and fs/proc/task_mmu.c.
 *
 * <p><b>Locking.</b> The whole kernel runs on one host thread and no CPU runs while the
 * kernel does, so no method here takes a lock (Linux takes mmap_lock around all of them).
 */
public final class Mm {
    /** Top of user space, Linux x86-64's TASK_SIZE; the stack starts just below it. */
    public static final long TASK_SIZE = Loader.STACK_TOP;
    /** Lowest address mmap may use (Linux's vm.mmap_min_addr default). */
    public static final long MMAP_MIN_ADDR = 65536;
    /** Gap kept free below a grows-down VMA (Linux's stack_guard_gap: 256 pages). */
    public static final long STACK_GUARD_GAP = 256L * AddressSpace.PAGE_SIZE;
    /** Default RLIMIT_STACK: 8 MiB. */
    public static final long DEFAULT_STACK_LIMIT = 8L << 20;
    /** Smallest gap between TASK_SIZE and mmap_base (Linux's MIN_GAP: 128 MiB). */
    static final long MIN_GAP = 128L << 20;
    /** Most VMAs one mm may have (Linux's vm.max_map_count). */
    public static final int MAX_MAP_COUNT = 65530;

    final PhysicalMemory phys;
    final AddressSpace as;
    final VmaTree vmas;
    private int users = 1;
    /** The program this mm was made from (Linux's mm->exe_file), for /proc/PID/exe; null for none. */
    private fs.Dentry exeFile;
    long entry, startStack;
    long startCode, endCode, startData, endData;
    long startBrk, brk;
    long stackLimit = DEFAULT_STACK_LIMIT;
    /** RLIMIT_AS in bytes (Long.MAX_VALUE: none): mmap, brk and stack growth stop below it. */
    long addressSpaceLimit = Long.MAX_VALUE;
    /** Where top-down mmap placement starts, fixed when the program is loaded (Linux's mm->mmap_base). */
    long mmapBase = mmapBaseFor(DEFAULT_STACK_LIMIT);
    /** Largest total VMA size seen, in pages (VmPeak). */
    long peakPages;
    /** The machine's /proc/sys/vm settings (the kernel's, once {@link #useSysctl} has been called). */
    VmSysctl sysctl = new VmSysctl();

    /** An mm over {@code as} with these VMAs and one user; built by {@link Binfmt} and {@link #fork}. */
    Mm(PhysicalMemory phys, AddressSpace as, VmaTree vmas) {
        this.phys = phys;
        this.as = as;
        this.vmas = vmas;
    }

    // ---------------------------------------------------------------- life cycle

    /**
     * Builds the address space of a new program for execve: one VMA per segment of
     * {@code exe} (named {@code path}; the zero-filled tail of a data segment beyond its file
     * bytes is a separate anonymous VMA, as Linux maps bss), a [stack] VMA holding argv, envp
     * and the auxiliary vector, and an empty heap at the first page above the program.
     * {@link #entry()} and {@link #startStack()} give the first pc and sp. See {@link Binfmt}.
     *
     * @throws MmException ENOEXEC for a segment outside user space or overlapping the stack,
     *         ENOMEM when frames run out, E2BIG when the arguments do not fit on the stack.
     *         On failure every frame taken so far has been given back.
     */
    public static Mm exec(PhysicalMemory phys, Executable exe, String path, List<String> argv, List<String> envp)
            throws MmException {
        return Binfmt.load(phys, exe, path, argv, envp);
    }

    /** The executable this mm runs (what execve loaded), or null. */
    public fs.Dentry exeFile() {
        return exeFile;
    }

    /** Records the executable execve loaded into this mm. */
    public void setExeFile(fs.Dentry exe) {
        exeFile = exe;
    }

    /**
     * CLONE_VM: one more task uses this mm (mm_users++). Returns this mm, which the caller
     * must {@link #release} when the task exits or execs.
     */
    public Mm share() {
        checkAlive();
        users++;
        return this;
    }

    /**
     * fork without CLONE_VM (Linux's dup_mm): a new mm with a copy of every VMA and the same
     * pages, private ones copy-on-write in both parent and child, MAP_SHARED ones still
     * shared. Costs no data frames, only the kernel's own memory for the child's VMAs and
     * page tables. The copy has one user.
     *
     * @throws MmException ENOMEM, with nothing changed, if that memory cannot be had
     */
    public Mm fork() throws MmException {
        checkAlive();
        AddressSpace asCopy = as.copyOnWrite();
        if (asCopy == null) throw new MmException(Errno.ENOMEM, 0, "no memory for the page tables");
        VmaTree vmaCopy = vmas.copy(asCopy);
        if (vmaCopy == null) {
            asCopy.clear();
            throw new MmException(Errno.ENOMEM, 0, "no memory for the VMAs");
        }
        // madvise(MADV_DONTFORK) left a VMA out of the child, MADV_WIPEONFORK its pages.
        for (Vma v : vmas.view()) {
            if ((v.flags() & (Vma.DONT_COPY | Vma.WIPE_ON_FORK)) != 0) asCopy.unmap(v.start(), v.pages());
        }
        Mm child = new Mm(phys, asCopy, vmaCopy);
        child.entry = entry;
        child.startStack = startStack;
        child.startCode = startCode;
        child.endCode = endCode;
        child.startData = startData;
        child.endData = endData;
        child.startBrk = startBrk;
        child.brk = brk;
        child.stackLimit = stackLimit;
        child.addressSpaceLimit = addressSpaceLimit;
        child.mmapBase = mmapBase;
        child.peakPages = peakPages;
        child.sysctl = sysctl;
        child.exeFile = exeFile;
        return child;
    }

    /**
     * A user is done with this mm (exit, execve, or failed clone): mm_users--. When the last
     * user leaves, every page is unmapped, so each frame loses exactly the references this mm
     * held, and the VMAs are dropped. Releasing a dead mm is a kernel bug (IllegalStateException).
     */
    public void release() {
        checkAlive();
        if (--users > 0) return;
        as.clear();
        vmas.clear();
    }

    /** How many tasks use this mm (Linux's mm_users); 0 once released. */
    public int users() {
        return users;
    }

    private void checkAlive() {
        if (users <= 0) throw new IllegalStateException("mm already released");
    }

    // ---------------------------------------------------------------- system calls and faults

    // Each call that may split or add VMAs reserves them first (VmaTree.reserve, ENOMEM when
    // the slab is full) and gives back what it did not use when it returns.

    /** brk(2): see {@link Mmap#brk}. Returns the new break, or the unchanged one on failure. */
    public long brk(long newBrk) {
        try {
            return Mmap.brk(this, newBrk);
        } finally {
            vmas.settle();
        }
    }

    /** mmap(2): see {@link Mmap#mmap}. Returns the address, or -errno. */
    public long mmap(long addr, long length, int prot, int flags, long fd, long offset) {
        try {
            return Mmap.mmap(this, addr, length, prot, flags, fd, offset);
        } finally {
            vmas.settle();
        }
    }

    /** mmap(2) of an open file: see {@link Mmap#mmapFile}. Returns the address, or -errno. */
    public long mmapFile(long addr, long length, int prot, int flags, OpenFile file, long offset) {
        try {
            return Mmap.mmapFile(this, addr, length, prot, flags, file, offset);
        } finally {
            vmas.settle();
        }
    }

    /** munmap(2): see {@link Mmap#munmap}. Returns 0 or -errno. */
    public int munmap(long addr, long length) {
        try {
            return Mmap.munmap(this, addr, length);
        } finally {
            vmas.settle();
        }
    }

    /** mprotect(2): see {@link Mprotect#mprotect}. Returns 0 or -errno. */
    public int mprotect(long addr, long length, int prot) {
        try {
            return Mprotect.mprotect(this, addr, length, prot);
        } finally {
            vmas.settle();
        }
    }

    /** mremap(2): see {@link Mremap#mremap}. Returns the new address, or -errno. */
    public long mremap(long addr, long oldLength, long newLength, int flags, long newAddr) {
        try {
            return Mremap.mremap(this, addr, oldLength, newLength, flags, newAddr);
        } finally {
            vmas.settle();
        }
    }

    /** msync(2): see {@link Msync#msync}. Returns 0 or -errno. */
    public int msync(long addr, long length, int flags) {
        return Msync.msync(this, addr, length, flags);
    }

    /** mincore(2): see {@link Mincore#mincore}. Returns 0 or -errno. */
    public int mincore(long addr, long length, long vec) {
        return Mincore.mincore(this, addr, length, vec);
    }

    /** madvise(2): see {@link Madvise#madvise}. Returns 0 or -errno. */
    public int madvise(long addr, long length, int advice) {
        try {
            return Madvise.madvise(this, addr, length, advice);
        } finally {
            vmas.settle();
        }
    }

    /** The page-fault handler for a PAGE_FAULT trap of a task using this mm: see {@link PageFault}. */
    public FaultResult handleFault(Trap trap) {
        if (trap.cause() != TrapCause.PAGE_FAULT) throw new IllegalArgumentException("not a page fault: " + trap);
        return PageFault.handle(this, trap.address(), trap.access(), trap.fault());
    }

    // ---------------------------------------------------------------- user memory for system calls

    /**
     * Copies {@code len} bytes of user memory at {@code va} into {@code dst[off..]}, faulting
     * in pages of the VMAs it crosses (demand paging, stack growth) as a user load would.
     * Returns {@link AddressSpace#NO_FAULT}, or the first address that cannot be read (the
     * system call returns EFAULT), in which case nothing was copied.
     */
    public long copyIn(long va, byte[] dst, int off, int len) {
        long last = AddressSpace.NO_FAULT;
        for (;;) {
            long bad = as.copyIn(va, dst, off, len);
            if (bad == AddressSpace.NO_FAULT || bad == last || !faultIn(bad, AccessKind.READ)) return bad;
            last = bad;
        }
    }

    /**
     * Copies {@code src[off..off+len)} to user memory at {@code va}, faulting in pages and
     * breaking copy-on-write as a user store would. Returns {@link AddressSpace#NO_FAULT}, or
     * the first address that cannot be written, in which case no byte was changed.
     */
    public long copyOut(long va, byte[] src, int off, int len) {
        long last = AddressSpace.NO_FAULT;
        for (;;) {
            long bad = as.copyOut(va, src, off, len);
            if (bad == AddressSpace.NO_FAULT || bad == last || !faultIn(bad, AccessKind.WRITE)) return bad;
            last = bad;
        }
    }

    /** Reads a 32-bit little-endian value from user memory; EFAULT if it cannot be read. */
    public int read32(long va) throws MmException {
        return (int) readN(va, 4);
    }

    /** Reads a 64-bit little-endian value from user memory; EFAULT if it cannot be read. */
    public long read64(long va) throws MmException {
        return readN(va, 8);
    }

    /** Writes a 32-bit little-endian value to user memory; EFAULT if it cannot be written. */
    public void write32(long va, int value) throws MmException {
        writeN(va, 4, value);
    }

    /** Writes a 64-bit little-endian value to user memory; EFAULT if it cannot be written. */
    public void write64(long va, long value) throws MmException {
        writeN(va, 8, value);
    }

    /**
     * Reads a NUL-terminated UTF-8 string of at most {@code max} bytes before the NUL (a path:
     * PATH_MAX - 1). Throws EFAULT if it runs into memory that cannot be read, ENAMETOOLONG if
     * no NUL is found within {@code max} bytes (callers wanting E2BIG catch and remap).
     */
    public String readCString(long va, int max) throws MmException {
        long last = AddressSpace.NO_FAULT;
        for (;;) {
            try {
                String s = as.readString(va, max);
                if (s == null) throw new MmException(Errno.ENAMETOOLONG, va, "string longer than " + max);
                return s;
            } catch (MemoryFault f) {
                if (f.address() == last || !faultIn(f.address(), AccessKind.READ)) {
                    throw new MmException(Errno.EFAULT, f.address(), f.getMessage());
                }
                last = f.address();
            }
        }
    }

    private long readN(long va, int size) throws MmException {
        byte[] b = new byte[8];
        long bad = copyIn(va, b, 0, size);
        if (bad != AddressSpace.NO_FAULT) throw new MmException(Errno.EFAULT, bad, "bad user address");
        long v = 0;
        for (int i = size - 1; i >= 0; i--) v = (v << 8) | (b[i] & 0xFF);
        return size == 4 ? (long) (int) v : v;
    }

    private void writeN(long va, int size, long value) throws MmException {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) b[i] = (byte) (value >>> (8 * i));
        long bad = copyOut(va, b, 0, size);
        if (bad != AddressSpace.NO_FAULT) throw new MmException(Errno.EFAULT, bad, "bad user address");
    }

    /**
     * Runs the fault handler for a kernel access of {@code kind} at {@code va}, as the CPU
     * would have for a user access. True if the page is now accessible.
     */
    private boolean faultIn(long va, AccessKind kind) {
        return PageFault.touch(this, va, kind).isResolved();
    }

    // ---------------------------------------------------------------- accessors and /proc

    /** The page table; CPUs load it to run a task of this mm. */
    public AddressSpace addressSpace() {
        return as;
    }

    /** The VMAs in address order (a snapshot). */
    public List<Vma> vmas() {
        return vmas.all();
    }

    /** The main thread's stack VMA ([stack]), or null if it has been unmapped. */
    public Vma stackVma() {
        for (Vma v : vmas.descendingView()) if (v.isStack()) return v; // [stack] is the highest: one step
        return null;
    }

    /** The VMA containing {@code addr}, or null. */
    public Vma vmaAt(long addr) {
        return vmas.containing(addr);
    }

    /** The program's entry point (the first pc after execve). */
    public long entry() { return entry; }
    /** The initial stack pointer set by execve (Linux's start_stack). */
    public long startStack() { return startStack; }
    /** Where the heap starts (Linux's start_brk). */
    public long startBrk() { return startBrk; }
    /** The current program break, as brk(0) returns it. */
    public long currentBrk() { return brk; }
    public long startCode() { return startCode; }
    public long endCode() { return endCode; }
    public long startData() { return startData; }
    public long endData() { return endData; }

    /** RLIMIT_STACK: how far below the top of user space the stack may grow, in bytes. */
    public long stackLimit() {
        return stackLimit;
    }

    /**
     * Sets RLIMIT_STACK (setrlimit); takes effect for later stack growth. The mmap layout
     * stays as it was chosen at exec (see {@link #pickMmapLayout}), as on Linux.
     */
    public void setStackLimit(long bytes) {
        stackLimit = Math.max(0, bytes);
    }

    /** RLIMIT_AS in bytes (Long.MAX_VALUE: none). */
    public long addressSpaceLimit() {
        return addressSpaceLimit;
    }

    /**
     * Sets RLIMIT_AS (setrlimit, exec): from now on mmap and brk fail with ENOMEM, and the
     * stack stops growing, when the mappings would pass it. Mappings already larger stay.
     */
    public void setAddressSpaceLimit(long bytes) {
        addressSpaceLimit = Math.max(0, bytes);
    }

    /**
     * True if the mappings may grow by {@code pages} pages under RLIMIT_AS (Linux's
     * may_expand_vm: total_vm + npages must not pass the limit); with 0, whether they fit now.
     */
    public boolean mayGrowBy(long pages) {
        return vmas.totalPages() + pages <= addressSpaceLimit >>> AddressSpace.PAGE_SHIFT;
    }

    /** The size of all mappings in pages (Linux's total_vm, VmSize). */
    public long totalPages() {
        return vmas.totalPages();
    }

    /**
     * Chooses the mmap layout of a program being loaded (Linux's arch_pick_mmap_layout, at
     * exec) from the process's RLIMIT_STACK, which also becomes the stack's growth limit.
     */
    public void pickMmapLayout(long stackRlimit) {
        setStackLimit(stackRlimit);
        mmapBase = mmapBaseFor(stackLimit);
        fitStackToLimit();
    }

    /**
     * Linux's setup_arg_pages sizes the new stack VMA to at most RLIMIT_STACK (rounded down to
     * a page), but never below the pages the arguments fill. The loader made it
     * {@code Loader.STACK_PAGES} long; a smaller limit cuts it, so that, as on Linux, a
     * program started with a tiny RLIMIT_STACK faults on its first growth. The pages cut off
     * lie below the stack pointer, which the loader never wrote and Binfmt has unmapped.
     */
    private void fitStackToLimit() {
        Vma stack = stackVma();
        if (stack == null) return;
        long used = stack.end() - pageDown(startStack);
        long size = Math.max(used, stackLimit & -(long) AddressSpace.PAGE_SIZE);
        if (size >= stack.end() - stack.start()) return;
        as.unmap(stack.start(), (stack.end() - size - stack.start()) >>> AddressSpace.PAGE_SHIFT);
        vmas.replace(stack, stack.withRange(stack.end() - size, stack.end()));
    }

    /**
     * Where top-down mmap placement starts (Linux's mmap_base without randomisation): chosen
     * at exec from the stack limit, see {@link #pickMmapLayout}.
     */
    public long mmapBase() {
        return mmapBase;
    }

    /**
     * Linux's mmap_base for a stack limit of {@code stack} bytes: TASK_SIZE minus a gap of the
     * stack limit (at most five sixths of user space) and the guard gap, but at least 128 MiB.
     */
    private static long mmapBaseFor(long stack) {
        long gap = Math.max(MIN_GAP, Math.min(stack, TASK_SIZE / 6 * 5) + STACK_GUARD_GAP);
        return pageDown(TASK_SIZE - gap);
    }

    /** Pages mapped now, the resident set (Linux's get_mm_rss: anonymous, file and shmem pages). */
    public long residentPages() {
        return as.residentPages();
    }

    /**
     * Resident pages of shared memory (Linux's MM_SHMEMPAGES, RssShmem): the present pages
     * of the MAP_SHARED anonymous mappings, and the pages of mapped files that are the
     * file's own (every file here lives in memory as tmpfs's do, so its pages are shmem);
     * a private copy of a file page is anonymous memory. Costs a look at each page table
     * under those mappings.
     */
    public long sharedResidentPages() {
        long[] n = {0};
        for (Vma v : vmas.all()) {
            if (v.sharedMemory() == null && v.file() == null) continue;
            as.forEachPresentPage(v.start(), v.pages(), (page, pte) -> {
                if (v.file() == null || Pte.frame(pte) == v.mappedFile().frameAt(v.pageIndex(page))) n[0]++;
            });
        }
        return n[0];
    }

    /** Page-table pages (Linux's mm_pgtables_bytes / PAGE_SIZE): see AddressSpace#pageTablePages. */
    public long pageTablePages() {
        return as.pageTablePages();
    }

    /** The text of /proc/PID/maps, in Linux's format: one line per VMA. */
    public String maps() {
        return ProcMaps.format(this);
    }

    /** The Vm* figures of /proc/PID/status. */
    public MemoryUsage usage() {
        return ProcMaps.usage(this);
    }

    /**
     * Records the current total size for VmPeak; called after every change to the VMAs. The
     * tree keeps the total as VMAs come and go (Linux's total_vm), because summing the VMAs
     * here made each mmap cost one step per VMA, and a process with 100,000 thread stacks
     * has 200,000 of them.
     */
    void notePeak() {
        peakPages = Math.max(peakPages, vmas.totalPages());
    }

    /** Makes this mm obey the kernel's /proc/sys/vm settings {@code s} (execve and init call it). */
    public void useSysctl(VmSysctl s) {
        sysctl = s;
    }

    static long pageUp(long x) {
        return (x + AddressSpace.PAGE_SIZE - 1) & -(long) AddressSpace.PAGE_SIZE;
    }

    static long pageDown(long x) {
        return x & -(long) AddressSpace.PAGE_SIZE;
    }
}
