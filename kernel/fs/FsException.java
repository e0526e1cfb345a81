package fs;

/**
 * A failed file-system operation, carrying the Linux errno to return. It is used only inside
 * the fs and net packages, so that deep code (path resolution, directory changes) can give up in one
 * line; every system-call entry point catches it and returns {@code -errno}, so it never
 * reaches the machine or the guest.
 */
public final class FsException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int errno;

    /** A failure with the given positive errno value (see syscall.Errno). */
    public FsException(int errno) {
        super(syscall.Errno.name(errno), null, false, false);
        this.errno = errno;
    }

    /** The positive errno value. */
    public int errno() {
        return errno;
    }
}
