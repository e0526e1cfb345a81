package vm;

/**
 * Thrown by the kernel's convenience accessors of user memory ({@link AddressSpace#read64} and
 * friends) when the access would fault. System calls catch it and return {@code -EFAULT}.
 * It carries no stack trace: it is an expected outcome of a bad user pointer, not a bug.
 */
public final class MemoryFault extends Exception {
    private final long address;
    private final AccessKind access;

    /** A fault at {@code address} while doing an {@code access}. */
    public MemoryFault(long address, AccessKind access) {
        super(access.name().toLowerCase() + " fault at 0x" + Long.toHexString(address), null, false, false);
        this.address = address;
        this.access = access;
    }

    /** The first virtual address that could not be accessed. */
    public long address() {
        return address;
    }

    /** Whether the failing access was a read or a write. */
    public AccessKind access() {
        return access;
    }
}
