package obj;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One section of an object file: a named run of bytes with a kind that decides where the
 * linker places it and with what page permissions it is mapped.
 *
 * <p>A {@code .bss} or {@code .tbss} section has a size but no bytes. Sections are built by the assembler
 * (appending bytes) and read back from object files.
 *
 * <p>The entries of {@code .init_array} and {@code .fini_array} have priorities: the assembler
 * puts what it reads under {@code .section .init_array.00101} in the object's one .init_array
 * with priority 101, and what it reads under plain {@code .init_array} with
 * {@link #DEFAULT_PRIORITY}. The section keeps which runs of its bytes have which priority
 * ({@link #pieces}), so that the linker can sort all objects' entries by priority, as GNU
 * ld's SORT_BY_INIT_PRIORITY sorts the {@code .init_array.NNNNN} sections of ELF objects.
 */
public final class Section {
    /** What a section holds; decides its segment and permissions in the executable. */
    public enum Kind {
        /** Code: mapped read + execute. */
        TEXT,
        /** Read-only data: mapped read. */
        RODATA,
        /** Initialised data: mapped read + write. */
        DATA,
        /** Zero-initialised data: mapped read + write, no bytes in the file. */
        BSS,
        /**
         * Initialised thread-local data: the first part of the TLS template, which every
         * thread's TLS block starts as a copy of (docs/executable.md, "Thread-local storage").
         */
        TDATA,
        /** Zero-initialised thread-local data: the rest of the template, no bytes in the file. */
        TBSS,
        /**
         * Pointers to the constructors ({@code __attribute__((constructor))}): libc calls them
         * in order before {@code main} (docs/executable.md, "Constructors and destructors").
         */
        INIT_ARRAY,
        /** Pointers to the destructors: {@code exit} calls them in reverse order, after the atexit handlers. */
        FINI_ARRAY;

        /** The conventional name: ".text", ".rodata", ".data", ".bss", ".tdata", ".tbss", ".init_array", ".fini_array". */
        public String sectionName() {
            return "." + name().toLowerCase();
        }

        /** True for the kinds that have a size but no bytes: .bss and .tbss. */
        public boolean zeroFilled() {
            return this == BSS || this == TBSS;
        }

        /** True for the kinds whose symbols are per-thread: .tdata and .tbss. */
        public boolean threadLocal() {
            return this == TDATA || this == TBSS;
        }
    }

    /**
     * The priority of constructor or destructor entries given none, the largest: gcc's
     * DEFAULT_INIT_PRIORITY, so that {@code constructor(65535)} is one without a priority
     * (gcc emits it to plain .init_array), after every other and in link order with them.
     */
    public static final int DEFAULT_PRIORITY = 65535;

    /** A run of an .init_array or .fini_array section, [offset, offset + size), whose entries have one priority. */
    public record Piece(long offset, long size, int priority) {}

    public final Kind kind;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    /** Where each priority starts: [offset, priority] pairs in offset order; bytes before the first have the default. */
    private final List<long[]> priorityStarts = new ArrayList<>();
    private long bssSize;
    private int align = 8;

    /** An empty section of the given kind, aligned to 8 bytes. */
    public Section(Kind kind) {
        this.kind = kind;
    }

    /** The conventional name, ".text" and so on. */
    public String name() {
        return kind.sectionName();
    }

    /** Current size in bytes (for .bss, the reserved size). */
    public long size() {
        return kind.zeroFilled() ? bssSize : bytes.size();
    }

    /** Required alignment of the section's start, a power of two. */
    public int align() {
        return align;
    }

    /** Raises the section's alignment to at least {@code a} (a power of two). */
    public void alignAtLeast(int a) {
        if (a > align) align = a;
    }

    /**
     * Sets the alignment exactly, lower or higher than the default of 8. Used when reading an
     * object file back, which must reproduce the alignment that was written.
     *
     * @throws IllegalArgumentException unless {@code a} is a power of two
     */
    public void setAlign(int a) {
        if (a <= 0 || Integer.bitCount(a) != 1) {
            throw new IllegalArgumentException("alignment must be a power of two: " + a);
        }
        align = a;
    }

    /** True for the kinds whose entries have priorities: .init_array and .fini_array. */
    public boolean hasPriorities() {
        return kind == Kind.INIT_ARRAY || kind == Kind.FINI_ARRAY;
    }

    /**
     * Gives the bytes appended from now on priority {@code priority} (0 to
     * {@link #DEFAULT_PRIORITY}), in an .init_array or .fini_array section.
     *
     * @throws IllegalArgumentException for another kind of section or a priority out of range
     */
    public void setPriority(int priority) {
        if (!hasPriorities()) throw new IllegalArgumentException(name() + " has no priorities");
        if (priority < 0 || priority > DEFAULT_PRIORITY) throw new IllegalArgumentException("priority out of range: " + priority);
        long at = size();
        if (!priorityStarts.isEmpty() && priorityStarts.get(priorityStarts.size() - 1)[0] == at) {
            priorityStarts.remove(priorityStarts.size() - 1); // nothing was appended with the last one
        }
        long current = priorityStarts.isEmpty() ? DEFAULT_PRIORITY : priorityStarts.get(priorityStarts.size() - 1)[1];
        if (current != priority) priorityStarts.add(new long[] {at, priority});
    }

    /**
     * The non-empty runs of the section with one priority each, in offset order, covering all
     * of it: one piece with the default priority when no numbered entries were given.
     */
    public List<Piece> pieces() {
        List<Piece> out = new ArrayList<>();
        long start = 0, priority = DEFAULT_PRIORITY;
        for (long[] p : priorityStarts) {
            if (p[0] > start) out.add(new Piece(start, p[0] - start, (int) priority));
            start = p[0];
            priority = p[1];
        }
        if (size() > start) out.add(new Piece(start, size() - start, (int) priority));
        return out;
    }

    /** The section's contents (empty for .bss and .tbss). */
    public byte[] data() {
        return bytes.toByteArray();
    }

    /** Appends bytes; for .bss and .tbss only zeros may be "appended", which just grows the size. */
    public void append(byte[] b) {
        if (kind.zeroFilled()) bssSize += b.length;
        else bytes.write(b, 0, b.length);
    }

    /** Appends {@code n} zero bytes. */
    public void appendZeros(long n) {
        if (kind.zeroFilled()) bssSize += n;
        else for (long i = 0; i < n; i++) bytes.write(0);
    }

    /** Appends {@code width} (1, 2, 4 or 8) bytes of {@code v}, little-endian. */
    public void appendLE(long v, int width) {
        if (kind.zeroFilled()) {
            bssSize += width;
            return;
        }
        for (int i = 0; i < width; i++) bytes.write((int) (v >>> (8 * i)));
    }
}
