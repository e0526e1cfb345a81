package sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.GuestRun;
import boot.Options;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The machine loop: same seed, same run; other seeds, other interleavings, same totals. */
class DeterminismTest {
    private static Options seed(long s) {
        return Options.defaults().withSeed(s).withCycleLimit(50_000_000);
    }

    @Test
    void theSameSeedGivesByteIdenticalOutput() throws Exception {
        String first = GuestRun.run(seed(7), "interleave").output();
        String second = GuestRun.run(seed(7), "interleave").output();
        assertEquals(first, second);
    }

    @Test
    void otherSeedsInterleaveDifferentlyButLoseNothing() throws Exception {
        Set<String> outputs = new HashSet<>();
        for (long s = 1; s <= 4; s++) {
            String out = GuestRun.run(seed(s), "interleave").output();
            assertEquals(300, out.chars().filter(c -> c == 'a').count(), "seed " + s);
            assertEquals(300, out.chars().filter(c -> c == 'b').count(), "seed " + s);
            outputs.add(out);
        }
        assertTrue(outputs.size() > 1, "four seeds gave one interleaving: the seed does nothing");
    }

    @Test
    void onOneCpuSchedYieldTakesTurnsInRoundRobinOrder() throws Exception {
        String out = GuestRun.run(seed(1).withCpus(1), "yield").output();
        assertEquals("ababababab\n", out);
    }

    @Test
    void onOneCpuTheTimerPreemptsAProcessThatNeverYields() throws Exception {
        String out = GuestRun.run(seed(1).withCpus(1), "timeslice").output();
        assertEquals(20, out.length());
        assertTrue(out.contains("ab") && out.contains("ba"), "the two interleave: " + out);
    }

    @Test
    void theParallelRunIsNotTheSerialOne() throws Exception {
        String out = GuestRun.run(seed(7), "interleave").output();
        assertNotEquals("a".repeat(300) + "b".repeat(300), out, "two CPUs ran the processes side by side");
    }
}
