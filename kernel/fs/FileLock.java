package fs;

import sync.WaitQueue;

/**
 * One lock held on a file, as Linux's {@code struct file_lock}: a byte-range record lock
 * (fcntl's F_SETLK, owned by a descriptor table, or an open-file-description lock, F_OFD_SETLK,
 * owned by an open file) or a whole-file flock(2) lock (owned by an open file).
 *
 * <p>{@code start} and {@code end} are inclusive byte offsets; a lock "to the end of the
 * file, however far it grows" ends at {@link #OFFSET_MAX}. A flock lock covers the whole
 * file. The range and type never change: splitting or merging makes new locks, and whoever
 * waits for this one is woken so that it looks again.
 */
final class FileLock {
    /** The lock types, Linux's (struct flock's l_type): shared, exclusive, none. */
    static final int F_RDLCK = 0, F_WRLCK = 1, F_UNLCK = 2;
    /** The largest offset (Linux's OFFSET_MAX for a 64-bit loff_t). */
    static final long OFFSET_MAX = Long.MAX_VALUE;
    /** What a lock costs in the kernel's slab (about Linux's sizeof(struct file_lock)). */
    static final int LOCK_BYTES = 216;

    /** The FdTable (a POSIX lock) or the OpenFile (an OFD or flock lock) that holds the lock. */
    final Object owner;
    /** What F_GETLK reports as l_pid: the locking process's tgid, or -1 for an OFD lock. */
    final int pid;
    final int type;
    final long start, end;
    /** The requests waiting until this lock goes away or changes (Linux's fl_blocked_requests). */
    final WaitQueue blocked = new WaitQueue();

    FileLock(Object owner, int pid, int type, long start, long end) {
        this.owner = owner;
        this.pid = pid;
        this.type = type;
        this.start = start;
        this.end = end;
    }

    /** Whether this lock and [start, end] have a byte in common. */
    boolean overlaps(long start, long end) {
        return this.start <= end && start <= this.end;
    }

    /**
     * Whether a request of {@code type} by {@code owner} over [start, end] must wait for this
     * lock (Linux's posix_locks_conflict): another owner, a common byte, and one of the two
     * exclusive. A flock lock is the same with the whole file as range.
     */
    boolean conflicts(Object owner, int type, long start, long end) {
        return this.owner != owner && overlaps(start, end) && (this.type == F_WRLCK || type == F_WRLCK);
    }
}
