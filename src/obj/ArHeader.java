package obj;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The 60-byte ASCII header in front of every member of an {@code ar} archive. Each field is
 * left-justified and padded with spaces:
 *
 * <pre>
 *   offset size field
 *    0     16   name   ("foo.o/", "/" index, "//" long names, "/123" long name at offset 123)
 *   16     12   mtime  decimal seconds
 *   28      6   uid    decimal
 *   34      6   gid    decimal
 *   40      8   mode   octal
 *   48     10   size   decimal byte count of the member's contents
 *   58      2   "`\n"
 * </pre>
 */
record ArHeader(String name, long size) {
    private static final int NAME = 0, SIZE = 48, SIZE_LEN = 10, FMAG = 58;

    /** Encodes a header; every field must fit its width. */
    static byte[] format(String name, String mtime, String uid, String gid, String mode, long size) {
        byte[] h = new byte[Archive.HEADER_SIZE];
        Arrays.fill(h, (byte) ' ');
        put(h, 0, 16, name);
        put(h, 16, 12, mtime);
        put(h, 28, 6, uid);
        put(h, 34, 6, gid);
        put(h, 40, 8, mode);
        put(h, SIZE, SIZE_LEN, Long.toString(size));
        h[FMAG] = '`';
        h[FMAG + 1] = '\n';
        return h;
    }

    /**
     * Decodes the header at {@code pos} of {@code data}, checking the terminator and the size.
     * Only the name and the size matter to Clonix; mtime, owner and mode are ignored.
     */
    static ArHeader parse(String file, byte[] data, int pos) throws FormatException {
        if (data.length - pos < Archive.HEADER_SIZE) {
            throw new FormatException(file, "truncated: member header at offset " + pos + " needs "
                    + Archive.HEADER_SIZE + " bytes, only " + (data.length - pos) + " remain");
        }
        if (data[pos + FMAG] != '`' || data[pos + FMAG + 1] != '\n') {
            throw new FormatException(file, "member header at offset " + pos + " does not end with \"`\\n\"");
        }
        String name = new String(data, pos + NAME, 16, StandardCharsets.UTF_8).stripTrailing();
        String sizeText = new String(data, pos + SIZE, SIZE_LEN, StandardCharsets.US_ASCII).strip();
        if (sizeText.isEmpty() || !sizeText.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new FormatException(file, "member header at offset " + pos + " has a bad size field '" + sizeText + "'");
        }
        return new ArHeader(name, Long.parseLong(sizeText));
    }

    private static void put(byte[] h, int at, int width, String field) {
        byte[] b = field.getBytes(StandardCharsets.UTF_8);
        if (b.length > width) throw new IllegalArgumentException("ar header field too long: '" + field + "'");
        System.arraycopy(b, 0, h, at, b.length);
    }
}
