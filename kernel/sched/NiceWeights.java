package sched;

/**
 * How much CPU a nice value is worth: Linux's sched_prio_to_weight table
 * (kernel/sched/core.c), which CFS uses as each task's load weight and a proportional-share
 * policy can use as its tickets. Nice 0 weighs {@link #NICE_0_LOAD} (1024); each step of
 * nice multiplies the weight by about 1.25, so two CPU-bound tasks whose nice values differ
 * by one share a CPU about 55% to 45%, and by five about 75% to 25% (3:1).
 */
public final class NiceWeights {
    /** The weight of nice 0 (Linux's NICE_0_LOAD, without its fixed-point scaling). */
    public static final int NICE_0_LOAD = 1024;
    /** The lowest and highest nice values (Linux's MIN_NICE and MAX_NICE). */
    public static final int MIN_NICE = -20, MAX_NICE = 19;

    /** Linux's sched_prio_to_weight, indexed by nice + 20. */
    private static final int[] WEIGHTS = {
        /* -20 */ 88761, 71755, 56483, 46273, 36291,
        /* -15 */ 29154, 23254, 18705, 14949, 11916,
        /* -10 */ 9548, 7620, 6100, 4904, 3906,
        /*  -5 */ 3121, 2501, 1991, 1586, 1277,
        /*   0 */ 1024, 820, 655, 526, 423,
        /*   5 */ 335, 272, 215, 172, 137,
        /*  10 */ 110, 87, 70, 56, 45,
        /*  15 */ 36, 29, 23, 18, 15,
    };

    private NiceWeights() {}

    /** The weight of nice value {@code nice}, clamped to -20..19 as Linux clamps it. */
    public static int weight(int nice) {
        return WEIGHTS[Math.max(MIN_NICE, Math.min(MAX_NICE, nice)) - MIN_NICE];
    }
}
