package sched;

/**
 * One CPU's stream of burst lengths: uniform in [mean/2, 3*mean/2], from a seed of its own.
 *
 * <p>Each CPU has its own stream so that a CPU that has nothing to run draws nothing and
 * need not be visited: what the busy CPUs draw does not depend on how many idle ones there
 * are. The generator is SplitMix64 (the one inside java.util.SplittableRandom), whose n-th
 * value is a function of the seed and n alone; so the machine loop can look ahead at the
 * bursts of the next rounds ({@link #peek}) without drawing them, and draw them later
 * ({@link #skip}) only for the rounds that really ran.
 *
 * <p>The lengths {@link #peek} computes are kept until they are drawn ({@link #MEMO} of them
 * at most), since the loop peeks at the same ones again: a lone busy CPU sums the next rounds'
 * lengths, and when its task traps (a page fault every few thousand instructions while it
 * first touches an array) it looks again for the round the trap fell in, and sums the rounds
 * after it at its next run. Each length is then computed once; what the stream returns is
 * the same.
 */
final class BurstStream {
    /** SplitMix64's increment, an odd constant (the golden ratio in 64-bit fixed point). */
    private static final long GAMMA = 0x9E3779B97F4A7C15L;

    private final int low;
    private final long range;
    /** The generator's state: the next value is mix(state + GAMMA). */
    private long state;
    /** How many lengths ahead are kept: a power of two (4 KiB a CPU); peeks further on are computed each time. */
    static final int MEMO = 1024;
    /** The next {@code known} lengths, the n-th next at {@code ahead[(head + n) & (MEMO - 1)]}; made at the first peek. */
    private int[] ahead;
    private int head, known;

    /** A stream of lengths with mean {@code mean} (at least 2), starting from {@code seed}. */
    BurstStream(long seed, int mean) {
        this.state = seed;
        this.low = mean / 2;
        this.range = mean * 3 / 2 + 1 - low;
    }

    /** Draws the next burst length. */
    int next() {
        state += GAMMA;
        if (known == 0) return bound(state);
        known--;
        return ahead[head++ & (MEMO - 1)];
    }

    /** The length {@code n} draws from now (0: what {@link #next} would return), without drawing it. */
    int peek(long n) {
        if (n >= MEMO) return bound(state + (n + 1) * GAMMA);
        if (ahead == null) ahead = new int[MEMO];
        for (; known <= n; known++) ahead[(head + known) & (MEMO - 1)] = bound(state + (known + 1) * GAMMA);
        return ahead[(head + (int) n) & (MEMO - 1)];
    }

    /** Draws {@code n} lengths and forgets them: the rounds {@link #peek} looked at have run. */
    void skip(long n) {
        state += n * GAMMA;
        int kept = (int) Math.min(n, known);
        head += kept;
        known -= kept;
    }

    /** mean/2 plus the top 32 bits of the mixed state scaled to the range (Lemire's multiply-shift). */
    private int bound(long s) {
        long z = s;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return low + (int) (((z >>> 32) * range) >>> 32);
    }
}
