package clonix;

import boot.Kernel;
import boot.Options;
import image.BootImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import lab.RunReport;
import obj.Executable;
import picocli.CommandLine;

/**
 * The JVM of one graded test (started by lab.TestProcess, never by hand): compiles the
 * test's program once, then runs it under each seed x CPU count in turn, each in a freshly
 * booted machine set up exactly as {@code clonix run} sets one up, and reports every run to
 * the grader. The test runs in a JVM of its own because in some labs the kernel is the
 * student's code: a Java loop, an OutOfMemoryError or a crash there ends this JVM, not the
 * grader.
 *
 * <p>Arguments: PROGRAM STDIN-FILE-or-"" MAX-OUTPUT TIME-LIMIT RUNS N OPTION*N ARG..., where
 * RUNS is {@code SEED:CPUS:SCHEDULES,...} (SCHEDULES 0 for a plain run; N to explore N
 * schedules as {@code clonix explore --runs N --seed SEED} does, lab.GradedTest.Run). Standard
 * output carries the protocol, one message a line: {@code start SEED CPUS SCHEDULES} as a run begins, {@code done REPORT} (a
 * {@link RunReport}) as it ends, or once {@code failed MESSAGE} (base64) if the program
 * does not compile or the options are bad. Whatever the kernel's Java prints goes to
 * standard error, which the grader keeps a bounded tail of. Standard input is the grader's
 * lifeline: this JVM halts when it ends.
 */
public final class GradeChild {
    private GradeChild() {}

    /** Parses one run's machine options exactly as {@code clonix run} does. */
    @CommandLine.Command(name = "run")
    static final class RunOptions {
        @CommandLine.Mixin MachineOptions machine;
    }

    public static void main(String[] a) throws Exception {
        orphanWatch();
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        Path program = Path.of(a[0]);
        byte[] stdin = a[1].isEmpty() ? new byte[0] : Files.readAllBytes(Path.of(a[1]));
        int maxOutput = Integer.parseInt(a[2]);
        String timeLimit = a[3];
        int n = Integer.parseInt(a[5]);
        List<String> options = Arrays.asList(a).subList(6, 6 + n);
        List<String> args = Arrays.asList(a).subList(6 + n, a.length);

        BootImage image;
        Executable exe;
        StringWriter diagnostics = new StringWriter();
        try {
            image = BootImage.load();
            exe = image.compile(program, new PrintWriter(diagnostics, true));
        } catch (Exception | StackOverflowError e) { // a student's libc or headers can break the build in any way
            fail(protocol, "the program could not be built: " + e + "\n" + diagnostics);
            return;
        }
        if (exe == null) {
            fail(protocol, "the program does not compile\n" + diagnostics);
            return;
        }
        for (String run : a[4].split(",")) {
            String[] sc = run.split(":");
            int schedules = Integer.parseInt(sc[2]);
            List<String> argv = new ArrayList<>(List.of("--seed", sc[0], "--cpus", sc[1], "--time-limit", timeLimit));
            argv.addAll(options);
            Options machine;
            try {
                RunOptions parsed = new RunOptions();
                new CommandLine(parsed).parseArgs(argv.toArray(String[]::new));
                machine = parsed.machine.toOptions();
            } catch (CommandLine.ParameterException | HostFiles.UserError e) {
                fail(protocol, "bad machine options: " + e.getMessage());
                return;
            }
            protocol.println("start " + sc[0] + " " + sc[1] + " " + schedules);
            RunReport report = schedules > 0 ? GradeExplore.run(machine, schedules, image, exe, program, args, maxOutput)
                    : run(machine, image, exe, program, args, stdin, maxOutput);
            protocol.println("done " + report.encode());
        }
    }

    /**
     * Ends this JVM when the grader's does, however it ended (even killed): the grader holds
     * our standard input open and never writes to it, so its end means the grader is gone,
     * and a student's kernel looping in Java must not outlive it.
     */
    private static void orphanWatch() {
        Thread t = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing is ever sent; only the end matters
                }
            } catch (java.io.IOException e) {
                // the same: the grader is gone
            }
            Runtime.getRuntime().halt(3);
        }, "orphan-watch");
        t.setDaemon(true);
        t.start();
    }

    private static void fail(PrintStream protocol, String message) {
        protocol.println("failed " + Base64.getEncoder().encodeToString(message.getBytes(StandardCharsets.UTF_8)));
    }

    /** One run in a fresh machine; a Java error that escapes the kernel is part of the report. */
    private static RunReport run(Options machine, BootImage image, Executable exe, Path program, List<String> args,
            byte[] stdin, int maxOutput) {
        long start = System.nanoTime();
        BoundedConsole console = new BoundedConsole(maxOutput);
        Kernel kernel = null;
        int status = -1;
        String javaError = "";
        try {
            kernel = Kernel.boot(machine, console, new ByteArrayInputStream(stdin));
            console.onFlood = kernel.scheduler()::stop;
            List<String> argv = RunCommand.install(kernel, image, exe, program, args);
            status = kernel.run(argv.get(0), argv);
        } catch (Throwable e) { // the student's kernel may throw anything, even an Error
            javaError = describe(e);
        }
        String reports = kernel == null ? "" : String.join("", kernel.reports());
        String oopses = kernel == null ? "" : String.join("", kernel.oopses());
        kernel = null; // after an OutOfMemoryError, free the machine before building the report
        return new RunReport(machine.seed(), machine.cpus(), 0, status, console.text(), console.flooded, reports, oopses,
                javaError, (System.nanoTime() - start) / 1_000_000);
    }

    /** The error and the first frames of its stack: enough to find the line without a page of trace. */
    private static String describe(Throwable e) {
        StringBuilder s = new StringBuilder(String.valueOf(e));
        StackTraceElement[] frames = e.getStackTrace();
        for (int i = 0; i < Math.min(5, frames.length); i++) s.append("\n    at ").append(frames[i]);
        return s.toString();
    }

    /**
     * The console of a run: keeps the first {@code limit} bytes; past them the run is a flood,
     * and the machine is stopped rather than left to write until its time limit.
     */
    private static final class BoundedConsole extends OutputStream {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final int limit;
        boolean flooded;
        Runnable onFlood = () -> { };

        BoundedConsole(int limit) {
            this.limit = limit;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            int room = limit - kept.size();
            kept.write(b, off, Math.min(room, len));
            if (len > room && !flooded) {
                flooded = true;
                onFlood.run();
            }
        }

        String text() {
            return kept.toString(StandardCharsets.UTF_8);
        }
    }
}
