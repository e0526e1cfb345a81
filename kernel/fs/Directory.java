package fs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sync.Waiter;
import syscall.Errno;

/**
 * A directory of the in-memory file system (ramfs): a table from names to inodes, plus the
 * parent directory that ".." names. Entries keep their creation order, which is the order
 * getdents64 (and so {@code ls -f}) reports them in; it never depends on hashing.
 *
 * <p>Link counts follow Unix: a directory has one link for its name in the parent, one for
 * its own "." and one for the ".." of each subdirectory, so an empty directory has 2.
 * Removing a directory (rmdir) leaves it <i>dead</i>: a process whose cwd it was may still
 * hold it, but nothing can be created in it and lookups in it fail with ENOENT.
 *
 * <p>Each name is charged to the kernel's slab as a dentry ({@link FsMemory#dentryBytes}),
 * from {@link #link} until it is removed, so that hard links cannot fill the host's heap.
 */
public class Directory extends Inode {
    /** One name in a directory, as getdents64 reports it. */
    public record Entry(String name, Inode inode) {}

    private final Map<String, Inode> entries = new LinkedHashMap<>();
    private Directory parent;
    private String name;
    private boolean dead;
    private final boolean root;

    /** A new, unlinked directory; link it into a parent with {@link #link}. */
    public Directory(Vfs vfs, int perms) {
        this(vfs, perms, false);
    }

    /** A directory; a root is its own parent and never dies. */
    protected Directory(Vfs vfs, int perms, boolean root) {
        super(vfs, Mode.S_IFDIR | (perms & Mode.PERMISSIONS));
        this.root = root;
        if (root) {
            parent = this;
            name = "/";
            addLink(); // "."
            addLink(); // ".." (itself)
        }
    }

    /** The directory ".." refers to; a root directory is its own parent. */
    public Directory parent() {
        return parent;
    }

    /** The name this directory has in its parent ("/" for a root). */
    public String name() {
        return name;
    }

    /**
     * Makes ".." of this directory {@code parent} and its name {@code name}, for file systems
     * (like /proc) whose directories are made by code rather than linked with {@link #link}.
     */
    protected final void setParent(Directory parent, String name) {
        this.parent = parent;
        this.name = name;
    }

    /** Whether this directory was removed (rmdir) while someone still held it. */
    public boolean isDead() {
        return dead;
    }

    @Override
    protected boolean isPinned() {
        return root;
    }

    /**
     * Whether the entries are made by code (/proc) rather than stored: such a directory
     * refuses link, unlink and rename with EPERM, as Linux's do.
     */
    public boolean isSynthetic() {
        return false;
    }

    /** The inode named {@code name} here (never "." or ".."), or null. */
    public Inode lookup(String name) throws FsException {
        if (dead) throw new FsException(Errno.ENOENT);
        return entries.get(name);
    }

    /** The entries in creation order, without "." and ".." (a snapshot). */
    public List<Entry> entries() {
        List<Entry> list = new ArrayList<>();
        for (Map.Entry<String, Inode> e : entries.entrySet()) list.add(new Entry(e.getKey(), e.getValue()));
        return list;
    }

    /** Whether the directory has no entries besides "." and "..". */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * Checks that {@code name} could be added here now, so that a caller can make sure before
     * it creates an inode: ENOENT if this directory is dead, EPERM if it is synthetic (/proc),
     * EEXIST if the name is taken, ENOMEM if the kernel has no memory for the name (Linux's
     * d_alloc failing), ENOSPC if the file system has no room for another inode.
     */
    public void checkCanCreate(String name) throws FsException {
        if (dead) throw new FsException(Errno.ENOENT);
        if (isSynthetic()) throw new FsException(Errno.EPERM);
        if (lookup(name) != null) throw new FsException(Errno.EEXIST);
        checkRoomForName(name);
        if (!vfs().hasRoomForInode() || !vfs().memory().canCharge(FsMemory.dentryBytes(name) + FsMemory.INODE_BYTES)) {
            throw new FsException(Errno.ENOSPC);
        }
    }

    /** ENOMEM if the kernel has no memory for one more name {@code name} (its dentry). */
    public void checkRoomForName(String name) throws FsException {
        if (!vfs().memory().canCharge(FsMemory.dentryBytes(name))) throw new FsException(Errno.ENOMEM);
    }

    /**
     * As {@link #checkCanCreate}, for an inode the caller makes itself and then {@link #link}s
     * here (mknod's device or FIFO, symlink's link). A file system that cannot hold such
     * inodes (a host directory) refuses with EPERM, after EEXIST as Linux checks.
     */
    public void checkCanLink(String name) throws FsException {
        checkCanCreate(name);
    }

    /**
     * Adds the name {@code name} for {@code inode}: EEXIST if taken, ENOENT if this directory
     * is dead, ENOMEM if there is no memory for the name. A directory inode gets this
     * directory as its parent (a directory has one name).
     */
    public void link(String name, Inode inode) throws FsException {
        if (dead) throw new FsException(Errno.ENOENT);
        if (entries.containsKey(name)) throw new FsException(Errno.EEXIST);
        if (!vfs().memory().charge(FsMemory.dentryBytes(name))) throw new FsException(Errno.ENOMEM);
        entries.put(name, inode);
        inode.addLink();
        if (inode instanceof Directory child) {
            child.parent = this;
            child.name = name;
            child.addLink(); // its "."
            addLink();       // its ".."
        }
        touchModify();
    }

    /**
     * Creates a regular file with permission bits {@code perms} under the new name
     * {@code name} (checked with {@link #checkCanCreate}) and returns it: open(O_CREAT)'s
     * part that depends on the file system. A ramfs file here; a mounted file system
     * overrides it to make the file its own way (see HostDirectory).
     */
    public Inode createFile(String name, int perms) throws FsException {
        RegularFile file = new RegularFile(vfs(), perms);
        link(name, file);
        return file;
    }

    /** As {@link #createFile}, for mkdir: a new empty directory with permission bits {@code perms}. */
    public Directory createDirectory(String name, int perms) throws FsException {
        Directory dir = new Directory(vfs(), perms);
        link(name, dir);
        return dir;
    }

    /**
     * Removes the name {@code name}; a directory must be empty (ENOTEMPTY) and becomes dead.
     * The inode is evicted if that was its last name and nobody has it open.
     */
    public void unlink(String name) throws FsException {
        Inode inode = entries.get(name);
        if (inode == null) throw new FsException(Errno.ENOENT);
        if (inode instanceof Directory child) {
            if (!child.isEmpty()) throw new FsException(Errno.ENOTEMPTY);
            entries.remove(name);
            vfs().memory().uncharge(FsMemory.dentryBytes(name));
            child.dead = true;
            dropLink();       // its ".."
            child.dropLink(); // its "."
            child.dropLink(); // its name
        } else {
            entries.remove(name);
            vfs().memory().uncharge(FsMemory.dentryBytes(name));
            inode.dropLink();
        }
        touchModify();
    }

    /**
     * Moves the entry {@code name} to {@code newDir} under {@code newName} without changing
     * link counts of the moved inode (rename's core). The caller has checked the target and
     * that there is memory for the new name ({@link #checkRoomForName}).
     */
    void move(String name, Directory newDir, String newName) throws FsException {
        if (isSynthetic() || newDir.isSynthetic()) throw new FsException(Errno.EPERM);
        if (newDir.dev() != dev()) throw new FsException(Errno.EXDEV); // another file system
        if (newDir.dead) throw new FsException(Errno.ENOENT);
        if (!entries.containsKey(name)) throw new FsException(Errno.ENOENT);
        if (!vfs().memory().charge(FsMemory.dentryBytes(newName))) throw new FsException(Errno.ENOMEM);
        Inode inode = entries.remove(name);
        vfs().memory().uncharge(FsMemory.dentryBytes(name));
        newDir.entries.put(newName, inode);
        if (inode instanceof Directory child) {
            child.name = newName;
            if (newDir != this) {
                child.parent = newDir;
                dropLink();
                newDir.addLink();
            }
        }
        touchModify();
        newDir.touchModify();
    }

    /** Whether this directory is {@code other} or lies below it. */
    public boolean isWithin(Directory other) {
        Directory d = this;
        while (true) {
            if (d == other) return true;
            if (d.parent == d || d.parent == null) return false;
            d = d.parent;
        }
    }

    @Override
    public long size() {
        return 4096;
    }

    @Override
    public long read(OpenFile file, long pos, byte[] dst, int off, int len, Waiter waiter) {
        return -Errno.EISDIR;
    }

    @Override
    public long write(OpenFile file, long pos, byte[] src, int off, int len, Waiter waiter) {
        return -Errno.EISDIR;
    }
}
