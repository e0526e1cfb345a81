package obj;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a little-endian binary file field by field, turning every way the input can be too
 * short or wrong into a {@link FormatException} that names the file, the field and the offset.
 *
 * <p>Each read takes a description of the field ("symbol count", "section 2 contents") used
 * only for the message, so that a student looking at a broken file learns where it broke.
 * The reader never allocates more than the bytes actually present, so a corrupt length field
 * cannot make it run out of memory.
 */
final class BinaryReader {
    private final String file;
    private final byte[] data;
    private int pos;

    BinaryReader(String file, byte[] data) {
        this.file = file;
        this.data = data;
    }

    /** Offset of the next byte to be read. */
    int position() {
        return pos;
    }

    /** Moves to absolute offset {@code offset}, which must lie inside the file. */
    void seek(long offset, String what) throws FormatException {
        if (offset < 0 || offset > data.length) {
            throw fail(what + " at offset " + offset + " is outside the file (" + data.length + " bytes)");
        }
        pos = (int) offset;
    }

    /** Bytes left after the current position. */
    int remaining() {
        return data.length - pos;
    }

    int u8(String what) throws FormatException {
        need(1, what);
        return data[pos++] & 0xff;
    }

    int u16(String what) throws FormatException {
        return (int) le(2, what);
    }

    /** An unsigned 32-bit field, as a non-negative long. */
    long u32(String what) throws FormatException {
        return le(4, what);
    }

    long u64(String what) throws FormatException {
        return le(8, what);
    }

    /** An unsigned LEB128 number (see BinaryWriter.uleb) of at most 64 bits. */
    long uleb(String what) throws FormatException {
        int start = pos;
        long v = 0;
        for (int shift = 0;; shift += 7) {
            int b = u8(what);
            if (shift == 63 && b > 1) throw fail(what + " at offset " + start + " does not fit in 64 bits");
            v |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) return v;
        }
    }

    /** Exactly {@code n} bytes; {@code n} comes from the file, so it is checked first. */
    byte[] bytes(long n, String what) throws FormatException {
        if (n < 0 || n > remaining()) {
            throw fail("truncated: " + what + " needs " + Long.toUnsignedString(n) + " bytes at offset " + pos
                    + ", only " + remaining() + " remain");
        }
        byte[] b = Arrays.copyOfRange(data, pos, pos + (int) n);
        pos += (int) n;
        return b;
    }

    /** A length-prefixed string that must be valid UTF-8. */
    String string(String what) throws FormatException {
        int start = pos;
        int n = u16(what + " length");
        byte[] b = bytes(n, what);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw fail(what + " at offset " + start + " is not valid UTF-8");
        }
    }

    /** Reads a field that this version of the format requires to be zero. */
    void zeros(int n, String what) throws FormatException {
        int start = pos;
        for (byte b : bytes(n, what)) {
            if (b != 0) throw fail(what + " at offset " + start + " must be zero");
        }
    }

    /** Fails unless the whole file has been consumed. */
    void expectEnd(String after) throws FormatException {
        if (remaining() != 0) {
            throw fail(remaining() + " unexpected bytes at offset " + pos + " after " + after);
        }
    }

    /** An exception naming this reader's file; the caller throws it. */
    FormatException fail(String problem) {
        return new FormatException(file, problem);
    }

    private long le(int width, String what) throws FormatException {
        need(width, what);
        long v = 0;
        for (int i = 0; i < width; i++) v |= (data[pos + i] & 0xffL) << (8 * i);
        pos += width;
        return v;
    }

    private void need(int n, String what) throws FormatException {
        if (remaining() < n) {
            throw fail("truncated: expected " + what + " (" + n + " byte" + (n == 1 ? "" : "s") + ") at offset "
                    + pos + ", file has " + data.length + " bytes");
        }
    }
}
