package race;

import java.util.Arrays;

/**
 * A vector clock: for each thread slot, the last epoch of that thread known to happen
 * before whoever holds this clock (Lamport's happens-before, as FastTrack keeps it). Slots
 * not stored are 0. A thread's own clock holds its current epoch in its own slot; a
 * synchronisation object's clock is the join of the clocks released on it.
 */
final class VectorClock {
    private int[] c;

    VectorClock() {
        c = new int[4];
    }

    private VectorClock(int[] c) {
        this.c = c;
    }

    /** The epoch of {@code slot}. */
    int get(int slot) {
        return slot < c.length ? c[slot] : 0;
    }

    /** Sets the epoch of {@code slot}. */
    void set(int slot, int epoch) {
        if (slot >= c.length) c = Arrays.copyOf(c, Math.max(slot + 1, c.length * 2));
        c[slot] = epoch;
    }

    /** Makes this clock the pointwise maximum of itself and {@code o}. */
    void join(VectorClock o) {
        if (o.c.length > c.length) c = Arrays.copyOf(c, o.c.length);
        for (int i = 0; i < o.c.length; i++) if (o.c[i] > c[i]) c[i] = o.c[i];
    }

    /** An independent copy. */
    VectorClock copy() {
        return new VectorClock(c.clone());
    }

    /** The slots this clock has room for (what it costs in memory). */
    int size() {
        return c.length;
    }
}
