package mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import obj.Executable;
import obj.Segment;
import vm.AccessKind;
import vm.AddressSpace;
import vm.FaultKind;
import vm.MemoryFault;
import vm.PhysicalMemory;
import vm.Pte;
import vm.Trap;
import vm.TrapCause;

/**
 * Test fixture: a small program (one text page at {@link #TEXT}, a data segment at
 * {@link #DATA} with one page of file bytes and two of bss) exec'd into a fresh {@link Mm},
 * and a way to touch user memory as a CPU would, page faults and all.
 */
final class Fixture {
    static final long TEXT = 0x400000;
    static final long DATA = 0x402000;
    static final long PAGE = AddressSpace.PAGE_SIZE;
    static final int RW = Vma.PROT_READ | Vma.PROT_WRITE;
    static final int ANON_PRIVATE = Mmap.MAP_ANONYMOUS | Mmap.MAP_PRIVATE;
    static final int ANON_SHARED = Mmap.MAP_ANONYMOUS | Mmap.MAP_SHARED;

    private Fixture() {}

    /** The test program: text "r-x" at TEXT, data "rw-" at DATA (100 file bytes, 3 pages in memory). */
    static Executable program() {
        byte[] text = new byte[64];
        text[0] = 0x11;
        byte[] data = new byte[100];
        data[0] = 42;
        return new Executable(TEXT + 8, List.of(
                new Segment(TEXT, text.length, text, Segment.R | Segment.X),
                new Segment(DATA, 3 * PAGE, data, Segment.R | Segment.W)), List.of());
    }

    /** A fresh mm running {@link #program()} as /bin/test in {@code phys}. */
    static Mm exec(PhysicalMemory phys) {
        try {
            return Mm.exec(phys, program(), "/bin/test", List.of("test"), List.of("HOME=/"));
        } catch (MmException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Does what a CPU does for a one-byte access of {@code kind} at {@code va}: try it, and on a
     * fault ask the kernel's fault handler, retrying after RESOLVED. Returns the handler's
     * final verdict (RESOLVED if the access went through). A write stores {@code value}.
     */
    static FaultResult touch(Mm mm, long va, AccessKind kind, int value) {
        AddressSpace as = mm.addressSpace();
        for (int attempt = 0; attempt < 4; attempt++) {
            try {
                if (kind == AccessKind.WRITE) as.write8(va, value);
                else if (kind == AccessKind.READ) as.read8(va);
                else if (!Pte.canExec(as.pte(va))) throw new MemoryFault(va, kind);
                return FaultResult.resolved(va);
            } catch (MemoryFault f) {
                FaultResult r = mm.handleFault(new Trap(TrapCause.PAGE_FAULT, TEXT, va, kind, faultKind(as, va, kind), 0));
                if (!r.isResolved()) return r;
            }
        }
        throw new AssertionError("fault at 0x" + Long.toHexString(va) + " resolved but the access still faults");
    }

    /** A write of {@code value} that must succeed. */
    static void write(Mm mm, long va, int value) {
        assertTrue(touch(mm, va, AccessKind.WRITE, value).isResolved(), "write to 0x" + Long.toHexString(va));
    }

    /** A read that must succeed; returns the byte. */
    static int read(Mm mm, long va) {
        assertTrue(touch(mm, va, AccessKind.READ, 0).isResolved(), "read of 0x" + Long.toHexString(va));
        try {
            return mm.addressSpace().read8(va);
        } catch (MemoryFault f) {
            throw new AssertionError(f);
        }
    }

    /** The FaultKind the MMU would report, worked out from the PTE. */
    static FaultKind faultKind(AddressSpace as, long va, AccessKind kind) {
        long pte = as.pte(va);
        if (!Pte.isPresent(pte)) return FaultKind.NOT_PRESENT;
        if (kind == AccessKind.WRITE && (pte & Pte.WRITE) != 0 && Pte.isCow(pte)) return FaultKind.COPY_ON_WRITE;
        return FaultKind.PROTECTION;
    }

    /** Asserts a SIGSEGV verdict with this si_code at this address. */
    static void assertSegv(int siCode, long va, FaultResult r) {
        assertEquals(new FaultResult(FaultResult.Kind.SIGSEGV, siCode, va), r);
    }
}
