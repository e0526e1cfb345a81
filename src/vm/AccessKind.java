package vm;

/** The kind of memory access that caused a page fault, as the MMU saw it. */
public enum AccessKind {
    /** A load, or the kernel reading user memory (copyIn, read8..read64). */
    READ,
    /** A store or an atomic, or the kernel writing user memory (copyOut, write8..write64). */
    WRITE,
    /** An instruction fetch. */
    EXECUTE
}
