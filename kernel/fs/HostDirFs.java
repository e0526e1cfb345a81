package fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import syscall.Errno;

/**
 * A directory of the host mounted into the guest, read-write, so that students can edit
 * files with their own editor and compile and run them inside Clonix (the {@code --mount
 * HOSTDIR} option mounts it at {@link #GUEST_PATH}).
 *
 * <p><b>Confinement.</b> Nothing outside the host directory is reachable. Every guest path is
 * resolved one name at a time (fs.PathWalker handles "." and ".."; ".." at the top of the
 * mount leads to the guest's /mnt, never to the host). Each host path this class touches is
 * checked to lie inside the host directory's real path; a symbolic link on the host is
 * followed only when its real target is inside too, and otherwise refused with EACCES
 * (more than 40 links in a row, as from a loop, is ELOOP, as in the guest's own tree).
 * Only regular files and directories are shown: host devices, FIFOs and sockets are
 * invisible, and the guest cannot create anything else here (mknod, symlink and link give
 * EPERM), nor rename across file systems (EXDEV).
 *
 * <p><b>Inodes.</b> One inode per host file or directory, made at its first lookup and kept
 * for the life of the machine, so inode numbers are stable. Their times are the guest's
 * virtual times, not the host's, so nothing the guest sees depends on host time; the
 * listing order is sorted by name, not the host's directory order.
 *
 * <p>Host I/O errors become EIO; like everything in the kernel this runs on the one kernel
 * thread, so no locking is needed.
 */
public final class HostDirFs {
    /** Where {@code --mount} puts the host directory in the guest. */
    public static final String GUEST_PATH = "/mnt/host";

    private final Vfs vfs;
    private final Path root;
    private final Map<Path, Inode> inodes = new LinkedHashMap<>();
    private final HostDirectory rootDir;

    /** The host directory {@code hostDir} as a file system of {@code vfs}; it must exist. */
    public HostDirFs(Vfs vfs, Path hostDir) throws IOException {
        this.vfs = vfs;
        this.root = hostDir.toRealPath();
        if (!Files.isDirectory(root)) throw new IOException("not a directory: " + hostDir);
        this.rootDir = new HostDirectory(this, root);
        inodes.put(root, rootDir);
    }

    /**
     * Mounts the host directory {@code hostDir} at {@link #GUEST_PATH} in {@code vfs}, at boot.
     * Throws IllegalArgumentException if it is not an existing directory.
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

    /** The host directory's real path. */
    public Path hostRoot() {
        return root;
    }

    Vfs vfs() {
        return vfs;
    }

    /**
     * The real host path that {@code name} in the host directory {@code dir} stands for:
     * ENOENT if nothing is there, EACCES if it is a symbolic link whose target leaves the
     * mount (or the name would lead outside it), ELOOP after 40 links (a loop of links).
     */
    Path resolve(Path dir, String name) throws FsException {
        Path p;
        try {
            p = dir.resolve(name);
        } catch (InvalidPathException e) {
            throw new FsException(Errno.ENOENT);
        }
        if (!p.normalize().startsWith(root) || p.equals(root)) throw new FsException(Errno.EACCES);
        try {
            // Follow the links one at a time, as PathWalker does in the guest: at most
            // MAX_SYMLINK_FOLLOWS (then ELOOP), and none may point outside the mount.
            for (int follows = 0; Files.isSymbolicLink(p); follows++) {
                if (follows == PathWalker.MAX_SYMLINK_FOLLOWS) throw new FsException(Errno.ELOOP);
                p = p.getParent().resolve(Files.readSymbolicLink(p)).normalize();
                if (!p.startsWith(root)) throw new FsException(Errno.EACCES);
            }
            // A link among the directories of a target is resolved by the host: check where it led.
            Path real = p.toRealPath();
            if (!real.startsWith(root)) throw new FsException(Errno.EACCES);
            return real;
        } catch (NoSuchFileException e) {
            throw new FsException(Errno.ENOENT);
        } catch (IOException | InvalidPathException e) {
            throw new FsException(Errno.EACCES);
        }
    }

    /**
     * The inode of the host file or directory at the real path {@code p} (inside the mount),
     * made on first use; null if it does not exist or is neither a regular file nor a directory.
     */
    Inode inodeFor(Path p) throws FsException {
        Inode known = inodes.get(p);
        if (known != null) return known;
        if (!vfs.hasRoomForInode()) throw new FsException(Errno.ENOSPC);
        Inode made;
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            HostDirectory dir = new HostDirectory(this, p);
            Inode parent = inodeFor(p.getParent());
            if (parent instanceof Directory d) dir.attach(d, p.getFileName().toString());
            made = dir;
        } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            made = new HostFile(this, p);
        } else {
            return null;
        }
        inodes.put(p, made);
        return made;
    }

    /** Forgets the inode of {@code p} (after the host file was removed or renamed). */
    void forget(Path p) {
        inodes.remove(p);
    }

    /** Moves the inode of {@code from} to the name {@code to} after a rename on the host. */
    void moved(Path from, Path to) {
        Inode inode = inodes.remove(from);
        inodes.remove(to);
        if (inode instanceof HostFile f) {
            f.setPath(to);
            inodes.put(to, f);
        }
        // A renamed directory's inode and those below it are forgotten and made again on demand.
        inodes.keySet().removeIf(k -> k.startsWith(from));
    }

    /** -errno for a host I/O failure. */
    static int errnoOf(IOException e) {
        if (e instanceof NoSuchFileException) return Errno.ENOENT;
        if (e instanceof java.nio.file.FileAlreadyExistsException) return Errno.EEXIST;
        if (e instanceof java.nio.file.DirectoryNotEmptyException) return Errno.ENOTEMPTY;
        if (e instanceof java.nio.file.AccessDeniedException) return Errno.EACCES;
        return Errno.EIO;
    }
}
