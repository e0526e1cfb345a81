package fs;

import static fs.OpenFlags.*;

import java.nio.charset.StandardCharsets;
import java.util.List;
import syscall.Errno;

/**
 * The system calls that describe files: stat, lstat, fstat and newfstatat, which fill a
 * Linux x86-64 {@code struct stat}, and getdents64, which fills {@code struct linux_dirent64}
 * records. The byte layouts are Linux's exactly, so a C program compiled for Clonix sees what
 * it would see on Linux (the tests check the offsets against gcc's).
 */
public final class StatSyscalls {
    /** sizeof(struct stat) on Linux x86-64. */
    public static final int STAT_SIZE = 144;
    /** Offsets in struct stat (x86-64): checked against gcc's offsetof in StatLayoutTest. */
    public static final int ST_DEV = 0, ST_INO = 8, ST_NLINK = 16, ST_MODE = 24, ST_UID = 28,
            ST_GID = 32, ST_RDEV = 40, ST_SIZE = 48, ST_BLKSIZE = 56, ST_BLOCKS = 64,
            ST_ATIM = 72, ST_MTIM = 88, ST_CTIM = 104;
    /** The header of a linux_dirent64 before d_name: d_ino (8), d_off (8), d_reclen (2), d_type (1). */
    public static final int DIRENT_HEADER = 19;

    /** stat(path, statbuf). */
    public long stat(FdTable files, FsStruct fs, UserMemory mem, long path, long statbuf) {
        return newfstatat(files, fs, mem, AT_FDCWD, path, statbuf, 0);
    }

    /** lstat(path, statbuf): as stat, but a final symlink is described, not followed. */
    public long lstat(FdTable files, FsStruct fs, UserMemory mem, long path, long statbuf) {
        return newfstatat(files, fs, mem, AT_FDCWD, path, statbuf, AT_SYMLINK_NOFOLLOW);
    }

    /** fstat(fd, statbuf). */
    public long fstat(FdTable files, UserMemory mem, long fd, long statbuf) {
        OpenFile f = files.get((int) fd);
        if (f == null) return -Errno.EBADF;
        return store(mem, statbuf, f.inode());
    }

    /**
     * newfstatat(dirfd, path, statbuf, flags): flags may hold AT_SYMLINK_NOFOLLOW and
     * AT_EMPTY_PATH (an empty path then means dirfd itself).
     */
    public long newfstatat(FdTable files, FsStruct fs, UserMemory mem, long dirfd, long path, long statbuf,
            long flags) {
        try {
            if ((flags & ~(long) (AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)) != 0) return -Errno.EINVAL;
            String s = mem.readPath(path);
            if (s.isEmpty() && (flags & AT_EMPTY_PATH) != 0) {
                if ((int) dirfd == AT_FDCWD) return store(mem, statbuf, fs.cwd());
                return fstat(files, mem, dirfd, statbuf);
            }
            Directory start = PathSyscalls.startDir(files, fs, dirfd, s);
            Inode inode = PathWalker.resolve(fs, start, s, (flags & AT_SYMLINK_NOFOLLOW) == 0);
            return store(mem, statbuf, inode);
        } catch (UserMemory.PathFault e) {
            return -e.errno();
        } catch (FsException e) {
            return -e.errno();
        }
    }

    private static long store(UserMemory mem, long statbuf, Inode inode) {
        byte[] st = encodeStat(inode);
        return mem.copyOut(statbuf, st, 0, st.length) == UserMemory.NO_FAULT ? 0 : -Errno.EFAULT;
    }

    /** The 144 bytes of the struct stat describing {@code inode}. */
    public static byte[] encodeStat(Inode inode) {
        byte[] b = new byte[STAT_SIZE];
        putLong(b, ST_DEV, inode.dev());
        putLong(b, ST_INO, inode.ino());
        putLong(b, ST_NLINK, inode.links());
        putInt(b, ST_MODE, inode.mode());
        putInt(b, ST_UID, inode.uid());
        putInt(b, ST_GID, inode.gid());
        putLong(b, ST_RDEV, inode.rdev());
        long size = inode.size();
        putLong(b, ST_SIZE, size);
        putLong(b, ST_BLKSIZE, 4096);
        // st_blocks counts 512-byte units: a tmpfs file's pages that hold data (holes cost
        // nothing); a mounted host file is taken to occupy whole pages.
        long blocks = inode instanceof RegularFile f ? f.pages() * 8L : inode.isRegular() ? (size + 4095) / 4096 * 8 : 0;
        putLong(b, ST_BLOCKS, blocks);
        putTime(b, ST_ATIM, inode.atime());
        putTime(b, ST_MTIM, inode.mtime());
        putTime(b, ST_CTIM, inode.ctime());
        return b;
    }

    /**
     * getdents64(fd, dirp, count): as many linux_dirent64 records as fit in count bytes,
     * starting where the last call stopped ("." and ".." first); 0 at the end; EINVAL if not
     * even one record fits; ENOTDIR if fd is not a directory. The file offset counts entries.
     */
    public long getdents64(FdTable files, UserMemory mem, long fd, long dirp, long count) {
        OpenFile f = files.get((int) fd);
        if (f == null) return -Errno.EBADF;
        if (!(f.inode() instanceof Directory dir)) return -Errno.ENOTDIR;
        if (dir.isDead()) return 0;
        List<Directory.Entry> entries = dir.entries();
        entries.add(0, new Directory.Entry("..", dir.parent()));
        entries.add(0, new Directory.Entry(".", dir));
        int limit = (int) Math.min(Math.max(count, 0), 1 << 20);
        byte[] out = new byte[limit];
        int used = 0;
        long index = f.position();
        while (index < entries.size()) {
            Directory.Entry e = entries.get((int) index);
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            int reclen = (DIRENT_HEADER + name.length + 1 + 7) & ~7;
            if (used + reclen > limit) {
                if (used == 0) return -Errno.EINVAL;
                break;
            }
            putLong(out, used, e.inode().ino());
            putLong(out, used + 8, index + 1);
            out[used + 16] = (byte) reclen;
            out[used + 17] = (byte) (reclen >>> 8);
            out[used + 18] = (byte) Mode.dirEntryType(e.inode().mode());
            System.arraycopy(name, 0, out, used + DIRENT_HEADER, name.length);
            used += reclen;
            index++;
        }
        if (used > 0 && mem.copyOut(dirp, out, 0, used) != UserMemory.NO_FAULT) return -Errno.EFAULT;
        f.setPosition(index);
        return used;
    }

    private static void putTime(byte[] b, int off, long nanos) {
        putLong(b, off, Math.floorDiv(nanos, 1_000_000_000L));
        putLong(b, off + 8, Math.floorMod(nanos, 1_000_000_000L));
    }

    static void putInt(byte[] b, int off, int v) {
        for (int i = 0; i < 4; i++) b[off + i] = (byte) (v >>> (8 * i));
    }

    static void putLong(byte[] b, int off, long v) {
        for (int i = 0; i < 8; i++) b[off + i] = (byte) (v >>> (8 * i));
    }
}
