package fs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link FsFixture} with a host directory mounted at /mnt/host (HostDirFs), and beside it,
 * outside the mount, a tree of sentinel files no guest call may read, make, change or
 * remove. The layout under the test's temporary directory {@code base}:
 *
 * <pre>
 *   base/host/                the mounted directory (the test fills it)
 *   base/beside.txt           sentinels, each holding {@link #SECRET}
 *   base/outside/secret.txt
 *   base/outside/dir/deeper.txt
 * </pre>
 *
 * {@link #assertOutsideUntouched} compares everything under {@code base} but the mount with
 * the snapshot taken when the fixture was made: paths, kinds, sizes, contents, link targets.
 */
class HostMountFixture extends FsFixture {
    /** What every sentinel file holds: a guest must never get to read it. */
    static final String SECRET = "SENTINEL: outside the mount";

    final Path base;
    final Path host;
    final Path outside;
    final InodeSyscalls inodeCalls = new InodeSyscalls(vfs);
    private Map<String, String> expectedOutside;

    /** Makes the layout under {@code base}, with the mount's directory empty; call {@link #mount} once it is filled. */
    HostMountFixture(Path base) throws IOException {
        this.base = base;
        this.host = base.resolve("host");
        this.outside = base.resolve("outside");
        Files.createDirectories(host);
        Files.createDirectories(outside.resolve("dir"));
        Files.writeString(base.resolve("beside.txt"), SECRET + " (beside the mount)\n");
        Files.writeString(outside.resolve("secret.txt"), SECRET + "\n");
        Files.writeString(outside.resolve("dir/deeper.txt"), SECRET + " (deeper)\n");
        expectedOutside = snapshotOutside();
    }

    /** Mounts the host directory at /mnt/host. */
    HostMountFixture mount() {
        HostDirFs.mountInto(vfs, host);
        return this;
    }

    /** The test itself changed the host outside the mount: that is the new expected state. */
    void hostChangedOutside() throws IOException {
        expectedOutside = snapshotOutside();
    }

    /** Nothing outside the mount was made, changed or removed since the fixture was made (or the test's last own change). */
    void assertOutsideUntouched() throws IOException {
        assertEquals(expectedOutside, snapshotOutside(), "the host outside the mount changed");
    }

    /** Every path under {@code base} but the mount, without following links, with what it is. */
    private Map<String, String> snapshotOutside() throws IOException {
        Map<String, String> snapshot = new TreeMap<>();
        Files.walkFileTree(base, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(host)) return FileVisitResult.SKIP_SUBTREE;
                snapshot.put(base.relativize(dir).toString(), "directory");
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String what;
                if (attrs.isSymbolicLink()) what = "link to " + Files.readSymbolicLink(file);
                else if (attrs.isRegularFile()) what = attrs.size() + " bytes: " + Files.readString(file, StandardCharsets.ISO_8859_1);
                else what = "other";
                snapshot.put(base.relativize(file).toString(), what);
                return FileVisitResult.CONTINUE;
            }
        });
        return snapshot;
    }

    /** The inode at the guest path {@code path}, following links; null for ENOENT, AssertionError for other errors. */
    Inode inode(String path) {
        try {
            return PathWalker.resolve(fs, fs.cwd(), path, true);
        } catch (FsException e) {
            if (e.errno() == syscall.Errno.ENOENT) return null;
            throw new AssertionError(path + ": " + syscall.Errno.name(e.errno()));
        }
    }

    /** resolve(path)'s errno, 0 if it resolves. */
    int errnoOf(String path) {
        try {
            PathWalker.resolve(fs, fs.cwd(), path, true);
            return 0;
        } catch (FsException e) {
            return e.errno();
        }
    }

    /** The whole contents of the guest file at {@code path}, read with open and read; "ERR-n" if either fails. */
    String cat(String path) {
        long fd = open(path, OpenFlags.O_RDONLY);
        if (fd < 0) return "ERR" + fd;
        StringBuilder sb = new StringBuilder();
        for (String chunk; !(chunk = read(fd, 4096)).isEmpty(); ) {
            if (chunk.startsWith("ERR")) return chunk;
            sb.append(chunk);
        }
        fileCalls.close(files, fd);
        return sb.toString();
    }

    /** Writes {@code text} to the guest file at {@code path} (O_CREAT|O_TRUNC); 0 or -errno. */
    long writeFile(String path, String text) {
        long fd = open(path, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC);
        if (fd < 0) return fd;
        long n = write(fd, text);
        fileCalls.close(files, fd);
        return n < 0 ? n : 0;
    }

    long openat(long dirfd, String path, int flags) {
        return pathCalls.openat(files, fs, mem, dirfd, mem.string(path), flags, 0644);
    }

    long mkdirat(long dirfd, String path) {
        return pathCalls.mkdirat(files, fs, mem, dirfd, mem.string(path), 0755);
    }

    long unlinkat(long dirfd, String path, int flags) {
        return pathCalls.unlinkat(files, fs, mem, dirfd, mem.string(path), flags);
    }

    long renameat(long oldDirfd, String oldPath, long newDirfd, String newPath) {
        return pathCalls.renameat(files, fs, mem, oldDirfd, mem.string(oldPath), newDirfd, mem.string(newPath));
    }

    long link(String from, String to) {
        return inodeCalls.link(files, fs, mem, mem.string(from), mem.string(to));
    }

    long mknod(String path, int mode) {
        return inodeCalls.mknod(files, fs, mem, mem.string(path), mode, 0);
    }

    /** readlink(path) as a string, or "ERR-n". */
    String readlink(String path) {
        long buf = mem.alloc(4096);
        long r = pathCalls.readlink(files, fs, mem, mem.string(path), buf, 4096);
        if (r < 0) return "ERR" + r;
        return new String(mem.read(buf, (int) r), StandardCharsets.UTF_8);
    }

    /** The names getdents64 lists in the directory at {@code path}, "." and ".." included, in its order. */
    java.util.List<String> ls(String path) {
        long fd = open(path, OpenFlags.O_RDONLY | OpenFlags.O_DIRECTORY);
        if (fd < 0) throw new AssertionError("open " + path + ": " + fd);
        java.util.List<String> names = new java.util.ArrayList<>();
        long buf = mem.alloc(1 << 16);
        for (long n; (n = statCalls.getdents64(files, mem, fd, buf, 1 << 16)) > 0; ) {
            for (int off = 0; off < n; ) {
                int reclen = (mem.int32(buf + off + 16) & 0xffff);
                byte[] b = mem.read(buf + off + 19, reclen - 19);
                int len = 0;
                while (b[len] != 0) len++;
                names.add(new String(b, 0, len, StandardCharsets.UTF_8));
                off += reclen;
            }
        }
        fileCalls.close(files, fd);
        return names;
    }
}
