package stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import image.BootImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guest pays for everything it can multiply, so it runs out of memory, and gets Linux's
 * errno, before the host does: each program of tests/stress multiplies one kind of kernel
 * object until the kernel refuses, in a child JVM of 1 GiB of heap ({@link StressRun}), and
 * must end normally, print the errno it got, leave nothing behind, and never make the JVM
 * throw OutOfMemoryError. The default sizes keep each run to seconds; with
 * {@code -Dclonix.stress=true} the machines are as large as 1 GiB of heap can hold, where
 * the old unpaid-for objects (64 KiB per pipe on the heap, page tables, VMAs) would have
 * exhausted it many times over.
 */
class MemoryStressTest {
    private static final boolean BIG = Boolean.getBoolean("clonix.stress");
    private static final String HEAP = "-Xmx1g";

    @TempDir Path tmp;

    /** What a child JVM printed (standard output and error together) and its exit status. */
    record Run(int status, String output) {}

    @Test
    void pipesFilledUntilMemoryRunsOut() throws Exception {
        String out = stress("pipes", BIG ? 768 : 128, BIG ? "256" : "64");
        assertMatches("\\d+ pipes in \\d+ processes, then ENFILE", out);
        assertMatches("\\d+ MiB written into them, then ENOMEM", out);
    }

    @Test
    void tmpfsFilledWithDataAndInodes() throws Exception {
        String out = stress("tmpfs", BIG ? 768 : 64);
        long image = number("the boot image's files take (\\d+) KiB", out);
        long mib = number("(\\d+) MiB of files, then ENOSPC", out);
        assertTrue(mib >= (BIG ? 768 : 64) / 2 - (image + 1023) / 1024 - 1, "half the memory, less the boot image: " + out);
        assertMatches("\\d+ empty files, then ENOSPC", out);
        assertMatches("after removing them Shmem is back where it was", out);
    }

    @Test
    void sparseTouchesUntilPageTablesRunOut() throws Exception {
        String out = stress("sparse", BIG ? 768 : 64);
        assertMatches("\\d+ pages 2 MiB apart, then EFAULT", out);
        assertMatches("page tables: one page each at least", out);
        assertMatches("after munmap PageTables is back where it was", out);
    }

    @Test
    void mostVmasInSeveralProcesses() throws Exception {
        String out = stress("vmas", BIG ? 768 : 24, BIG ? "64" : "8");
        assertMatches("first process: 65531 VMAs, then ENOMEM", out);
        assertMatches("process \\d+: \\d+ VMAs, then ENOMEM", out);
    }

    @lab.PartOfLab("clone")
    @Test
    void realTimeSignalsQueuedUntilEagain() throws Exception {
        String out = stress("signals", BIG ? 256 : 16, BIG ? "4000" : "200");
        assertMatches("sigqueue: 1025 queued, then EAGAIN", out);
        assertMatches("kill of a full queue: 0", out);
        assertMatches("first thread: 1025 queued, then EAGAIN", out);
        long next = number("the next refused after (\\d+), then EAGAIN", out);
        assertTrue(next < 1025, "memory, not the queue's limit, refused the last: " + out);
    }

    @Test
    void filesOpenedUntilEnfile() throws Exception {
        String out = stress("files", BIG ? 768 : 64, "1024");
        assertMatches("first process: \\d+ files, then EMFILE", out);
        assertMatches("\\d+ files in \\d+ processes, then ENFILE", out);
    }

    @Test
    void aMachineLargerThanTheHeapIsRefusedAtBoot() throws Exception {
        Run r = java(List.of("clonix.Main", "run", "--mem", "2048", Path.of("tests/stress/files.c").toString()));
        assertEquals(1, r.status(), r.output());
        assertMatches("clonix run: --mem 2048 MiB needs a Java heap of at least 2304 MiB \\(this JVM has \\d+ MiB\\); "
                + "set CLONIX_JAVA_OPTS=-Xmx2304m", r.output());
    }

    @Test
    void theCommandLineRunsAMachineTheHeapHolds() throws Exception {
        Run r = java(List.of("clonix.Main", "run", "--mem", "256", Path.of("tests/stress/sparse.c").toString()));
        assertEquals(0, r.status(), r.output());
        assertMatches("\\d+ pages 2 MiB apart, then EFAULT", r.output());
    }

    /** Compiles tests/stress/NAME.c, runs it in a machine of {@code memMiB} MiB under StressRun; returns its output. */
    private String stress(String name, int memMiB, String... args) throws Exception {
        Path exe = tmp.resolve(name);
        StringWriter diagnostics = new StringWriter();
        Path dir = Path.of("").toAbsolutePath();
        int rc = BootImage.load().driver(dir).execute(
                new String[] {Path.of("tests/stress", name + ".c").toString(), "-o", exe.toString()},
                new PrintWriter(diagnostics), new PrintWriter(diagnostics));
        assertEquals(0, rc, diagnostics.toString());
        List<String> command = new ArrayList<>(List.of(StressRun.class.getName(), Integer.toString(memMiB), exe.toString()));
        command.addAll(List.of(args));
        Run r = java(command);
        assertFalse(r.output().contains("OutOfMemoryError"), r.output());
        assertEquals(0, r.status(), r.output());
        return r.output();
    }

    /** Runs a JVM with a 1 GiB heap and this test's class path; {@code args} start with the main class. */
    private static Run java(List<String> args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(HEAP);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the stress did not end");
        return new Run(p.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static void assertMatches(String regex, String output) {
        assertTrue(Pattern.compile("^" + regex + "$", Pattern.MULTILINE).matcher(output).find(),
                "no line matches /" + regex + "/ in:\n" + output);
    }

    /** The number captured by {@code regex}'s group in a line of {@code output}. */
    private static long number(String regex, String output) {
        Matcher m = Pattern.compile(regex).matcher(output);
        assertTrue(m.find(), "no /" + regex + "/ in:\n" + output);
        return Long.parseLong(m.group(1));
    }
}
