package bench;

import boot.Kernel;
import boot.Options;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
 * /bin/NAME and runs it. Three rates come out of it:
 * <ul>
 * <li><b>host</b>: iterations per second of the host's wall clock (System.nanoTime), the
 * clock the native twins time themselves with. A run also boots, execs, maps and touches
 * memory; to leave that out, the same workload is run with 0 iterations too, and the rate is
 * ITERATIONS / (median time with ITERATIONS - median time with 0).
 * <li><b>host CPU</b>: the same with the CPU time of the thread that runs the machine
 * (ThreadMXBean), which other programs on a shared host do not inflate; it leaves out the
 * garbage collector's threads, whose pauses and time are reported beside it.
 * <li><b>guest</b>: iterations per second of the guest's virtual CLOCK_MONOTONIC, which the
 * program reads itself around its loop; it is the same on every run and every machine.
 * </ul>
 * The default iterations make the loop take about a second of host time per run, several
 * times the boot and the touching, so that one garbage collection (tens of milliseconds at
 * worst) cannot decide the figure (docs/PERFORMANCE.md, "Process creation").
 * Host time is read here only; nothing guest-visible depends on it.
 */
public final class ProcessBench {
    /** Physical memory of the benchmark machine: room for 64 MiB touched plus page tables. */
    public static final long MEMORY_BYTES = 256L << 20;

    /** One benchmark workload: which program, how much memory it touches, its label. */
    public enum Workload {
        FORK_1MIB("fork+exit+wait, 1 MiB touched", BenchPrograms.FORK_TOUCH, 1, 250_000),
        FORK_64MIB("fork+exit+wait, 64 MiB touched", BenchPrograms.FORK_TOUCH, 64, 200_000),
        CLONE("clone(VM|FS|FILES|SIGHAND)+exit+wait", BenchPrograms.CLONE_WAIT, 0, 800_000);

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
     * The figures of one workload: iterations per timed run; host iterations per second of wall
     * clock and of the machine thread's CPU time (from medians); guest iterations per second
     * (virtual time); the host bytes the machine thread allocates per iteration (from
     * medians; -1 if the JVM cannot tell); and the garbage collections during the timed runs,
     * their count and their total time in milliseconds.
     */
    public record Measurement(Workload workload, long iterations, double hostPerSecond, double hostCpuPerSecond,
            double guestPerSecond, double bytesPerIteration, long gcCount, long gcMillis) {}

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
     * Measures {@code workload}: two warm-up runs, then {@code repetitions} pairs of timed runs
     * (0 and {@code iterations} iterations). Throws IllegalStateException if a run fails.
     */
    public static Measurement measure(Workload workload, long iterations, int repetitions) {
        if (iterations <= 0 || repetitions <= 0) throw new IllegalArgumentException("nothing to measure");
        Executable exe = BenchPrograms.build(workload.program);
        Options options = options();
        // Warm up: HotSpot compiles the scheduler loop, the system calls and fork's page-table
        // walk only after they have run a while; a cold first run is several times slower.
        for (int i = 0; i < 2; i++) check(runGuest(options, exe, workload, iterations), workload);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] empty = new long[repetitions], full = new long[repetitions];
        long[] emptyCpu = new long[repetitions], fullCpu = new long[repetitions];
        long[] emptyBytes = new long[repetitions], fullBytes = new long[repetitions];
        long[] gcBefore = collections();
        GuestRun last = null;
        for (int r = 0; r < repetitions; r++) {
            long t0 = System.nanoTime(), c0 = threads.getCurrentThreadCpuTime(), b0 = allocatedBytes(threads);
            check(runGuest(options, exe, workload, 0), workload);
            long t1 = System.nanoTime(), c1 = threads.getCurrentThreadCpuTime(), b1 = allocatedBytes(threads);
            last = check(runGuest(options, exe, workload, iterations), workload);
            long t2 = System.nanoTime(), c2 = threads.getCurrentThreadCpuTime(), b2 = allocatedBytes(threads);
            empty[r] = t1 - t0;
            full[r] = t2 - t1;
            emptyCpu[r] = c1 - c0;
            fullCpu[r] = c2 - c1;
            emptyBytes[r] = b1 - b0;
            fullBytes[r] = b2 - b1;
        }
        long[] gcAfter = collections();
        double loopNanos = Math.max(1, Median.of(full) - Median.of(empty));
        double loopCpuNanos = Math.max(1, Median.of(fullCpu) - Median.of(emptyCpu));
        double bytes = allocatedBytes(threads) < 0 ? -1 : (double) (Median.of(fullBytes) - Median.of(emptyBytes)) / iterations;
        return new Measurement(workload, iterations, iterations * 1e9 / loopNanos, iterations * 1e9 / loopCpuNanos,
                last.iterations() * 1e9 / Math.max(1, last.guestNanos()), bytes, gcAfter[0] - gcBefore[0], gcAfter[1] - gcBefore[1]);
    }

    /** Bytes the calling thread has allocated so far, or -1 if the JVM does not count them. */
    static long allocatedBytes(ThreadMXBean threads) {
        return threads instanceof com.sun.management.ThreadMXBean t ? t.getCurrentThreadAllocatedBytes() : -1;
    }

    /** The garbage collections of this JVM so far: {count, milliseconds}, all collectors together. */
    private static long[] collections() {
        long count = 0, millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    /** Measures each of {@code workloads} with its default iterations and 5 repetitions; returns the report. */
    public static String run(List<Workload> workloads) {
        StringBuilder s = new StringBuilder();
        for (Workload w : workloads) s.append(line(measure(w, w.defaultIterations, 5)));
        return s.append(loadLine()).toString();
    }

    /** One report line for a measurement. */
    public static String line(Measurement m) {
        return String.format(Locale.ROOT,
                "clonix   %-38s %,10.0f /s host %,10.0f /s host CPU %,10.0f /s guest   (%,d iterations; %,.0f bytes"
                        + " allocated per iteration; GC in timed runs: %d, %d ms)%n",
                m.workload().label, m.hostPerSecond(), m.hostCpuPerSecond(), m.guestPerSecond(), m.iterations(),
                m.bytesPerIteration(), m.gcCount(), m.gcMillis());
    }

    /** The host's load average over the last minute, as a line for the report (-1 where the host has none). */
    public static String loadLine() {
        return String.format(Locale.ROOT, "host load average (1 min): %.2f on %d CPUs%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
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
