package vm;

/**
 * Why an access to a virtual address failed. The kernel's page-fault handler branches on this:
 * a {@link #COPY_ON_WRITE} fault is repaired with {@link AddressSpace#resolveCow}, the others
 * usually end in SIGSEGV (or in growing the stack, for a not-present page next to it).
 */
public enum FaultKind {
    /** No page is mapped at the address (or it lies beyond the 48-bit address space). */
    NOT_PRESENT,
    /** A page is mapped but its permissions forbid this kind of access. */
    PROTECTION,
    /** A write to a page that may write (Pte.WRITE) but is marked copy-on-write. */
    COPY_ON_WRITE
}
