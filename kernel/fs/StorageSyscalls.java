package fs;

import syscall.Errno;

/**
 * The calls about a file's data on its storage: fsync, fdatasync, sync, syncfs and
 * fallocate, with Linux x86-64's semantics and errno values. Clonix's files live in memory
 * (or, under --mount, are written through to the host at each write), so there is never
 * anything left to flush: the sync calls only check their argument as Linux does. fallocate
 * reserves or frees a file's pages ({@link Inode#fallocate}).
 */
public final class StorageSyscalls {
    /** fallocate's mode bits (linux/falloc.h); allocating is mode 0. */
    public static final int FALLOC_FL_KEEP_SIZE = 0x01, FALLOC_FL_PUNCH_HOLE = 0x02, FALLOC_FL_COLLAPSE_RANGE = 0x08,
            FALLOC_FL_ZERO_RANGE = 0x10, FALLOC_FL_INSERT_RANGE = 0x20, FALLOC_FL_UNSHARE_RANGE = 0x40,
            FALLOC_FL_WRITE_ZEROES = 0x80;
    /** The modes proper, one of which (or none: allocate) a call may name (Linux's FALLOC_FL_MODE_MASK). */
    private static final int FALLOC_FL_MODE_MASK = FALLOC_FL_PUNCH_HOLE | FALLOC_FL_COLLAPSE_RANGE
            | FALLOC_FL_ZERO_RANGE | FALLOC_FL_INSERT_RANGE | FALLOC_FL_UNSHARE_RANGE | FALLOC_FL_WRITE_ZEROES;

    /**
     * fsync(fd) and fdatasync(fd): 0 for a file or directory of a disk-like file system,
     * EINVAL for a file whose driver has no fsync (pipes, devices, terminals, /proc: Linux's
     * f_op->fsync is null there), EBADF for a descriptor that is not open.
     */
    public long fsync(FdTable files, long fd) {
        OpenFile f = files.get((int) fd);
        if (f == null) return -Errno.EBADF;
        Inode inode = f.inode();
        boolean hasFsync = (inode.isRegular() || inode.isDirectory()) && inode.dev() != Vfs.PROC_DEV;
        return hasFsync ? 0 : -Errno.EINVAL;
    }

    /** sync(): writes every file system back; it cannot fail. */
    public long sync() {
        return 0;
    }

    /** syncfs(fd): writes back the file system fd is on; any open descriptor will do (EBADF otherwise). */
    public long syncfs(FdTable files, long fd) {
        return files.get((int) fd) == null ? -Errno.EBADF : 0;
    }

    /**
     * fallocate(fd, mode, offset, len), in Linux's order (vfs_fallocate): EBADF for fd, EINVAL
     * for offset &lt; 0 or len &lt;= 0, EOPNOTSUPP for unknown bits, for two modes at once,
     * for a hole punched without FALLOC_FL_KEEP_SIZE or KEEP_SIZE with a mode that changes
     * the size; EBADF if fd is not open for writing; ESPIPE for a pipe or FIFO, EISDIR for a
     * directory, ENODEV for anything else that is not a regular file; EFBIG when
     * offset + len overflows; then the file's own answer (tmpfs: EOPNOTSUPP for the modes it
     * lacks, EFBIG past its largest size, ENOSPC when memory runs out).
     */
    public long fallocate(FdTable files, long fd, long mode, long offset, long len) {
        OpenFile f = files.get((int) fd);
        if (f == null) return -Errno.EBADF;
        if (offset < 0 || len <= 0) return -Errno.EINVAL;
        int m = (int) mode;
        if ((m & ~(FALLOC_FL_MODE_MASK | FALLOC_FL_KEEP_SIZE)) != 0) return -Errno.EOPNOTSUPP;
        boolean keepSize = (m & FALLOC_FL_KEEP_SIZE) != 0;
        switch (m & FALLOC_FL_MODE_MASK) {
            case 0, FALLOC_FL_UNSHARE_RANGE, FALLOC_FL_ZERO_RANGE -> { }
            case FALLOC_FL_PUNCH_HOLE -> {
                if (!keepSize) return -Errno.EOPNOTSUPP;
            }
            case FALLOC_FL_COLLAPSE_RANGE, FALLOC_FL_INSERT_RANGE, FALLOC_FL_WRITE_ZEROES -> {
                if (keepSize) return -Errno.EOPNOTSUPP;
            }
            default -> {
                return -Errno.EOPNOTSUPP;
            }
        }
        if (!f.isWritable()) return -Errno.EBADF;
        Inode inode = f.inode();
        if (inode.type() == Mode.S_IFIFO) return -Errno.ESPIPE;
        if (inode.isDirectory()) return -Errno.EISDIR;
        if (!inode.isRegular()) return -Errno.ENODEV;
        if (offset + len < 0) return -Errno.EFBIG;
        return inode.fallocate(m, offset, len);
    }
}
