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
    private AddressSpace mm;

    /** Set by a failed access; meaningful only right after one. */
    boolean faulted;
    long faultAddress;
    AccessKind faultAccess;
    FaultKind faultKind;

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
        tlb.fillData(vpn, page, true, Pte.canWrite(pte) && (pte & Pte.DIRTY) != 0);
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
        tlb.fillData(vpn, page, Pte.canRead(pte), true);
        return page;
    }

    /**
     * The frame for an atomic read-modify-write at {@code va}, which needs both write and read
     * permission; null after a fault (reported as a WRITE fault unless only READ is missing).
     */
    byte[] atomicPage(long va) {
        long vpn = va >>> AddressSpace.PAGE_SHIFT;
        int i = (int) vpn & Tlb.MASK;
        if (tlb.writeTag[i] == vpn && tlb.readTag[i] == vpn) return tlb.dataPage[i];
        byte[] page = writePage(va);
        if (page == null) return null;
        if (tlb.readTag[i] != vpn) {
            fault(va, AccessKind.READ, AddressSpace.FAULT_PROTECTION);
            return null;
        }
        return page;
    }

    /**
     * Loads {@code size} (1, 2, 4 or 8) bytes at {@code va}, zero-extended, from one page or
     * straddling two. After a fault, returns 0 with {@link #faulted} set.
     */
    long load(long va, int size) {
        faulted = false;
        int off = (int) va & (AddressSpace.PAGE_SIZE - 1);
        byte[] first = readPage(va);
        if (first == null) return 0;
        if (off <= AddressSpace.PAGE_SIZE - size) return LittleEndian.load(first, off, size);
        byte[] second = readPage((va | (AddressSpace.PAGE_SIZE - 1)) + 1);
        if (second == null) return 0;
        long v = 0;
        for (int k = 0; k < size; k++) {
            int b = off + k < AddressSpace.PAGE_SIZE ? first[off + k] : second[off + k - AddressSpace.PAGE_SIZE];
            v |= (b & 0xFFL) << (8 * k);
        }
        return v;
    }

    /**
     * Stores the low {@code size} bytes of {@code v} at {@code va}, possibly straddling two
     * pages. Returns false, having written nothing, after a fault.
     */
    boolean store(long va, int size, long v) {
        faulted = false;
        int off = (int) va & (AddressSpace.PAGE_SIZE - 1);
        byte[] first = writePage(va);
        if (first == null) return false;
        if (off <= AddressSpace.PAGE_SIZE - size) {
            LittleEndian.store(first, off, size, v);
            return true;
        }
        byte[] second = writePage((va | (AddressSpace.PAGE_SIZE - 1)) + 1);
        if (second == null) return false;
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
