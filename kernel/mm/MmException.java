package mm;

import syscall.Errno;

/**
 * A memory-management operation failed with a Linux errno: exec (ENOEXEC, ENOMEM, E2BIG) or
 * an access to user memory on behalf of a system call (EFAULT, ENAMETOOLONG). The system-call
 * layer returns {@code -errno()}. Like {@link vm.MemoryFault} it is an expected outcome of
 * bad input, not a bug, so it carries no stack trace.
 */
public final class MmException extends Exception {
    private final int errno;
    private final long address;

    /** A failure with {@code errno}, at user address {@code address} (0 if none applies). */
    public MmException(int errno, long address, String message) {
        super(Errno.name(errno) + ": " + message, null, false, false);
        this.errno = errno;
        this.address = address;
    }

    /** The Linux errno (positive). */
    public int errno() {
        return errno;
    }

    /** The user address that could not be accessed (EFAULT), else 0. */
    public long address() {
        return address;
    }
}
