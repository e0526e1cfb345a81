package bench;

import boot.Options;
import boot.Session;
import image.BootImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How long a person waits: from {@code clonix} to the shell's prompt, and {@code clonix run
 * hello.c} from start to finish (compile, boot, run, exit). Each figure is the wall time of a
 * fresh JVM started the way the launcher starts it (same java, same class path), so JVM
 * start-up, class loading and the boot image are all counted. docs/PERFORMANCE.md ("Start-up")
 * records the method and the figures; {@code ./clonix bench startup} calls {@link #run}.
 *
 * <p>"To the prompt" is measured as a batch session whose only command is {@code exit}: it
 * boots, reaches the point where it would print the prompt, reads one line and leaves, so it
 * is an upper bound. The in-process figure (a warm JVM booting a session) shows how much of
 * it is the kernel's own boot. Host time is read here only; nothing guest-visible depends on it.
 */
public final class StartupBench {
    private StartupBench() {}

    /** Launches per figure, after one that is not counted (it fills the OS's file cache). */
    static final int RUNS = 5;

    /** Runs the benchmark and returns the report, one figure per line. */
    public static String run() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("clonix-startup-");
        try {
            Path exit = dir.resolve("exit.sh");
            Files.writeString(exit, "exit\n");
            Path hello = dir.resolve("hello.c");
            Files.writeString(hello, "#include <stdio.h>\nint main(void) { printf(\"hello, world\\n\"); return 0; }\n");
            String java = ProcessHandle.current().info().command().orElse("java");
            String cp = System.getProperty("java.class.path");
            // The launches run the engine the benchmark's own machines run (bench --engine).
            String engine = "--engine=" + Options.defaults().engine().optionName();
            StringBuilder report = new StringBuilder();
            report.append(line("clonix to the prompt (boot, read 'exit', leave)",
                    launch(List.of(java, "-cp", cp, "clonix.Main", engine, "--script", exit.toString()))));
            report.append(line("clonix run hello.c (compile, boot, run, exit)",
                    launch(List.of(java, "-cp", cp, "clonix.Main", "run", engine, hello.toString()))));
            report.append(line("session boot in a warm JVM (kernel, init, sh)", inProcessBoot()));
            return report.toString();
        } finally {
            try (var s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    /**
     * Wall times in milliseconds of RUNS launches of {@code command}, in the current directory
     * (clonix run finds the project's headers from there, as the launcher script does).
     */
    private static double[] launch(List<String> command) throws IOException, InterruptedException {
        double[] ms = new double[RUNS];
        for (int i = -1; i < RUNS; i++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            int rc = p.waitFor();
            long t1 = System.nanoTime();
            if (rc != 0) throw new IOException(String.join(" ", command) + " failed (" + rc + "): " + new String(out, StandardCharsets.UTF_8));
            if (i >= 0) ms[i] = (t1 - t0) / 1e6;
        }
        return ms;
    }

    /** Milliseconds to boot a session in this JVM, after a few boots to warm it up. */
    private static double[] inProcessBoot() {
        Map<String, byte[]> files = BootImage.load().guestFiles();
        double[] ms = new double[RUNS];
        for (int i = -3; i < RUNS; i++) {
            long t0 = System.nanoTime();
            Session.boot(Options.defaults(), new ByteArrayOutputStream(), files);
            long t1 = System.nanoTime();
            if (i >= 0) ms[i] = (t1 - t0) / 1e6;
        }
        return ms;
    }

    private static String line(String what, double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        List<String> all = new ArrayList<>();
        for (double m : ms) all.add(String.format(Locale.ROOT, "%.0f", m));
        return String.format(Locale.ROOT, "%-50s median %6.0f ms  min %6.0f ms  (runs: %s)%n", what, sorted[sorted.length / 2],
                sorted[0], String.join(" ", all));
    }
}
