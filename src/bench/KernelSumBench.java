package bench;

import boot.Kernel;
import boot.Options;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import obj.Executable;
import vm.Engine;

/**
 * The JIT under the kernel (docs/PERFORMANCE.md, "The JIT", "Under the kernel"):
 * tests/bench/parallel_sum.c, four threads summing a quarter each of an array of {@link #LONGS}
 * longs that the main thread filled alone, on a booted machine with 4 CPUs, under each engine.
 *
 * <p>The program is compiled once. Each measurement boots a kernel in this JVM and runs the
 * program to its end on this thread (the machine loop runs here), so its cost is the CPU time
 * of this thread (ThreadMXBean), which a busy host disturbs less than wall time. Boot, exec
 * and thread creation are left out by subtracting a run that sums an empty array: a pair is a
 * run with 0 longs and a run with {@link #LONGS}, the figure is the difference of their
 * medians, after {@link #WARMUPS} warm-up pairs that give HotSpot the time to compile the
 * translations and the kernel. The guest instructions are counted the same way (all CPUs,
 * the run with {@link #LONGS} less the empty one); the run fails if the engines disagree on
 * them or on the output.
 */
public final class KernelSumBench {
    /** The array's length: 128 MiB of longs, enough for gcc -O0 to take tens of milliseconds. */
    public static final long LONGS = 16_000_000;
    /** Guest memory: the array and room for the rest. */
    static final long MEMORY = 256L << 20;
    static final int CPUS = 4;
    /** Warm-up pairs, then timed pairs, per engine. */
    static final int WARMUPS = 2, REPS = 5;

    private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();

    private KernelSumBench() {}

    /** The figures: the output with {@link #LONGS} longs, the sum's guest instructions, median host nanoseconds per engine. */
    public record Figures(String output, long instructions, long interpNanos, long jitNanos) {}

    /** What one run printed, the instructions its CPUs retired, and the host CPU time it took. */
    record Run(String output, long instructions, long nanos) {}

    /** Compiles tests/bench/parallel_sum.c under {@code project} and measures it under both engines. */
    public static Figures measure(Path project) {
        Executable exe = PingPongBench.compile(project.resolve("tests/bench/parallel_sum.c"));
        long[] median = new long[2];
        String[] output = new String[2];
        long[] instructions = new long[2];
        for (Engine e : Engine.values()) {
            int k = e.ordinal();
            long[] empty = new long[REPS], full = new long[REPS];
            for (int i = -WARMUPS; i < REPS; i++) {
                Run none = run(exe, e, 0), all = run(exe, e, LONGS);
                if (i < 0) continue;
                empty[i] = none.nanos();
                full[i] = all.nanos();
                output[k] = all.output();
                instructions[k] = all.instructions() - none.instructions();
            }
            median[k] = Median.of(full) - Median.of(empty);
        }
        if (!output[0].equals(output[1]) || instructions[0] != instructions[1]) {
            throw new IllegalStateException("parallel_sum: the engines disagree: " + output[0] + " in " + instructions[0]
                    + " instructions, " + output[1] + " in " + instructions[1]);
        }
        return new Figures(output[0], instructions[0], median[Engine.INTERP.ordinal()], median[Engine.JIT.ordinal()]);
    }

    /** Boots a machine, runs parallel_sum with {@code longs}, and returns what it printed, its instructions and its host time. */
    static Run run(Executable exe, Engine engine, long longs) {
        long start = THREAD.getCurrentThreadCpuTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Options options = Options.defaults().withCpus(CPUS).withMemory(MEMORY).withEngine(engine);
        Kernel k = Kernel.boot(options, out, new ByteArrayInputStream(new byte[0]));
        k.install("/bin/parallel_sum", exe);
        int status = k.run("/bin/parallel_sum", List.of("parallel_sum", Long.toString(longs)));
        long nanos = THREAD.getCurrentThreadCpuTime() - start;
        String text = out.toString(StandardCharsets.UTF_8).strip();
        if (status != 0) throw new IllegalStateException("parallel_sum failed (" + status + "): " + text);
        long instructions = 0;
        for (int i = 0; i < CPUS; i++) instructions += k.cpu(i).retired();
        return new Run(text, instructions, nanos);
    }

    /** The report's header, with the gcc columns if {@code withGcc}. */
    public static String header(boolean withGcc) {
        String h = String.format("%-16s %15s %12s %12s %8s", "4-thread sum", "guest instr", "interp ms", "jit ms", "speed-up");
        return (withGcc ? h + String.format(" %12s %10s", "gcc -O0 ms", "jit/gcc") : h) + "\n";
    }

    /** The report's line; {@code gccNanos} negative when gcc was not measured. */
    public static String line(Figures f, double gccNanos) {
        String l = String.format("%-16s %,15d %12.1f %12.1f %7.1fx", String.format("%,dM longs", LONGS / 1_000_000),
                f.instructions(), f.interpNanos() / 1e6, f.jitNanos() / 1e6, (double) f.interpNanos() / f.jitNanos());
        return (gccNanos < 0 ? l : l + String.format(" %12.1f %9.1fx", gccNanos / 1e6, f.jitNanos() / gccNanos)) + "\n";
    }

    public static void main(String[] args) {
        Figures f = measure(Path.of("").toAbsolutePath());
        System.out.print(header(false) + line(f, -1));
    }
}
