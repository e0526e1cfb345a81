package obj;

import java.util.ArrayList;
import java.util.List;

/**
 * The on-disk encoding of an {@link Executable}, magic "\x7fCLX" (after ELF's "\x7fELF").
 *
 * <p>Little-endian; docs/executable.md has the byte-by-byte layout:
 *
 * <pre>
 *   0   header          "\x7fCLX", u16 version (2), u16 segment count, u64 entry,
 *                       u64 symbol table offset, u32 symbol count, u32 zero      (32 bytes)
 *   32  segment table   per segment: u32 flags, u32 zero, u64 vaddr, u64 memsz,
 *                       u64 filesz, u64 file offset                              (40 bytes each)
 *       contents        each segment's filesz bytes at its file offset, 8-byte aligned
 *       symbol table    per symbol: string name, u8 type, u8 binding, u64 address, u64 size
 *       line table      the source lines of the code ({@link LineTable}), absolute addresses
 * </pre>
 *
 * Version 1, the same without the line table, is still read (as a program without lines).
 *
 * The reader checks everything the loader relies on (page-aligned, ordered, non-overlapping
 * segments inside the 48-bit address space, contents inside the file, an entry point in an
 * executable segment), so the loader can trust an Executable it is handed.
 */
public final class ExecutableFormat {
    private ExecutableFormat() {}

    /** The four bytes every executable starts with. */
    public static final byte[] MAGIC = {0x7f, 'C', 'L', 'X'};
    /** The version this code writes; it reads this one and {@link #VERSION_WITHOUT_LINES}. */
    public static final int VERSION = 2;
    /** The version before line tables, still read. */
    public static final int VERSION_WITHOUT_LINES = 1;
    /** Size of the fixed header in bytes. */
    public static final int HEADER_SIZE = 32;
    /** Size of one segment-table entry in bytes. */
    public static final int SEGMENT_ENTRY_SIZE = 40;
    /** Virtual addresses are 48 bits wide (docs/isa.md); no segment may reach beyond. */
    public static final long ADDRESS_LIMIT = 1L << 48;

    /** Encodes {@code exe}; the same executable always gives the same bytes. */
    public static byte[] write(Executable exe) {
        List<Segment> segs = exe.segments();
        BinaryWriter w = new BinaryWriter();
        w.bytes(MAGIC);
        w.u16(VERSION);
        w.u16(segs.size());
        w.u64(exe.entry());
        int symtabOffsetField = w.size();
        w.u64(0); // symbol table offset, patched once it is known
        w.u32(exe.symbols().size());
        w.u32(0);

        // The contents follow the table, so their offsets can be computed before writing it.
        long offset = HEADER_SIZE + (long) SEGMENT_ENTRY_SIZE * segs.size();
        for (Segment s : segs) {
            offset = align8(offset);
            w.u32(s.flags());
            w.u32(0);
            w.u64(s.vaddr());
            w.u64(s.memSize());
            w.u64(s.fileSize());
            w.u64(offset);
            offset += s.fileSize();
        }
        for (Segment s : segs) {
            w.padTo(8);
            w.bytes(s.data());
        }
        w.padTo(8);
        w.patchU64(symtabOffsetField, w.size());
        for (Symbol sym : exe.symbols()) {
            w.string(sym.name);
            w.u8(sym.type.ordinal());
            w.u8(sym.binding.ordinal());
            w.u64(sym.value);
            w.u64(sym.size);
        }
        exe.lines().write(w);
        return w.toByteArray();
    }

    /**
     * Decodes an executable; {@code name} is used in error messages.
     *
     * @throws FormatException if the bytes are not a well-formed, loadable executable of version 1 or 2
     */
    public static Executable read(String name, byte[] bytes) throws FormatException {
        BinaryReader r = new BinaryReader(name, bytes);
        ObjectFormat.checkMagic(r, MAGIC, "a Clonix executable");
        int version = r.u16("version");
        if (version != VERSION && version != VERSION_WITHOUT_LINES) {
            throw r.fail("unsupported executable version " + version + " (this tool reads versions "
                    + VERSION_WITHOUT_LINES + " and " + VERSION + ")");
        }
        int nsegs = r.u16("segment count");
        long entry = r.u64("entry point");
        long symtabOffset = r.u64("symbol table offset");
        long nsyms = r.u32("symbol count");
        r.zeros(4, "header padding");

        // First the whole table, then the contents, since the table says where they are.
        long[][] table = new long[nsegs][];
        for (int i = 0; i < nsegs; i++) {
            String what = "segment " + i;
            long flags = r.u32(what + " flags");
            r.zeros(4, what + " padding");
            table[i] = new long[] {flags, r.u64(what + " vaddr"), r.u64(what + " memsz"),
                r.u64(what + " filesz"), r.u64(what + " file offset")};
        }
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < nsegs; i++) segments.add(readSegment(r, i, table[i], segments));
        checkEntry(r, entry, segments);

        r.seek(symtabOffset, "symbol table");
        List<Symbol> symbols = new ArrayList<>();
        for (long i = 0; i < nsyms; i++) {
            String what = "symbol " + i;
            String symName = r.string(what + " name");
            if (symName.isEmpty()) throw r.fail(what + " has an empty name");
            Symbol.Type type = ObjectFormat.enumAt(r, Symbol.Type.values(), r.u8(what + " type"), what + " type");
            Symbol.Binding binding = ObjectFormat.enumAt(r, Symbol.Binding.values(), r.u8(what + " binding"), what + " binding");
            long value = r.u64(what + " address");
            long size = r.u64(what + " size");
            symbols.add(new Symbol(symName, null, value, size, binding, type));
        }
        LineTable lines = version == VERSION ? LineTable.read(r) : LineTable.EMPTY;
        r.expectEnd(version == VERSION ? "the line table" : "the symbol table");
        return new Executable(entry, segments, symbols, lines);
    }

    /** Checks segment {@code i}'s table entry against the file and the earlier segments, then reads its contents. */
    private static Segment readSegment(BinaryReader r, int i, long[] e, List<Segment> earlier) throws FormatException {
        long flags = e[0], vaddr = e[1], memsz = e[2], filesz = e[3], offset = e[4];
        String what = "segment " + i;
        if ((flags & ~(long) (Segment.R | Segment.W | Segment.X)) != 0) {
            throw r.fail(what + " has unknown permission bits 0x" + Long.toHexString(flags));
        }
        if (vaddr % Segment.PAGE_SIZE != 0) {
            throw r.fail(what + " address 0x" + Long.toHexString(vaddr) + " is not page-aligned");
        }
        if (memsz == 0) throw r.fail(what + " is empty (memsz 0)");
        if (Long.compareUnsigned(vaddr, ADDRESS_LIMIT) >= 0 || Long.compareUnsigned(memsz, ADDRESS_LIMIT - vaddr) > 0) {
            throw r.fail(what + " at 0x" + Long.toHexString(vaddr) + " size 0x" + Long.toHexString(memsz)
                    + " extends beyond the 48-bit address space");
        }
        if (Long.compareUnsigned(filesz, memsz) > 0) {
            throw r.fail(what + " has filesz 0x" + Long.toHexString(filesz) + " larger than memsz 0x" + Long.toHexString(memsz));
        }
        if (!earlier.isEmpty() && Executable.pageUp(earlier.get(earlier.size() - 1).end()) > vaddr) {
            throw r.fail(what + " at 0x" + Long.toHexString(vaddr) + " overlaps or precedes the previous segment");
        }
        r.seek(offset, what + " contents");
        return new Segment(vaddr, memsz, r.bytes(filesz, what + " contents"), (int) flags);
    }

    private static void checkEntry(BinaryReader r, long entry, List<Segment> segments) throws FormatException {
        for (Segment s : segments) {
            if (s.contains(entry) && s.executable()) return;
        }
        throw r.fail("entry point 0x" + Long.toHexString(entry) + " is not in an executable segment");
    }

    private static long align8(long x) {
        return (x + 7) & -8L;
    }
}
