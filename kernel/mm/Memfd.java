package mm;

import fs.FdTable;
import fs.OpenFile;
import fs.OpenFlags;
import fs.RegularFile;
import fs.Vfs;
import syscall.Errno;

/**
 * memfd_create(2), after Linux's mm/memfd.c: an anonymous regular file of the in-memory
 * file system, with no name in any directory (st_nlink 0), open for reading and writing.
 * It is an ordinary file in every other way: write, read, ftruncate and mmap work on it, a
 * shared mapping of it is memory shared with whoever else maps it (a child after fork, or a
 * process it was passed to), and it is freed when the last descriptor and mapping go.
 *
 * <p>File seals (MFD_ALLOW_SEALING, F_ADD_SEALS) are accepted as flags but not enforced, and
 * MFD_HUGETLB gives an ordinary memfd: Clonix has no huge pages.
 */
public final class Memfd {
    private Memfd() {}

    /** memfd_create flags, Linux's values. */
    static final int MFD_CLOEXEC = 1, MFD_ALLOW_SEALING = 2, MFD_HUGETLB = 4, MFD_NOEXEC_SEAL = 8, MFD_EXEC = 0x10;
    /** MFD_HUGETLB may carry a huge page size in these bits (MFD_HUGE_MASK << MFD_HUGE_SHIFT). */
    private static final int MFD_HUGE_SIZE_BITS = 0x3f << 26;
    private static final int MFD_ALL_FLAGS = MFD_CLOEXEC | MFD_ALLOW_SEALING | MFD_HUGETLB | MFD_NOEXEC_SEAL | MFD_EXEC;
    /** The longest name: NAME_MAX less the "memfd:" Linux puts in front. */
    static final int MFD_NAME_MAX_LEN = 255 - 6;

    /**
     * memfd_create(name, flags) for a task with descriptor table {@code files} and memory
     * {@code mm}: the new descriptor, or in Linux's order EINVAL for unknown flags (or
     * MFD_EXEC with MFD_NOEXEC_SEAL), EFAULT for a name that cannot be read, EINVAL for a
     * name longer than 249 bytes, EMFILE when the table is full, ENOSPC when the file system
     * has no room for another inode, ENFILE (or ENOMEM) when no open file can be made. The
     * file's mode is 0777, or 0666 with MFD_NOEXEC_SEAL.
     */
    public static long create(Vfs vfs, FdTable files, Mm mm, long nameAddr, long flags) {
        flags &= 0xffffffffL; // an unsigned int
        int allowed = MFD_ALL_FLAGS | ((flags & MFD_HUGETLB) != 0 ? MFD_HUGE_SIZE_BITS : 0);
        if ((flags & ~(allowed & 0xffffffffL)) != 0) return -Errno.EINVAL;
        if ((flags & MFD_EXEC) != 0 && (flags & MFD_NOEXEC_SEAL) != 0) return -Errno.EINVAL;
        try {
            mm.readCString(nameAddr, MFD_NAME_MAX_LEN + 1); // the bytes read, the NUL included
        } catch (MmException e) {
            return -(e.errno() == Errno.ENAMETOOLONG ? Errno.EINVAL : e.errno());
        }
        int fd = files.lowestFree(0);
        if (fd < 0) return fd;
        if (!vfs.hasRoomForInode()) return -Errno.ENOSPC;
        long err = vfs.memory().newFileError(1);
        if (err < 0) return err;
        RegularFile file = new RegularFile(vfs, (flags & MFD_NOEXEC_SEAL) != 0 ? 0666 : 0777);
        files.installAt(fd, new OpenFile(file, OpenFlags.O_RDWR | OpenFlags.O_LARGEFILE), (flags & MFD_CLOEXEC) != 0);
        return fd;
    }
}
