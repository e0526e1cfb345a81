package fs;

import static fs.FileLock.F_RDLCK;
import static fs.FileLock.F_UNLCK;
import static fs.FileLock.F_WRLCK;
import static fs.FileLock.OFFSET_MAX;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import sync.Waiter;
import syscall.Errno;

/**
 * Advisory file locking: fcntl's record-lock commands (F_GETLK, F_SETLK, F_SETLKW and their
 * open-file-description forms F_OFD_*) and flock(2), with Linux x86-64's struct flock, rules
 * and errno values (fs/locks.c). The locks themselves are kept per inode in {@link FileLocks}.
 *
 * <p><b>Owners.</b> A POSIX record lock belongs to the caller's descriptor table (so threads
 * share them, a fork child has none, and closing any descriptor of the file drops them all);
 * an OFD lock and a flock lock belong to the open file description, and end with its last
 * close.
 *
 * <p><b>Deadlock.</b> F_SETLKW refuses with EDEADLK to sleep when the owner it would wait for
 * is itself waiting, directly or through a chain of at most {@link #MAX_DEADLK_ITERATIONS}
 * owners, for a lock of the caller: Linux's posix_locks_deadlock. To see the chain, each
 * sleeping POSIX request is remembered with the lock it waits for (Linux's blocked_hash); a
 * record counts only while its task is still asleep in the call, which the kernel tells
 * through {@code stillBlocked} (a woken, interrupted or dead task waits for nothing). OFD
 * locks and flock are not checked, as in Linux.
 */
public final class LockSyscalls {
    /** fcntl's lock commands. */
    public static final int F_GETLK = 5, F_SETLK = 6, F_SETLKW = 7,
            F_OFD_GETLK = 36, F_OFD_SETLK = 37, F_OFD_SETLKW = 38;
    /** flock(2)'s operations; LOCK_MAND is obsolete and accepted as a no-op, as Linux does. */
    public static final int LOCK_SH = 1, LOCK_EX = 2, LOCK_NB = 4, LOCK_UN = 8, LOCK_MAND = 32;
    /** sizeof(struct flock) on x86-64 and its fields' offsets. */
    static final int FLOCK_SIZE = 32, L_TYPE = 0, L_WHENCE = 2, L_START = 8, L_LEN = 16, L_PID = 24;
    /** How long a chain of waiting owners the deadlock check follows (Linux's MAX_DEADLK_ITERATIONS). */
    static final int MAX_DEADLK_ITERATIONS = 10;

    /** A sleeping POSIX request: whose it is and the lock it waits for. */
    private record Blocked(Object owner, FileLock blocker) {}

    private final Map<Waiter, Blocked> blocked = new LinkedHashMap<>();
    private final Predicate<Waiter> stillBlocked;

    /** The lock calls; {@code stillBlocked} says whether a waiter is still asleep in its lock request. */
    public LockSyscalls(Predicate<Waiter> stillBlocked) {
        this.stillBlocked = stillBlocked;
    }

    /** Whether fcntl command {@code cmd} is one of the lock commands served here. */
    public static boolean isLockCommand(long cmd) {
        int c = (int) cmd;
        return c == F_GETLK || c == F_SETLK || c == F_SETLKW || c == F_OFD_GETLK || c == F_OFD_SETLK
                || c == F_OFD_SETLKW;
    }

    /**
     * fcntl(fd, cmd, struct flock *) for a lock command, called by process {@code tgid}.
     * Linux's order: EBADF for fd, EFAULT reading the struct, then for F_GETLK EINVAL for a
     * type other than F_RDLCK/F_WRLCK, then the range (EINVAL for a bad whence or a start
     * before 0, EOVERFLOW past the largest offset) and the type (EINVAL); for F_SETLK EBADF
     * for a read lock on a file not open for reading or a write lock on one not open for
     * writing; EINVAL for an OFD command with l_pid not 0; then EAGAIN (F_SETLK), EDEADLK
     * or sleep (F_SETLKW), or ENOLCK without memory.
     */
    public long fcntl(FdTable files, UserMemory mem, Waiter waiter, int tgid, long fd, long cmd, long arg) {
        OpenFile f = files.get((int) fd);
        if (f == null) return -Errno.EBADF;
        byte[] st = new byte[FLOCK_SIZE];
        if (mem.copyIn(arg, st, 0, FLOCK_SIZE) != UserMemory.NO_FAULT) return -Errno.EFAULT;
        int c = (int) cmd;
        boolean ofd = c == F_OFD_GETLK || c == F_OFD_SETLK || c == F_OFD_SETLKW;
        int type = getShort(st, L_TYPE);
        if ((c == F_GETLK || c == F_OFD_GETLK) && type != F_RDLCK && type != F_WRLCK) return -Errno.EINVAL;
        long[] range = new long[2];
        long err = toRange(f, st, range);
        if (err == 0 && type != F_RDLCK && type != F_WRLCK && type != F_UNLCK) err = -Errno.EINVAL;
        if (err < 0) return err;
        if (c == F_GETLK || c == F_OFD_GETLK) {
            if (ofd && getInt(st, L_PID) != 0) return -Errno.EINVAL;
            return getlk(f, mem, arg, st, ofd ? f : files, type, range);
        }
        if (type == F_RDLCK && !f.isReadable() || type == F_WRLCK && !f.isWritable()) return -Errno.EBADF;
        if (ofd && getInt(st, L_PID) != 0) return -Errno.EINVAL;
        Object owner = ofd ? f : files;
        boolean wait = c == F_SETLKW || c == F_OFD_SETLKW;
        return setlk(f.inode().locks(), waiter, owner, ofd ? -1 : tgid, ofd, type, range[0], range[1], wait);
    }

    /**
     * Linux's flock64_to_posix_lock: the absolute, inclusive byte range [start, end] that
     * l_whence, l_start and l_len describe, into {@code range}. Returns 0 or -errno.
     */
    private static long toRange(OpenFile f, byte[] st, long[] range) {
        long base;
        switch (getShort(st, L_WHENCE)) {
            case OpenFlags.SEEK_SET -> base = 0;
            case OpenFlags.SEEK_CUR -> base = f.position();
            case OpenFlags.SEEK_END -> base = f.inode().size();
            default -> {
                return -Errno.EINVAL;
            }
        }
        long start = getLong(st, L_START);
        long len = getLong(st, L_LEN);
        if (start > OFFSET_MAX - base) return -Errno.EOVERFLOW;
        start += base;
        if (start < 0) return -Errno.EINVAL;
        long end;
        if (len > 0) {
            if (len - 1 > OFFSET_MAX - start) return -Errno.EOVERFLOW;
            end = start + (len - 1);
        } else if (len < 0) { // POSIX-2001: the len bytes before start
            if (start + len < 0) return -Errno.EINVAL;
            end = start - 1;
            start += len;
        } else {
            end = OFFSET_MAX;
        }
        range[0] = start;
        range[1] = end;
        return 0;
    }

    /**
     * F_GETLK: describes the first lock that would block the request, or sets l_type to
     * F_UNLCK and leaves the rest of the struct as it was.
     */
    private static long getlk(OpenFile f, UserMemory mem, long arg, byte[] st, Object owner, int type, long[] range) {
        FileLock l = f.inode().locks().posixConflict(owner, type, range[0], range[1]);
        if (l == null) {
            putShort(st, L_TYPE, F_UNLCK);
        } else {
            putShort(st, L_TYPE, l.type);
            putShort(st, L_WHENCE, OpenFlags.SEEK_SET);
            putLong(st, L_START, l.start);
            putLong(st, L_LEN, l.end == OFFSET_MAX ? 0 : l.end - l.start + 1);
            putInt(st, L_PID, l.pid);
        }
        return mem.copyOut(arg, st, 0, FLOCK_SIZE) == UserMemory.NO_FAULT ? 0 : -Errno.EFAULT;
    }

    private long setlk(FileLocks locks, Waiter waiter, Object owner, int pid, boolean ofd, int type,
            long start, long end, boolean wait) {
        blocked.remove(waiter); // a re-run request starts afresh
        if (type != F_UNLCK) {
            FileLock conflict = locks.posixConflict(owner, type, start, end);
            if (conflict != null) {
                if (!wait) return -Errno.EAGAIN;
                if (!ofd && deadlocks(owner, conflict)) return -Errno.EDEADLK;
                if (!ofd) blocked.put(waiter, new Blocked(owner, conflict));
                conflict.blocked.add(waiter);
                return -Errno.BLOCKED;
            }
        }
        return locks.setPosix(owner, pid, type, start, end);
    }

    /**
     * Linux's posix_locks_deadlock: whether the owner of {@code blocker}, or the owner of the
     * lock that one waits for, and so on, is {@code caller}.
     */
    private boolean deadlocks(Object caller, FileLock blocker) {
        FileLock l = blocker;
        for (int i = 0; (l = waitedForBy(l.owner)) != null; i++) {
            if (i > MAX_DEADLK_ITERATIONS) return false;
            if (l.owner == caller) return true;
        }
        return false;
    }

    /** The lock a sleeping request of {@code owner} waits for (Linux's what_owner_is_waiting_for), or null. */
    private FileLock waitedForBy(Object owner) {
        blocked.keySet().removeIf(w -> !stillBlocked.test(w));
        for (Blocked b : blocked.values()) if (b.owner() == owner) return b.blocker();
        return null;
    }

    /**
     * flock(fd, operation): LOCK_SH or LOCK_EX (with LOCK_NB not to wait: EWOULDBLOCK, which is EAGAIN) or
     * LOCK_UN on the whole file, for the open file description. Converting a lock drops the
     * old one first, so it is not atomic, as in Linux. Linux's order: EINVAL for an
     * operation that is none of those (LOCK_MAND alone succeeds and does nothing), then EBADF.
     */
    public long flock(FdTable files, Waiter waiter, long fd, long operation) {
        int op = (int) operation;
        if ((op & LOCK_MAND) != 0) return 0;
        int type = switch (op & ~LOCK_NB) {
            case LOCK_SH -> F_RDLCK;
            case LOCK_EX -> F_WRLCK;
            case LOCK_UN -> F_UNLCK;
            default -> -1;
        };
        if (type < 0) return -Errno.EINVAL;
        OpenFile f = files.get((int) fd);
        if (f == null) return -Errno.EBADF;
        FileLocks locks = f.inode().locks();
        FileLock held = locks.flockOf(f);
        if (held != null && held.type == type) return 0;
        if (held != null) locks.removeFlock(f);
        if (type == F_UNLCK) return 0;
        FileLock conflict = locks.flockConflict(f, type);
        if (conflict != null) {
            if ((op & LOCK_NB) != 0) return -Errno.EAGAIN;
            conflict.blocked.add(waiter);
            return -Errno.BLOCKED;
        }
        return locks.addFlock(f, type);
    }

    private static int getShort(byte[] b, int off) {
        return (short) ((b[off] & 0xFF) | (b[off + 1] << 8));
    }

    private static int getInt(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | b[off + 3] << 24;
    }

    private static long getLong(byte[] b, int off) {
        return (getInt(b, off) & 0xFFFF_FFFFL) | (long) getInt(b, off + 4) << 32;
    }

    private static void putShort(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
    }

    private static void putInt(byte[] b, int off, int v) {
        FileSyscalls.putInt(b, off, v);
    }

    private static void putLong(byte[] b, int off, long v) {
        StatSyscalls.putLong(b, off, v);
    }
}
