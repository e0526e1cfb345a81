package fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;
import sync.Waiter;
import syscall.Errno;

/**
 * A regular file of a mounted host directory (see {@link HostDirFs}): reads and writes go
 * straight to the host file at the given offset. Like a ramfs file it is limited to
 * {@link RegularFile#MAX_SIZE} bytes (EFBIG beyond), and its growth counts against the
 * mount's quota ({@link HostDirFs#QUOTA}, EDQUOT beyond). The permission bits are 0755 when the
 * host file is executable by its owner and 0644 otherwise.
 *
 * <p>No host descriptor is kept: each operation opens the host file again, without
 * following a link, under the name the guest last saw it by, in its directory reached from
 * the mount's root, and only if it is still the same host file (st_dev, st_ino). When it is
 * not there any more (removed or renamed on the host, or removed by the guest while still
 * open), the operation fails with ESTALE, as on NFS.
 */
final class HostFile extends Inode {
    private final HostDirFs fs;
    private final HostTree.Key key;
    private HostDirectory dir;
    private String name;

    HostFile(HostDirFs fs, HostTree.Key key, boolean executable) {
        super(fs.vfs(), Mode.S_IFREG | (executable ? 0755 : 0644));
        this.fs = fs;
        this.key = key;
    }

    /** Records where the guest has just seen this file: {@code name} in {@code dir}. */
    void seenAt(HostDirectory dir, String name) {
        this.dir = dir;
        this.name = name;
    }

    /** The guest removed the file's name: it cannot be reached any more. */
    void forgotten() {
        dir = null;
    }

    @Override
    public long dev() {
        return Vfs.HOSTFS_DEV;
    }

    /** The host file's size, from fstatat; 0 if it is not where the guest saw it last. */
    @Override
    public long size() {
        if (dir == null) return 0;
        try (HostTree.Dir at = fs.open(dir)) {
            HostTree.Attrs a = fs.host().stat(at, name);
            return a != null && a.key().equals(key) ? a.size() : 0;
        } catch (FsException e) {
            return 0;
        }
    }

    @Override
    public long read(OpenFile file, long pos, byte[] dst, int off, int len, Waiter waiter) {
        touchAccess();
        try (SeekableByteChannel ch = open(StandardOpenOption.READ)) {
            int n = ch.position(pos).read(ByteBuffer.wrap(dst, off, len));
            return Math.max(n, 0);
        } catch (FsException e) {
            return -e.errno();
        } catch (IOException e) {
            return -HostTree.errnoOf(e);
        }
    }

    @Override
    public long write(OpenFile file, long pos, byte[] src, int off, int len, Waiter waiter) {
        if (len == 0) return 0;
        if (pos >= RegularFile.MAX_SIZE) return -Errno.EFBIG;
        int n = (int) Math.min(len, RegularFile.MAX_SIZE - pos);
        try (SeekableByteChannel ch = open(StandardOpenOption.WRITE)) {
            long size = ch.size();
            // Past the end the file grows: only as far as the quota allows (a short write, then EDQUOT).
            long limit = size + fs.quotaLeft();
            if (pos + n > limit) n = (int) Math.max(0, limit - pos);
            if (n == 0) return -Errno.EDQUOT;
            ByteBuffer buf = ByteBuffer.wrap(src, off, n);
            ch.position(pos);
            while (buf.hasRemaining()) ch.write(buf);
            if (pos + n > size) fs.grew(pos + n - size);
            touchModify();
            return n;
        } catch (FsException e) {
            return -e.errno();
        } catch (IOException e) {
            return -HostTree.errnoOf(e);
        }
    }

    @Override
    public int truncate(long length) {
        if (length < 0) return -Errno.EINVAL;
        if (length > RegularFile.MAX_SIZE) return -Errno.EFBIG;
        try (SeekableByteChannel ch = open(StandardOpenOption.WRITE)) {
            long size = ch.size();
            if (length - size > fs.quotaLeft()) return -Errno.EDQUOT;
            if (length < size) ch.truncate(length);
            else if (length > size) ch.position(length - 1).write(ByteBuffer.wrap(new byte[1]));
            fs.grew(length - size);
            touchModify();
            return 0;
        } catch (FsException e) {
            return -e.errno();
        } catch (IOException e) {
            return -HostTree.errnoOf(e);
        }
    }

    /** The host file, opened with {@code options}: ESTALE if it is not where the guest saw it last. */
    private SeekableByteChannel open(OpenOption... options) throws FsException {
        if (dir == null) throw new FsException(Errno.ESTALE);
        try (HostTree.Dir at = fs.open(dir)) {
            return fs.host().openFile(at, name, key, options);
        } catch (FsException e) {
            throw e.errno() == Errno.ENOENT ? new FsException(Errno.ESTALE) : e;
        }
    }
}
