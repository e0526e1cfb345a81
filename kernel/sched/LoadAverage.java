package sched;

import java.util.function.IntSupplier;

/**
 * The 1, 5 and 15 minute load averages of /proc/loadavg and uptime, computed as Linux's
 * kernel/sched/loadavg.c computes them: every {@link #LOAD_FREQ_NANOS} of (virtual) time the
 * number of active tasks (running, waiting for a CPU, or in uninterruptible sleep) is folded
 * into three exponentially decaying averages held in 11-bit fixed point.
 *
 * <p>The decay factors are Linux's: {@code EXP_1 = 1884} is 2048 / e^(5/60), so a sample
 * five seconds old weighs 1/e of the newest after a minute; EXP_5 and EXP_15 likewise for
 * five and fifteen minutes. Because the guest clock is virtual, a program must run for five
 * guest seconds before the first sample changes anything, exactly as on Linux right after
 * boot.
 *
 * <p>Only the scheduler's timer calls {@link #sample}; readers call {@link #hundredths}.
 */
public final class LoadAverage {
    /** Linux's LOAD_FREQ: a sample every 5 seconds (Linux adds one tick; see {@link #sample}). */
    public static final long LOAD_FREQ_NANOS = 5_000_000_000L;
    /** Bits of fraction in the averages (Linux's FSHIFT): 2048 is a load of 1.0. */
    public static final int FSHIFT = 11;
    static final long FIXED_1 = 1L << FSHIFT;
    static final long EXP_1 = 1884, EXP_5 = 2014, EXP_15 = 2037;

    private final long[] avenrun = new long[3];
    private long nextSample;
    private final long tickNanos;

    /** Averages that start at 0 and take their first sample LOAD_FREQ plus one tick after boot. */
    public LoadAverage(long tickNanos) {
        this.tickNanos = tickNanos;
        this.nextSample = LOAD_FREQ_NANOS + tickNanos;
    }

    /**
     * Called on every timer tick with the clock and a way to count active tasks: when a
     * sample is due, folds {@code active.getAsInt()} into the averages (the count is only
     * taken then, since it walks every task).
     */
    void sample(long now, IntSupplier active) {
        if (now < nextSample) return;
        long n = active.getAsInt() * FIXED_1;
        avenrun[0] = calcLoad(avenrun[0], EXP_1, n);
        avenrun[1] = calcLoad(avenrun[1], EXP_5, n);
        avenrun[2] = calcLoad(avenrun[2], EXP_15, n);
        // Linux's LOAD_FREQ is 5 * HZ + 1 ticks, so the samples do not beat with 5 s periodic work.
        while (nextSample <= now) nextSample += LOAD_FREQ_NANOS + tickNanos;
    }

    /** Linux's calc_load: load * e + active * (1 - e), rounded up while the load is rising. */
    static long calcLoad(long load, long exp, long active) {
        long next = load * exp + active * (FIXED_1 - exp);
        if (active >= load) next += FIXED_1 - 1;
        return next / FIXED_1;
    }

    /**
     * The three averages as they are kept, in {@link #FSHIFT} fixed point (Linux's avenrun,
     * which sysinfo(2) reports shifted to 16 bits of fraction).
     */
    public long[] avenrun() {
        return avenrun.clone();
    }

    /**
     * The three averages in hundredths, rounded as /proc/loadavg prints them (Linux adds
     * FIXED_1/200, half a hundredth, then prints LOAD_INT and LOAD_FRAC).
     */
    public long[] hundredths() {
        long[] out = new long[3];
        for (int i = 0; i < 3; i++) {
            long a = avenrun[i] + FIXED_1 / 200;
            long whole = a >> FSHIFT;
            long frac = ((a & (FIXED_1 - 1)) * 100) >> FSHIFT;
            out[i] = whole * 100 + frac;
        }
        return out;
    }
}
