package mm;

/**
 * What the page-fault handler ({@link Mm#handleFault}) decided about one fault.
 *
 * <p>{@link Kind#RESOLVED}: the page is now mapped; the CPU retries the instruction.
 * {@link Kind#SIGSEGV}: a bad access; the kernel delivers SIGSEGV with {@link #siCode()}
 * (SEGV_MAPERR when no VMA covers the address, SEGV_ACCERR when the VMA forbids the access)
 * and {@code si_addr} = {@link #address()}. {@link Kind#SIGBUS}: the address is mapped but
 * there is nothing behind it (a page of a file mapping beyond the end of the file, or one
 * the full file system could not give a page): SIGBUS with BUS_ADRERR.
 * {@link Kind#OUT_OF_MEMORY}: the access was legal
 * but no frame is free; the kernel calls the OOM killer (task.OomKiller, docs/kernel.md,
 * "The OOM killer").
 */
public record FaultResult(Kind kind, int siCode, long address) {
    /** si_code values for SIGSEGV, as Linux numbers them. */
    public static final int SEGV_MAPERR = 1, SEGV_ACCERR = 2;
    /** si_code of SIGBUS for an address with nothing behind it (Linux's BUS_ADRERR). */
    public static final int BUS_ADRERR = 2;

    /** The four outcomes of a page fault. */
    public enum Kind { RESOLVED, SIGSEGV, SIGBUS, OUT_OF_MEMORY }

    /** The fault was repaired. */
    public static FaultResult resolved(long address) {
        return new FaultResult(Kind.RESOLVED, 0, address);
    }

    /** A bad access at {@code address}: SEGV_MAPERR or SEGV_ACCERR. */
    public static FaultResult segv(int siCode, long address) {
        return new FaultResult(Kind.SIGSEGV, siCode, address);
    }

    /** An access to a mapped page with nothing behind it: SIGBUS, BUS_ADRERR. */
    public static FaultResult sigbus(long address) {
        return new FaultResult(Kind.SIGBUS, BUS_ADRERR, address);
    }

    /** A legal access that needs a frame when none is free. */
    public static FaultResult outOfMemory(long address) {
        return new FaultResult(Kind.OUT_OF_MEMORY, 0, address);
    }

    public boolean isResolved() {
        return kind == Kind.RESOLVED;
    }
}
