package fs;

import static fs.FileLock.F_UNLCK;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import syscall.Errno;

/**
 * The locks held on one inode, as Linux's {@code struct file_lock_context}: the byte-range
 * record locks of fcntl (POSIX and OFD locks share one list, as in Linux) and the whole-file
 * locks of flock(2). Locks are advisory: they bind only callers that ask for them.
 *
 * <p><b>Record locks.</b> An owner never conflicts with itself. Setting a lock replaces the
 * owner's locks on the same bytes (an upgrade, a downgrade or F_UNLCK may split one lock in
 * up to three) and merges it with the owner's touching locks of the same type, so the
 * owner's locks never overlap. The list is kept in Linux's order: owners in the order they
 * first locked, each owner's locks by offset; F_GETLK reports the first conflict in it.
 *
 * <p><b>Waking.</b> Every lock has a queue of the requests blocked on it; removing or
 * changing a lock wakes them all, and each re-runs its call and looks again (the
 * re-run rule of sync.WaitQueue), as Linux's locks_wake_up_blocks does.
 *
 * <p><b>Cost.</b> Each lock is charged {@link FileLock#LOCK_BYTES} to the kernel's slab; a
 * request that would need memory the machine does not have fails with ENOLCK, as Linux's
 * failed lock allocation does. Everything runs on the kernel thread: no locking.
 */
public final class FileLocks {
    private final FsMemory memory;
    private final List<FileLock> posix = new ArrayList<>();
    private final List<FileLock> flocks = new ArrayList<>();

    FileLocks(FsMemory memory) {
        this.memory = memory;
    }

    /**
     * The first record lock that a request of {@code type} by {@code owner} over [start, end]
     * must wait for (Linux's posix_test_lock), or null if it could be had now.
     */
    FileLock posixConflict(Object owner, int type, long start, long end) {
        for (FileLock l : posix) if (l.conflicts(owner, type, start, end)) return l;
        return null;
    }

    /**
     * Makes [start, end] of {@code owner}'s record locks be {@code type} (F_UNLCK: unlocked),
     * Linux's posix_lock_inode once no conflict is left: the caller has checked
     * {@link #posixConflict}. Returns 0, or -ENOLCK when the locks it needs cannot be charged
     * (nothing changes then).
     */
    long setPosix(Object owner, int pid, int type, long start, long end) {
        List<FileLock> mine = new ArrayList<>();
        int first = -1;
        for (int i = 0; i < posix.size(); i++) {
            if (posix.get(i).owner != owner) continue;
            if (first < 0) first = i;
            mine.add(posix.get(i));
        }
        List<FileLock> kept = new ArrayList<>();
        List<FileLock> changed = new ArrayList<>();
        for (FileLock l : mine) {
            // Linux's test: a lock that neither overlaps nor touches the request stays as it is.
            if (l.end < start - 1 || l.start - 1 > end) {
                kept.add(l);
                continue;
            }
            if (l.type == type) { // the same type, overlapping or touching: one lock
                start = Math.min(start, l.start);
                end = Math.max(end, l.end);
                changed.add(l);
                continue;
            }
            if (!l.overlaps(start, end)) { // touching, of another type: stays apart
                kept.add(l);
                continue;
            }
            changed.add(l);
            if (l.start < start) kept.add(new FileLock(owner, l.pid, l.type, l.start, start - 1));
            if (l.end > end) kept.add(new FileLock(owner, l.pid, l.type, end + 1, l.end));
        }
        if (type != F_UNLCK) kept.add(new FileLock(owner, pid, type, start, end));
        kept.sort(Comparator.comparingLong(l -> l.start));
        int growth = kept.size() - mine.size();
        if (growth > 0 && !memory.charge((long) growth * FileLock.LOCK_BYTES)) return -Errno.ENOLCK;
        if (growth < 0) memory.uncharge((long) -growth * FileLock.LOCK_BYTES);
        posix.removeAll(mine);
        int at = first < 0 ? posix.size() : Math.min(first, posix.size());
        posix.addAll(at, kept);
        for (FileLock l : changed) l.blocked.wakeUp();
        return 0;
    }

    /**
     * Drops every record lock {@code owner} holds (Linux's locks_remove_posix, when the owner
     * closes any descriptor of the file, and locks_remove_file for an OFD owner's last close).
     */
    void removePosix(Object owner) {
        removeAll(posix, owner);
    }

    /** The flock lock of {@code file}, or null. */
    FileLock flockOf(OpenFile file) {
        for (FileLock l : flocks) if (l.owner == file) return l;
        return null;
    }

    /** The first flock lock a request of {@code type} by {@code file} must wait for, or null. */
    FileLock flockConflict(OpenFile file, int type) {
        for (FileLock l : flocks) if (l.conflicts(file, type, 0, FileLock.OFFSET_MAX)) return l;
        return null;
    }

    /** Drops the flock lock of {@code file}, if any, waking whoever waits for it. */
    void removeFlock(OpenFile file) {
        removeAll(flocks, file);
    }

    /** Adds a flock lock of {@code type} for {@code file}, which holds none: 0, or -ENOLCK. */
    long addFlock(OpenFile file, int type) {
        if (!memory.charge(FileLock.LOCK_BYTES)) return -Errno.ENOLCK;
        flocks.add(new FileLock(file, -1, type, 0, FileLock.OFFSET_MAX));
        return 0;
    }

    private void removeAll(List<FileLock> list, Object owner) {
        List<FileLock> gone = new ArrayList<>();
        for (FileLock l : list) if (l.owner == owner) gone.add(l);
        if (gone.isEmpty()) return;
        list.removeAll(gone);
        memory.uncharge((long) gone.size() * FileLock.LOCK_BYTES);
        for (FileLock l : gone) l.blocked.wakeUp();
    }
}
