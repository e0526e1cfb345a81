package fs;

import java.util.function.Supplier;
import syscall.Errno;

/**
 * The inode of an anonymous file, one with no name anywhere: an eventfd, a timerfd, a
 * signalfd or an epoll instance (Linux's anon_inodefs). As on Linux, fstat shows st_mode
 * 0600 with no file type, one link, size 0, and the device {@link Vfs#ANON_INODE_DEV}; the
 * file has no offset (lseek and pread answer ESPIPE) and is read and written only as its
 * kind says. It lives while a description refers to it.
 *
 * <p>{@link #install} makes one for a system call, with the checks every such call makes
 * in Linux's order.
 */
public abstract class AnonInode extends Inode {
    /** The flags every call that makes one accepts: O_CLOEXEC and O_NONBLOCK (EFD_*, TFD_*, SFD_*, EPOLL_CLOEXEC). */
    public static final int FLAGS = OpenFlags.O_CLOEXEC | OpenFlags.O_NONBLOCK;

    /** What kind of file it is, as /proc/PID/fd shows it ("eventfd" for anon_inode:[eventfd]). */
    private final String kind;

    /** A new anonymous inode of {@code kind} ("eventfd", "eventpoll", "timerfd", "signalfd") on {@code vfs}. */
    protected AnonInode(Vfs vfs, String kind) {
        super(vfs, 0600);
        this.kind = kind;
    }

    /** Linux's anon_inodefs_dname: "anon_inode:[eventfd]". */
    @Override
    public String dname() {
        return "anon_inode:[" + kind + "]";
    }

    @Override
    public long dev() {
        return Vfs.ANON_INODE_DEV;
    }

    /** One link, as Linux's anonymous inode has, though no directory names it. */
    @Override
    public int links() {
        return 1;
    }

    @Override
    public boolean isSeekable() {
        return false;
    }

    @Override
    public boolean canPoll() {
        return true;
    }

    /**
     * Makes the file {@code make} creates, opened O_RDWR with {@code flags}' O_NONBLOCK, at
     * the lowest free descriptor, close-on-exec if {@code flags} has O_CLOEXEC. Returns the
     * descriptor or, in Linux's order (the context is allocated first, then the descriptor,
     * then the file): -ENOMEM if memory cannot hold the inode, -EMFILE or -ENOMEM from the
     * descriptor table, -ENFILE past file-max or -ENOMEM for the description.
     */
    public static long install(FdTable files, Vfs vfs, int flags, Supplier<? extends AnonInode> make) {
        if (!vfs.hasRoomForInode()) return -Errno.ENOMEM;
        int fd = files.lowestFree(0);
        if (fd < 0) return fd;
        long err = vfs.memory().newFileError(1);
        if (err < 0) return err;
        OpenFile file = new OpenFile(make.get(), OpenFlags.O_RDWR | (flags & OpenFlags.O_NONBLOCK));
        files.installAt(fd, file, (flags & OpenFlags.O_CLOEXEC) != 0);
        return fd;
    }
}
