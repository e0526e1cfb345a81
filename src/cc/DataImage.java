package cc;

import java.util.Map;
import java.util.TreeMap;

/**
 * The initial bytes of a global variable, kept sparse: only the 64-byte blocks that an
 * initialiser writes are stored, and every other byte is zero. So
 * {@code char a[1 << 30] = {1};} costs one block, not a gigabyte, and the memory the
 * compiler uses follows the initialisers written in the source, never the declared size.
 */
final class DataImage {
    private static final int BLOCK = 64;

    private final int size;
    private final TreeMap<Integer, byte[]> blocks = new TreeMap<>();

    /** {@code size} zero bytes. */
    DataImage(int size) {
        this.size = size;
    }

    /** An image holding {@code bytes} (a string literal's). */
    static DataImage of(byte[] bytes) {
        DataImage d = new DataImage(bytes.length);
        for (int i = 0; i < bytes.length; i++) d.put(i, bytes[i], 1);
        return d;
    }

    /** The number of bytes. */
    int size() {
        return size;
    }

    /** Stores the low {@code width} bytes of {@code value} at {@code offset}, little-endian. */
    void put(int offset, long value, int width) {
        for (int i = 0; i < width; i++) {
            byte b = (byte) (value >>> (8 * i));
            int at = offset + i;
            byte[] block = blocks.get(at / BLOCK);
            if (block == null) {
                if (b == 0) continue; // already zero: no block needed
                block = new byte[BLOCK];
                blocks.put(at / BLOCK, block);
            }
            block[at % BLOCK] = b;
        }
    }

    /** The {@code width} bytes at {@code offset} as a little-endian number. */
    long get(int offset, int width) {
        long v = 0;
        for (int i = 0; i < width; i++) v |= (byteAt(offset + i) & 0xffL) << (8 * i);
        return v;
    }

    /** The byte at {@code offset}. */
    byte byteAt(int offset) {
        byte[] block = blocks.get(offset / BLOCK);
        return block == null ? 0 : block[offset % BLOCK];
    }

    /** How many zero bytes follow from {@code from} on, stopping at {@code limit}; skips absent blocks at once. */
    int zerosFrom(int from, int limit) {
        int at = from;
        while (at < limit) {
            byte[] block = blocks.get(at / BLOCK);
            if (block == null) {
                Integer next = blocks.higherKey(at / BLOCK);
                at = next == null ? limit : Math.min(limit, next * BLOCK);
                continue;
            }
            if (block[at % BLOCK] != 0) break;
            at++;
        }
        return Math.min(at, limit) - from;
    }

    /** All the bytes, for a small image such as a string literal's. */
    byte[] toArray() {
        byte[] b = new byte[size];
        for (Map.Entry<Integer, byte[]> e : blocks.entrySet()) {
            int start = e.getKey() * BLOCK;
            System.arraycopy(e.getValue(), 0, b, start, Math.min(BLOCK, size - start));
        }
        return b;
    }
}
