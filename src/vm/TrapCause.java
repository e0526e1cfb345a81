package vm;

/** Why a CPU stopped before using up its budget (docs/isa.md, "Traps"). */
public enum TrapCause {
    /** A {@code syscall} instruction; pc is after it and it counts as executed. */
    SYSCALL,
    /** A {@code break} instruction; pc is at it. */
    BREAKPOINT,
    /** No mapping, or an access not permitted, or a write to a copy-on-write page. */
    PAGE_FAULT,
    /** Undefined opcode, non-zero unused field or register field of 32 or more. */
    ILLEGAL_INSTRUCTION,
    /** Division or remainder by zero, or signed overflow (MIN / -1, MIN % -1). */
    DIVIDE_ERROR,
    /** An atomic that is not naturally aligned, or a pc that is not a multiple of 8. */
    MISALIGNED,
    /**
     * The CPU's {@link AccessObserver} asked to stop before a data access; pc is at the
     * instruction, which has not executed. Never happens without an observer.
     */
    ACCESS_STOP
}
