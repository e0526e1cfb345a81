package race;

/**
 * The shadow of 8 aligned bytes of guest memory: the accesses to them that a later access
 * could still race with, and the clock released on them if they are used as a
 * synchronisation word.
 *
 * <p>This is FastTrack's state, with byte masks so that two threads writing the two halves
 * of one 8-byte word (two adjacent ints) do not look like a race. The last writes are kept
 * (usually one), and the reads since them: one read while the reads are ordered (FastTrack's
 * read epoch), one per thread while threads read concurrently (its read vector). A write
 * removes every access it covers, a read the reads that happen before it, because a later
 * access that races with those races with the new one too (or is ordered after both).
 * At most {@link #MAX_ACCESSES} accesses are kept; past that the oldest is forgotten.
 */
final class Granule {
    /** The most accesses remembered for one granule (one per concurrent reader, in practice). */
    static final int MAX_ACCESSES = 16;

    private Access[] accesses = new Access[2];
    private int count;
    /** The join of the clocks released on this word (atomics, the kernel's CLEARTID store), or null. */
    VectorClock sync;

    /** Who is told about the races an access finds, and makes its record when one is kept. */
    interface Checker {
        /** The access being checked races with {@code earlier}. */
        void race(Access earlier);

        /** The record of the access being checked, for the bytes of {@code mask}. */
        Access record(int mask);
    }

    /**
     * Checks an access against the remembered ones and remembers it: thread {@code slot},
     * whose clock is {@code vc}, touches the bytes of {@code mask}. A read races with a
     * concurrent plain write; a plain write with any concurrent access; an atomic write with
     * a concurrent plain write. Each race is passed to {@code checker} (the earlier access),
     * which also makes the new access's record when one is needed. Returns how many records
     * the granule holds more (or fewer) than before, for the memory bound.
     */
    int access(int slot, VectorClock vc, int mask, boolean write, boolean atomic, Checker checker) {
        int epoch = vc.get(slot);
        for (int i = 0; i < count; i++) {
            Access a = accesses[i];
            // The same access again in the same epoch: it was checked then, with a clock
            // that knew no more than this one, so there is nothing new to check or keep.
            if (a.slot == slot && a.epoch == epoch && a.write == write && a.atomic == atomic && (a.mask & mask) == mask) {
                return 0;
            }
        }
        for (int i = 0; i < count; i++) {
            Access a = accesses[i];
            if ((a.mask & mask) == 0 || a.slot == slot) continue;
            boolean conflict = write && !atomic || a.write && !a.atomic;
            if (conflict && !a.happensBefore(vc)) checker.race(a);
        }
        int before = count, kept = 0;
        for (int i = 0; i < count; i++) {
            Access a = accesses[i];
            if ((a.mask & mask) != 0 && (write || !a.write && a.happensBefore(vc))) a.mask &= ~mask;
            if (a.mask != 0) accesses[kept++] = a;
        }
        for (int i = kept; i < count; i++) accesses[i] = null;
        count = kept;
        if (count == MAX_ACCESSES) {
            System.arraycopy(accesses, 1, accesses, 0, count - 1);
            count--;
        }
        if (count == accesses.length) accesses = java.util.Arrays.copyOf(accesses, count * 2);
        accesses[count++] = checker.record(mask);
        return count - before;
    }

    /** How many accesses are remembered. */
    int size() {
        return count;
    }
}
