package fs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import syscall.Errno;
import vm.PhysicalMemory;

/**
 * A descriptor table, as Linux's {@code files_struct}: the map from small integers (file
 * descriptors) to open file descriptions, with a close-on-exec flag per descriptor.
 *
 * <p><b>Sharing.</b> The table is reference-counted by the tasks using it. clone with
 * CLONE_FILES calls {@link #share()}: both tasks then use this one table, so a descriptor
 * one closes is closed for the other. Without the flag (fork) the child gets {@link #copy()}:
 * a new table whose descriptors refer to the same descriptions (Linux's dup_fd), so offsets
 * are shared but closing in one table does not affect the other. A task leaving (exit,
 * or execve unsharing) calls {@link #release()} once.
 *
 * <p><b>Numbering and RLIMIT_NOFILE.</b> A new descriptor is always the lowest free one, as
 * POSIX says, and below the process's RLIMIT_NOFILE soft limit ({@link #limit()}, 1024 by
 * default; EMFILE when none is free). The kernel copies the limit here when the process
 * sets it (task.Prlimit), because this package does not know about tasks.
 *
 * <p><b>Size and memory.</b> The table starts with room for 64 descriptors (Linux's
 * NR_OPEN_DEFAULT, the part of files_struct that is always there) and grows when a higher
 * descriptor is used, as Linux's expand_files does: to 128, 256, 512... It never shrinks;
 * its size is FDSize in /proc/PID/status. The room beyond the first 64 is charged to the
 * machine's memory as Linux's fdtable is (8 bytes per descriptor and two bits), so that a
 * program raising its limit towards {@link #NR_OPEN} and using a high descriptor pays for
 * the table in guest memory; growth that memory cannot hold fails with ENOMEM.
 */
public final class FdTable {
    /** Most descriptors a table may ever hold (Linux's fs.nr_open): RLIMIT_NOFILE's hard limit cannot pass it. */
    public static final int NR_OPEN = 1024 * 1024;
    /** RLIMIT_NOFILE's default soft limit (Linux's INR_OPEN_CUR). */
    public static final int DEFAULT_LIMIT = 1024;
    /** The room every table has without growing (Linux's NR_OPEN_DEFAULT, BITS_PER_LONG). */
    static final int NR_OPEN_DEFAULT = 64;

    /** Where the room beyond {@link #NR_OPEN_DEFAULT} is charged; null for a table outside a machine (tests). */
    private final PhysicalMemory phys;
    private OpenFile[] files = new OpenFile[NR_OPEN_DEFAULT];
    private boolean[] closeOnExec = new boolean[NR_OPEN_DEFAULT];
    private int limit = DEFAULT_LIMIT;
    private int users = 1;

    /** An empty table with one user whose growth is not charged to any memory. */
    public FdTable() {
        this(null);
    }

    /** An empty table with one user whose growth is charged to {@code phys}'s slab. */
    public FdTable(PhysicalMemory phys) {
        this.phys = phys;
    }

    /** CLONE_FILES: one more task uses this table; returns this. */
    public FdTable share() {
        checkAlive();
        users++;
        return this;
    }

    /**
     * fork without CLONE_FILES: a new table (one user) with the same descriptors, close-on-exec
     * flags and limit, each descriptor referring to the same description (whose count goes
     * up). Its size is what its highest descriptor needs. Returns null, taking nothing, if
     * memory cannot hold it (clone's ENOMEM).
     */
    public FdTable copy() {
        checkAlive();
        int highest = files.length - 1;
        while (highest >= 0 && files[highest] == null) highest--;
        FdTable t = new FdTable(phys);
        if (!t.grow(highest)) return null;
        t.limit = limit;
        for (int fd = 0; fd <= highest; fd++) {
            if (files[fd] != null) {
                t.files[fd] = files[fd].get();
                t.closeOnExec[fd] = closeOnExec[fd];
            }
        }
        return t;
    }

    /** A task stops using the table; the last user closes every descriptor, exactly once, and frees the table. */
    public void release() {
        checkAlive();
        if (--users == 0) {
            for (int fd = 0; fd < files.length; fd++) close(fd);
            uncharge(files.length);
        }
    }

    /** How many tasks use this table. */
    public int users() {
        return users;
    }

    private void checkAlive() {
        if (users <= 0) throw new IllegalStateException("descriptor table already released");
    }

    /** RLIMIT_NOFILE's soft limit: every descriptor is below it. */
    public int limit() {
        return limit;
    }

    /**
     * Sets RLIMIT_NOFILE's soft limit (0..{@link #NR_OPEN}), as setrlimit does: new
     * descriptors are below it; descriptors already open above it stay open, as on Linux.
     */
    public void setLimit(int limit) {
        if (limit < 0 || limit > NR_OPEN) throw new IllegalArgumentException("RLIMIT_NOFILE out of range: " + limit);
        this.limit = limit;
    }

    /** How many descriptors the table has room for now (Linux's max_fds, FDSize in /proc/PID/status). */
    public int capacity() {
        return files.length;
    }

    /** The description behind {@code fd}, or null if {@code fd} is not open (or out of range). */
    public OpenFile get(long fd) {
        if (fd < 0 || fd >= files.length) return null;
        return files[(int) fd];
    }

    /** Whether {@code fd} is open. */
    public boolean isOpen(long fd) {
        return get(fd) != null;
    }

    /**
     * The lowest free descriptor at or above {@code from} and below the limit, with room made
     * for it in the table (Linux's alloc_fd): the descriptor, or -EMFILE if there is none,
     * or -ENOMEM if the table would have to grow and memory cannot hold it.
     */
    public int lowestFree(int from) {
        int fd = Math.max(0, from);
        while (fd < Math.min(limit, files.length) && files[fd] != null) fd++;
        if (fd >= limit) return -Errno.EMFILE;
        return makeRoom(fd);
    }

    /**
     * Makes the table large enough to hold descriptor {@code fd} (below {@link #NR_OPEN}),
     * Linux's expand_files: returns {@code fd}, or -ENOMEM with nothing changed.
     */
    public int makeRoom(int fd) {
        if (fd < 0 || fd >= NR_OPEN) throw new IllegalArgumentException("no descriptor " + fd);
        return grow(fd) ? fd : -Errno.ENOMEM;
    }

    /**
     * Installs {@code file} at the lowest free descriptor at or above {@code from}, taking
     * over the caller's reference. Returns the descriptor, or -EMFILE / -ENOMEM (see
     * {@link #lowestFree}); the caller keeps its reference then (and must put it).
     */
    public int install(OpenFile file, int from, boolean cloexec) {
        int fd = lowestFree(from);
        if (fd >= 0) installAt(fd, file, cloexec);
        return fd;
    }

    /**
     * Installs {@code file} at {@code fd}, taking over the caller's reference; whatever was
     * open there is closed first, as dup2 does. The table must have room for {@code fd}
     * ({@link #lowestFree} or {@link #makeRoom} made it; the first 64 are always there).
     */
    public void installAt(int fd, OpenFile file, boolean cloexec) {
        if (fd < 0 || fd >= files.length) throw new IllegalArgumentException("no room for descriptor " + fd);
        OpenFile old = files[fd];
        files[fd] = file;
        closeOnExec[fd] = cloexec;
        if (old != null) drop(old);
    }

    /** Closes {@code fd}: true if it was open (its reference is dropped), false for EBADF. */
    public boolean close(long fd) {
        OpenFile f = get(fd);
        if (f == null) return false;
        files[(int) fd] = null;
        closeOnExec[(int) fd] = false;
        drop(f);
        return true;
    }

    /**
     * Linux's filp_close: closing any descriptor of a file drops every record lock this
     * table holds on it (POSIX's rule, however many other descriptors still refer to it),
     * tells the file a descriptor of it is closing (flush), then drops the descriptor's
     * reference.
     */
    private void drop(OpenFile f) {
        if (f.inode().hasLocks()) f.inode().locks().removePosix(this);
        f.inode().flush(f);
        f.put();
    }

    /** The close-on-exec flag of an open descriptor. */
    public boolean isCloseOnExec(long fd) {
        return get(fd) != null && closeOnExec[(int) fd];
    }

    /** Sets the close-on-exec flag of an open descriptor (a no-op if it is not open). */
    public void setCloseOnExec(long fd, boolean on) {
        if (get(fd) != null) closeOnExec[(int) fd] = on;
    }

    /** execve: closes every descriptor marked close-on-exec. */
    public void closeOnExec() {
        for (int fd = 0; fd < files.length; fd++) {
            if (files[fd] != null && closeOnExec[fd]) close(fd);
        }
    }

    /** The open descriptors in increasing order (for /proc/PID/fd and tests). */
    public List<Integer> openDescriptors() {
        List<Integer> list = new ArrayList<>();
        for (int fd = 0; fd < files.length; fd++) if (files[fd] != null) list.add(fd);
        return list;
    }

    /**
     * Grows the arrays so that descriptor {@code fd} fits, to Linux's sizes (alloc_fdtable:
     * a power of two times 128, at most NR_OPEN), charging the new size and giving back the
     * old; false, with nothing changed, when the memory cannot be had.
     */
    private boolean grow(int fd) {
        if (fd < files.length) return true;
        int size = 128;
        while (size <= fd) size *= 2;
        size = Math.min(size, NR_OPEN);
        if (phys != null && !phys.chargeSlab(bytes(size))) return false;
        uncharge(files.length);
        files = Arrays.copyOf(files, size);
        closeOnExec = Arrays.copyOf(closeOnExec, size);
        return true;
    }

    /** Gives back the charge of arrays of {@code size} slots. */
    private void uncharge(int size) {
        if (phys != null) phys.unchargeSlab(bytes(size));
    }

    /** What arrays of {@code size} slots are charged: nothing for the first 64, else 8 bytes and two bits a slot. */
    private static long bytes(int size) {
        return size <= NR_OPEN_DEFAULT ? 0 : size * 8L + size / 4;
    }
}
