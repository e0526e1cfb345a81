package bench;

import boot.Kernel;
import boot.Options;
import image.BootImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import obj.Executable;

/**
 * The futex ping-pong benchmark (docs/PERFORMANCE.md, "The scheduler"): the C program
 * tests/bench/futex_pingpong.c, compiled by Clonix's own compiler against the boot image's
 * libc, run for ROUNDS round trips between two threads. The host rate is ROUNDS divided by
 * the difference of the median host times of runs with ROUNDS and with 0 round trips (so
 * boot, exec and thread creation are left out); the guest rate is what the program itself
 * measures on the virtual clock. The same file built with gcc gives the native figure.
 */
public final class PingPongBench {
    /** Round trips of one timed run. */
    public static final long ROUNDS = 200_000;

    /** Round trips per second on the host clock and on the guest's virtual clock. */
    public record Result(long rounds, double hostPerSecond, double guestPerSecond) {}

    private PingPongBench() {}

    /** Compiles {@code source} (a C file) with Clonix's compiler and libc, in memory; throws with the diagnostics if it fails. */
    public static Executable compile(Path source) {
        BootImage image = BootImage.load();
        if (!image.hasLibc()) throw new IllegalStateException("this build has no C library");
        StringWriter diagnostics = new StringWriter();
        Executable exe = image.compile(source, new PrintWriter(diagnostics));
        if (exe == null) throw new IllegalStateException(source + " does not compile:\n" + diagnostics);
        return exe;
    }

    /** Measures the program: one warm-up pair, then {@code repetitions} pairs of runs (0 and ROUNDS). */
    public static Result measure(Executable exe, int repetitions) {
        Options options = Options.defaults();
        long[] empty = new long[repetitions], full = new long[repetitions];
        long[] guest = null;
        for (int r = -1; r < repetitions; r++) {
            long t0 = System.nanoTime();
            run(options, exe, 0);
            long t1 = System.nanoTime();
            guest = run(options, exe, ROUNDS);
            long t2 = System.nanoTime();
            if (r < 0) continue;
            empty[r] = t1 - t0;
            full[r] = t2 - t1;
        }
        double hostNanos = Math.max(1, Median.of(full) - Median.of(empty));
        return new Result(ROUNDS, ROUNDS * 1e9 / hostNanos, guest[0] * 1e9 / Math.max(1, guest[1]));
    }

    /** Runs the program for {@code rounds}; returns {rounds, virtual ns} as it reported them. */
    private static long[] run(Options options, Executable exe, long rounds) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Kernel k = Kernel.boot(options, out, new ByteArrayInputStream(new byte[0]));
        k.install("/bin/futex_pingpong", exe);
        int status = k.run("/bin/futex_pingpong", List.of("futex_pingpong", Long.toString(rounds)));
        String text = out.toString(StandardCharsets.UTF_8);
        long[] parsed = parse(text);
        if (status != 0 || parsed == null) throw new IllegalStateException("futex_pingpong failed (" + status + "): " + text);
        return parsed;
    }

    /** Parses "N round trips in T ns"; null if the line is missing. */
    public static long[] parse(String output) {
        for (String line : output.split("\n")) {
            String[] w = line.trim().split(" ");
            if (w.length == 6 && w[1].equals("round") && w[2].equals("trips") && w[5].equals("ns")) {
                try {
                    return new long[] {Long.parseLong(w[0]), Long.parseLong(w[4])};
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** The report line, with the native rate when one was measured (else a negative number). */
    public static String line(Result r, double nativePerSecond) {
        String nat = nativePerSecond < 0 ? "" : String.format(Locale.ROOT, "   native (gcc -O2) %,12.0f /s   host/native %.2fx",
                nativePerSecond, r.hostPerSecond() / nativePerSecond);
        return String.format(Locale.ROOT, "clonix   futex ping-pong   %,12.0f /s host   %,12.0f /s guest%s%n",
                r.hostPerSecond(), r.guestPerSecond(), nat);
    }
}
