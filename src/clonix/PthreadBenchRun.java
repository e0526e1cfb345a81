package clonix;

import bench.PingPongBench;
import bench.PthreadBench;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import obj.Executable;

/**
 * {@code clonix bench pthread}: libpthread's figures (docs/PERFORMANCE.md, "libpthread"):
 * pthread_create + join per second, uncontended mutex lock + unlock pairs per second, and
 * 10,000 threads alive at once with the default 640 MiB and 100,000 with 2 GiB (pid_max,
 * threads-max and vm.max_map_count raised, as on Linux; each task takes 8 KiB of guest
 * memory and its thread two or three frames more), with the host memory per thread. With --with-gcc, tests/bench/pthread_bench.c is also built with the
 * host's gcc -O2 -pthread and timed natively, for the side-by-side columns.
 */
final class PthreadBenchRun {
    private PthreadBenchRun() {}

    /** Native iterations: about a second each on a 2020s machine. */
    private static final long NATIVE_CREATES = 20_000, NATIVE_LOCKS = 50_000_000;

    /** Runs the benchmark and prints its report to {@code out}. */
    static void run(PrintWriter out, boolean withGcc) throws Exception {
        Path project = ProjectDir.find();
        Path source = project.resolve("tests/bench/pthread_bench.c");
        Executable exe = PingPongBench.compile(source);
        Path binary = withGcc ? buildWithGcc(source) : null;
        try {
            PthreadBench.Rate create = PthreadBench.rate(exe, "create", PthreadBench.CREATES, 5);
            out.print(PthreadBench.line(create, binary == null ? -1 : nativeRate(binary, "create", NATIVE_CREATES)));
            out.flush();
            PthreadBench.Rate locks = PthreadBench.rate(exe, "mutex", PthreadBench.LOCKS, 5);
            out.print(PthreadBench.line(locks, binary == null ? -1 : nativeRate(binary, "mutex", NATIVE_LOCKS)));
            out.flush();
        } finally {
            if (binary != null) Files.deleteIfExists(binary);
        }
        long[][] alive = {{10_000, boot.Options.DEFAULT_MEMORY}, {100_000, 2048L << 20}};
        for (long[] a : alive) {
            out.print(PthreadBench.line(PthreadBench.alive(exe, a[0], a[1]), a[1]));
            out.flush();
        }
    }

    /** The median of three native runs of MODE N, in iterations per second. */
    private static double nativeRate(Path binary, String mode, long n) throws Exception {
        double[] rates = new double[3];
        for (int i = 0; i < rates.length; i++) {
            String report = runProcess(List.of(binary.toString(), mode, Long.toString(n)));
            if (report == null) throw new HostFiles.UserError(binary + " failed");
            long[] parsed = PthreadBench.parse(report);
            rates[i] = parsed[0] * 1e9 / Math.max(1, parsed[1]);
        }
        Arrays.sort(rates);
        return rates[1];
    }

    private static Path buildWithGcc(Path source) throws Exception {
        Path binary = Files.createTempFile("clonix-bench-", "");
        if (runProcess(List.of("gcc", "-O2", "-pthread", "-o", binary.toString(), source.toString())) == null) {
            Files.deleteIfExists(binary);
            throw new HostFiles.UserError("gcc failed to build " + source);
        }
        return binary;
    }

    /** Runs a host command; its standard output, or null if it failed. */
    private static String runProcess(List<String> command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        } catch (IOException e) {
            return null;
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.waitFor() == 0 ? output : null;
    }
}
