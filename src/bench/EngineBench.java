package bench;

import cc.CompilerBench;
import exec.BareMachine;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import obj.Executable;
import vm.Engine;

/**
 * The two execution engines side by side (docs/PERFORMANCE.md, "The JIT"): each CPU-bound
 * program of tests/ccbench (the compiler's benchmark, no libc) runs on a bare machine under
 * the interpreter and under the JIT, and the line gives the median host time of each (the
 * CPU time of the thread that runs the machine, which a busy host disturbs less than wall
 * time; HotSpot compiles on threads of its own, and the warm-up runs give it the time),
 * the speed-up, and the guest instructions, which must be the same under both engines (the run
 * fails otherwise, as it does if the output differs).
 */
public final class EngineBench {
    /** Timed runs of each program under each engine, after {@link #WARMUPS} warm-up runs. */
    public static final int REPS = 5;
    /**
     * Runs before the timed ones. The first translates a region only once its block has
     * started 65,535 times (vm.CodeCache), the later ones take it from the shared cache early;
     * six runs give HotSpot the time to compile the regions before the timing starts.
     */
    static final int WARMUPS = 6;

    private static final java.lang.management.ThreadMXBean THREAD = java.lang.management.ManagementFactory.getThreadMXBean();

    private EngineBench() {}

    /** One program's figures: median host nanoseconds per engine, and its guest instructions. */
    public record Figures(String name, String output, long instructions, long interpNanos, long jitNanos) {}

    /** Measures tests/ccbench/NAME.c (run from the project directory) under both engines. */
    public static Figures measure(String name) throws Exception {
        Executable exe = CompilerBench.build(name);
        long[][] nanos = new long[2][REPS];
        String[] output = new String[2];
        long[] instructions = new long[2];
        for (Engine e : Engine.values()) {
            int k = e.ordinal();
            for (int i = -WARMUPS; i < REPS; i++) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                long start = THREAD.getCurrentThreadCpuTime();
                BareMachine.Result r = new BareMachine(out, new ByteArrayOutputStream(), 64L << 20).engine(e)
                        .run(exe, List.of(name), 5_000_000_000L);
                long t = THREAD.getCurrentThreadCpuTime() - start;
                if (i >= 0) nanos[k][i] = t;
                output[k] = out.toString(StandardCharsets.UTF_8).strip();
                instructions[k] = r.instructions();
            }
            Arrays.sort(nanos[k]);
        }
        if (!output[0].equals(output[1]) || instructions[0] != instructions[1]) {
            throw new IllegalStateException(name + ": the engines disagree: " + output[0] + " in " + instructions[0]
                    + " instructions, " + output[1] + " in " + instructions[1]);
        }
        return new Figures(name, output[0], instructions[0], nanos[0][REPS / 2], nanos[1][REPS / 2]);
    }

    /** The header of {@link #line}'s table. */
    public static String header() {
        return String.format("%-8s %15s %12s %12s %8s%n", "program", "guest instr", "interp ms", "jit ms", "speed-up");
    }

    /** One line of the table. */
    public static String line(Figures f) {
        return String.format("%-8s %,15d %12.1f %12.1f %7.1fx%n", f.name(), f.instructions(), f.interpNanos() / 1e6,
                f.jitNanos() / 1e6, (double) f.interpNanos() / f.jitNanos());
    }

    /** Measures every program of tests/ccbench; one line each on {@code out}. */
    public static List<Figures> report(PrintWriter out) throws Exception {
        List<Figures> all = new ArrayList<>();
        out.print(header());
        for (String name : CompilerBench.NAMES) {
            Figures f = measure(name);
            all.add(f);
            out.print(line(f));
            out.flush();
        }
        return all;
    }

    public static void main(String[] args) throws Exception {
        report(new PrintWriter(System.out, true));
    }
}
