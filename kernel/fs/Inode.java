package fs;

import sync.Waiter;
import syscall.Errno;

/**
 * An inode, as Linux's {@code struct inode}: one file-system object (regular file, directory,
 * device, pipe or symbolic link) with its type and permission bits, link count, times and the
 * operations that read and write it. Names live in directories, not here: one inode may have
 * several names (hard links) or none (an unlinked file still open, a pipe).
 *
 * <p><b>Lifetime.</b> An inode stays alive while it has a name ({@link #links()} &gt; 0) or an
 * open file description refers to it ({@link #openCount()} &gt; 0). When both reach zero it is
 * <i>evicted</i> exactly once: {@link #evict()} frees its contents, as Linux's iput/evict do.
 *
 * <p><b>Cost.</b> An inode is charged {@link FsMemory#INODE_BYTES} to the kernel's slab when
 * it is made and gives them back when it is evicted. Calls that make one for a guest check
 * {@link Vfs#hasRoomForInode} first; an inode the kernel makes on its own account while
 * memory is full (a /proc entry) lives uncharged.
 *
 * <p><b>Locking.</b> The kernel runs on one host thread, so inodes need no locks; an operation
 * that cannot proceed puts its caller on a wait queue and returns {@code -Errno.BLOCKED}.
 */
public abstract class Inode {
    /** For {@link #setTimes}: leave this time unchanged. */
    public static final long KEEP_TIME = Long.MIN_VALUE;

    private final Vfs vfs;
    private final long ino;
    private int mode;
    private int uid, gid;
    private int links;
    private int openCount;
    private boolean evicted;
    /** Set by {@link #pinUntilRetired}, cleared by {@link #retire}. */
    private boolean pinnedUntilRetired;
    private final boolean charged;
    private long atime, mtime, ctime;
    private FileLocks locks;
    /** The name this inode was last opened by (see Dentry#of), shared by those opens. */
    Dentry lastDentry;

    /** A new inode of {@code vfs} with the next inode number and the given st_mode. */
    protected Inode(Vfs vfs, int mode) {
        this.vfs = vfs;
        this.ino = vfs.nextInodeNumber();
        vfs.inodeCreated();
        this.charged = vfs.memory().charge(FsMemory.INODE_BYTES);
        this.mode = mode;
        this.uid = vfs.creatorUid();
        this.gid = vfs.creatorGid();
        long now = vfs.now();
        atime = mtime = ctime = now;
    }

    /** The file system this inode belongs to. */
    public final Vfs vfs() {
        return vfs;
    }

    /** The inode number, unique within the Vfs and deterministic (allocation order). */
    public final long ino() {
        return ino;
    }

    /** The st_mode: file type and permission bits. */
    public final int mode() {
        return mode;
    }

    /** The file type bits of the mode (Mode.S_IFREG etc.). */
    public final int type() {
        return mode & Mode.S_IFMT;
    }

    /** Changes the permission bits, keeping the type. */
    public final void setPermissions(int perms) {
        mode = (mode & Mode.S_IFMT) | (perms & Mode.PERMISSIONS);
        touchChange();
    }

    /** The st_uid: the user who owns the file (its creator's fsuid, or what chown set). */
    public final int uid() {
        return uid;
    }

    /** The st_gid: the file's group. */
    public final int gid() {
        return gid;
    }

    /** Gives the file a new owner and group (chown); the inode changes. */
    public final void setOwner(int uid, int gid) {
        this.uid = uid;
        this.gid = gid;
        touchChange();
    }

    /**
     * Sets the access and modification times (utimensat), in nanoseconds since the epoch;
     * {@link #KEEP_TIME} leaves that time as it is. The inode's change time becomes now.
     */
    public final void setTimes(long atime, long mtime) {
        if (atime != KEEP_TIME) this.atime = atime;
        if (mtime != KEEP_TIME) this.mtime = mtime;
        touchChange();
    }

    public final boolean isDirectory() {
        return type() == Mode.S_IFDIR;
    }

    public final boolean isRegular() {
        return type() == Mode.S_IFREG;
    }

    public final boolean isSymlink() {
        return type() == Mode.S_IFLNK;
    }

    /** The st_nlink: how many directory entries name this inode. */
    public int links() {
        return links;
    }

    /** Counts one more name (called by the directory that links it). */
    final void addLink() {
        links++;
        touchChange();
    }

    /** Counts one name fewer; evicts the inode if that was the last reference. */
    final void dropLink() {
        if (links <= 0) throw new IllegalStateException("inode " + ino + " has no links");
        links--;
        touchChange();
        evictIfUnused();
    }

    /** How many open file descriptions refer to this inode. */
    public final int openCount() {
        return openCount;
    }

    /** Whether the inode has been evicted (no names and no open files left). */
    public final boolean isEvicted() {
        return evicted;
    }

    /** Called once by each new OpenFile on this inode. Subclasses extend it (pipes count ends). */
    protected void opened(OpenFile file) {
        openCount++;
    }

    /** Called once when the last reference to {@code file} is dropped (the "release" of Linux). */
    protected void released(OpenFile file) {
        if (openCount <= 0) throw new IllegalStateException("inode " + ino + " is not open");
        openCount--;
        evictIfUnused();
    }

    private void evictIfUnused() {
        if (links == 0 && openCount == 0 && !evicted && !isPinned() && !pinnedUntilRetired) {
            evicted = true;
            vfs.inodeEvicted();
            evict();
            if (charged) vfs.memory().uncharge(FsMemory.INODE_BYTES);
        }
    }

    /** The record and flock locks held on this inode, made at the first use (Linux's i_flctx). */
    public final FileLocks locks() {
        if (locks == null) locks = new FileLocks(vfs.memory());
        return locks;
    }

    /** Whether the inode has locks made for it: close and exit look no further otherwise. */
    final boolean hasLocks() {
        return locks != null;
    }

    /** Whether the inode lives without names or openers (the root directory, device inodes). */
    protected boolean isPinned() {
        return false;
    }

    /**
     * Keeps this inode alive without names or openers until {@link #retire}: the /proc
     * inodes of a process, which live as long as the process does. Called by constructors.
     */
    protected final void pinUntilRetired() {
        pinnedUntilRetired = true;
    }

    /**
     * Ends the life that {@link #pinUntilRetired} gave (the /proc files of a process that has
     * been reaped): the inode is freed at once if nobody has it open, else at its last close.
     * Does nothing to an inode that was not pinned so. Idempotent.
     */
    public void retire() {
        if (!pinnedUntilRetired) return;
        pinnedUntilRetired = false;
        evictIfUnused();
    }

    /** Frees the contents; called exactly once, when the inode is no longer reachable. */
    protected void evict() {}

    /** The st_size. */
    public long size() {
        return 0;
    }

    /** The st_rdev: the device number of a device inode, 0 otherwise. */
    public long rdev() {
        return 0;
    }

    /** The st_dev: the number of the file system this inode is on. */
    public long dev() {
        return Vfs.RAMFS_DEV;
    }

    public final long atime() {
        return atime;
    }

    public final long mtime() {
        return mtime;
    }

    public final long ctime() {
        return ctime;
    }

    /** Records an access (read) at the current virtual time. */
    protected final void touchAccess() {
        atime = vfs.now();
    }

    /** Records a modification of the contents (which also changes the inode). */
    protected final void touchModify() {
        mtime = ctime = vfs.now();
    }

    /** Records a change of the inode itself (links, mode). */
    protected final void touchChange() {
        ctime = vfs.now();
    }

    /**
     * Called by open(2) before a new description of this inode is made, with open's flags:
     * 0 to go ahead, -errno to refuse, or {@code -Errno.BLOCKED} after putting {@code waiter}
     * on a wait queue (a FIFO waiting for its other end). {@code waiter} is null when the
     * open must not sleep (O_NONBLOCK). Most inodes always go ahead.
     */
    public long mayOpen(int flags, Waiter waiter) {
        return 0;
    }

    /** Whether lseek means anything here; pipes and terminals answer ESPIPE. */
    public boolean isSeekable() {
        return true;
    }

    /**
     * Reads up to {@code len} bytes at {@code pos} into {@code dst[off..]}. Returns the count
     * (0 at end of file), or -errno. If no data can be had yet and {@code waiter} is not null,
     * the inode adds {@code waiter} to a wait queue and returns {@code -Errno.BLOCKED}; with a
     * null waiter (non-blocking) it returns {@code -Errno.EAGAIN} instead.
     */
    public long read(OpenFile file, long pos, byte[] dst, int off, int len, Waiter waiter) {
        return -Errno.EINVAL;
    }

    /**
     * Gives back the last {@code len} bytes a {@link #read} returned, {@code src[off..]},
     * because they could not be copied to the reader's buffer (it faulted). Linux copies
     * from a pipe straight to user memory and consumes only what arrived, so a read into a
     * bad buffer loses nothing; an inode that consumes what it reads (a pipe) must put them
     * back in front. Files need nothing: their offset only moves by what was copied.
     */
    public void unread(byte[] src, int off, int len) {}

    /**
     * Writes up to {@code len} bytes from {@code src[off..]} at {@code pos}. Returns the count
     * written or -errno; blocking as for {@link #read}.
     */
    public long write(OpenFile file, long pos, byte[] src, int off, int len, Waiter waiter) {
        return -Errno.EINVAL;
    }

    /**
     * ioctl(2) for requests specific to this kind of file (a terminal's TCGETS, a pipe's
     * FIONREAD): returns the result or -errno, ENOTTY for a request it does not know.
     * {@code mem} is the caller's memory, for requests whose argument is a pointer.
     */
    public long ioctl(OpenFile file, int request, long arg, UserMemory mem) {
        return -Errno.ENOTTY;
    }

    /** Stores a 32-bit int at user address {@code va}: 0, or -EFAULT. */
    protected static long putUserInt(UserMemory mem, long va, int value) {
        byte[] b = {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)};
        return mem.copyOut(va, b, 0, 4) == UserMemory.NO_FAULT ? 0 : -Errno.EFAULT;
    }

    /**
     * poll(2) for this file, as Linux's {@code f_op->poll}: returns the events that are ready
     * now for {@code file}, a mask of {@link Poll} bits. If {@code waiter} is not null, also
     * puts it on every wait queue whose wake-up could change the answer, so that a poll,
     * select or epoll_wait that found nothing ready sleeps until something may be. A waiter
     * may be left on queues after it is woken; waking it again is harmless. The default is
     * a regular file's: always readable and writable, never waits.
     */
    public int poll(OpenFile file, Waiter waiter) {
        return Poll.POLLIN | Poll.POLLRDNORM | Poll.POLLOUT | Poll.POLLWRNORM;
    }

    /**
     * Called each time a descriptor of {@code file} is closed (close, dup2 over it, exit,
     * exec's close-on-exec), before its reference is dropped: Linux's {@code f_op->flush}.
     * Most files need nothing; a socket whose file travels in messages uses it to collect
     * sockets only their own queues keep alive (net.UnixGc).
     */
    public void flush(OpenFile file) {}

    /**
     * Whether the file has a poll operation of its own (Linux's file_can_poll): pipes,
     * terminals and the anonymous files do. epoll watches only such files and refuses the
     * others (regular files, directories, /dev/null) with EPERM; poll and select ask them
     * all, the others answering with the default above.
     */
    public boolean canPoll() {
        return false;
    }

    /**
     * fallocate(2) on this file once the arguments are checked (see StorageSyscalls): 0 or
     * -errno. Only files that keep data in pages support it; the default is EOPNOTSUPP, what
     * Linux answers for a file system without an f_op->fallocate.
     */
    public long fallocate(int mode, long offset, long len) {
        return -Errno.EOPNOTSUPP;
    }

    /**
     * The name of a file that has none in any directory, as Linux's d_op->d_dname makes it
     * for /proc/PID/fd ("pipe:[ino]", "socket:[ino]"); null for a file that is reached by a
     * path (its open file description remembers which).
     */
    public String dname() {
        return null;
    }

    /** Truncates or extends to {@code length} bytes (O_TRUNC); only regular files support it. */
    public int truncate(long length) {
        return -Errno.EINVAL;
    }
}
