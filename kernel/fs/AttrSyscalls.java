package fs;

import static fs.OpenFlags.*;

import java.util.function.IntPredicate;
import syscall.Errno;

/**
 * The calls that change who owns a file and its times: chown, fchown, lchown, fchownat and
 * utimensat, with Linux x86-64's semantics and errno values (fs/open.c, fs/utimes.c and the
 * permission rules of fs/attr.c's setattr_prepare). They return 0 or {@code -errno}.
 *
 * <p><b>Who may.</b> A privileged caller (Clonix: effective uid 0, which holds CAP_CHOWN and
 * CAP_FOWNER) may do everything. Anyone else may only give a file they own to one of their
 * own groups, set its times explicitly only if they own it (EPERM), and set them to now if
 * they own it or may write it (EACCES). /proc's files belong to the kernel (EPERM), as
 * fchmod has it.
 */
public final class AttrSyscalls {
    /** utimensat's special tv_nsec values: the current time, and leave this time alone. */
    public static final long UTIME_NOW = (1L << 30) - 1, UTIME_OMIT = (1L << 30) - 2;
    private static final int S_ISUID = 04000, S_ISGID = 02000;
    /** sizeof(struct timespec[2]). */
    static final int TIMES_SIZE = 32;

    /**
     * The caller's identity as the checks need it: its fsuid and fsgid, whether it is
     * privileged, and which groups it is in (fsgid and supplementary groups).
     */
    public record Caller(int fsuid, int fsgid, boolean capable, IntPredicate inGroup) {}

    private final Vfs vfs;

    /** The calls for the file system {@code vfs} (whose clock gives UTIME_NOW). */
    public AttrSyscalls(Vfs vfs) {
        this.vfs = vfs;
    }

    /** chown(path, owner, group): follows a final symlink. */
    public long chown(FdTable files, FsStruct fs, UserMemory mem, Caller who, long path, long owner, long group) {
        return fchownat(files, fs, mem, who, AT_FDCWD, path, owner, group, 0);
    }

    /** lchown(path, owner, group): a final symlink itself changes owner. */
    public long lchown(FdTable files, FsStruct fs, UserMemory mem, Caller who, long path, long owner, long group) {
        return fchownat(files, fs, mem, who, AT_FDCWD, path, owner, group, AT_SYMLINK_NOFOLLOW);
    }

    /** fchown(fd, owner, group). */
    public long fchown(FdTable files, Caller who, long fd, long owner, long group) {
        OpenFile f = files.get((int) fd);
        if (f == null) return -Errno.EBADF;
        return changeOwner(f.inode(), who, (int) owner, (int) group);
    }

    /**
     * fchownat(dirfd, path, owner, group, flags): flags may hold AT_SYMLINK_NOFOLLOW and
     * AT_EMPTY_PATH (EINVAL otherwise, checked first); an owner or group of -1 is left as it is.
     */
    public long fchownat(FdTable files, FsStruct fs, UserMemory mem, Caller who, long dirfd, long path, long owner,
            long group, long flags) {
        if ((flags & ~(long) (AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)) != 0) return -Errno.EINVAL;
        try {
            Inode inode = lookup(files, fs, mem, dirfd, path, flags);
            return changeOwner(inode, who, (int) owner, (int) group);
        } catch (UserMemory.PathFault e) {
            return -e.errno();
        } catch (FsException e) {
            return -e.errno();
        }
    }

    /**
     * Linux's chown_common and notify_change: EPERM unless allowed (see the class comment);
     * then the new ids, and a file that is not a directory loses its set-user-ID bit, and its
     * set-group-ID bit if it is group-executable (or the caller is neither privileged nor in
     * its group), even when nothing else changes; that loss is a change of mode, which only
     * the owner may make.
     */
    private static long changeOwner(Inode inode, Caller who, int owner, int group) {
        if (inode.dev() == Vfs.PROC_DEV) return -Errno.EPERM;
        boolean owns = who.fsuid() == inode.uid();
        int perms = inode.mode() & Mode.PERMISSIONS;
        int kept = perms;
        if (!inode.isDirectory()) {
            kept &= ~S_ISUID;
            // Linux's setattr_should_drop_sgid: group-executable, or a group the caller is not in.
            boolean groupExec = (kept & 0010) != 0;
            if (groupExec || !who.capable() && !who.inGroup().test(inode.gid())) kept &= ~S_ISGID;
        }
        if (!who.capable()) {
            if (owner != -1 && !(owns && owner == inode.uid())) return -Errno.EPERM; // chown_ok
            if (group != -1 && !(owns && (who.inGroup().test(group) || group == inode.gid()))) return -Errno.EPERM;
            if (kept != perms && !owns) return -Errno.EPERM; // clearing the bits is a change of mode
        }
        inode.setOwner(owner == -1 ? inode.uid() : owner, group == -1 ? inode.gid() : group);
        if (kept != perms) inode.setPermissions(kept);
        return 0;
    }

    /**
     * utimensat(dirfd, path, times, flags): sets the access and modification times from
     * {@code times[2]} (struct timespec; tv_nsec UTIME_NOW for now, UTIME_OMIT to keep), or
     * both to now if {@code times} is NULL. A NULL path means dirfd itself (futimens), and
     * then flags must be 0. Linux's order: EFAULT reading times, success at once if both are
     * UTIME_OMIT, EINVAL for flags, EBADF,
     * the path's errors, EINVAL for a tv_nsec out of range, then EPERM / EACCES.
     */
    public long utimensat(FdTable files, FsStruct fs, UserMemory mem, Caller who, long dirfd, long path, long times,
            long flags) {
        long[] t = null;
        if (times != 0) {
            byte[] b = new byte[TIMES_SIZE];
            if (mem.copyIn(times, b, 0, TIMES_SIZE) != UserMemory.NO_FAULT) return -Errno.EFAULT;
            t = new long[] {getLong(b, 0), getLong(b, 8), getLong(b, 16), getLong(b, 24)};
            if (t[1] == UTIME_OMIT && t[3] == UTIME_OMIT) return 0; // nothing to do: not even the path is looked at
        }
        Inode inode;
        if (path == 0 && (int) dirfd != AT_FDCWD) {
            if (flags != 0) return -Errno.EINVAL;
            OpenFile f = files.get((int) dirfd);
            if (f == null) return -Errno.EBADF;
            inode = f.inode();
        } else {
            if ((flags & ~(long) (AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)) != 0) return -Errno.EINVAL;
            try {
                inode = lookup(files, fs, mem, dirfd, path, flags);
            } catch (UserMemory.PathFault e) {
                return -e.errno();
            } catch (FsException e) {
                return -e.errno();
            }
        }
        return setTimes(inode, who, t);
    }

    /** Linux's vfs_utimes and the permission checks of setattr_prepare. */
    private long setTimes(Inode inode, Caller who, long[] t) {
        if (t != null) {
            if (!validNsec(t[1]) || !validNsec(t[3])) return -Errno.EINVAL;
            if (t[1] == UTIME_NOW && t[3] == UTIME_NOW) t = null;
        }
        boolean explicit = t != null && (t[1] != UTIME_NOW && t[1] != UTIME_OMIT || t[3] != UTIME_NOW && t[3] != UTIME_OMIT);
        boolean owns = who.capable() || who.fsuid() == inode.uid();
        if (explicit && !owns) return -Errno.EPERM;
        if (!owns && !mayWrite(inode, who)) return -Errno.EACCES;
        if (inode.dev() == Vfs.PROC_DEV) return -Errno.EPERM;
        long now = vfs.now();
        long atime = t == null ? now : time(t[0], t[1], now);
        long mtime = t == null ? now : time(t[2], t[3], now);
        inode.setTimes(atime, mtime);
        return 0;
    }

    private static boolean validNsec(long nsec) {
        return nsec == UTIME_NOW || nsec == UTIME_OMIT || nsec >= 0 && nsec <= 999_999_999L;
    }

    /** One timespec as nanoseconds since the epoch, now, or Inode.KEEP_TIME. */
    private static long time(long sec, long nsec, long now) {
        if (nsec == UTIME_OMIT) return Inode.KEEP_TIME;
        if (nsec == UTIME_NOW) return now;
        try {
            return Math.addExact(Math.multiplyExact(sec, 1_000_000_000L), nsec);
        } catch (ArithmeticException e) {
            return sec < 0 ? Long.MIN_VALUE + 1 : Long.MAX_VALUE; // Linux clamps to the range it can store
        }
    }

    /** Whether the mode's write bit for the caller's class (owner, group, others) is set. */
    private static boolean mayWrite(Inode inode, Caller who) {
        int mode = inode.mode();
        if (who.fsuid() == inode.uid()) return (mode & 0200) != 0;
        if (who.inGroup().test(inode.gid())) return (mode & 0020) != 0;
        return (mode & 0002) != 0;
    }

    /** The inode a *at call names: the path from dirfd, or dirfd itself for "" with AT_EMPTY_PATH. */
    private static Inode lookup(FdTable files, FsStruct fs, UserMemory mem, long dirfd, long path, long flags)
            throws UserMemory.PathFault, FsException {
        String s = mem.readPath(path);
        if (s.isEmpty() && (flags & AT_EMPTY_PATH) != 0) {
            if ((int) dirfd == AT_FDCWD) return fs.cwd();
            OpenFile f = files.get((int) dirfd);
            if (f == null) throw new FsException(Errno.EBADF);
            return f.inode();
        }
        Directory start = PathSyscalls.startDir(files, fs, dirfd, s);
        return PathWalker.resolve(fs, start, s, (flags & AT_SYMLINK_NOFOLLOW) == 0);
    }

    private static long getLong(byte[] b, int off) {
        long v = 0;
        for (int i = 7; i >= 0; i--) v = v << 8 | (b[off + i] & 0xFF);
        return v;
    }
}
