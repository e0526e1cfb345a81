package fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import sync.Waiter;
import syscall.Errno;

/**
 * A regular file of a mounted host directory (see {@link HostDirFs}): reads and writes go
 * straight to the host file at the given offset. Like a ramfs file it is limited to
 * {@link RegularFile#MAX_SIZE} bytes (EFBIG beyond). The permission bits are 0755 when the
 * host file is executable and 0644 otherwise. The host file is opened for each operation
 * without following a symbolic link, so one put in its place on the host later leads nowhere.
 */
final class HostFile extends Inode {
    private final HostDirFs fs;
    private Path path;

    HostFile(HostDirFs fs, Path path) {
        super(fs.vfs(), Mode.S_IFREG | (Files.isExecutable(path) ? 0755 : 0644));
        this.fs = fs;
        this.path = path;
    }

    /** Points the inode at its new host path after a rename. */
    void setPath(Path path) {
        this.path = path;
    }

    @Override
    public long dev() {
        return Vfs.HOSTFS_DEV;
    }

    @Override
    public int links() {
        return Files.exists(path) ? 1 : 0;
    }

    @Override
    protected boolean isPinned() {
        return true;
    }

    @Override
    public long size() {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public long read(OpenFile file, long pos, byte[] dst, int off, int len, Waiter waiter) {
        touchAccess();
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            int n = ch.read(ByteBuffer.wrap(dst, off, len), pos);
            return Math.max(n, 0);
        } catch (IOException e) {
            return -HostDirFs.errnoOf(e);
        }
    }

    @Override
    public long write(OpenFile file, long pos, byte[] src, int off, int len, Waiter waiter) {
        if (len == 0) return 0;
        if (pos >= RegularFile.MAX_SIZE) return -Errno.EFBIG;
        int n = (int) Math.min(len, RegularFile.MAX_SIZE - pos);
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer buf = ByteBuffer.wrap(src, off, n);
            long at = pos;
            while (buf.hasRemaining()) at += ch.write(buf, at);
            touchModify();
            return n;
        } catch (IOException e) {
            return -HostDirFs.errnoOf(e);
        }
    }

    @Override
    public int truncate(long length) {
        if (length < 0) return -Errno.EINVAL;
        if (length > RegularFile.MAX_SIZE) return -Errno.EFBIG;
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            long size = ch.size();
            if (length < size) ch.truncate(length);
            else if (length > size) ch.write(ByteBuffer.wrap(new byte[1]), length - 1);
            touchModify();
            return 0;
        } catch (IOException e) {
            return -HostDirFs.errnoOf(e);
        }
    }
}
