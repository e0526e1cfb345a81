package fs;

/**
 * Flags of open(2), fcntl(2) and friends, with Linux x86-64's values (asm-generic/fcntl.h).
 * Constants only.
 */
public final class OpenFlags {
    private OpenFlags() {}

    public static final int O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_ACCMODE = 3;
    public static final int O_CREAT = 0100, O_EXCL = 0200, O_NOCTTY = 0400, O_TRUNC = 01000,
            O_APPEND = 02000, O_NONBLOCK = 04000, O_LARGEFILE = 0100000,
            O_DIRECTORY = 0200000, O_NOFOLLOW = 0400000, O_CLOEXEC = 02000000;

    /** The status flags F_SETFL may change, as in Linux's SETFL_MASK (minus the ones Clonix lacks). */
    public static final int SETFL_MASK = O_APPEND | O_NONBLOCK;

    /** The dirfd meaning "relative to the current directory" for the *at calls. */
    public static final int AT_FDCWD = -100;
    public static final int AT_SYMLINK_NOFOLLOW = 0x100, AT_REMOVEDIR = 0x200,
            AT_EACCESS = 0x200, AT_EMPTY_PATH = 0x1000;

    /** fcntl commands. */
    public static final int F_DUPFD = 0, F_GETFD = 1, F_SETFD = 2, F_GETFL = 3, F_SETFL = 4,
            F_DUPFD_CLOEXEC = 1030, F_SETPIPE_SZ = 1031, F_GETPIPE_SZ = 1032;
    /** The one descriptor flag. */
    public static final int FD_CLOEXEC = 1;

    /** lseek whence values; SEEK_HOLE is Linux's SEEK_MAX. */
    public static final int SEEK_SET = 0, SEEK_CUR = 1, SEEK_END = 2, SEEK_DATA = 3, SEEK_HOLE = 4;
}
