package race;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The happens-before rules of one granule's shadow, without a machine. */
class GranuleTest {
    private final Granule g = new Granule();
    private final List<Access> races = new ArrayList<>();

    /** A thread: its slot and its vector clock (its own epoch starts at 1). */
    private static VectorClock thread(int slot) {
        VectorClock vc = new VectorClock();
        vc.set(slot, 1);
        return vc;
    }

    private void access(int slot, VectorClock vc, int offset, int size, boolean write, boolean atomic) {
        int mask = ((1 << size) - 1) << offset;
        g.access(slot, vc, mask, write, atomic, new Granule.Checker() {
            @Override public void race(Access earlier) { races.add(earlier); }
            @Override public Access record(int m) { return new Access(slot, vc.get(slot), m, write, atomic, offset, size, new long[] {slot}); }
        });
    }

    @Test
    void twoUnorderedWritesRace() {
        VectorClock a = thread(0), b = thread(1);
        access(0, a, 0, 4, true, false);
        access(1, b, 0, 4, true, false);
        assertEquals(1, races.size());
        assertEquals(0, races.get(0).slot);
    }

    @Test
    void aWriteThatHappensBeforeTheReadIsNoRace() {
        VectorClock a = thread(0), b = thread(1);
        access(0, a, 0, 4, true, false);
        b.join(a); // b acquired what a released
        access(1, b, 0, 4, false, false);
        assertEquals(List.of(), races);
    }

    @Test
    void readsNeverRaceWithReads() {
        access(0, thread(0), 0, 8, false, false);
        access(1, thread(1), 0, 8, false, false);
        access(2, thread(2), 0, 8, false, false);
        assertEquals(List.of(), races);
    }

    @Test
    void aWriteRacesWithEveryConcurrentReaderItFollows() {
        access(0, thread(0), 0, 4, false, false);
        access(1, thread(1), 0, 4, false, false);
        access(2, thread(2), 0, 4, true, false);
        assertEquals(2, races.size(), "both reads are remembered (FastTrack's read vector)");
    }

    @Test
    void neighbouringIntsInOneGranuleDoNotRace() {
        access(0, thread(0), 0, 4, true, false);
        access(1, thread(1), 4, 4, true, false);
        access(1, thread(1), 4, 4, false, false);
        assertEquals(List.of(), races);
        access(2, thread(2), 2, 4, false, false); // overlaps both
        assertEquals(2, races.size());
    }

    @Test
    void atomicsDoNotRaceWithAtomicsOrWithReads() {
        access(0, thread(0), 0, 4, true, true);
        access(1, thread(1), 0, 4, true, true);
        access(2, thread(2), 0, 4, false, false);
        access(3, thread(3), 0, 4, true, true);
        assertEquals(List.of(), races);
    }

    @Test
    void aPlainWriteRacesWithAnUnorderedAtomic() {
        access(0, thread(0), 0, 4, true, true);
        access(1, thread(1), 0, 4, true, false);
        assertEquals(1, races.size());
    }

    @Test
    void theSameAccessAgainInOneEpochIsRememberedOnce() {
        VectorClock a = thread(0);
        access(0, a, 0, 4, true, false);
        access(0, a, 0, 4, true, false);
        access(0, a, 0, 4, false, false);
        assertEquals(2, g.size(), "the write, and the read (which does not replace a write)");
    }

    @Test
    void aGranuleRemembersABoundedNumberOfAccesses() {
        for (int t = 0; t < 3 * Granule.MAX_ACCESSES; t++) access(t, thread(t), 0, 8, false, false);
        assertEquals(Granule.MAX_ACCESSES, g.size());
    }
}
