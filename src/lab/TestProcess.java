package lab;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs one graded test in a JVM of its own ({@code clonix.GradeChild}) and collects the
 * reports of its runs. The grader must survive whatever the student's code does, and in
 * some labs that code is the kernel, which runs in Java: so the test's JVM has a bounded
 * heap, its output is read by this class rather than trusted, and each run has a host
 * deadline ({@code timeout} seconds, the JVM's start and the compilation counting as one
 * more run) past which the JVM is destroyed. One JVM per test keeps the cost of starting
 * JVMs down: its runs go one after the other.
 */
final class TestProcess {
    /** The heap of a test's JVM: as {@code ./clonix}'s, enough for the default machine (640 MiB). */
    static final String HEAP = "-Xmx1g";
    /** The bytes of the JVM's standard error kept for a report (its last ones). */
    static final int STDERR_KEPT = 4096;

    /**
     * What became of the test's JVM: the reports of the runs that finished, in order, and
     * if it did not finish them all, why ({@code problem}, e.g. "timed out after 20 s") and
     * during which run (null if before the first: starting up or compiling).
     */
    record Outcome(List<RunReport> reports, String problem, GradedTest.Run during) {}

    private TestProcess() {}

    /** Runs {@code test} with the classes of {@code classpath}, in {@code project}. */
    static Outcome run(GradedTest test, Path project, String classpath) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command(test, project, classpath)).directory(project.toFile());
        Process p = pb.start(); // its standard input stays open: it ends when the grader does (GradeChild)
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = daemon(() -> readLines(p.getInputStream(), lines));
        Tail stderr = new Tail(STDERR_KEPT);
        Thread drainer = daemon(() -> stderr.drain(p.getErrorStream()));
        List<RunReport> reports = new ArrayList<>();
        GradedTest.Run during = null;
        try {
            long budget = Math.round(test.timeoutSeconds() * 1e9);
            long deadline = System.nanoTime() + budget;
            while (true) {
                String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) {
                    return new Outcome(reports, "timed out after " + seconds(test.timeoutSeconds()) + " s of host time"
                            + (during == null ? " (starting, compiling)" : ""), during);
                }
                if (line.equals(EOF)) break;
                String[] w = line.split(" ", 3);
                switch (w[0]) {
                    case "start" -> {
                        String[] run = w[2].split(" ");
                        during = new GradedTest.Run(Long.parseLong(w[1]), Integer.parseInt(run[0]),
                                run.length > 1 ? Integer.parseInt(run[1]) : 0);
                        deadline = System.nanoTime() + budget;
                    }
                    case "done" -> reports.add(RunReport.decode(w[1]));
                    case "failed" -> {
                        return new Outcome(reports, new String(Base64.getDecoder().decode(w[1]), StandardCharsets.UTF_8), null);
                    }
                    default -> throw new IOException("the test's JVM said '" + line + "'");
                }
            }
            int rc = p.waitFor();
            drainer.join(1000);
            if (reports.size() == test.runs().size() && rc == 0) return new Outcome(reports, null, null);
            String tail = stderr.text().strip();
            return new Outcome(reports, "the test's JVM ended early (exit status " + rc + ")"
                    + (tail.isEmpty() ? "" : "\n" + tail), during);
        } finally {
            p.destroyForcibly();
            p.getOutputStream().close();
            reader.interrupt();
        }
    }

    /** The end of the JVM's standard output, in the queue of its lines. */
    private static final String EOF = "\0eof";

    private static List<String> command(GradedTest test, Path project, String classpath) {
        List<String> c = new ArrayList<>();
        c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // No parallel GC threads: a test runs one machine on one thread. The JVM keeps its
        // optimising compiler: stopping at C1, which starts sooner, made a guest that
        // computes 1.5 times slower.
        c.addAll(List.of(HEAP, "-XX:+UseSerialGC", "-cp", absolute(classpath), "clonix.GradeChild"));
        c.add(Replay.path(project, test.program()));
        c.add(test.stdin() == null ? "" : test.stdin().toString());
        c.add(Integer.toString(test.maxOutput()));
        c.add(seconds(test.timeLimitSeconds()));
        c.add(String.join(",", test.runs().stream().map(r -> r.seed() + ":" + r.cpus() + ":" + r.schedules()).toList()));
        c.add(Integer.toString(test.options().size()));
        c.addAll(test.options());
        c.addAll(test.args());
        return c;
    }

    /** The classpath with every entry made absolute, since the test's JVM runs in the project directory. */
    private static String absolute(String classpath) {
        return String.join(File.pathSeparator, Arrays.stream(classpath.split(File.pathSeparator))
                .map(e -> e.isEmpty() ? e : Path.of(e).toAbsolutePath().toString()).toList());
    }

    /** Seconds without a useless ".0": 20, 0.5. */
    static String seconds(double s) {
        return s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s);
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "grade-io");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void readLines(InputStream in, BlockingQueue<String> lines) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) lines.add(line);
        } catch (IOException e) {
            // the JVM was destroyed: its output ends here
        }
        lines.add(EOF);
    }

    /** The last {@code limit} bytes of a stream, read to its end, however much it writes. */
    static final class Tail {
        private final byte[] ring;
        private long written;

        Tail(int limit) {
            ring = new byte[limit];
        }

        void drain(InputStream in) {
            byte[] buf = new byte[8192];
            try (in) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    synchronized (this) {
                        for (int i = 0; i < n; i++) ring[(int) (written++ % ring.length)] = buf[i];
                    }
                }
            } catch (IOException e) {
                // the JVM was destroyed: keep what came
            }
        }

        synchronized String text() {
            int n = (int) Math.min(written, ring.length);
            byte[] out = new byte[n];
            for (int i = 0; i < n; i++) out[i] = ring[(int) ((written - n + i) % ring.length)];
            return (written > n ? "...\n" : "") + new String(out, StandardCharsets.UTF_8);
        }
    }
}
