package ld;

import java.util.ArrayList;
import java.util.List;

import obj.Section;
import obj.Segment;

/**
 * Decides where every section of every input goes, and builds the segment images.
 *
 * <p>The layout is that of a non-PIE Linux x86-64 program (docs/executable.md, "Memory
 * layout"): text from {@code 0x400000}, then read-only data, then data followed by bss, each
 * segment starting on a fresh page so that it can be mapped with its own permissions. Within a
 * segment the sections of one kind are concatenated in input order, each starting at a multiple
 * of its alignment. The data segment starts with the constructor and destructor arrays
 * (.init_array, .fini_array), as GNU ld puts them before .data, their entries sorted by
 * priority across all inputs (see {@link #placeByPriority}); the TLS template (.tdata,
 * .tbss) sits between data and bss. Padding is zero bytes; in text, zero is not an
 * instruction, so running into padding traps at once.
 */
final class Layout {
    /** Everything must lie below 2 GiB so that an address fits in {@code li}'s signed 32-bit immediate. */
    static final long ADDRESS_LIMIT = 1L << 31;
    /**
     * The most initialised bytes (text, read-only data, data) a program may have: 64 MiB,
     * the largest file the guest can hold (fs.RegularFile.MAX_SIZE), so a larger executable
     * could be neither written nor run. Checked before the segment images are allocated.
     */
    static final long MAX_FILE_BYTES = 64L << 20;

    /** A segment under construction: its place, permissions and mutable initial contents. */
    static final class Image {
        final long vaddr;
        final long memSize;
        final byte[] bytes;
        final int flags;

        Image(long vaddr, long memSize, byte[] bytes, int flags) {
            this.vaddr = vaddr;
            this.memSize = memSize;
            this.bytes = bytes;
            this.flags = flags;
        }

        Segment toSegment() {
            return new Segment(vaddr, memSize, bytes, flags);
        }
    }

    /** The segments actually present (empty ones are left out), in address order. */
    final List<Image> images = new ArrayList<>();
    /** End of text, end of initialised data, start of bss, end of bss: for _etext, _edata, __bss_start, _end. */
    long textEnd, dataEnd, bssStart, end;
    /**
     * The TLS template (ELF's PT_TLS): its address, the size of its initialised part
     * (.tdata), the size of a thread's TLS block (.tdata and .tbss, rounded up to the
     * alignment) and that alignment; 1 and sizes 0 when the program has no TLS.
     */
    long tlsStart, tdataSize, tlsBlockSize, tlsAlign = 1;
    /** The constructor and destructor arrays: [initArrayStart, initArrayEnd), [finiArrayStart, finiArrayEnd). */
    long initArrayStart, initArrayEnd, finiArrayStart, finiArrayEnd;

    private final List<Input> inputs;
    private long cursor;
    /** The initialised bytes of the segments placed so far. */
    private long fileBytes;

    private Layout(List<Input> inputs, long textBase) {
        this.inputs = inputs;
        this.cursor = textBase;
    }

    /** Lays out {@code inputs} from {@code textBase}, filling in each input's section addresses. */
    static Layout compute(List<Input> inputs, long textBase, List<String> errors) {
        Layout l = new Layout(inputs, textBase);
        l.segment(Segment.R | Segment.X, Section.Kind.TEXT);
        l.textEnd = l.cursor;
        l.segment(Segment.R, Section.Kind.RODATA);
        long beforeData = l.cursor;
        long fileEnd = l.dataSegment();
        // As in GNU ld's default script, __bss_start is where initialised data stops.
        l.dataEnd = l.bssStart = l.cursor == beforeData ? beforeData : fileEnd;
        l.end = l.cursor;
        if (l.end > ADDRESS_LIMIT) {
            errors.add("ld: program too large: it ends at 0x" + Long.toHexString(l.end)
                    + ", beyond the 2 GiB limit (0x" + Long.toHexString(ADDRESS_LIMIT) + ")");
        } else if (l.fileBytes > MAX_FILE_BYTES) {
            errors.add("ld: program too large: its segments hold " + l.fileBytes
                    + " bytes of code and data, more than the " + (MAX_FILE_BYTES >> 20) + " MiB a file can hold");
        }
        return l;
    }

    /** Places a segment holding only the sections of kind {@code kind} (which have bytes). */
    private void segment(int flags, Section.Kind kind) {
        long start = alignUp(cursor, Math.max(Segment.PAGE_SIZE, maxAlign(kind)));
        long end = place(start, kind);
        image(flags, start, end, end, kind);
    }

    /**
     * Places the read-write segment: .init_array, .fini_array, .data, then the TLS template's initialised part
     * (.tdata), then .bss. The template's zeroed part (.tbss) gets addresses right after
     * .tdata but no memory of its own: as in ELF, those addresses overlap .bss, since nothing
     * ever reads the template's zeros there (a thread's block is made from the template and
     * its variables are reached through tp). Returns the end of the file-backed part.
     */
    private long dataSegment() {
        long start = alignUp(cursor, Math.max(Segment.PAGE_SIZE, maxAlign(Section.Kind.INIT_ARRAY,
                Section.Kind.FINI_ARRAY, Section.Kind.DATA, Section.Kind.TDATA, Section.Kind.TBSS, Section.Kind.BSS)));
        initArrayStart = start;
        initArrayEnd = finiArrayStart = placeByPriority(initArrayStart, Section.Kind.INIT_ARRAY);
        finiArrayEnd = placeByPriority(finiArrayStart, Section.Kind.FINI_ARRAY);
        long dataEnd = place(finiArrayEnd, Section.Kind.DATA);
        tlsAlign = tlsAlign();
        tlsStart = alignUp(dataEnd, tlsAlign);
        long fileEnd = place(tlsStart, Section.Kind.TDATA);
        tdataSize = fileEnd - tlsStart;
        if (totalSize(Section.Kind.TDATA) == 0) { // no .tdata: no padding for it either
            fileEnd = dataEnd;
            tdataSize = 0;
        }
        long tbssEnd = place(tlsStart + tdataSize, Section.Kind.TBSS);
        long tlsEnd = totalSize(Section.Kind.TBSS) == 0 ? tlsStart + tdataSize : tbssEnd;
        tlsBlockSize = alignUp(tlsEnd - tlsStart, tlsAlign);
        long end = place(fileEnd, Section.Kind.BSS);
        image(Segment.R | Segment.W, start, fileEnd, end,
                Section.Kind.INIT_ARRAY, Section.Kind.FINI_ARRAY, Section.Kind.DATA, Section.Kind.TDATA);
        return fileEnd;
    }

    private long totalSize(Section.Kind kind) {
        long n = 0;
        for (Input in : inputs) n += in.obj.section(kind).size();
        return n;
    }

    /** The largest alignment of a non-empty .tdata or .tbss, or 1 when the program has no TLS. */
    private long tlsAlign() {
        long max = 1;
        for (Input in : inputs) {
            for (Section.Kind k : List.of(Section.Kind.TDATA, Section.Kind.TBSS)) {
                Section s = in.obj.section(k);
                if (s.size() > 0) max = Math.max(max, s.align());
            }
        }
        return max;
    }

    /**
     * Records the segment [start, end) whose first fileEnd - start bytes are the contents of
     * the sections of the {@code filled} kinds, unless it is empty.
     */
    private void image(int flags, long start, long fileEnd, long end, Section.Kind... filled) {
        if (end == start) return; // nothing of these kinds anywhere: no segment, no page used
        cursor = end;
        fileBytes += fileEnd - start;
        if (fileBytes > MAX_FILE_BYTES || end > ADDRESS_LIMIT) return; // reported by compute()
        byte[] bytes = new byte[(int) (fileEnd - start)];
        for (Section.Kind kind : filled) {
            for (Input in : inputs) {
                byte[] data = in.obj.section(kind).data();
                if (data.length == 0) continue; // an empty section's address may lie past the end
                List<Input.Placed> pieces = in.placed.get(kind);
                if (pieces == null) {
                    System.arraycopy(data, 0, bytes, (int) (in.base[kind.ordinal()] - start), data.length);
                    continue;
                }
                for (Input.Placed p : pieces) {
                    System.arraycopy(data, (int) p.piece().offset(), bytes, (int) (p.address() - start), (int) p.piece().size());
                }
            }
        }
        images.add(new Image(start, end - start, bytes, flags));
    }

    /** Gives every input's section of {@code kind} an address from {@code addr} on; returns the end. */
    private long place(long addr, Section.Kind kind) {
        for (Input in : inputs) {
            Section s = in.obj.section(kind);
            addr = alignUp(addr, s.align());
            in.base[kind.ordinal()] = addr;
            addr += s.size();
        }
        return addr;
    }

    /**
     * Places the pieces of every input's .init_array or .fini_array from {@code addr} on, as
     * GNU ld's default script does with SORT_BY_INIT_PRIORITY: by priority, lowest first, and
     * those of equal priority (the unnumbered ones, last, among them) in input order and then
     * in their order in the object. Returns the end.
     */
    private long placeByPriority(long addr, Section.Kind kind) {
        record Entry(Input in, Section.Piece piece, int align) {}
        List<Entry> entries = new ArrayList<>();
        for (Input in : inputs) {
            Section s = in.obj.section(kind);
            in.placed.remove(kind);
            in.base[kind.ordinal()] = alignUp(addr, s.align()); // where an empty one's symbols point
            for (Section.Piece p : s.pieces()) entries.add(new Entry(in, p, s.align()));
        }
        // List.sort is stable: equal priorities keep input order, then object order.
        entries.sort(java.util.Comparator.comparingInt(e -> e.piece().priority()));
        for (Entry e : entries) {
            addr = alignUp(addr, e.align());
            e.in().place(kind, e.piece(), addr);
            addr += e.piece().size();
        }
        return addr;
    }

    private long maxAlign(Section.Kind... kinds) {
        long max = 1;
        for (Input in : inputs) {
            for (Section.Kind k : kinds) max = Math.max(max, in.obj.section(k).align());
        }
        return max;
    }

    /**
     * The thread pointer's offset of a thread-local address: a thread's TLS block is a copy
     * of the template [tlsStart, tlsStart + tlsBlockSize) lying just below its tp (x86-64's
     * variant II), so a variable at {@code addr} in the template is at tp + (addr - tlsStart
     * - tlsBlockSize) in every thread.
     */
    long tpOffset(long addr) {
        return addr - tlsStart - tlsBlockSize;
    }

    /** The image holding address {@code addr}, or null. */
    Image imageAt(long addr) {
        for (Image im : images) if (addr >= im.vaddr && addr < im.vaddr + im.bytes.length) return im;
        return null;
    }

    static long alignUp(long x, long a) {
        return (x + a - 1) / a * a;
    }
}
