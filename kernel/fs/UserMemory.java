package fs;

/**
 * The calling task's memory as the file system calls see it: copies between user virtual
 * addresses and kernel byte arrays. The core adapts its memory manager to this interface;
 * tests use an array-backed fake. A copy that touches an unmapped or protected address stops
 * and reports where, so the system call can return EFAULT (no Java exception, no signal).
 */
public interface UserMemory {
    /** The result of a copy that succeeded. */
    long NO_FAULT = -1;

    /** The top of user space, Linux x86-64's TASK_SIZE_MAX (as mm.Mm.TASK_SIZE): no user buffer reaches past it. */
    long TASK_SIZE = exec.Loader.STACK_TOP;

    /**
     * Linux's access_ok: true if the {@code len} bytes at {@code va}, both taken as unsigned,
     * lie below {@link #TASK_SIZE}. read, write and their kin check it before anything
     * moves, so a count of (size_t)-1 is EFAULT whatever the buffer, as on Linux.
     */
    static boolean accessOk(long va, long len) {
        return Long.compareUnsigned(len, TASK_SIZE) <= 0 && Long.compareUnsigned(va, TASK_SIZE - len) <= 0;
    }

    /** Copies {@code len} bytes at user address {@code va} into {@code dst[off..]}; NO_FAULT or the faulting address. */
    long copyIn(long va, byte[] dst, int off, int len);

    /** Copies {@code src[off..off+len)} to user address {@code va}; NO_FAULT or the faulting address. */
    long copyOut(long va, byte[] src, int off, int len);

    /**
     * Reads the NUL-terminated path at {@code va} (bytes as UTF-8). Throws a PathFault with
     * EFAULT if it is not readable and ENAMETOOLONG if no NUL comes within PATH_MAX bytes.
     */
    String readPath(long va) throws PathFault;

    /** Why a path could not be read from user memory. */
    final class PathFault extends Exception {
        private static final long serialVersionUID = 1L;
        private final int errno;

        /** A failure with the given positive errno (EFAULT or ENAMETOOLONG). */
        public PathFault(int errno) {
            super(syscall.Errno.name(errno), null, false, false);
            this.errno = errno;
        }

        public int errno() {
            return errno;
        }
    }
}
