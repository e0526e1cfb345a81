package fs;

import syscall.Errno;

/**
 * The user buffer of a read or write: one {@code (address, length)} segment for read and
 * write, several for readv and writev (C's {@code struct iovec} array). It lets the transfer
 * loop in FileSyscalls treat both the same, copying "bytes from position p of the buffer"
 * without caring where one segment ends and the next begins. Sockets (package net) use it
 * for sendmsg and recvmsg too.
 */
public final class IoVector {
    /** Linux's UIO_MAXIOV: the most segments one readv or writev may have. */
    static final int UIO_MAXIOV = 1024;
    /** sizeof(struct iovec): a pointer and a size_t. */
    private static final int IOVEC_SIZE = 16;

    private final long[] bases;
    private final long[] lengths;
    private final long total;

    private IoVector(long[] bases, long[] lengths, long total) {
        this.bases = bases;
        this.lengths = lengths;
        this.total = total;
    }

    /**
     * The buffer of read/write: {@code count} bytes (a size_t) at {@code buf}; null if they
     * do not lie in user space (access_ok fails: EFAULT, as for a count of (size_t)-1).
     */
    public static IoVector single(long buf, long count) {
        if (!UserMemory.accessOk(buf, count)) return null;
        return new IoVector(new long[] {buf}, new long[] {count}, count);
    }

    /**
     * Reads {@code iovcnt} struct iovec from {@code iov}, as Linux's import_iovec: EINVAL for
     * a negative or too large count, a negative length or a total that overflows ssize_t,
     * EFAULT if the array cannot be read or, after every length has been checked, a segment
     * does not lie in user space (access_ok).
     */
    public static IoVector read(UserMemory mem, long iov, long iovcnt) throws FsException {
        if (iovcnt < 0 || iovcnt > UIO_MAXIOV) throw new FsException(Errno.EINVAL);
        int n = (int) iovcnt;
        byte[] raw = new byte[n * IOVEC_SIZE];
        if (n > 0 && mem.copyIn(iov, raw, 0, raw.length) != UserMemory.NO_FAULT) {
            throw new FsException(Errno.EFAULT);
        }
        long[] bases = new long[n];
        long[] lengths = new long[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            bases[i] = getLong(raw, i * IOVEC_SIZE);
            lengths[i] = getLong(raw, i * IOVEC_SIZE + 8);
            if (lengths[i] < 0) throw new FsException(Errno.EINVAL);
            total += lengths[i];
            if (total < 0) throw new FsException(Errno.EINVAL);
        }
        for (int i = 0; i < n; i++) if (!UserMemory.accessOk(bases[i], lengths[i])) throw new FsException(Errno.EFAULT);
        return new IoVector(bases, lengths, total);
    }

    /** The number of bytes the buffer holds (the sum of the segment lengths). */
    public long total() {
        return total;
    }

    /**
     * Copies {@code len} bytes from buffer position {@code pos} into {@code dst[off..]}.
     * Returns how many were copied: {@code len}, or fewer if a segment faulted (the copy
     * stops at the start of that segment).
     */
    public int copyIn(UserMemory mem, long pos, byte[] dst, int off, int len) {
        return walk(mem, pos, dst, off, len, true);
    }

    /** Copies {@code src[off..off+len)} to buffer position {@code pos}; returns the count, as copyIn. */
    public int copyOut(UserMemory mem, long pos, byte[] src, int off, int len) {
        return walk(mem, pos, src, off, len, false);
    }

    private int walk(UserMemory mem, long pos, byte[] data, int off, int len, boolean in) {
        int done = 0;
        long segmentStart = 0;
        for (int i = 0; i < bases.length && done < len; i++) {
            long segmentEnd = segmentStart + lengths[i];
            if (pos < segmentEnd) {
                long within = pos - segmentStart;
                int n = (int) Math.min(len - done, lengths[i] - within);
                long va = bases[i] + within;
                long fault = in ? mem.copyIn(va, data, off + done, n) : mem.copyOut(va, data, off + done, n);
                if (fault != UserMemory.NO_FAULT) return done;
                pos += n;
                done += n;
            }
            segmentStart = segmentEnd;
        }
        return done;
    }

    private static long getLong(byte[] b, int off) {
        long v = 0;
        for (int i = 7; i >= 0; i--) v = v << 8 | (b[off + i] & 0xff);
        return v;
    }
}
