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
 * of its alignment. Padding is zero bytes; in text, zero is not an instruction, so running
 * into padding traps at once.
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
        l.segment(Segment.R | Segment.X, Section.Kind.TEXT, null);
        l.textEnd = l.cursor;
        l.segment(Segment.R, Section.Kind.RODATA, null);
        long beforeData = l.cursor;
        long fileEnd = l.segment(Segment.R | Segment.W, Section.Kind.DATA, Section.Kind.BSS);
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

    /**
     * Places one segment holding the sections of kind {@code filled}, then those of kind
     * {@code zeroed} (or none), which occupy memory but not the file. Returns the end of the
     * file-backed part.
     */
    private long segment(int flags, Section.Kind filled, Section.Kind zeroed) {
        long start = alignUp(cursor, Math.max(Segment.PAGE_SIZE, maxAlign(filled, zeroed)));
        long fileEnd = place(start, filled);
        long end = zeroed == null ? fileEnd : place(fileEnd, zeroed);
        if (end == start) return start; // nothing of these kinds anywhere: no segment, no page used
        cursor = end;
        fileBytes += fileEnd - start;
        if (fileBytes > MAX_FILE_BYTES || end > ADDRESS_LIMIT) {
            return fileEnd; // reported as "program too large" by compute()
        }
        byte[] bytes = new byte[(int) (fileEnd - start)];
        for (Input in : inputs) {
            byte[] data = in.obj.section(filled).data();
            System.arraycopy(data, 0, bytes, (int) (in.base[filled.ordinal()] - start), data.length);
        }
        images.add(new Image(start, end - start, bytes, flags));
        return fileEnd;
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

    private long maxAlign(Section.Kind a, Section.Kind b) {
        long max = 1;
        for (Input in : inputs) {
            max = Math.max(max, in.obj.section(a).align());
            if (b != null) max = Math.max(max, in.obj.section(b).align());
        }
        return max;
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
