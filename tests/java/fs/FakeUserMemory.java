package fs;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A user address space for tests: one array of bytes mapped at {@link #BASE}; every other
 * address faults. {@link #string} and {@link #alloc} hand out fresh buffers.
 */
public final class FakeUserMemory implements UserMemory {
    public static final long BASE = 0x10000;
    /** An address that is never mapped. */
    public static final long BAD = 0x1000;

    private final byte[] bytes = new byte[1 << 21];
    private int next = 0;

    /** A fresh zeroed buffer of {@code len} bytes; returns its address. */
    public long alloc(int len) {
        long va = BASE + next;
        next += (len + 15) & ~15;
        if (next > bytes.length) throw new IllegalStateException("fake memory exhausted");
        return va;
    }

    /** Forgets every buffer handed out so far, for long runs: the next ones reuse the space, zeroed. */
    public void reset() {
        Arrays.fill(bytes, 0, next, (byte) 0);
        next = 0;
    }

    /** A fresh NUL-terminated copy of {@code s}; returns its address. */
    public long string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        long va = alloc(b.length + 1);
        System.arraycopy(b, 0, bytes, (int) (va - BASE), b.length);
        return va;
    }

    /** A fresh buffer holding {@code data}; returns its address. */
    public long bytes(byte[] data) {
        long va = alloc(data.length);
        System.arraycopy(data, 0, bytes, (int) (va - BASE), data.length);
        return va;
    }

    public byte[] read(long va, int len) {
        return Arrays.copyOfRange(bytes, (int) (va - BASE), (int) (va - BASE) + len);
    }

    public int int32(long va) {
        byte[] b = read(va, 4);
        return (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24;
    }

    public long int64(long va) {
        byte[] b = read(va, 8);
        long v = 0;
        for (int i = 7; i >= 0; i--) v = v << 8 | (b[i] & 0xff);
        return v;
    }

    private boolean mapped(long va, int len) {
        return va >= BASE && va + len <= BASE + bytes.length;
    }

    @Override
    public long copyIn(long va, byte[] dst, int off, int len) {
        if (!mapped(va, len)) return Math.max(va, BASE + bytes.length);
        System.arraycopy(bytes, (int) (va - BASE), dst, off, len);
        return NO_FAULT;
    }

    @Override
    public long copyOut(long va, byte[] src, int off, int len) {
        if (!mapped(va, len)) return Math.max(va, BASE + bytes.length);
        System.arraycopy(src, off, bytes, (int) (va - BASE), len);
        return NO_FAULT;
    }

    @Override
    public String readPath(long va) throws PathFault {
        for (int i = 0; i < PathWalker.PATH_MAX; i++) {
            if (!mapped(va + i, 1)) throw new PathFault(syscall.Errno.EFAULT);
            if (bytes[(int) (va - BASE) + i] == 0) {
                return new String(bytes, (int) (va - BASE), i, StandardCharsets.UTF_8);
            }
        }
        throw new PathFault(syscall.Errno.ENAMETOOLONG);
    }
}
