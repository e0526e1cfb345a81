package obj;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes a GNU-format {@code ar} archive of Clonix object files (see {@link Archive}).
 *
 * <p>The reader walks the members in order, resolving long names through the "//" member, and
 * decodes each ordinary member as an object file. The "/" index, if present, is read last,
 * because it refers to members by the file offset of their header.
 */
final class ArchiveReader {
    private ArchiveReader() {}

    static Archive read(String name, byte[] data) throws FormatException {
        if (data.length < Archive.MAGIC.length
                || !Arrays.equals(Arrays.copyOf(data, Archive.MAGIC.length), Archive.MAGIC)) {
            throw new FormatException(name, "not an archive: does not start with \"!<arch>\\n\"");
        }
        List<ObjectFile> members = new ArrayList<>();
        Map<Long, Integer> memberAtOffset = new LinkedHashMap<>();
        byte[] index = null;
        byte[] longNames = null;

        int pos = Archive.MAGIC.length;
        while (pos < data.length) {
            ArHeader h = ArHeader.parse(name, data, pos);
            int bodyStart = pos + Archive.HEADER_SIZE;
            if (h.size() > data.length - bodyStart) {
                throw new FormatException(name, "truncated: member '" + h.name() + "' at offset " + pos + " claims "
                        + h.size() + " bytes, only " + (data.length - bodyStart) + " remain");
            }
            byte[] body = Arrays.copyOfRange(data, bodyStart, bodyStart + (int) h.size());
            if (h.name().equals("/")) {
                index = body;
            } else if (h.name().equals("//")) {
                longNames = body;
            } else {
                String member = memberName(name, h.name(), longNames, pos);
                memberAtOffset.put((long) pos, members.size());
                members.add(readMember(name, member, body));
            }
            // Members start on even offsets; the pad byte after an odd last member may be missing.
            pos = bodyStart + (int) h.size();
            if (pos % 2 != 0 && pos < data.length) pos++;
        }
        if (index == null) return new Archive(name, members);
        return Archive.withIndex(name, members, readIndex(name, index, memberAtOffset));
    }

    /** Decodes one member, reporting problems against "archive(member)". */
    private static ObjectFile readMember(String archive, String member, byte[] body) throws FormatException {
        try {
            return ObjectFormat.read(member, body);
        } catch (FormatException e) {
            throw new FormatException(archive + "(" + member + ")", e.problem());
        }
    }

    /** The real name of a member: "foo.o/" is "foo.o", "/N" is the long name at offset N. */
    private static String memberName(String file, String field, byte[] longNames, int pos) throws FormatException {
        if (field.startsWith("/")) {
            String digits = field.substring(1);
            if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9') || digits.length() > 9) {
                throw new FormatException(file, "member at offset " + pos + " has a bad name '" + field + "'");
            }
            int off = Integer.parseInt(digits);
            if (longNames == null || off >= longNames.length) {
                throw new FormatException(file, "member at offset " + pos + " refers to long name " + off
                        + ", which is not in the \"//\" table");
            }
            int end = off;
            while (end < longNames.length && longNames[end] != '\n') end++;
            if (end == off || longNames[end - 1] != '/') {
                throw new FormatException(file, "long name at offset " + off + " of the \"//\" table is not terminated by \"/\\n\"");
            }
            return new String(longNames, off, end - 1 - off, StandardCharsets.UTF_8);
        }
        String n = field.endsWith("/") ? field.substring(0, field.length() - 1) : field;
        if (n.isEmpty()) throw new FormatException(file, "member at offset " + pos + " has an empty name");
        return n;
    }

    /** Decodes the "/" index: big-endian count, member-header offsets, NUL-terminated names. */
    private static Map<String, Integer> readIndex(String file, byte[] b, Map<Long, Integer> memberAtOffset)
            throws FormatException {
        if (b.length < 4) throw new FormatException(file, "truncated symbol index: " + b.length + " bytes");
        long count = bigEndian32(b, 0);
        if (count > (b.length - 4) / 4) {
            throw new FormatException(file, "symbol index claims " + count + " entries but holds only " + b.length + " bytes");
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        int namePos = 4 + 4 * (int) count;
        for (int i = 0; i < count; i++) {
            int end = namePos;
            while (end < b.length && b[end] != 0) end++;
            if (end >= b.length) throw new FormatException(file, "symbol index name " + i + " is not NUL-terminated");
            String sym = new String(b, namePos, end - namePos, StandardCharsets.UTF_8);
            namePos = end + 1;
            long offset = bigEndian32(b, 4 + 4 * i);
            Integer member = memberAtOffset.get(offset);
            if (member == null) {
                throw new FormatException(file, "symbol index entry '" + sym + "' points to offset " + offset
                        + ", where no member starts");
            }
            index.putIfAbsent(sym, member);
        }
        return index;
    }

    private static long bigEndian32(byte[] b, int at) {
        return ((b[at] & 0xffL) << 24) | ((b[at + 1] & 0xffL) << 16) | ((b[at + 2] & 0xffL) << 8) | (b[at + 3] & 0xffL);
    }
}
