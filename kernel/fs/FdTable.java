package fs;

import java.util.ArrayList;
import java.util.List;

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
 * <p>Numbering follows POSIX: a new descriptor is always the lowest free one, and no table
 * holds more than {@link #MAX_FDS} (RLIMIT_NOFILE's usual soft limit).
 */
public final class FdTable {
    /** The number of descriptors a table can hold: fds are 0..MAX_FDS-1; more is EMFILE. */
    public static final int MAX_FDS = 1024;

    private final OpenFile[] files = new OpenFile[MAX_FDS];
    private final boolean[] closeOnExec = new boolean[MAX_FDS];
    private int users = 1;

    /** An empty table with one user. */
    public FdTable() {}

    /** CLONE_FILES: one more task uses this table; returns this. */
    public FdTable share() {
        checkAlive();
        users++;
        return this;
    }

    /**
     * fork without CLONE_FILES: a new table (one user) with the same descriptors and
     * close-on-exec flags, each referring to the same description (whose count goes up).
     */
    public FdTable copy() {
        checkAlive();
        FdTable t = new FdTable();
        for (int fd = 0; fd < MAX_FDS; fd++) {
            if (files[fd] != null) {
                t.files[fd] = files[fd].get();
                t.closeOnExec[fd] = closeOnExec[fd];
            }
        }
        return t;
    }

    /** A task stops using the table; the last user closes every descriptor, exactly once. */
    public void release() {
        checkAlive();
        if (--users == 0) {
            for (int fd = 0; fd < MAX_FDS; fd++) close(fd);
        }
    }

    /** How many tasks use this table. */
    public int users() {
        return users;
    }

    private void checkAlive() {
        if (users <= 0) throw new IllegalStateException("descriptor table already released");
    }

    /** The description behind {@code fd}, or null if {@code fd} is not open (or out of range). */
    public OpenFile get(long fd) {
        if (fd < 0 || fd >= MAX_FDS) return null;
        return files[(int) fd];
    }

    /** Whether {@code fd} is open. */
    public boolean isOpen(long fd) {
        return get(fd) != null;
    }

    /** The lowest free descriptor at or above {@code from}, or -1 if none (EMFILE). */
    public int lowestFree(int from) {
        for (int fd = Math.max(0, from); fd < MAX_FDS; fd++) {
            if (files[fd] == null) return fd;
        }
        return -1;
    }

    /**
     * Installs {@code file} at the lowest free descriptor at or above {@code from}, taking
     * over the caller's reference. Returns the descriptor, or -1 if the table is full; the
     * caller keeps its reference then (and must put it).
     */
    public int install(OpenFile file, int from, boolean cloexec) {
        int fd = lowestFree(from);
        if (fd >= 0) installAt(fd, file, cloexec);
        return fd;
    }

    /**
     * Installs {@code file} at {@code fd} (0 &lt;= fd &lt; MAX_FDS), taking over the caller's
     * reference; whatever was open there is closed first, as dup2 does.
     */
    public void installAt(int fd, OpenFile file, boolean cloexec) {
        OpenFile old = files[fd];
        files[fd] = file;
        closeOnExec[fd] = cloexec;
        if (old != null) old.put();
    }

    /** Closes {@code fd}: true if it was open (its reference is dropped), false for EBADF. */
    public boolean close(long fd) {
        OpenFile f = get(fd);
        if (f == null) return false;
        files[(int) fd] = null;
        closeOnExec[(int) fd] = false;
        f.put();
        return true;
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
        for (int fd = 0; fd < MAX_FDS; fd++) {
            if (files[fd] != null && closeOnExec[fd]) close(fd);
        }
    }

    /** The open descriptors in increasing order (for /proc/PID/fd and tests). */
    public List<Integer> openDescriptors() {
        List<Integer> list = new ArrayList<>();
        for (int fd = 0; fd < MAX_FDS; fd++) if (files[fd] != null) list.add(fd);
        return list;
    }
}
