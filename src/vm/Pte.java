package vm;

/**
 * Page-table entries. A PTE is a {@code long}, laid out like an x86-64 one so that a student
 * can compare: flag bits at the bottom, the physical frame number from bit 12 up.
 *
 * <pre>
 *   bit 0  PRESENT   the entry maps a frame
 *   bit 1  READ      loads may read the page
 *   bit 2  WRITE     stores may write the page (but see COW)
 *   bit 3  EXEC      instructions may be fetched from the page
 *   bit 4  COW       the frame may be shared: copy it before the first write
 *   bit 5  ACCESSED  set by the MMU when the page is used
 *   bit 6  DIRTY     set by the MMU when the page is written
 *   bit 7  SHARED    a MAP_SHARED page: fork shares it writable instead of copy-on-write
 *   bits 12..51      frame number in PhysicalMemory
 * </pre>
 *
 * WRITE says what the program may do; COW says what the kernel must do first. A store goes
 * straight through only when WRITE is set and COW is clear. A store to a WRITE+COW page is a
 * copy-on-write fault (repairable); a store to a page without WRITE is a protection fault.
 */
public final class Pte {
    private Pte() {}

    public static final long PRESENT = 1L << 0;
    public static final long READ = 1L << 1;
    public static final long WRITE = 1L << 2;
    public static final long EXEC = 1L << 3;
    public static final long COW = 1L << 4;
    public static final long ACCESSED = 1L << 5;
    public static final long DIRTY = 1L << 6;
    public static final long SHARED = 1L << 7;

    /** The permission bits a caller of map/protect may pass (SHARED is accepted by map only). */
    public static final long PERMS = READ | WRITE | EXEC;

    static final int FRAME_SHIFT = 12;
    static final long FRAME_MASK = ((1L << 40) - 1) << FRAME_SHIFT;

    /** A present entry for {@code frame} with the given flag bits. */
    public static long make(int frame, long flags) {
        return ((long) frame << FRAME_SHIFT) | (flags & 0xFFF) | PRESENT;
    }

    /** The frame number of a present entry. */
    public static int frame(long pte) {
        return (int) ((pte & FRAME_MASK) >>> FRAME_SHIFT);
    }

    /** Only the flag bits (0..11) of an entry. */
    public static long flags(long pte) {
        return pte & 0xFFF;
    }

    public static boolean isPresent(long pte) { return (pte & PRESENT) != 0; }
    public static boolean canRead(long pte) { return (pte & (PRESENT | READ)) == (PRESENT | READ); }
    public static boolean canExec(long pte) { return (pte & (PRESENT | EXEC)) == (PRESENT | EXEC); }
    /** May a store go straight through (WRITE set, COW clear)? */
    public static boolean canWrite(long pte) { return (pte & (PRESENT | WRITE | COW)) == (PRESENT | WRITE); }
    public static boolean isCow(long pte) { return (pte & (PRESENT | COW)) == (PRESENT | COW); }

    /** "r-xp"-style summary, as /proc/PID/maps prints permissions ('s' for shared, 'c' for COW). */
    public static String describe(long pte) {
        if (!isPresent(pte)) return "----";
        return ((pte & READ) != 0 ? "r" : "-") + ((pte & WRITE) != 0 ? "w" : "-") + ((pte & EXEC) != 0 ? "x" : "-")
                + ((pte & SHARED) != 0 ? "s" : (pte & COW) != 0 ? "c" : "p");
    }
}
