package bench;

import boot.Kernel;
import boot.Options;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import obj.Executable;

/**
 * Measures process creation on the real kernel: fork + _exit + wait4 per second in a process
 * that has touched 1 MiB or 64 MiB, and clone(CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|
 * SIGCHLD) + _exit + wait4 per second. docs/PERFORMANCE.md ("Process creation") records the
 * method and the figures; {@code ./clonix bench fork} and {@code ./clonix bench clone} call
 * {@link #run}.
 *
 * <p>Each run boots a fresh kernel, installs the guest program (see {@link BenchPrograms}) as
 * /bin/NAME and runs it. Two rates come out of it:
 * <ul>
 * <li><b>host</b>: iterations per second of the host's wall clock (System.nanoTime). A run
 * also boots, execs, maps and touches memory; to leave that out, the same workload is run
 * with 0 iterations too, and the rate is ITERATIONS / (median time with ITERATIONS - median
 * time with 0).
 * <li><b>guest</b>: iterations per second of the guest's virtual CLOCK_MONOTONIC, which the
 * program reads itself around its loop; it is the same on every run and every machine.
 * </ul>
 * Host time is read here only; nothing guest-visible depends on it.
 */
public final class ProcessBench {
    /** Physical memory of the benchmark machine: room for 64 MiB touched plus page tables. */
    public static final long MEMORY_BYTES = 256L << 20;

    /** One benchmark workload: which program, how much memory it touches, its label. */
    public enum Workload {
        FORK_1MIB("fork+exit+wait, 1 MiB touched", BenchPrograms.FORK_TOUCH, 1, 50000),
        FORK_64MIB("fork+exit+wait, 64 MiB touched", BenchPrograms.FORK_TOUCH, 64, 4000),
        CLONE("clone(VM|FS|FILES|SIGHAND)+exit+wait", BenchPrograms.CLONE_WAIT, 0, 200000);

        /** What the report calls it. */
        public final String label;
        /** Guest program name (bench/NAME.s, tests/bench/NAME.c). */
        public final String program;
        /** MiB the program touches before its loop (fork_touch only). */
        public final int mebibytes;
        /** Iterations of one timed run by default. */
        public final int defaultIterations;

        Workload(String label, String program, int mebibytes, int defaultIterations) {
            this.label = label;
            this.program = program;
            this.mebibytes = mebibytes;
            this.defaultIterations = defaultIterations;
        }

        /** The program's arguments (after argv[0]) for {@code iterations} iterations. */
        public List<String> arguments(long iterations) {
            return program.equals(BenchPrograms.FORK_TOUCH)
                    ? List.of(Integer.toString(mebibytes), Long.toString(iterations))
                    : List.of(Long.toString(iterations));
        }
    }

    /** What one guest run reported: its exit status, its iterations and their virtual duration. */
    public record GuestRun(int status, long iterations, long guestNanos, String output) {}

    /**
     * The figures of one workload: iterations per timed run, host iterations per second
     * (median), and guest iterations per second (virtual time).
     */
    public record Measurement(Workload workload, long iterations, double hostPerSecond, double guestPerSecond) {}

    private ProcessBench() {}

    /** Prints the report of {@link #run} for every workload (java -cp ... bench.ProcessBench). */
    public static void main(String[] args) {
        System.out.print(run(List.of(Workload.values())));
    }

    /** The machine the benchmarks run on: the default options with {@link #MEMORY_BYTES} of memory. */
    public static Options options() {
        return Options.defaults().withMemory(MEMORY_BYTES);
    }

    /**
     * Boots a fresh kernel with {@code options}, runs {@code exe} as /bin/PROGRAM of
     * {@code workload} for {@code iterations}, and returns what it reported. A status other
     * than 0 is returned, not thrown; iterations and guestNanos are then -1.
     */
    public static GuestRun runGuest(Options options, Executable exe, Workload workload, long iterations) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Kernel k = Kernel.boot(options, out, new ByteArrayInputStream(new byte[0]));
        String path = "/bin/" + workload.program;
        k.install(path, exe);
        List<String> argv = new ArrayList<>();
        argv.add(workload.program);
        argv.addAll(workload.arguments(iterations));
        int status = k.run(path, argv);
        String text = out.toString(StandardCharsets.UTF_8);
        long[] parsed = parseReport(text);
        return new GuestRun(status, parsed[0], parsed[1], text);
    }

    /**
     * Parses the line "N iterations in T ns" that the guest programs and their C versions
     * print; returns {N, T}, or {-1, -1} if there is no such line.
     */
    public static long[] parseReport(String output) {
        for (String line : output.split("\n")) {
            String[] w = line.trim().split(" ");
            if (w.length == 5 && w[1].equals("iterations") && w[2].equals("in") && w[4].equals("ns")) {
                try {
                    return new long[] {Long.parseLong(w[0]), Long.parseLong(w[3])};
                } catch (NumberFormatException e) {
                    break;
                }
            }
        }
        return new long[] {-1, -1};
    }

    /**
     * Measures {@code workload}: three warm-up runs, then {@code repetitions} pairs of timed runs
     * (0 and {@code iterations} iterations). Throws IllegalStateException if a run fails.
     */
    public static Measurement measure(Workload workload, long iterations, int repetitions) {
        if (iterations <= 0 || repetitions <= 0) throw new IllegalArgumentException("nothing to measure");
        Executable exe = BenchPrograms.build(workload.program);
        Options options = options();
        // Warm up: HotSpot compiles the scheduler loop, the system calls and fork's page-table
        // walk only after they have run a while; a cold first run is several times slower.
        for (int i = 0; i < 3; i++) check(runGuest(options, exe, workload, iterations), workload);
        long[] empty = new long[repetitions], full = new long[repetitions];
        GuestRun last = null;
        for (int r = 0; r < repetitions; r++) {
            long t0 = System.nanoTime();
            check(runGuest(options, exe, workload, 0), workload);
            long t1 = System.nanoTime();
            last = check(runGuest(options, exe, workload, iterations), workload);
            long t2 = System.nanoTime();
            empty[r] = t1 - t0;
            full[r] = t2 - t1;
        }
        double loopNanos = Math.max(1, Median.of(full) - Median.of(empty));
        return new Measurement(workload, iterations, iterations * 1e9 / loopNanos,
                last.iterations() * 1e9 / Math.max(1, last.guestNanos()));
    }

    /** Measures each of {@code workloads} with its default iterations and 5 repetitions; returns the report. */
    public static String run(List<Workload> workloads) {
        StringBuilder s = new StringBuilder();
        for (Workload w : workloads) s.append(line(measure(w, w.defaultIterations, 5)));
        return s.toString();
    }

    /** One report line for a measurement. */
    public static String line(Measurement m) {
        return String.format(Locale.ROOT, "clonix   %-38s %,12.0f /s host   %,12.0f /s guest   (%d iterations)%n",
                m.workload().label, m.hostPerSecond(), m.guestPerSecond(), m.iterations());
    }

    /** The header of {@link #sideBySide} lines. */
    public static String sideBySideHeader() {
        return String.format(Locale.ROOT, "%-38s %14s %14s %14s %9s%n",
                "workload (iterations per second)", "clonix host", "clonix guest", "native (gcc)", "host/nat");
    }

    /**
     * One line comparing a measurement with the same C program run natively at
     * {@code nativePerSecond} iterations per (host) second. The ratio compares host wall-clock
     * rates, the only ones measured on the same clock.
     */
    public static String sideBySide(Measurement m, double nativePerSecond) {
        return String.format(Locale.ROOT, "%-38s %,14.0f %,14.0f %,14.0f %8.1fx%n", m.workload().label,
                m.hostPerSecond(), m.guestPerSecond(), nativePerSecond, m.hostPerSecond() / nativePerSecond);
    }

    private static GuestRun check(GuestRun run, Workload workload) {
        if (run.status() != 0 || run.iterations() < 0) {
            throw new IllegalStateException(workload.program + " failed with status " + run.status() + ": " + run.output());
        }
        return run;
    }
}
