package vm;

/**
 * The memory-management unit of one CPU: its TLB, the address space it translates through,
 * and the slow paths of memory access that the interpreter's inline fast path leaves to it:
 * TLB misses (a page-table walk, then a TLB fill), accesses that straddle two pages, and
 * faults.
 *
 * <p>A failed access returns null/0/false and records the fault in {@link #faultAddress},
 * {@link #faultAccess} and {@link #faultKind}, from which the CPU builds its Trap. Nothing is
 * ever written when an access faults, not even the part of a straddling store that lies in
 * the good page: both pages are translated before either is touched.
 */
final class Mmu {
    final Tlb tlb = new Tlb();
    private final Cpu cpu;
    private AddressSpace mm;

    /** Set by a failed access; meaningful only right after one. */
    boolean faulted;
    long faultAddress;
    AccessKind faultAccess;
    FaultKind faultKind;
    /** Set, with {@link #faulted}, when the access failed because the observer said STOP. */
    boolean stopped;

    /**
     * The observer of the data accesses that miss the TLB (and of every atomic), or null; see
     * {@link AccessObserver}. While there is one, a translation is put into the TLB only when
     * the observer answers PROCEED: the slow path records it in {@link #pending} first.
     */
    AccessObserver observer;
    /** The TLB fills of the access being observed (at most two pages), made if it answers PROCEED. */
    private final long[] pendingVpn = new long[2];
    private final byte[][] pendingPage = new byte[2][];
    private final boolean[] pendingRead = new boolean[2], pendingWrite = new boolean[2];
    private int pending;

    /** The MMU of {@code cpu} (which the observer is told about). */
    Mmu(Cpu cpu) {
        this.cpu = cpu;
    }

    /** The address space being translated through, or null when the CPU is idle. */
    AddressSpace addressSpace() {
        return mm;
    }

    /** Switches to another address space (null: none), flushing the TLB if it changes. */
    void switchTo(AddressSpace next) {
        if (next == mm) return;
        if (mm != null) mm.detach(tlb);
        tlb.flushAll();
        mm = next;
        if (next != null) next.attach(tlb);
    }

    /** The frame holding the 8-aligned instruction at {@code pc}, or null after a fault. */
    byte[] fetchPage(long pc) {
        long vpn = pc >>> AddressSpace.PAGE_SHIFT;
        int i = (int) vpn & Tlb.MASK;
        if (tlb.execTag[i] == vpn) return tlb.execPage[i];
        long pte = walk(pc, AccessKind.EXECUTE);
        if (pte < 0) return null;
        byte[] page = mm.frameOf(pte);
        tlb.fillExec(vpn, page);
        return page;
    }

    /** The frame of the page holding {@code va}, for a load; null after a fault. */
    byte[] readPage(long va) {
        long vpn = va >>> AddressSpace.PAGE_SHIFT;
        int i = (int) vpn & Tlb.MASK;
        if (tlb.readTag[i] == vpn) return tlb.dataPage[i];
        long pte = walk(va, AccessKind.READ);
        if (pte < 0) return null;
        byte[] page = mm.frameOf(pte);
        // Allow stores through this slot too, but only if the page is already dirty: the
        // first store must come here to set the dirty bit.
        fill(vpn, page, true, Pte.canWrite(pte) && (pte & Pte.DIRTY) != 0);
        return page;
    }

    /** The frame of the page holding {@code va}, for a store; null after a fault. */
    byte[] writePage(long va) {
        long vpn = va >>> AddressSpace.PAGE_SHIFT;
        int i = (int) vpn & Tlb.MASK;
        if (tlb.writeTag[i] == vpn) return tlb.dataPage[i];
        long pte = walk(va, AccessKind.WRITE);
        if (pte < 0) return null;
        byte[] page = mm.frameOf(pte);
        fill(vpn, page, Pte.canRead(pte), true);
        return page;
    }

    /**
     * The frame for an atomic read-modify-write of {@code size} bytes at {@code va} by the
     * instruction at {@code pc}, which needs both write and read permission; null after a
     * fault (reported as a WRITE fault unless only READ is missing) or when the observer
     * said STOP. With an observer, every atomic is observed, TLB hit or not.
     */
    byte[] atomicPage(long va, int size, long pc) {
        faulted = false;
        stopped = false;
        pending = 0;
        long vpn = va >>> AddressSpace.PAGE_SHIFT;
        int i = (int) vpn & Tlb.MASK;
        if (observer == null && tlb.writeTag[i] == vpn && tlb.readTag[i] == vpn) return tlb.dataPage[i];
        long pte = walk(va, AccessKind.WRITE);
        if (pte < 0) return null;
        if (!Pte.canRead(pte)) {
            fault(va, AccessKind.READ, AddressSpace.FAULT_PROTECTION);
            return null;
        }
        byte[] page = mm.frameOf(pte);
        fill(vpn, page, true, true);
        if (observer != null && !observe(pc, va, size, AccessKind.WRITE, true)) return null;
        return page;
    }

    /**
     * Puts a translation into the TLB, or, while an observer is installed, keeps it until
     * the observer's answer says whether it may be cached ({@link #observe}).
     */
    private void fill(long vpn, byte[] page, boolean read, boolean write) {
        if (observer == null) {
            tlb.fillData(vpn, page, read, write);
            return;
        }
        pendingVpn[pending] = vpn;
        pendingPage[pending] = page;
        pendingRead[pending] = read;
        pendingWrite[pending] = write;
        pending++;
    }

    /**
     * Asks the observer about an access whose pages have translated; false (with the access
     * marked as stopped) if it said STOP. The TLB fills kept by {@link #fill} are made if it
     * said PROCEED, and dropped otherwise.
     */
    private boolean observe(long pc, long va, int size, AccessKind kind, boolean atomic) {
        int verdict = observer.observe(cpu, pc, va, size, kind, atomic);
        if (verdict == AccessObserver.PROCEED) {
            for (int k = 0; k < pending; k++) tlb.fillData(pendingVpn[k], pendingPage[k], pendingRead[k], pendingWrite[k]);
        }
        for (int k = 0; k < pending; k++) pendingPage[k] = null;
        pending = 0;
        if (verdict != AccessObserver.STOP) return true;
        faulted = true;
        stopped = true;
        faultAddress = va;
        faultAccess = kind;
        faultKind = null;
        return false;
    }

    /**
     * Loads {@code size} (1, 2, 4 or 8) bytes at {@code va} for the instruction at {@code pc},
     * zero-extended, from one page or straddling two. After a fault (or a STOP from the
     * observer), returns 0 with {@link #faulted} set.
     */
    long load(long va, int size, long pc) {
        faulted = false;
        stopped = false;
        pending = 0;
        int off = (int) va & (AddressSpace.PAGE_SIZE - 1);
        byte[] first = readPage(va);
        if (first == null) return 0;
        boolean straddles = off > AddressSpace.PAGE_SIZE - size;
        byte[] second = straddles ? readPage((va | (AddressSpace.PAGE_SIZE - 1)) + 1) : null;
        if (straddles && second == null) return 0;
        if (observer != null && !observe(pc, va, size, AccessKind.READ, false)) return 0;
        if (!straddles) return LittleEndian.load(first, off, size);
        long v = 0;
        for (int k = 0; k < size; k++) {
            int b = off + k < AddressSpace.PAGE_SIZE ? first[off + k] : second[off + k - AddressSpace.PAGE_SIZE];
            v |= (b & 0xFFL) << (8 * k);
        }
        return v;
    }

    /**
     * Stores the low {@code size} bytes of {@code v} at {@code va} for the instruction at
     * {@code pc}, possibly straddling two pages. Returns false, having written nothing, after
     * a fault (or a STOP from the observer).
     */
    boolean store(long va, int size, long v, long pc) {
        faulted = false;
        stopped = false;
        pending = 0;
        int off = (int) va & (AddressSpace.PAGE_SIZE - 1);
        byte[] first = writePage(va);
        if (first == null) return false;
        boolean straddles = off > AddressSpace.PAGE_SIZE - size;
        byte[] second = straddles ? writePage((va | (AddressSpace.PAGE_SIZE - 1)) + 1) : null;
        if (straddles && second == null) return false;
        if (observer != null && !observe(pc, va, size, AccessKind.WRITE, false)) return false;
        if (!straddles) {
            LittleEndian.store(first, off, size, v);
            return true;
        }
        for (int k = 0; k < size; k++) {
            byte b = (byte) (v >>> (8 * k));
            if (off + k < AddressSpace.PAGE_SIZE) first[off + k] = b;
            else second[off + k - AddressSpace.PAGE_SIZE] = b;
        }
        return true;
    }

    /**
     * Walks the page table; on failure records the fault and returns the negative code. For an
     * access straddling two pages whose second page fails, {@code va} is the first byte of
     * that page, which is what a stack-growing fault handler needs to see.
     */
    private long walk(long va, AccessKind kind) {
        long pte = mm == null ? AddressSpace.FAULT_NOT_PRESENT : mm.access(va, kind);
        if (pte < 0) fault(va, kind, pte);
        return pte;
    }

    private void fault(long va, AccessKind kind, long code) {
        faulted = true;
        faultAddress = va;
        faultAccess = kind;
        faultKind = AddressSpace.faultKind(code);
    }
}
