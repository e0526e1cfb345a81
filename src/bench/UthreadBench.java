package bench;

import boot.Kernel;
import boot.Options;
import image.BootImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Measures the two-level thread library against the kernel's own threads:
 * {@code ./clonix bench uthread} prints user-thread create+join and user-level switches per
 * second beside kernel-thread clone+exit+join and futex hand-overs per second.
 * docs/PERFORMANCE.md ("Two-level threads") records the method and the figures.
 *
 * <p>The guest program is /bin/mn_bench of the boot image (userland/bin/mn_bench.c), run
 * with a mode and an iteration count in a freshly booted kernel. As in {@link ProcessBench},
 * the <b>host</b> rate is ITERATIONS / (median wall time of a run with ITERATIONS - median
 * of a run with 0), which leaves out booting and exec, and the <b>guest</b> rate comes from
 * the virtual CLOCK_MONOTONIC the program reads around its loop. Virtual time advances with
 * the guest instructions executed; work done inside the kernel takes none of it, so the
 * guest rate flatters the kernel-thread rows and only the host rates compare like with
 * like. Host time is read here only; nothing guest-visible depends on it.
 */
public final class UthreadBench {
    /** One measured operation: the mn_bench mode, its label and its default iteration count. */
    public enum Operation {
        CREATE("create", "user thread create+join (M:N)", 20_000),
        KCREATE("kcreate", "kernel thread clone+exit+join (1:1)", 20_000),
        SWITCH("switch", "user-level switch, uthread_yield (M:N)", 100_000),
        KSWITCH("kswitch", "kernel switch, futex hand-over (1:1)", 20_000);

        /** mn_bench's first argument. */
        public final String mode;
        /** What the report calls it. */
        public final String label;
        /** Iterations of one timed run by default. */
        public final int defaultIterations;

        Operation(String mode, String label, int defaultIterations) {
            this.mode = mode;
            this.label = label;
            this.defaultIterations = defaultIterations;
        }
    }

    /** The figures of one operation: iterations per timed run, host and guest operations per second. */
    public record Measurement(Operation operation, long iterations, double hostPerSecond, double guestPerSecond) {}

    private static final String PROGRAM = "/bin/mn_bench";

    private UthreadBench() {}

    /** Prints the report of {@link #run} (java -cp ... bench.UthreadBench). */
    public static void main(String[] args) {
        System.out.print(run());
    }

    /** Measures every operation with its default iterations and 5 repetitions; returns the report. */
    public static String run() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%-40s %14s %14s%n", "operation (per second)", "host", "guest"));
        double[] host = new double[Operation.values().length];
        for (Operation op : Operation.values()) {
            Measurement m = measure(op, op.defaultIterations, 5);
            host[op.ordinal()] = m.hostPerSecond();
            s.append(String.format(Locale.ROOT, "%-40s %,14.0f %,14.0f   (%d iterations)%n", op.label,
                    m.hostPerSecond(), m.guestPerSecond(), m.iterations()));
        }
        s.append(String.format(Locale.ROOT, "M:N over 1:1 (host): create %.1fx, switch %.1fx%n",
                host[Operation.CREATE.ordinal()] / host[Operation.KCREATE.ordinal()],
                host[Operation.SWITCH.ordinal()] / host[Operation.KSWITCH.ordinal()]));
        return s.toString();
    }

    /**
     * Measures {@code op}: three warm-up runs, then {@code repetitions} pairs of timed runs
     * (0 and {@code iterations} iterations). Throws IllegalStateException if a run fails.
     */
    public static Measurement measure(Operation op, long iterations, int repetitions) {
        if (iterations <= 0 || repetitions <= 0) throw new IllegalArgumentException("nothing to measure");
        byte[] program = BootImage.load().guestFiles().get(PROGRAM);
        if (program == null) throw new IllegalStateException("the boot image has no " + PROGRAM);
        for (int i = 0; i < 3; i++) runGuest(program, op, iterations);
        long[] empty = new long[repetitions], full = new long[repetitions];
        long[] last = null;
        for (int r = 0; r < repetitions; r++) {
            long t0 = System.nanoTime();
            runGuest(program, op, 0);
            long t1 = System.nanoTime();
            last = runGuest(program, op, iterations);
            long t2 = System.nanoTime();
            empty[r] = t1 - t0;
            full[r] = t2 - t1;
        }
        double loopNanos = Math.max(1, Median.of(full) - Median.of(empty));
        return new Measurement(op, iterations, iterations * 1e9 / loopNanos, last[0] * 1e9 / Math.max(1, last[1]));
    }

    /** Boots a kernel, runs mn_bench MODE ITERATIONS and returns its report {iterations, guest ns}. */
    static long[] runGuest(byte[] program, Operation op, long iterations) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Kernel k = Kernel.boot(Options.defaults(), out, new ByteArrayInputStream(new byte[0]));
        k.installFile(PROGRAM, program, 0755);
        int status = k.run(PROGRAM, List.of("mn_bench", op.mode, Long.toString(iterations)));
        String text = out.toString(StandardCharsets.UTF_8);
        long[] report = ProcessBench.parseReport(text);
        if (status != 0 || report[0] != iterations) {
            throw new IllegalStateException("mn_bench " + op.mode + " failed with status " + status + ": " + text);
        }
        return report;
    }
}
