package fs;

import java.io.IOException;
import java.lang.ref.Cleaner;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import syscall.Errno;

/**
 * The host side of a mounted host directory (see {@link HostDirFs}): a host directory tree
 * reached only through directory descriptors, one name at a time, as openat(2) does, so that
 * nothing outside it can be named and no symbolic link is ever followed by the host.
 *
 * <p><b>The calls.</b> The tree's root is opened once, when the mount is made, and stays
 * open: it is the one place every walk starts from, wherever the host directory is moved
 * later. On Linux the JDK's {@link SecureDirectoryStream} is a directory descriptor with the
 * *at calls: {@code newDirectoryStream(name, NOFOLLOW_LINKS)} is openat(O_NOFOLLOW),
 * {@code newByteChannel(name, ..., NOFOLLOW_LINKS)} openat(O_NOFOLLOW),
 * {@code getFileAttributeView(name, ..., NOFOLLOW_LINKS)} fstatat(AT_SYMLINK_NOFOLLOW), the
 * view without a name fstat, {@code deleteFile}/{@code deleteDirectory} unlinkat and
 * {@code move} renameat. Every name given to them is one component, never "", "." (except
 * to reopen a directory itself), ".." or anything with a '/' ({@link #nameOf}), so each call
 * stays in the directory it is made in. A host without these calls cannot confine the
 * mount, and {@link #open} refuses it.
 *
 * <p><b>mkdirat and readlinkat</b> have no JDK form. They are made through the path
 * {@code /proc/self/fd/N/NAME}, where N is a descriptor of the directory's own stream: the
 * host kernel resolves {@code /proc/self/fd/N} by jumping to the open directory itself (a
 * "magic link", no path string is read), then looks NAME up in it, and mkdir(2) and
 * readlink(2) never follow their last component. The JDK does not tell a stream's
 * descriptor numbers, so N is found by the directory's file key: the descriptors listed in
 * /proc/self/fd whose target has its (st_dev, st_ino). Some of those could belong to other
 * code of the JVM, which might close one and have its number reused before the call. So
 * every stream of this class is opened and closed holding one lock ({@link #OPEN}), which
 * also counts them per directory, and the scan and the call are made holding it too: the
 * streams of this class on the directory then stay open throughout, so all their
 * descriptors are in the scan, and if the scan finds exactly that many
 * ({@link #descriptorsPerStream} each, measured when the tree is opened), every one found
 * is ours and stays open until the call is done. Otherwise the call fails with EIO rather
 * than guess.
 *
 * <p><b>What is shown.</b> Only regular files, directories and symbolic links on the same
 * host file system (st_dev) as the root, like find's -xdev: FIFOs, devices, sockets and the
 * file systems mounted below (/proc, /sys, /dev when the root is /) are never shown and
 * never opened, so no host file can make an open or a read block. Each name is looked at
 * with fstatat before it is opened with O_NOFOLLOW, and a directory's identity is checked
 * again with fstat once it is open. The JDK gives no O_NONBLOCK, so a host process that
 * swaps a FIFO in between those two calls could still make one open wait: the guest cannot
 * (it can make nothing but files and directories here, and the kernel runs one call at a
 * time).
 *
 * <p><b>Locking.</b> A tree is used by its machine's kernel thread only. The count of open
 * streams and the descriptor scans are shared by all the trees of the JVM (several machines
 * may run at once) and guarded by {@link #OPEN}'s monitor. A host error becomes its Linux
 * errno (EIO when the JDK does not tell which).
 */
final class HostTree {
    /** What a host object the guest may see is. */
    enum Kind { FILE, DIRECTORY, SYMLINK }

    /** A host object's identity: its st_dev and st_ino, as find and tar tell files apart. */
    record Key(long dev, long ino) {}

    /** What fstatat tells about a name the guest may see. */
    record Attrs(Key key, Kind kind, long size, boolean executable) {}

    /**
     * An open host directory. Closing it closes its descriptors, except for the root's,
     * which stay open for the life of the mount.
     */
    static final class Dir implements AutoCloseable {
        private final SecureDirectoryStream<Path> stream;
        private final Key key;
        private final boolean isRoot;

        private Dir(SecureDirectoryStream<Path> stream, Key key, boolean isRoot) {
            this.stream = stream;
            this.key = key;
            this.isRoot = isRoot;
        }

        @Override
        public void close() {
            if (!isRoot) closeStream(stream, key);
        }
    }

    private static final Path PROC_FD = Path.of("/proc/self/fd");
    private static final Path DOT = Path.of(".");
    /** UnixFileKey's toString, the only way the JDK tells st_dev: "(dev=HEX,ino=DECIMAL)". */
    private static final Pattern FILE_KEY = Pattern.compile("\\(dev=([0-9a-f]+),ino=(-?[0-9]+)\\)");
    private static final Cleaner CLEANER = Cleaner.create();
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
    /**
     * How many streams of this class are open on each host directory, in the whole JVM
     * (several machines may mount the same directory). It is also the lock every open and
     * close of such a stream holds, and the descriptor scans (see the class comment).
     */
    private static final Map<Key, Integer> OPEN = new HashMap<>();

    private final Dir root;
    private final int descriptorsPerStream;
    private final Cleaner.Cleanable closer;

    private HostTree(SecureDirectoryStream<Path> root, Key rootKey, int descriptorsPerStream) {
        this.root = new Dir(root, rootKey, true);
        this.descriptorsPerStream = descriptorsPerStream;
        // A machine has no shutdown: the root's descriptors close when the mount is garbage.
        this.closer = CLEANER.register(this, () -> closeStream(root, rootKey));
    }

    /**
     * Opens the host directory {@code dir} (following the links of the path the user gave)
     * as the root of a tree. Throws IOException, with a one-line reason, if it is not a
     * directory or this host cannot confine it (no SecureDirectoryStream, no /proc/self/fd).
     */
    static HostTree open(Path dir) throws IOException {
        Path real = dir.toRealPath();
        if (!Files.isDirectory(real)) throw new IOException("not a directory");
        synchronized (OPEN) {
            DirectoryStream<Path> ds = Files.newDirectoryStream(real);
            if (!(ds instanceof SecureDirectoryStream<Path> stream)) {
                ds.close();
                throw new IOException("this host offers no openat (SecureDirectoryStream), so the mount cannot be confined");
            }
            try {
                Key key = keyOf(stream.getFileAttributeView(BasicFileAttributeView.class).readAttributes());
                // How many descriptors one stream holds: the increase when a second one is opened.
                int before = descriptorsOf(key).size();
                int after;
                try (SecureDirectoryStream<Path> second = stream.newDirectoryStream(DOT, NOFOLLOW)) {
                    after = descriptorsOf(key).size();
                }
                int perStream = after - before;
                if (perStream < 1 || before != perStream * (OPEN.getOrDefault(key, 0) + 1)) {
                    throw new IOException("/proc/self/fd does not tell this directory's descriptors apart");
                }
                OPEN.merge(key, 1, Integer::sum);
                return new HostTree(stream, key, perStream);
            } catch (IOException | RuntimeException e) {
                stream.close();
                throw e;
            }
        }
    }

    /** Closes the root's descriptors; nothing may be done with the tree afterwards. */
    void close() {
        closer.clean();
    }

    /** The root directory, open for the life of the mount (closing this handle leaves it open). */
    Dir root() {
        return root;
    }

    /** The root's identity. */
    Key rootKey() {
        return root.key;
    }

    /**
     * The host path of the one-component guest name {@code name}: EINVAL for "", ".", "..",
     * a '/' or a NUL (the path walker never passes those), ENAMETOOLONG beyond NAME_MAX bytes.
     */
    static Path nameOf(String name) throws FsException {
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0 || name.indexOf('\0') >= 0) {
            throw new FsException(Errno.EINVAL);
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > PathWalker.NAME_MAX) throw new FsException(Errno.ENAMETOOLONG);
        try {
            Path p = Path.of(name);
            if (p.getNameCount() != 1 || !p.toString().equals(name)) throw new FsException(Errno.EINVAL);
            return p;
        } catch (InvalidPathException e) {
            throw new FsException(Errno.EINVAL);
        }
    }

    /**
     * fstatat(dir, name, AT_SYMLINK_NOFOLLOW): what {@code name} in {@code dir} is, or null
     * if nothing is there or it is not shown (not a file, directory or link, or on another
     * host file system).
     */
    Attrs stat(Dir dir, String name) throws FsException {
        Path p = nameOf(name);
        PosixFileAttributes a;
        try {
            a = dir.stream.getFileAttributeView(p, PosixFileAttributeView.class, NOFOLLOW).readAttributes();
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new FsException(errnoOf(e));
        }
        Key key = keyOrEio(a);
        if (key.dev() != root.key.dev()) return null;
        Kind kind = a.isRegularFile() ? Kind.FILE : a.isDirectory() ? Kind.DIRECTORY : a.isSymbolicLink() ? Kind.SYMLINK : null;
        if (kind == null) return null;
        boolean executable = kind == Kind.FILE && a.permissions().contains(PosixFilePermission.OWNER_EXECUTE);
        return new Attrs(key, kind, a.size(), executable);
    }

    /** fstatat(dir, name, AT_SYMLINK_NOFOLLOW) succeeds: something is there, shown or not. */
    boolean exists(Dir dir, String name) throws FsException {
        try {
            dir.stream.getFileAttributeView(nameOf(name), BasicFileAttributeView.class, NOFOLLOW).readAttributes();
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new FsException(errnoOf(e));
        }
    }

    /**
     * openat(dir, name, O_NOFOLLOW) of the directory {@code key}: ENOENT unless {@code name}
     * is that very directory, before and after it is opened.
     */
    Dir openDirectory(Dir dir, String name, Key key) throws FsException {
        Attrs a = stat(dir, name);
        if (a == null || a.kind() != Kind.DIRECTORY || !a.key().equals(key)) throw new FsException(Errno.ENOENT);
        Dir d = openStream(dir, nameOf(name));
        if (!d.key.equals(key)) {
            d.close();
            throw new FsException(Errno.ENOENT);
        }
        return d;
    }

    /** The names in {@code dir} (all of them, shown or not), in the host's order. */
    List<String> names(Dir dir) throws FsException {
        List<String> names = new ArrayList<>();
        // A stream is read only once: read a new one of the same directory.
        try (Dir again = openStream(dir, DOT)) {
            for (Path p : again.stream) names.add(p.getFileName().toString());
        } catch (DirectoryIteratorException e) {
            throw new FsException(errnoOf(e.getCause()));
        }
        return names;
    }

    /**
     * openat(dir, name, O_NOFOLLOW | options) of the regular file {@code key}: ENOENT unless
     * {@code name} is that file.
     */
    SeekableByteChannel openFile(Dir dir, String name, Key key, OpenOption... options) throws FsException {
        Attrs a = stat(dir, name);
        if (a == null || a.kind() != Kind.FILE || !a.key().equals(key)) throw new FsException(Errno.ENOENT);
        Set<OpenOption> opts = new HashSet<>(List.of(options));
        opts.add(NOFOLLOW);
        try {
            return dir.stream.newByteChannel(nameOf(name), opts);
        } catch (IOException e) {
            throw new FsException(errnoOf(e));
        }
    }

    /** openat(dir, name, O_CREAT | O_EXCL | O_NOFOLLOW): a new empty regular file, mode 0755 or 0644. */
    void createFile(Dir dir, String name, boolean executable) throws FsException {
        var perms = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
        Set<OpenOption> opts = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, NOFOLLOW);
        try {
            dir.stream.newByteChannel(nameOf(name), opts, perms).close();
        } catch (IOException e) {
            throw new FsException(errnoOf(e));
        }
    }

    /** mkdirat(dir, name, 0755), through /proc/self/fd (see the class comment). */
    void mkdir(Dir dir, String name) throws FsException {
        Path p = nameOf(name);
        var perms = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x"));
        throughDescriptor(dir, at -> Files.createDirectory(at.resolve(p), perms));
    }

    /** readlinkat(dir, name): the target of the symbolic link {@code name}, through /proc/self/fd. */
    String readlink(Dir dir, String name) throws FsException {
        Path p = nameOf(name);
        return throughDescriptor(dir, at -> Files.readSymbolicLink(at.resolve(p))).toString();
    }

    /** unlinkat(dir, name, directory ? AT_REMOVEDIR : 0). */
    void unlink(Dir dir, String name, boolean directory) throws FsException {
        try {
            if (directory) dir.stream.deleteDirectory(nameOf(name));
            else dir.stream.deleteFile(nameOf(name));
        } catch (IOException e) {
            throw new FsException(errnoOf(e));
        }
    }

    /** renameat(from, name, to, newName), replacing what newName names. */
    void rename(Dir from, String name, Dir to, String newName) throws FsException {
        try {
            from.stream.move(nameOf(name), to.stream, nameOf(newName));
        } catch (IOException e) {
            throw new FsException(errnoOf(e));
        }
    }

    /** A host call on a path, such as mkdir(2) on {@code /proc/self/fd/N/NAME}. */
    private interface PathCall<T> {
        T call(Path dirDescriptor) throws IOException;
    }

    /**
     * Makes {@code call} with {@code /proc/self/fd/N}, N a descriptor of {@code dir}'s own
     * stream; EIO if the descriptors of {@code dir} are not all this class's (see the class comment).
     */
    private <T> T throughDescriptor(Dir dir, PathCall<T> call) throws FsException {
        synchronized (OPEN) {
            List<Integer> fds;
            try {
                fds = descriptorsOf(dir.key);
            } catch (IOException e) {
                throw new FsException(Errno.EIO);
            }
            if (fds.size() != descriptorsPerStream * OPEN.getOrDefault(dir.key, 0)) throw new FsException(Errno.EIO);
            try {
                return call.call(PROC_FD.resolve(Integer.toString(fds.get(0))));
            } catch (IOException e) {
                throw new FsException(errnoOf(e));
            }
        }
    }

    /** openat(dir, name, O_NOFOLLOW) of a directory, counted in {@link #OPEN}. */
    private static Dir openStream(Dir dir, Path name) throws FsException {
        synchronized (OPEN) {
            SecureDirectoryStream<Path> s;
            try {
                s = dir.stream.newDirectoryStream(name, NOFOLLOW);
            } catch (IOException e) {
                throw new FsException(errnoOf(e));
            }
            try {
                Key key = keyOf(s.getFileAttributeView(BasicFileAttributeView.class).readAttributes());
                OPEN.merge(key, 1, Integer::sum);
                return new Dir(s, key, false);
            } catch (IOException e) {
                closeQuietly(s);
                throw new FsException(Errno.EIO);
            }
        }
    }

    private static void closeStream(SecureDirectoryStream<Path> s, Key key) {
        synchronized (OPEN) {
            OPEN.merge(key, -1, (n, one) -> n + one == 0 ? null : n + one);
            closeQuietly(s);
        }
    }

    /** The numbers of this process's descriptors whose target is the object {@code key}. */
    private static List<Integer> descriptorsOf(Key key) throws IOException {
        List<Integer> fds = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC_FD)) {
            for (Path p : entries) {
                try {
                    // stat(2) through the link, as fstat of that descriptor: it opens nothing.
                    if (keyOf(Files.readAttributes(p, BasicFileAttributes.class)).equals(key)) {
                        fds.add(Integer.parseInt(p.getFileName().toString()));
                    }
                } catch (IOException e) {
                    // Closed since the listing, or nothing stat can describe: not this directory.
                }
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
        return fds;
    }

    private static Key keyOrEio(BasicFileAttributes a) throws FsException {
        try {
            return keyOf(a);
        } catch (IOException e) {
            throw new FsException(Errno.EIO);
        }
    }

    private static Key keyOf(BasicFileAttributes a) throws IOException {
        Matcher m = FILE_KEY.matcher(String.valueOf(a.fileKey()));
        if (!m.matches()) throw new IOException("the JDK does not tell host files apart (file key " + a.fileKey() + ")");
        return new Key(Long.parseUnsignedLong(m.group(1), 16), Long.parseLong(m.group(2)));
    }

    /** The Linux errno for a host I/O failure, EIO when the JDK does not say which. */
    static int errnoOf(IOException e) {
        if (e instanceof NoSuchFileException) return Errno.ENOENT;
        if (e instanceof FileAlreadyExistsException) return Errno.EEXIST;
        if (e instanceof DirectoryNotEmptyException) return Errno.ENOTEMPTY;
        if (e instanceof NotDirectoryException) return Errno.ENOTDIR;
        if (e instanceof AccessDeniedException) return Errno.EACCES;
        if (e instanceof AtomicMoveNotSupportedException) return Errno.EXDEV;
        if (e instanceof FileSystemLoopException) return Errno.ELOOP;
        return Errno.EIO;
    }

    private static void closeQuietly(SecureDirectoryStream<Path> s) {
        try {
            s.close();
        } catch (IOException e) {
            // Closing a directory descriptor cannot lose data.
        }
    }
}
