package mm;

/**
 * What the page-fault handler ({@link Mm#handleFault}) decided about one fault.
 *
 * <p>{@link Kind#RESOLVED}: the page is now mapped; the CPU retries the instruction.
 * {@link Kind#SIGSEGV}: a bad access; the kernel delivers SIGSEGV with {@link #siCode()}
 * (SEGV_MAPERR when no VMA covers the address, SEGV_ACCERR when the VMA forbids the access)
 * and {@code si_addr} = {@link #address()}. {@link Kind#OUT_OF_MEMORY}: the access was legal
 * but no frame is free; the kernel calls the OOM killer (task.OomKiller, docs/kernel.md,
 * "The OOM killer").
 */
public record FaultResult(Kind kind, int siCode, long address) {
    /** si_code values for SIGSEGV, as Linux numbers them. */
    public static final int SEGV_MAPERR = 1, SEGV_ACCERR = 2;

    /** The three outcomes of a page fault. */
    public enum Kind { RESOLVED, SIGSEGV, OUT_OF_MEMORY }

    /** The fault was repaired. */
    public static FaultResult resolved(long address) {
        return new FaultResult(Kind.RESOLVED, 0, address);
    }

    /** A bad access at {@code address}: SEGV_MAPERR or SEGV_ACCERR. */
    public static FaultResult segv(int siCode, long address) {
        return new FaultResult(Kind.SIGSEGV, siCode, address);
    }

    /** A legal access that needs a frame when none is free. */
    public static FaultResult outOfMemory(long address) {
        return new FaultResult(Kind.OUT_OF_MEMORY, 0, address);
    }

    public boolean isResolved() {
        return kind == Kind.RESOLVED;
    }
}
