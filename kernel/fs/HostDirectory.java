package fs;

import java.util.ArrayList;
import java.util.List;
import syscall.Errno;

/**
 * A directory of a mounted host directory (see {@link HostDirFs}): its entries are the host
 * directory's regular files, subdirectories and symbolic links, listed in name order.
 * Creating a file or a directory, removing and renaming act on the host at once, through
 * the host directory this one is found to be by walking its guest parent chain from the
 * mount's root; making anything else (device, FIFO, symbolic link, hard link) is EPERM.
 * Removed by the guest, it is dead: lookups and creations in it are ENOENT.
 */
final class HostDirectory extends Directory {
    private final HostDirFs fs;
    private final HostTree.Key key;
    private boolean removed;

    HostDirectory(HostDirFs fs, HostTree.Key key) {
        super(fs.vfs(), 0755);
        this.fs = fs;
        this.key = key;
    }

    /** The host directory's identity. */
    HostTree.Key key() {
        return key;
    }

    /** Sets ".." and the name of this directory: where the guest has just seen it. */
    void attach(Directory parent, String name) {
        setParent(parent, name);
    }

    /** Marks the directory removed (by the guest, or replaced on the host). */
    void markRemoved() {
        removed = true;
    }

    @Override
    public boolean isDead() {
        return removed;
    }

    @Override
    public long dev() {
        return Vfs.HOSTFS_DEV;
    }

    @Override
    public int links() {
        return removed ? 0 : 2;
    }

    @Override
    protected boolean isPinned() {
        return this == fs.root();
    }

    @Override
    public Inode lookup(String name) throws FsException {
        if (removed) throw new FsException(Errno.ENOENT);
        try (HostTree.Dir at = fs.open(this)) {
            return fs.inodeAt(this, at, name);
        }
    }

    /** The entries the guest may see, sorted by name; none if the host directory cannot be reached. */
    @Override
    public List<Entry> entries() {
        List<Entry> list = new ArrayList<>();
        if (removed) return list;
        try (HostTree.Dir at = fs.open(this)) {
            List<String> names = fs.host().names(at);
            names.sort(null); // the host's order is its own business: list by name
            for (String name : names) {
                try {
                    Inode inode = fs.inodeAt(this, at, name);
                    if (inode != null) list.add(new Entry(name, inode));
                } catch (FsException e) {
                    // Gone since the listing, or no room for its inode: not listed.
                }
            }
        } catch (FsException e) {
            // Not reachable any more: empty.
        }
        return list;
    }

    /** Whether the host directory has no entries at all, shown or not (rmdir would fail otherwise). */
    @Override
    public boolean isEmpty() {
        if (removed) return true;
        try (HostTree.Dir at = fs.open(this)) {
            return fs.host().names(at).isEmpty();
        } catch (FsException e) {
            return true;
        }
    }

    /** As a ramfs directory's, but a name taken on the host is found by the creation itself (EEXIST), in one host call. */
    @Override
    public void checkCanCreate(String name) throws FsException {
        if (removed) throw new FsException(Errno.ENOENT);
        HostTree.nameOf(name);
        if (!fs.vfs().hasRoomForInode()) throw new FsException(Errno.ENOSPC);
    }

    /** Devices, FIFOs and symbolic links cannot be made on the host: EEXIST if the name is taken, else EPERM. */
    @Override
    public void checkCanLink(String name) throws FsException {
        if (lookup(name) != null) throw new FsException(Errno.EEXIST);
        throw new FsException(Errno.EPERM);
    }

    @Override
    public Inode createFile(String name, int perms) throws FsException {
        if (removed) throw new FsException(Errno.ENOENT);
        Inode made;
        try (HostTree.Dir at = fs.open(this)) {
            fs.host().createFile(at, name, (perms & 0111) != 0);
            made = fs.inodeAt(this, at, name);
        }
        if (made == null) throw new FsException(Errno.ENOENT);
        touchModify();
        return made;
    }

    @Override
    public Directory createDirectory(String name, int perms) throws FsException {
        if (removed) throw new FsException(Errno.ENOENT);
        if (fs.depthOf(this) + 1 > HostDirFs.MAX_DEPTH) throw new FsException(Errno.ENAMETOOLONG);
        Inode made;
        try (HostTree.Dir at = fs.open(this)) {
            fs.host().mkdir(at, name);
            made = fs.inodeAt(this, at, name);
        }
        if (!(made instanceof Directory dir)) throw new FsException(Errno.ENOENT);
        touchModify();
        return dir;
    }

    /** Hard links, symbolic links, devices and FIFOs cannot be made in a host directory. */
    @Override
    public void link(String name, Inode inode) throws FsException {
        throw new FsException(Errno.EPERM);
    }

    @Override
    public void unlink(String name) throws FsException {
        if (removed) throw new FsException(Errno.ENOENT);
        try (HostTree.Dir at = fs.open(this)) {
            HostTree.Attrs a = fs.host().stat(at, name);
            if (a == null) throw new FsException(Errno.ENOENT);
            fs.host().unlink(at, name, a.kind() == HostTree.Kind.DIRECTORY);
            if (a.kind() == HostTree.Kind.FILE) fs.grew(-a.size()); // the quota gets its bytes back
            fs.forget(a.key());
        }
        touchModify();
    }

    /** renameat on the host; EEXIST rather than replace a host object the guest cannot see (a FIFO). */
    @Override
    void move(String name, Directory newDir, String newName) throws FsException {
        if (!(newDir instanceof HostDirectory to) || to.fs != fs) throw new FsException(Errno.EXDEV);
        if (removed || to.removed) throw new FsException(Errno.ENOENT);
        try (HostTree.Dir from = fs.open(this); HostTree.Dir dest = to == this ? null : fs.open(to)) {
            HostTree.Attrs a = fs.host().stat(from, name);
            if (a == null) throw new FsException(Errno.ENOENT);
            if (a.kind() == HostTree.Kind.DIRECTORY && fs.depthOf(to) + 1 > HostDirFs.MAX_DEPTH) {
                throw new FsException(Errno.ENAMETOOLONG);
            }
            // The caller removed what the guest sees there; what it cannot see is not its to replace.
            if (fs.host().exists(dest == null ? from : dest, newName)) throw new FsException(Errno.EEXIST);
            fs.host().rename(from, name, dest == null ? from : dest, newName);
            fs.moved(a.key(), to, newName);
        }
        touchModify();
        to.touchModify();
    }
}
