package vm;

/** The outcome of {@link AddressSpace#resolveCow}: how a copy-on-write fault was handled. */
public enum CowResult {
    /** The frame was shared, so the page now has a private copy of it. */
    COPIED,
    /** The page was the last user of its frame; it was simply made writable again. */
    REUSED,
    /** The page is not a writable copy-on-write page: the fault is a real one (SIGSEGV). */
    NOT_COW,
    /** A private copy was needed but there is no free frame (the kernel's ENOMEM / OOM path). */
    OUT_OF_MEMORY
}
