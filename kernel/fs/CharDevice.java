package fs;

/**
 * A character device inode (S_IFCHR), such as /dev/null: reads and writes go to the driver
 * (the subclass) instead of stored bytes, and st_rdev carries its major and minor numbers.
 * Device inodes stay alive even when unnamed, as drivers do.
 */
public abstract class CharDevice extends Inode {
    private final int major;
    private final int minor;

    /** A device inode with Linux's numbers for the device and the given permission bits. */
    protected CharDevice(Vfs vfs, int perms, int major, int minor) {
        super(vfs, Mode.S_IFCHR | (perms & Mode.PERMISSIONS));
        this.major = major;
        this.minor = minor;
    }

    /** The device number encoded as Linux's new_encode_dev (what st_rdev holds). */
    @Override
    public long rdev() {
        return (minor & 0xff) | ((long) major << 8) | ((long) (minor & ~0xff) << 12);
    }

    @Override
    protected boolean isPinned() {
        return true;
    }
}
