package sched;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The load averages follow Linux's calc_load: a sample every 5 s (plus a tick), folded into
 * 11-bit fixed-point averages that approach the number of active tasks as 1 - e^(-t/T).
 */
class LoadAverageTest {
    private static final long TICK = 10_000;

    /** Feeds {@code samples} samples of {@code active} tasks, one per LOAD_FREQ, as the timer would. */
    private static void feed(LoadAverage avg, int samples, int active, long[] clock) {
        for (int i = 0; i < samples; i++) {
            clock[0] += LoadAverage.LOAD_FREQ_NANOS + TICK;
            avg.sample(clock[0], () -> active);
        }
    }

    @Test
    void nothingIsSampledBeforeTheFirstFiveSeconds() {
        LoadAverage avg = new LoadAverage(TICK);
        avg.sample(LoadAverage.LOAD_FREQ_NANOS, () -> 100);
        assertArrayEquals(new long[] {0, 0, 0}, avg.hundredths());
    }

    @Test
    void oneBusyTaskForFiveSecondsReadsAsLinuxShowsIt() {
        LoadAverage avg = new LoadAverage(TICK);
        feed(avg, 1, 1, new long[1]);
        // 1 - e^(-5/60) = 0.0799; the longer averages read a little high (0.02 for 0.0165,
        // 0.01 for 0.0055) because calc_load rounds up while the load rises.
        assertArrayEquals(new long[] {8, 2, 1}, avg.hundredths());
    }

    @Test
    void theAveragesApproachTheActiveCountExponentially() {
        LoadAverage avg = new LoadAverage(TICK);
        long[] clock = new long[1];
        feed(avg, 12, 3, clock); // one minute of 3 busy tasks
        long[] h = avg.hundredths();
        assertEquals(300 * (1 - Math.exp(-1)), h[0], 2.0);
        assertEquals(300 * (1 - Math.exp(-1.0 / 5)), h[1], 2.0);
        assertEquals(300 * (1 - Math.exp(-1.0 / 15)), h[2], 2.0);
        feed(avg, 12 * 60, 3, clock); // an hour later the 1-minute average has settled at 3.00
        assertEquals(300, avg.hundredths()[0]);
    }

    @Test
    void anIdleMachineDecaysTowardsZero() {
        LoadAverage avg = new LoadAverage(TICK);
        long[] clock = new long[1];
        feed(avg, 12 * 60, 2, clock);
        feed(avg, 12, 0, clock);
        long oneMinute = avg.hundredths()[0];
        assertTrue(Math.abs(oneMinute - 200 * Math.exp(-1)) <= 2, "after a minute idle: " + oneMinute);
    }
}
