package fs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * An open file description, as Linux's {@code struct file}: what open(2) or pipe(2) creates.
 * It holds the file offset, the access mode and the status flags (O_APPEND, O_NONBLOCK), and
 * a reference count. Descriptors made by dup, by fork (FdTable.copy) or kept across
 * CLONE_FILES all refer to the same description, so they share its offset and status flags;
 * only the close-on-exec flag belongs to the descriptor (see FdTable).
 *
 * <p><b>Ownership.</b> Whoever holds a reference (usually a descriptor slot) calls
 * {@link #put()} exactly once when done; the last put releases the description, and the
 * inode learns of it (a pipe end closing, an unlinked file being freed).
 *
 * <p><b>Cost.</b> A description counts toward /proc/sys/fs/file-max and is charged
 * {@link FsMemory#FILE_BYTES} to the kernel's slab while it lives; open and pipe check
 * first ({@link FsMemory#newFileError}), and one the kernel makes while memory is full lives
 * uncharged.
 */
public final class OpenFile {
    private final Inode inode;
    private final int accessMode;
    private int statusFlags;
    private long position;
    private int count = 1;
    private Object privateData;
    /**
     * What must learn of the release (epoll watches on this file, Linux's f_ep), in the
     * order they came; null if none. A set, so that a watch leaves cheaply even when many
     * watch one file; hooks keep identity equality, so no hash order shows.
     */
    private Set<ReleaseHook> releaseHooks;
    private Dentry dentry;
    private final boolean charged;

    /**
     * A new description of {@code inode} with one reference. {@code flags} are open(2)'s:
     * the access mode and the status flags are kept, creation flags are not.
     */
    public OpenFile(Inode inode, int flags) {
        this.inode = inode;
        this.accessMode = flags & OpenFlags.O_ACCMODE;
        this.statusFlags = flags & (OpenFlags.SETFL_MASK | OpenFlags.O_LARGEFILE);
        this.charged = inode.vfs().memory().fileOpened();
        inode.opened(this);
    }

    /** The inode this description refers to. */
    public Inode inode() {
        return inode;
    }

    /** O_RDONLY, O_WRONLY or O_RDWR. */
    public int accessMode() {
        return accessMode;
    }

    /** Whether read(2) is allowed (the description was opened for reading). */
    public boolean isReadable() {
        return accessMode == OpenFlags.O_RDONLY || accessMode == OpenFlags.O_RDWR;
    }

    /** Whether write(2) is allowed. */
    public boolean isWritable() {
        return accessMode == OpenFlags.O_WRONLY || accessMode == OpenFlags.O_RDWR;
    }

    /** What F_GETFL returns: the access mode and the status flags. */
    public int flags() {
        return accessMode | statusFlags;
    }

    /** Replaces the status flags F_SETFL may change (O_APPEND, O_NONBLOCK); others are kept. */
    public void setStatusFlags(int flags) {
        statusFlags = (statusFlags & ~OpenFlags.SETFL_MASK) | (flags & OpenFlags.SETFL_MASK);
    }

    public boolean isNonBlocking() {
        return (statusFlags & OpenFlags.O_NONBLOCK) != 0;
    }

    public boolean isAppend() {
        return (statusFlags & OpenFlags.O_APPEND) != 0;
    }

    /** The file offset (for a directory: the index of the next entry getdents64 returns). */
    public long position() {
        return position;
    }

    public void setPosition(long position) {
        this.position = position;
    }

    /**
     * State the inode's driver keeps per open file, as Linux's {@code file->private_data}
     * (a /proc file keeps the text it generated at the first read, so that reading it in
     * pieces gives one consistent snapshot). Null until a driver sets it.
     */
    public Object privateData() {
        return privateData;
    }

    public void setPrivateData(Object data) {
        privateData = data;
    }

    /**
     * Something that must learn when this description is released: an epoll instance
     * watching it drops its watch then, as Linux's eventpoll_release does, so that closing
     * the last descriptor of a file also takes it out of every epoll set.
     */
    public interface ReleaseHook {
        /** {@code file} is being released; called before its inode learns of it. */
        void released(OpenFile file);
    }

    /** Adds {@code hook}, called once when the last reference is dropped. */
    public void addReleaseHook(ReleaseHook hook) {
        if (releaseHooks == null) releaseHooks = new LinkedHashSet<>();
        releaseHooks.add(hook);
    }

    /** Removes {@code hook} (the watch went away first). */
    public void removeReleaseHook(ReleaseHook hook) {
        if (releaseHooks != null) releaseHooks.remove(hook);
    }

    /** The name this description was opened by (open(2) records it), or null for one made without a path. */
    public Dentry dentry() {
        return dentry;
    }

    /** Records the name the file was opened by. */
    public void setDentry(Dentry dentry) {
        this.dentry = dentry;
    }

    /**
     * What /proc/PID/fd/N's link shows for this description, Linux's d_path: the path it was
     * opened by seen from {@code root} (see {@link Dentry#path}), or for a file without a
     * name the inode's own ({@link Inode#dname()}: "pipe:[ino]").
     */
    public String path(Directory root) {
        if (inode instanceof Directory d) return Dentry.of(d.parent(), d.name(), d).path(root);
        if (dentry != null) return dentry.path(root);
        String anonymous = inode.dname();
        return anonymous != null ? anonymous : "anon_inode:[" + inode.ino() + "]";
    }

    /** Takes one more reference (a new descriptor for this description); returns this. */
    public OpenFile get() {
        if (count <= 0) throw new IllegalStateException("get on a released open file");
        count++;
        return this;
    }

    /** Drops one reference; the last one releases the description exactly once. */
    public void put() {
        if (count <= 0) throw new IllegalStateException("put on a released open file");
        if (--count == 0) {
            if (releaseHooks != null) {
                for (ReleaseHook hook : new ArrayList<>(releaseHooks)) hook.released(this);
                releaseHooks = null;
            }
            // Linux's locks_remove_file: the description's flock and OFD locks end with it.
            if (inode.hasLocks()) {
                inode.locks().removeFlock(this);
                inode.locks().removePosix(this);
            }
            inode.vfs().memory().fileReleased(charged);
            inode.released(this);
        }
    }

    /** The number of references (descriptors in all tables, plus any kernel holders). */
    public int count() {
        return count;
    }

    /** Whether the last reference has been dropped. */
    public boolean isReleased() {
        return count == 0;
    }
}
