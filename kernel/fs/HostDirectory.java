package fs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import syscall.Errno;

/**
 * A directory of a mounted host directory (see {@link HostDirFs}): its entries are the
 * host directory's regular files and subdirectories (and the symbolic links among them
 * whose targets stay inside the mount), listed in name order. Creating a file or a
 * directory, removing and renaming act on the host at once; creating anything else
 * (device, FIFO, symbolic link, hard link) is refused with EPERM.
 */
final class HostDirectory extends Directory {
    private final HostDirFs fs;
    private final Path path;

    HostDirectory(HostDirFs fs, Path path) {
        super(fs.vfs(), 0755);
        this.fs = fs;
        this.path = path;
    }

    /** Sets ".." and the name of this directory, for one found below the mount's root. */
    void attach(Directory parent, String name) {
        setParent(parent, name);
    }

    @Override
    public long dev() {
        return Vfs.HOSTFS_DEV;
    }

    @Override
    public int links() {
        return 2;
    }

    @Override
    protected boolean isPinned() {
        return true;
    }

    @Override
    public Inode lookup(String name) throws FsException {
        try {
            return fs.inodeFor(fs.resolve(path, name));
        } catch (FsException e) {
            if (e.errno() == Errno.ENOENT) return null;
            throw e;
        }
    }

    @Override
    public List<Entry> entries() {
        List<Entry> list = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(path)) {
            s.forEach(p -> names.add(p.getFileName().toString()));
        } catch (IOException | UncheckedIOException | DirectoryIteratorException e) {
            return list; // gone on the host, or unreadable: empty
        }
        names.sort(null); // the host's order is its own business: list by name
        for (String name : names) {
            try {
                Inode inode = lookup(name);
                if (inode != null) list.add(new Entry(name, inode));
            } catch (FsException e) {
                // A link leading out of the mount is not shown.
            }
        }
        return list;
    }

    @Override
    public boolean isEmpty() {
        try (Stream<Path> s = Files.list(path)) {
            return s.findAny().isEmpty();
        } catch (IOException | UncheckedIOException | DirectoryIteratorException e) {
            return true;
        }
    }

    @Override
    public void checkCanCreate(String name) throws FsException {
        if (lookup(name) != null) throw new FsException(Errno.EEXIST);
        if (!fs.vfs().hasRoomForInode()) throw new FsException(Errno.ENOSPC);
    }

    @Override
    public Inode createFile(String name, int perms) throws FsException {
        Path p = target(name);
        try {
            Files.createFile(p);
            if ((perms & 0111) != 0) p.toFile().setExecutable(true);
        } catch (IOException e) {
            throw new FsException(HostDirFs.errnoOf(e));
        }
        touchModify();
        return fs.inodeFor(p);
    }

    @Override
    public Directory createDirectory(String name, int perms) throws FsException {
        Path p = target(name);
        try {
            Files.createDirectory(p);
        } catch (IOException e) {
            throw new FsException(HostDirFs.errnoOf(e));
        }
        touchModify();
        return (Directory) fs.inodeFor(p);
    }

    /** Hard links, symbolic links, devices and FIFOs cannot be made in a host directory. */
    @Override
    public void link(String name, Inode inode) throws FsException {
        throw new FsException(Errno.EPERM);
    }

    @Override
    public void unlink(String name) throws FsException {
        Path p = target(name);
        try {
            Files.delete(p);
        } catch (IOException e) {
            throw new FsException(HostDirFs.errnoOf(e));
        }
        fs.forget(p);
        touchModify();
    }

    @Override
    void move(String name, Directory newDir, String newName) throws FsException {
        if (!(newDir instanceof HostDirectory to) || to.fs != fs) throw new FsException(Errno.EXDEV);
        Path from = target(name);
        Path dest = to.target(newName);
        try {
            Files.move(from, dest, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new FsException(HostDirFs.errnoOf(e));
        }
        fs.moved(from, dest);
        touchModify();
        to.touchModify();
    }

    /** The host path for a new or existing name here, which must not be a link leading out. */
    private Path target(String name) throws FsException {
        Path p;
        try {
            p = path.resolve(name);
        } catch (InvalidPathException e) {
            throw new FsException(Errno.EINVAL);
        }
        if (!p.normalize().startsWith(fs.hostRoot()) || Files.isSymbolicLink(p)) {
            if (Files.isSymbolicLink(p)) fs.resolve(path, name); // EACCES if it leads out
            else throw new FsException(Errno.EACCES);
        }
        return p;
    }
}
