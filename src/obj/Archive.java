package obj;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A static library ({@code .a}): object files bundled in the classic Unix {@code ar} format,
 * plus an index saying which member defines which global symbol, so the linker can pull in
 * just the members a program needs.
 *
 * <p>The encoding is GNU ar's, so the host's {@code ar t libc.a} lists a Clonix library:
 * <pre>
 *   "!&lt;arch&gt;\n"
 *   per member: a 60-byte ASCII header (name, mtime, uid, gid, mode, size, "`\n"),
 *               then size bytes, then a '\n' if size is odd
 * </pre>
 * The first member, named "/", is the symbol index (big-endian u32 count, count u32 offsets
 * of member headers, count NUL-terminated names). A member named "//" holds names longer than
 * 15 bytes, each ending "/\n"; such a member's header name is "/offset" into it. Timestamps,
 * owners and modes are fixed (0, 0, 0, 644) so that the same objects give the same bytes, as
 * {@code ar D} does. Details are in docs/executable.md.
 */
public final class Archive {
    /** The eight bytes every archive starts with. */
    public static final byte[] MAGIC = "!<arch>\n".getBytes(StandardCharsets.US_ASCII);
    /** Size of a member header. */
    public static final int HEADER_SIZE = 60;
    /** Longest member name that fits in the header itself (16 bytes including the '/'). */
    static final int MAX_SHORT_NAME = 15;

    private final String name;
    private final List<ObjectFile> members;
    private final Map<String, Integer> index;

    /**
     * An archive called {@code name} holding {@code members}, with the index computed from
     * their global definitions. If two members define the same symbol, the first one is indexed.
     */
    public Archive(String name, List<ObjectFile> members) {
        this(name, members, computeIndex(members));
    }

    private Archive(String name, List<ObjectFile> members, Map<String, Integer> index) {
        this.name = name;
        this.members = List.copyOf(members);
        this.index = Collections.unmodifiableMap(index);
    }

    /** The archive's file name, used in messages such as {@code libc.a(printf.o)}. */
    public String name() {
        return name;
    }

    /** The member objects in archive order; each one's name is its member name. */
    public List<ObjectFile> members() {
        return members;
    }

    /** Global symbol name to the position in {@link #members()} of the member defining it, in index order. */
    public Map<String, Integer> index() {
        return index;
    }

    /** The member that defines global symbol {@code symbol}, or null if none does. */
    public ObjectFile definer(String symbol) {
        Integer i = index.get(symbol);
        return i == null ? null : members.get(i);
    }

    /** The global symbols each member defines, first definition wins, in member order. */
    static Map<String, Integer> computeIndex(List<ObjectFile> members) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < members.size(); i++) {
            for (Symbol s : members.get(i).symbols()) {
                if (!s.isUndefined() && s.binding == Symbol.Binding.GLOBAL) index.putIfAbsent(s.name, i);
            }
        }
        return index;
    }

    /** The name a member is stored under: the object's name without any directory. */
    static String memberName(ObjectFile obj) {
        String n = obj.name.substring(obj.name.lastIndexOf('/') + 1);
        if (n.isEmpty() || n.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("object name unusable as an archive member name: '" + obj.name + "'");
        }
        return n;
    }

    /**
     * Encodes {@code members} as an archive with a symbol index; the same objects always give
     * the same bytes.
     */
    public static byte[] write(List<ObjectFile> members) {
        // Encode everything first: the index holds member offsets, which depend on the sizes
        // of the index itself and of the long-name table that precede the members.
        List<byte[]> bodies = new ArrayList<>();
        List<String> headerNames = new ArrayList<>();
        ByteArrayOutputStream longNames = new ByteArrayOutputStream();
        for (ObjectFile m : members) {
            bodies.add(ObjectFormat.write(m));
            byte[] n = memberName(m).getBytes(StandardCharsets.UTF_8);
            if (n.length <= MAX_SHORT_NAME) {
                headerNames.add(memberName(m) + "/");
            } else {
                headerNames.add("/" + longNames.size());
                longNames.write(n, 0, n.length);
                longNames.write('/');
                longNames.write('\n');
            }
        }
        Map<String, Integer> index = computeIndex(members);
        int indexSize = 4 + 4 * index.size();
        for (String s : index.keySet()) indexSize += s.getBytes(StandardCharsets.UTF_8).length + 1;

        long[] offsets = new long[members.size()];
        long pos = MAGIC.length + HEADER_SIZE + even(indexSize);
        if (longNames.size() > 0) pos += HEADER_SIZE + even(longNames.size());
        for (int i = 0; i < members.size(); i++) {
            offsets[i] = pos;
            pos += HEADER_SIZE + even(bodies.get(i).length);
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(MAGIC);
        ByteArrayOutputStream idx = new ByteArrayOutputStream();
        writeBigEndian32(idx, index.size());
        for (int member : index.values()) writeBigEndian32(idx, offsets[member]);
        for (String s : index.keySet()) {
            idx.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            idx.write(0);
        }
        writeMember(out, ArHeader.format("/", "0", "0", "0", "0", idx.size()), idx.toByteArray());
        if (longNames.size() > 0) {
            writeMember(out, ArHeader.format("//", "", "", "", "", longNames.size()), longNames.toByteArray());
        }
        for (int i = 0; i < members.size(); i++) {
            writeMember(out, ArHeader.format(headerNames.get(i), "0", "0", "0", "644", bodies.get(i).length), bodies.get(i));
        }
        return out.toByteArray();
    }

    /**
     * Decodes an archive called {@code name}. Each member must be a Clonix object file. If the
     * archive has no "/" index member, the index is computed from the members.
     *
     * @throws FormatException if the archive or one of its members is malformed; a member's
     *         problem is reported against {@code name(member)}
     */
    public static Archive read(String name, byte[] bytes) throws FormatException {
        return ArchiveReader.read(name, bytes);
    }

    /** Builds an archive whose index was read from the file rather than computed. */
    static Archive withIndex(String name, List<ObjectFile> members, Map<String, Integer> index) {
        return new Archive(name, members, index);
    }

    private static void writeMember(ByteArrayOutputStream out, byte[] header, byte[] body) {
        out.writeBytes(header);
        out.writeBytes(body);
        if (body.length % 2 != 0) out.write('\n');
    }

    private static void writeBigEndian32(ByteArrayOutputStream out, long v) {
        for (int shift = 24; shift >= 0; shift -= 8) out.write((int) (v >>> shift));
    }

    private static long even(long n) {
        return n + (n & 1);
    }
}
