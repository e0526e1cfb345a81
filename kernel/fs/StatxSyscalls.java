package fs;

import static fs.OpenFlags.*;

import syscall.Errno;

/**
 * statx(2): the extensible stat, filling Linux x86-64's 256-byte {@code struct statx}. It
 * reports what stat reports (STATX_BASIC_STATS) plus the mount id, whatever mask is asked
 * for, as Linux may; there is no birth time to report. Device numbers are split into major
 * and minor as Linux's encoding defines them.
 */
public final class StatxSyscalls {
    /** sizeof(struct statx). */
    public static final int STATX_SIZE = 256;
    /** The mask bits: every field stat has, the mount id, and the bit no caller may set. */
    static final int STATX_BASIC_STATS = 0x7ff, STATX_MNT_ID = 0x1000, STATX__RESERVED = 0x8000_0000;
    /** AT_STATX_SYNC_TYPE's two bits (FORCE_SYNC and DONT_SYNC: both at once is EINVAL) and AT_NO_AUTOMOUNT. */
    static final int AT_STATX_SYNC_TYPE = 0x6000, AT_NO_AUTOMOUNT = 0x800;

    /**
     * statx(dirfd, path, flags, mask, buf). Linux's order: EINVAL for a reserved mask bit,
     * for both sync types, for unknown flags; then the path's errors (AT_EMPTY_PATH with ""
     * or NULL means dirfd itself); EFAULT writing the buffer.
     */
    public long statx(FdTable files, FsStruct fs, UserMemory mem, long dirfd, long path, long flags, long mask,
            long buf) {
        if ((mask & STATX__RESERVED) != 0) return -Errno.EINVAL;
        if ((flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE) return -Errno.EINVAL;
        if ((flags & ~(long) (AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH | AT_STATX_SYNC_TYPE)) != 0) {
            return -Errno.EINVAL;
        }
        Inode inode;
        try {
            boolean empty = (flags & AT_EMPTY_PATH) != 0;
            String s = path == 0 && empty ? "" : mem.readPath(path);
            if (s.isEmpty() && empty) {
                if ((int) dirfd == AT_FDCWD) {
                    inode = fs.cwd();
                } else {
                    OpenFile f = files.get((int) dirfd);
                    if (f == null) return -Errno.EBADF;
                    inode = f.inode();
                }
            } else {
                Directory start = PathSyscalls.startDir(files, fs, dirfd, s);
                inode = PathWalker.resolve(fs, start, s, (flags & AT_SYMLINK_NOFOLLOW) == 0);
            }
        } catch (UserMemory.PathFault e) {
            return -e.errno();
        } catch (FsException e) {
            return -e.errno();
        }
        byte[] b = encode(inode);
        return mem.copyOut(buf, b, 0, b.length) == UserMemory.NO_FAULT ? 0 : -Errno.EFAULT;
    }

    /** The struct statx describing {@code inode}, built from what stat reports. */
    static byte[] encode(Inode inode) {
        byte[] st = StatSyscalls.encodeStat(inode);
        byte[] b = new byte[STATX_SIZE];
        StatSyscalls.putInt(b, 0, STATX_BASIC_STATS | STATX_MNT_ID);
        StatSyscalls.putInt(b, 4, 4096); // stx_blksize
        StatSyscalls.putInt(b, 16, inode.links());
        StatSyscalls.putInt(b, 20, inode.uid());
        StatSyscalls.putInt(b, 24, inode.gid());
        b[28] = (byte) inode.mode();
        b[29] = (byte) (inode.mode() >>> 8);
        StatSyscalls.putLong(b, 32, inode.ino());
        StatSyscalls.putLong(b, 40, inode.size());
        System.arraycopy(st, StatSyscalls.ST_BLOCKS, b, 48, 8);
        putTimestamp(b, 64, inode.atime());
        putTimestamp(b, 96, inode.ctime());
        putTimestamp(b, 112, inode.mtime());
        StatSyscalls.putInt(b, 128, major(inode.rdev()));
        StatSyscalls.putInt(b, 132, minor(inode.rdev()));
        StatSyscalls.putInt(b, 136, major(inode.dev()));
        StatSyscalls.putInt(b, 140, minor(inode.dev()));
        StatSyscalls.putLong(b, 144, inode.dev()); // stx_mnt_id: one mount per file system
        return b;
    }

    /** struct statx_timestamp: tv_sec (s64), tv_nsec (u32), a reserved u32. */
    private static void putTimestamp(byte[] b, int off, long nanos) {
        StatSyscalls.putLong(b, off, Math.floorDiv(nanos, 1_000_000_000L));
        StatSyscalls.putInt(b, off + 8, (int) Math.floorMod(nanos, 1_000_000_000L));
    }

    /** The major number of an encoded dev_t (glibc's gnu_dev_major). */
    static int major(long dev) {
        return (int) (((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL));
    }

    /** The minor number of an encoded dev_t (glibc's gnu_dev_minor). */
    static int minor(long dev) {
        return (int) ((dev & 0xff) | ((dev >>> 12) & ~0xffL));
    }
}
