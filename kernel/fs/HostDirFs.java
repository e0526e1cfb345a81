package fs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import syscall.Errno;

/**
 * A directory of the host mounted into the guest, read-write, so that students can edit
 * files with their own editor and compile and run them inside Clonix (the {@code --mount
 * HOSTDIR} option mounts it at {@link #GUEST_PATH}).
 *
 * <p><b>Confinement.</b> The guest is untrusted and nothing outside the host directory may
 * be read, made, changed or removed through the mount. So no host path of a file in it is
 * ever kept or built: the host directory is opened once, and every operation walks from it one name
 * at a time with openat-style calls that never follow a symbolic link ({@link HostTree}).
 * Where a directory is, is the guest's business: the names of its guest parent chain up to
 * the mount's root, checked against the host object's identity at each step of the walk.
 * A directory renamed by the guest keeps working at its new place (its chain changed with
 * it); one renamed or removed on the host is not found (ENOENT) until the guest meets it
 * again by its new name. Either way an operation can only land inside the mount.
 *
 * <p><b>What the guest sees.</b> The host's regular files and directories on the same host
 * file system as the mount's root, and its symbolic links as symbolic links: the guest's
 * own path walker interprets their targets, so an absolute target names a guest path and
 * ".." at the top of the mount leads to the guest's /mnt, never to the host. FIFOs,
 * devices, sockets and other host file systems (/proc, /sys, /dev when / is mounted) are
 * invisible and never opened, so nothing here can block. A directory met again below
 * itself (a bind mount of an ancestor) is hidden, so the guest tree has no loops. The
 * guest can make regular files and directories here; devices, FIFOs, symbolic links and
 * hard links are EPERM, a rename to another file system EXDEV.
 *
 * <p><b>Inodes.</b> Host objects are told apart by their (st_dev, st_ino), so one host file
 * has one guest inode with a stable number, which a rename on either side keeps (a host
 * object removed and another made with the same number, as file systems reuse them, is
 * taken for the same one if it is of the same kind: only its identity, not the confinement,
 * depends on it). Each one
 * the guest has met counts against the machine's inode budget ({@link Vfs#hasRoomForInode})
 * until the guest removes it. Their times are the guest's virtual times and listings are
 * sorted by name, so nothing the guest sees depends on host time or host directory order.
 * Files are limited to {@link RegularFile#MAX_SIZE} bytes as in the ramfs (EFBIG beyond),
 * and a directory may lie at most {@link #MAX_DEPTH} levels below the mount's root
 * (ENAMETOOLONG), which bounds the work of one walk.
 *
 * <p><b>Locking.</b> A mount is used by its machine's kernel thread only, so it needs no
 * lock of its own (HostTree shares one with the other machines of the JVM). Only the
 * root's descriptors stay open between operations.
 */
public final class HostDirFs {
    /** Where {@code --mount} puts the host directory in the guest. */
    public static final String GUEST_PATH = "/mnt/host";
    /**
     * How many levels below the mount's root a directory may lie: every operation walks
     * from the root, so this bounds the host calls one guest call costs (ENAMETOOLONG beyond).
     */
    static final int MAX_DEPTH = 128;
    /**
     * The most bytes the guest may add to the host directory while it is mounted, a disk
     * quota (EDQUOT beyond, as Linux's quotas answer): the mount is read-write by design, but
     * a runaway program must not fill the host's disk. Growth of files counts; what the guest
     * truncates or removes is given back. Files and directories themselves cost nothing, and
     * their number is bounded by the inode budget.
     */
    public static final long QUOTA = 1L << 30;
    private long quota = QUOTA;

    private final Vfs vfs;
    /** Net bytes the guest added to the host directory since the mount (negative after removals). */
    private long added;
    private final HostTree host;
    private final Map<HostTree.Key, Inode> inodes = new HashMap<>();
    private final HostDirectory rootDir;

    /** The host directory {@code hostDir} as a file system of {@code vfs}; IOException if it cannot be (see {@link #checkMountable}). */
    public HostDirFs(Vfs vfs, Path hostDir) throws IOException {
        this.vfs = vfs;
        this.host = HostTree.open(hostDir);
        this.rootDir = new HostDirectory(this, host.rootKey());
        inodes.put(host.rootKey(), rootDir);
    }

    /** Bytes the guest may still add under the quota. */
    long quotaLeft() {
        return Math.max(0, quota - added);
    }

    /** Sets the quota to {@code bytes} instead of {@link #QUOTA} (tests use a small one). */
    void setQuota(long bytes) {
        quota = bytes;
    }

    /** Counts {@code bytes} of growth (positive) or of space given back (negative) against the quota. */
    void grew(long bytes) {
        added += bytes;
    }

    /**
     * Checks, before a machine boots, that {@code hostDir} can be mounted: it is a directory
     * and this host can confine it (Linux's openat calls and /proc/self/fd). Throws
     * IOException with a one-line reason otherwise.
     */
    public static void checkMountable(Path hostDir) throws IOException {
        HostTree.open(hostDir).close();
    }

    /**
     * Mounts the host directory {@code hostDir} at {@link #GUEST_PATH} in {@code vfs}, at boot.
     * Throws IllegalArgumentException if it cannot be mounted (see {@link #checkMountable}).
     */
    public static HostDirFs mountInto(Vfs vfs, Path hostDir) {
        try {
            HostDirFs fs = new HostDirFs(vfs, hostDir);
            vfs.mount(GUEST_PATH, fs.root());
            return fs;
        } catch (IOException | FsException e) {
            throw new IllegalArgumentException("cannot mount " + hostDir + ": " + e.getMessage(), e);
        }
    }

    /** The root directory, to be linked into the guest tree (see {@link Vfs#mount}). */
    public Directory root() {
        return rootDir;
    }

    Vfs vfs() {
        return vfs;
    }

    HostTree host() {
        return host;
    }

    /**
     * Opens the host directory that {@code dir} stands for, walking from the mount's root
     * along its guest parent chain and checking each directory's identity: ENOENT if one is
     * not where the guest saw it last, ENAMETOOLONG if it lies deeper than MAX_DEPTH.
     */
    HostTree.Dir open(HostDirectory dir) throws FsException {
        List<HostDirectory> chain = chainOf(dir);
        HostTree.Dir at = host.root();
        for (int i = chain.size() - 1; i >= 0; i--) {
            HostDirectory next = chain.get(i);
            try {
                HostTree.Dir opened = host.openDirectory(at, next.name(), next.key());
                at.close();
                at = opened;
            } catch (FsException e) {
                at.close();
                throw e;
            }
        }
        return at;
    }

    /** How many levels {@code dir} lies below the mount's root (ENOENT, ENAMETOOLONG as for {@link #open}). */
    int depthOf(HostDirectory dir) throws FsException {
        return chainOf(dir).size();
    }

    /** {@code dir} and its ancestors below the mount's root, deepest first. */
    private List<HostDirectory> chainOf(HostDirectory dir) throws FsException {
        List<HostDirectory> chain = new ArrayList<>();
        for (Directory d = dir; d != rootDir; d = d.parent()) {
            if (!(d instanceof HostDirectory h) || h.isDead()) throw new FsException(Errno.ENOENT);
            if (chain.size() == MAX_DEPTH) throw new FsException(Errno.ENAMETOOLONG);
            chain.add(h);
        }
        return chain;
    }

    /**
     * The inode of what {@code name} names in the host directory {@code dir}, open as
     * {@code at}: the one already made for that host object, now known to be there, or a
     * new one (ENOSPC if the machine has no room for another inode); null if nothing the
     * guest may see is there. A directory below the deepest level is ENAMETOOLONG.
     */
    Inode inodeAt(HostDirectory dir, HostTree.Dir at, String name) throws FsException {
        HostTree.Attrs a = host.stat(at, name);
        if (a == null) return null;
        Inode known = inodes.get(a.key());
        if (known != null && kindOf(known) != a.kind()) {
            forget(a.key()); // the host reused the inode number for another kind of object
            known = null;
        }
        if (known == null && !vfs.hasRoomForInode()) throw new FsException(Errno.ENOSPC);
        switch (a.kind()) {
            case DIRECTORY -> {
                if (chainOf(dir).size() == MAX_DEPTH) throw new FsException(Errno.ENAMETOOLONG);
                HostDirectory d = (HostDirectory) known;
                if (d == null) {
                    d = remember(a.key(), new HostDirectory(this, a.key()));
                } else if (dir.isWithin(d)) {
                    return null; // the directory itself again, below itself: a loop
                }
                d.attach(dir, name);
                return d;
            }
            case FILE -> {
                HostFile f = (HostFile) known;
                if (f == null) f = remember(a.key(), new HostFile(this, a.key(), a.executable()));
                f.seenAt(dir, name);
                return f;
            }
            default -> {
                String target = host.readlink(at, name);
                HostSymlink l = (HostSymlink) known;
                if (l == null) l = remember(a.key(), new HostSymlink(vfs, target));
                l.setTarget(target);
                return l;
            }
        }
    }

    private static HostTree.Kind kindOf(Inode inode) {
        return inode.isDirectory() ? HostTree.Kind.DIRECTORY : inode.isRegular() ? HostTree.Kind.FILE : HostTree.Kind.SYMLINK;
    }

    /** Takes a new inode into the table; it has one link (its host name) until forgotten. */
    private <T extends Inode> T remember(HostTree.Key key, T inode) {
        inodes.put(key, inode);
        inode.addLink();
        return inode;
    }

    /**
     * Forgets the host object {@code key} after the guest removed it (or the host replaced
     * it): its inode loses its name, a directory is dead, and it is evicted once no one has it open.
     */
    void forget(HostTree.Key key) {
        Inode inode = inodes.get(key);
        if (inode == null || inode == rootDir) return;
        inodes.remove(key);
        if (inode instanceof HostDirectory d) d.markRemoved();
        if (inode instanceof HostFile f) f.forgotten();
        inode.dropLink();
    }

    /** Records that the guest renamed the host object {@code key} to {@code name} in {@code dir}. */
    void moved(HostTree.Key key, HostDirectory dir, String name) {
        Inode inode = inodes.get(key);
        if (inode instanceof HostDirectory d) d.attach(dir, name);
        if (inode instanceof HostFile f) f.seenAt(dir, name);
    }
}
