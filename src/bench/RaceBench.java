package bench;

import boot.Kernel;
import boot.Options;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import obj.Executable;
import race.RaceDetector;

/**
 * What the race detector costs: {@code ./clonix bench race} runs tests/bench/race_work.c
 * (four threads summing their slices of a shared array, nothing racing) with and without
 * {@code --race} and prints the CPU time of each and their ratio. docs/PERFORMANCE.md ("The
 * race detector") records the method and the figures.
 *
 * <p>The time is the CPU time of the thread that runs the kernel (the whole machine runs on
 * it), the median of five runs, so other processes on the host do not move it much. A run
 * with 0 rounds (boot, exec, thread creation) is timed too and taken off both, so that the
 * ratio is that of the work itself. Host time is read here only; nothing guest-visible
 * depends on it.
 */
public final class RaceBench {
    /** Rounds of the workload in a timed run. */
    static final int ROUNDS = 100;
    private static final int REPETITIONS = 5;

    private RaceBench() {}

    /** The report: the time of a run with and without the detector, and the slowdown. */
    public static String run(Executable exe) {
        once(exe, ROUNDS, false); // warm-up: the JIT compiles the interpreter and the detector
        once(exe, ROUNDS, true);
        long[] base = new long[REPETITIONS], plain = new long[REPETITIONS], race = new long[REPETITIONS];
        for (int i = 0; i < REPETITIONS; i++) {
            base[i] = once(exe, 0, false);
            plain[i] = once(exe, ROUNDS, false);
            race[i] = once(exe, ROUNDS, true);
        }
        long b = Median.of(base), p = Median.of(plain) - b, r = Median.of(race) - b;
        return String.format("race_work %d rounds, 4 threads on 4 CPUs: %.0f ms plain, %.0f ms with --race: %.1f times slower%n",
                ROUNDS, p / 1e6, r / 1e6, (double) r / p);
    }

    /** The kernel thread's CPU time of one run of the program with {@code rounds}, with or without the detector, in ns. */
    private static long once(Executable exe, int rounds, boolean detect) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Kernel k = Kernel.boot(Options.defaults(), out, new ByteArrayInputStream(new byte[0]));
        k.install("/bin/race_work", exe);
        if (detect) {
            RaceDetector.install(k, report -> {
                throw new IllegalStateException("race_work has no race, but: " + report);
            }, RaceDetector.DEFAULT_LIMIT);
        }
        int status = k.run("/bin/race_work", List.of("race_work", Integer.toString(rounds)));
        if (status != 0) throw new IllegalStateException("race_work failed (" + status + "): " + out);
        return threads.getCurrentThreadCpuTime() - start;
    }
}
