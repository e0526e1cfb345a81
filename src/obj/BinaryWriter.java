package obj;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds a little-endian binary file field by field. Shared by the object and executable
 * writers so that both encode integers and strings in exactly one way.
 *
 * <p>Strings are a 16-bit byte count followed by that many bytes of UTF-8, with no
 * terminator.
 */
final class BinaryWriter {
    private byte[] buf = new byte[256];
    private int size;

    /** Number of bytes written so far, which is also the offset of the next byte. */
    int size() {
        return size;
    }

    void u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
    }

    void u16(int v) {
        le(v, 2);
    }

    void u32(long v) {
        le(v, 4);
    }

    void u64(long v) {
        le(v, 8);
    }

    /**
     * Appends {@code v} as unsigned LEB128 (DWARF's encoding): seven bits per byte, low bits
     * first, the top bit set on every byte but the last. Small numbers take one byte.
     */
    void uleb(long v) {
        do {
            int b = (int) (v & 0x7f);
            v >>>= 7;
            u8(v != 0 ? b | 0x80 : b);
        } while (v != 0);
    }

    /** Appends raw bytes. */
    void bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
    }

    /** Appends a length-prefixed UTF-8 string; names longer than 65535 bytes are refused. */
    void string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length > 0xffff) {
            throw new IllegalArgumentException("name longer than 65535 bytes: " + s.substring(0, 40) + "...");
        }
        u16(b.length);
        bytes(b);
    }

    /** Appends zero bytes until the size is a multiple of {@code alignment}. */
    void padTo(int alignment) {
        while (size % alignment != 0) u8(0);
    }

    /** Overwrites the 8 bytes at {@code offset}, written earlier, with {@code v}. */
    void patchU64(int offset, long v) {
        for (int i = 0; i < 8; i++) buf[offset + i] = (byte) (v >>> (8 * i));
    }

    /** The bytes written, as a new array. */
    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private void le(long v, int width) {
        ensure(width);
        for (int i = 0; i < width; i++) buf[size++] = (byte) (v >>> (8 * i));
    }

    private void ensure(int more) {
        if (size + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
    }
}
