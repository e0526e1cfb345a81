package fuzz;

import java.util.function.LongConsumer;

/**
 * How long a fuzzer runs. By default (in CI) each fuzzer tries a fixed list of seeds, so a
 * run is repeatable and its cost known. With {@code -Dclonix.fuzz.seconds=N} it keeps going
 * with further seeds until N seconds have passed, for long runs by hand; a failure names
 * its seed, and the same seed fails again in a default run by adding it to the list.
 *
 * <p>Host time decides only how many seeds are tried, never what a run does: each run stays
 * deterministic.
 */
public final class FuzzBudget {
    private FuzzBudget() {}

    /** The seconds asked for with -Dclonix.fuzz.seconds, or 0 for the default seeds only. */
    public static long seconds() {
        return Long.getLong("clonix.fuzz.seconds", 0);
    }

    /**
     * Calls {@code run} with each of {@code seeds}, then, when a time budget was asked for,
     * with seeds 1000, 1001, ... until it is spent.
     */
    public static void forEachSeed(long[] seeds, LongConsumer run) {
        for (long seed : seeds) run.accept(seed);
        long until = System.nanoTime() + seconds() * 1_000_000_000L;
        for (long seed = 1000; seconds() > 0 && System.nanoTime() < until; seed++) run.accept(seed);
    }
}
