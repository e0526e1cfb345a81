package bench;

import java.util.Arrays;

/** The median of repeated timings, which every benchmark here reports: one slow run (a GC, another process) does not move it. */
final class Median {
    private Median() {}

    /** The middle value of {@code values} (the upper middle for an even count); the array is left as it was. */
    static long of(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
