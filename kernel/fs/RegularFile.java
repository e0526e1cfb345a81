package fs;

import java.util.Arrays;
import sync.Waiter;
import syscall.Errno;

/**
 * A regular file of the in-memory file system: its bytes live in a Java array that grows as
 * the file does. Reads past the end return 0 (end of file); a write past the end leaves a hole
 * of zero bytes, as on Linux. Files are limited to {@link #MAX_SIZE} bytes (EFBIG beyond)
 * and all files together to {@link Vfs#CAPACITY} (ENOSPC), so that a guest cannot make the
 * host run out of memory with an lseek and a write.
 */
public final class RegularFile extends Inode {
    /** The largest file size, Clonix's stand-in for the file system's s_maxbytes. */
    public static final long MAX_SIZE = 64L << 20;

    private byte[] data = new byte[0];
    private int size;

    /** A new, empty, unlinked regular file with the given permission bits. */
    public RegularFile(Vfs vfs, int perms) {
        super(vfs, Mode.S_IFREG | (perms & Mode.PERMISSIONS));
    }

    @Override
    public long size() {
        return size;
    }

    /** A copy of the contents (for tests and the loader). */
    public byte[] contents() {
        return Arrays.copyOf(data, size);
    }

    @Override
    public long read(OpenFile file, long pos, byte[] dst, int off, int len, Waiter waiter) {
        touchAccess();
        if (pos >= size) return 0;
        int n = (int) Math.min(len, size - pos);
        System.arraycopy(data, (int) pos, dst, off, n);
        return n;
    }

    @Override
    public long write(OpenFile file, long pos, byte[] src, int off, int len, Waiter waiter) {
        if (len == 0) return 0;
        if (pos >= MAX_SIZE) return -Errno.EFBIG;
        int n = (int) Math.min(len, MAX_SIZE - pos);
        if (!ensureCapacity(pos + n)) return -Errno.ENOSPC;
        System.arraycopy(src, off, data, (int) pos, n);
        size = (int) Math.max(size, pos + n);
        touchModify();
        return n;
    }

    @Override
    public int truncate(long length) {
        if (length < 0) return -Errno.EINVAL;
        if (length > MAX_SIZE) return -Errno.EFBIG;
        if (!ensureCapacity(length)) return -Errno.ENOSPC;
        if (length < size) Arrays.fill(data, (int) length, size, (byte) 0);
        size = (int) length;
        touchModify();
        return 0;
    }

    /** FIONREAD: the bytes between the file offset and the end of the file. */
    @Override
    public long ioctl(OpenFile file, int request, long arg, UserMemory mem) {
        if (request != Ioctls.FIONREAD) return -Errno.ENOTTY;
        return putUserInt(mem, arg, (int) Math.max(0, Math.min(Integer.MAX_VALUE, size - file.position())));
    }

    /**
     * Grows the array to hold {@code needed} bytes, doubling to keep appends cheap, charging
     * the growth to the file system's budget; false (nothing changed) when the budget is spent.
     */
    private boolean ensureCapacity(long needed) {
        if (needed <= data.length) return true;
        long cap = Math.max(needed, Math.min(MAX_SIZE, Math.max(64, 2L * data.length)));
        if (!vfs().reserveBytes(cap - data.length)) {
            cap = needed; // without the doubling's slack it may still fit
            if (!vfs().reserveBytes(cap - data.length)) return false;
        }
        data = Arrays.copyOf(data, (int) cap);
        return true;
    }

    @Override
    protected void evict() {
        vfs().releaseBytes(data.length);
        data = new byte[0];
        size = 0;
    }
}
