package fs;

/**
 * The bits of {@code st_mode}, with Linux's values: a file type in the top bits and the
 * permission bits below. Constants only.
 */
public final class Mode {
    private Mode() {}

    public static final int S_IFMT = 0170000, S_IFSOCK = 0140000, S_IFLNK = 0120000,
            S_IFREG = 0100000, S_IFBLK = 0060000, S_IFDIR = 0040000, S_IFCHR = 0020000,
            S_IFIFO = 0010000;

    /** The permission bits a mode argument may carry (rwx for user, group, other, and suid/sgid/sticky). */
    public static final int PERMISSIONS = 07777;

    /** The d_type of a directory entry (getdents64) for a mode, as Linux's S_DT(mode). */
    public static int dirEntryType(int mode) {
        return (mode & S_IFMT) >>> 12;
    }
}
