package obj;

/**
 * The on-disk encoding of a relocatable object file ({@code .o}), magic "CLXO".
 *
 * <p>Everything is little-endian and read front to back; there are no file offsets to follow.
 * docs/executable.md describes the layout byte by byte:
 *
 * <pre>
 *   header      "CLXO", u16 version (5), u16 section count, u32 symbol count, u32 relocation count,
 *               string source (the .file directive's name, or empty)
 *   sections    u8 kind, 3 zero bytes, u32 alignment, u64 size, then size bytes (none for .bss, .tbss);
 *               for .init_array and .fini_array then u32 piece count and, for each piece in
 *               order, u64 size, u32 priority (0 to 65535; the sizes add up to the section's)
 *   symbols     string name, u8 section (0xff = undefined), u8 binding, u8 type, u8 zero,
 *               u64 value, u64 size
 *   relocations string symbol, u8 section, u8 type, u16 zero, u64 offset, i64 addend
 *   line table  the source lines of .text ({@link LineTable}; addresses are .text offsets)
 * </pre>
 *
 * Version 4, the same without the line table, is still read (as an object without lines).
 *
 * A string is a u16 byte count followed by UTF-8 bytes. The enumerations are encoded by their
 * position in {@link Section.Kind}, {@link Symbol.Binding}, {@link Symbol.Type} and
 * {@link Relocation.Type}, whose order is therefore part of the format.
 */
public final class ObjectFormat {
    private ObjectFormat() {}

    /** The four bytes every object file starts with. */
    public static final byte[] MAGIC = {'C', 'L', 'X', 'O'};
    /** The version this code writes; it reads this one and {@link #VERSION_WITHOUT_LINES}. */
    public static final int VERSION = 5;
    /** The version before line tables, still read. */
    public static final int VERSION_WITHOUT_LINES = 4;
    /** Section byte of a symbol that is referenced but not defined in this object. */
    static final int UNDEFINED_SECTION = 0xff;

    /** Encodes {@code obj}; the same object always gives the same bytes. */
    public static byte[] write(ObjectFile obj) {
        BinaryWriter w = new BinaryWriter();
        w.bytes(MAGIC);
        w.u16(VERSION);
        w.u16(Section.Kind.values().length);
        w.u32(obj.symbols().size());
        w.u32(obj.relocations().size());
        w.string(obj.source());

        // Every object has all eight sections, so all eight are written (empty ones cost 16
        // bytes) and reading gives back exactly the object that was written.
        for (Section.Kind kind : Section.Kind.values()) {
            Section s = obj.section(kind);
            w.u8(kind.ordinal());
            w.u8(0);
            w.u16(0);
            w.u32(s.align());
            w.u64(s.size());
            if (!kind.zeroFilled()) w.bytes(s.data());
            if (s.hasPriorities()) {
                w.u32(s.pieces().size());
                for (Section.Piece piece : s.pieces()) {
                    w.u64(piece.size());
                    w.u32(piece.priority());
                }
            }
        }
        for (Symbol sym : obj.symbols()) {
            w.string(sym.name);
            w.u8(sym.isUndefined() ? UNDEFINED_SECTION : sym.section.ordinal());
            w.u8(sym.binding.ordinal());
            w.u8(sym.type.ordinal());
            w.u8(0);
            w.u64(sym.value);
            w.u64(sym.size);
        }
        for (Relocation r : obj.relocations()) {
            w.string(r.symbol);
            w.u8(r.section.ordinal());
            w.u8(r.type.ordinal());
            w.u16(0);
            w.u64(r.offset);
            w.u64(r.addend);
        }
        obj.lines().write(w);
        return w.toByteArray();
    }

    /**
     * Decodes an object file. {@code name} is the file's name, used for the returned object's
     * {@link ObjectFile#name} and in error messages.
     *
     * @throws FormatException if the bytes are not a well-formed object file of this version
     */
    public static ObjectFile read(String name, byte[] bytes) throws FormatException {
        BinaryReader r = new BinaryReader(name, bytes);
        checkMagic(r, MAGIC, "a Clonix object file");
        int version = r.u16("version");
        if (version != VERSION && version != VERSION_WITHOUT_LINES) {
            throw r.fail("unsupported object file version " + version + " (this tool reads versions "
                    + VERSION_WITHOUT_LINES + " and " + VERSION + ")");
        }
        int nsections = r.u16("section count");
        long nsymbols = r.u32("symbol count");
        long nrelocs = r.u32("relocation count");
        String source = r.string("source file name");

        ObjectFile obj = new ObjectFile(name);
        obj.setSource(source);
        boolean[] seen = new boolean[Section.Kind.values().length];
        for (int i = 0; i < nsections; i++) {
            String what = "section " + i;
            Section.Kind kind = enumAt(r, Section.Kind.values(), r.u8(what + " kind"), what + " kind");
            if (seen[kind.ordinal()]) throw r.fail("section " + kind.sectionName() + " appears twice");
            seen[kind.ordinal()] = true;
            r.zeros(3, what + " padding");
            readSectionBody(r, obj.section(kind), what);
        }
        for (long i = 0; i < nsymbols; i++) {
            String what = "symbol " + i;
            String symName = r.string(what + " name");
            if (symName.isEmpty()) throw r.fail(what + " has an empty name");
            int sec = r.u8(what + " section");
            Section.Kind kind = sec == UNDEFINED_SECTION ? null
                    : enumAt(r, Section.Kind.values(), sec, what + " section");
            Symbol.Binding binding = enumAt(r, Symbol.Binding.values(), r.u8(what + " binding"), what + " binding");
            Symbol.Type type = enumAt(r, Symbol.Type.values(), r.u8(what + " type"), what + " type");
            r.zeros(1, what + " padding");
            long value = r.u64(what + " value");
            long size = r.u64(what + " size");
            // ObjectFile keys symbols by name, so a second one would silently replace the first.
            if (obj.symbol(symName) != null) throw r.fail("symbol '" + symName + "' is defined twice");
            obj.putSymbol(new Symbol(symName, kind, value, size, binding, type));
        }
        for (long i = 0; i < nrelocs; i++) {
            String what = "relocation " + i;
            String sym = r.string(what + " symbol");
            if (sym.isEmpty()) throw r.fail(what + " has an empty symbol name");
            Section.Kind kind = enumAt(r, Section.Kind.values(), r.u8(what + " section"), what + " section");
            Relocation.Type type = enumAt(r, Relocation.Type.values(), r.u8(what + " type"), what + " type");
            r.zeros(2, what + " padding");
            long offset = r.u64(what + " offset");
            long addend = r.u64(what + " addend");
            obj.addRelocation(new Relocation(kind, offset, type, sym, addend));
        }
        if (version == VERSION) {
            LineTable lines = LineTable.read(r);
            long text = obj.section(Section.Kind.TEXT).size();
            if (!lines.isEmpty() && Long.compareUnsigned(lines.rows().get(lines.rows().size() - 1).address(), text) > 0) {
                throw r.fail("the line table reaches beyond .text (" + text + " bytes)");
            }
            obj.setLines(lines);
        }
        r.expectEnd(version == VERSION ? "the line table" : "the relocation table");
        return obj;
    }

    /** Reads alignment, size and contents of one section into {@code s}. */
    private static void readSectionBody(BinaryReader r, Section s, String what) throws FormatException {
        long align = r.u32(what + " alignment");
        if (align == 0 || Long.bitCount(align) != 1 || align > (1 << 30)) {
            throw r.fail(what + " (" + s.name() + ") has alignment " + align + ", not a power of two");
        }
        s.setAlign((int) align);
        long size = r.u64(what + " size");
        if (s.kind.zeroFilled()) {
            if (size < 0 || size > Integer.MAX_VALUE) throw r.fail(s.name() + " size " + Long.toUnsignedString(size) + " is too large");
            s.appendZeros(size);
        } else if (!s.hasPriorities()) {
            s.append(r.bytes(size, s.name() + " contents"));
        } else {
            byte[] contents = r.bytes(size, s.name() + " contents");
            long pieces = r.u32(s.name() + " piece count");
            long at = 0;
            for (long i = 0; i < pieces; i++) {
                long n = r.u64(s.name() + " piece " + i + " size");
                long priority = r.u32(s.name() + " piece " + i + " priority");
                if (priority > Section.DEFAULT_PRIORITY) throw r.fail(s.name() + " piece " + i + " has priority " + priority + ", above 65535");
                if (n <= 0 || n > contents.length - at) throw r.fail(s.name() + " piece " + i + " has size " + Long.toUnsignedString(n) + ", beyond the section");
                s.setPriority((int) priority);
                s.append(java.util.Arrays.copyOfRange(contents, (int) at, (int) (at + n)));
                at += n;
            }
            if (at != contents.length) throw r.fail(s.name() + " pieces cover " + at + " of its " + contents.length + " bytes");
        }
    }

    /** Fails unless the file starts with {@code magic}; {@code kind} names what it should be. */
    static void checkMagic(BinaryReader r, byte[] magic, String kind) throws FormatException {
        if (r.remaining() < magic.length) {
            throw r.fail("not " + kind + ": only " + r.remaining() + " bytes long");
        }
        byte[] got = r.bytes(magic.length, "magic number");
        if (!java.util.Arrays.equals(got, magic)) {
            throw r.fail("not " + kind + ": bad magic number " + hex(got) + " (expected " + hex(magic) + ")");
        }
    }

    /** The enum constant at position {@code i}, or a FormatException naming the field. */
    static <E extends Enum<E>> E enumAt(BinaryReader r, E[] values, int i, String what) throws FormatException {
        if (i < 0 || i >= values.length) throw r.fail("invalid " + what + " " + i);
        return values[i];
    }

    /** Bytes as hex pairs separated by spaces, for messages. */
    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            if (sb.length() > 0) sb.append(' ');
            sb.append(String.format("%02x", x & 0xff));
        }
        return sb.toString();
    }
}
