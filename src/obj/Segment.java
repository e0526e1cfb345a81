package obj;

import java.util.Arrays;

/**
 * One program segment of an executable: a page-aligned range of virtual memory, its initial
 * contents and its permissions. The loader maps {@code memSize} bytes at {@code vaddr}, copies
 * the {@code fileSize} bytes of {@link #data()} to the start and leaves the rest zero; that
 * zero tail is how .bss costs nothing in the file.
 *
 * <p>This is the counterpart of an ELF {@code PT_LOAD} program header; the permission bits
 * have ELF's values (R = 4, W = 2, X = 1).
 */
public final class Segment {
    /** Permission bit: the pages may be executed. */
    public static final int X = 1;
    /** Permission bit: the pages may be written. */
    public static final int W = 2;
    /** Permission bit: the pages may be read. */
    public static final int R = 4;
    /** Page size of the machine; segments start on a page boundary. */
    public static final int PAGE_SIZE = 4096;

    private final long vaddr;
    private final long memSize;
    private final byte[] data;
    private final int flags;

    /**
     * A segment at {@code vaddr} (a multiple of the page size) spanning {@code memSize} bytes,
     * of which the first {@code data.length} are given and the rest are zero.
     *
     * @throws IllegalArgumentException if the address is not page-aligned, the data is longer
     *         than the segment, or {@code flags} has bits other than R, W and X
     */
    public Segment(long vaddr, long memSize, byte[] data, int flags) {
        if (vaddr % PAGE_SIZE != 0) throw new IllegalArgumentException("segment address not page-aligned: 0x" + Long.toHexString(vaddr));
        if (data.length > memSize) throw new IllegalArgumentException("segment file size exceeds its memory size");
        if ((flags & ~(R | W | X)) != 0) throw new IllegalArgumentException("bad segment flags " + flags);
        this.vaddr = vaddr;
        this.memSize = memSize;
        this.data = data.clone();
        this.flags = flags;
    }

    /** Virtual address of the first byte; a multiple of {@link #PAGE_SIZE}. */
    public long vaddr() {
        return vaddr;
    }

    /** Bytes of memory the segment occupies once loaded. */
    public long memSize() {
        return memSize;
    }

    /** Bytes of initial contents stored in the file; the remaining memSize - fileSize are zero. */
    public long fileSize() {
        return data.length;
    }

    /** A copy of the initial contents, {@link #fileSize()} bytes. */
    public byte[] data() {
        return data.clone();
    }

    /** The permission bits, a combination of {@link #R}, {@link #W} and {@link #X}. */
    public int flags() {
        return flags;
    }

    /** True if the pages may be read. */
    public boolean readable() {
        return (flags & R) != 0;
    }

    /** True if the pages may be written. */
    public boolean writable() {
        return (flags & W) != 0;
    }

    /** True if the pages may be executed. */
    public boolean executable() {
        return (flags & X) != 0;
    }

    /** The address just past the segment's last byte in memory. */
    public long end() {
        return vaddr + memSize;
    }

    /** True if {@code addr} lies inside the segment in memory. */
    public boolean contains(long addr) {
        return addr >= vaddr && addr - vaddr < memSize;
    }

    /** Permissions as {@code /proc/pid/maps} prints them: "r-x", "rw-". */
    public String permissions() {
        return (readable() ? "r" : "-") + (writable() ? "w" : "-") + (executable() ? "x" : "-");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Segment s && s.vaddr == vaddr && s.memSize == memSize && s.flags == flags
                && Arrays.equals(s.data, data);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(vaddr) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return String.format("0x%x-0x%x %s filesz 0x%x", vaddr, end(), permissions(), data.length);
    }
}
