package race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.Kernel;
import boot.Options;
import image.BootImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import obj.Executable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --race} on the programs of tests/concurrency: the racy ones (race_*.c) are reported
 * with both accesses named, the correct ones (race_ok_*.c) never are, whatever the seed and
 * the number of CPUs, and the same run gives the same reports.
 */
class RaceDetectorTest {
    /** The machines the correct programs run on: one, two and four CPUs, different seeds. */
    private static final int[][] MACHINES = {{1, 1}, {2, 7}, {4, 42}};
    private static final Map<String, Executable> COMPILED = new HashMap<>();

    /** What a run printed, its status, and the race reports. */
    record Run(int status, String output, List<String> reports) {}

    /** One report, parsed: the two accesses' headers and first frames, and the location. */
    record Report(String access, String frame, String previous, String previousFrame, String location) {}

    private static synchronized Executable compile(String name) {
        return COMPILED.computeIfAbsent(name, n -> {
            StringWriter diagnostics = new StringWriter();
            Executable exe;
            try {
                exe = BootImage.load().compile(Path.of("tests", "concurrency", n + ".c"), new PrintWriter(diagnostics));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            assertNotNull(exe, diagnostics.toString());
            return exe;
        });
    }

    /** Runs tests/concurrency/NAME.c with the detector on {@code cpus} CPUs and {@code seed}. */
    static Run run(String name, int cpus, long seed) throws Exception {
        return run(name, cpus, seed, RaceDetector.DEFAULT_LIMIT);
    }

    /** {@link #run(String, int, long)} with the shadow memory bounded by {@code limit} bytes. */
    static Run run(String name, int cpus, long seed, long limit) throws Exception {
        Executable exe = compile(name);
        BootImage image = BootImage.load();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Options options = Options.defaults().withCpus(cpus).withSeed(seed);
        Kernel kernel = Kernel.boot(options, console, new ByteArrayInputStream(new byte[0]));
        for (Map.Entry<String, byte[]> f : image.guestFiles().entrySet()) kernel.installFile(f.getKey(), f.getValue(), 0755);
        kernel.install("/tmp/" + name, exe);
        List<String> reports = new ArrayList<>();
        RaceDetector d = RaceDetector.install(kernel, reports::add, limit);
        int status = kernel.run("/tmp/" + name, List.of("/tmp/" + name));
        boot.GuestRun.checkNothingLeaked(kernel);
        assertEquals(reports.size(), d.racesReported() + (d.stopped() ? 1 : 0));
        return new Run(status, console.toString(StandardCharsets.UTF_8), reports);
    }

    private static final Pattern REPORT = Pattern.compile("""
            ==================
            WARNING: data race \\(pid=\\d+\\)
              (.*):
                #0 (.*)
            (?:    #\\d .*
            )*  (Previous .*):
                #0 (.*)
            (?:    #\\d .*
            )*  Location is (.*)
            ==================
            """);

    static Report parse(String text) {
        Matcher m = REPORT.matcher(text);
        assertTrue(m.matches(), "a report in ThreadSanitizer's shape:\n" + text);
        return new Report(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5));
    }

    /** The reports of a racy program, parsed, after checking it ran to the end. */
    private static List<Report> reports(String name, int cpus, long seed) throws Exception {
        Run r = run(name, cpus, seed);
        assertEquals(0, r.status, r.output);
        assertTrue(!r.reports.isEmpty(), name + " has a race that must be reported");
        return r.reports.stream().map(RaceDetectorTest::parse).toList();
    }

    private static String function(String frame) {
        return frame.split("[+ ]")[0];
    }

    @Test
    void anUnprotectedCounterIsReportedBetweenTheTwoWorkers() throws Exception {
        for (Report r : reports("race_counter", 2, 42)) {
            assertTrue(r.access.matches("(Read|Write) of size 4 at 0x[0-9a-f]+ by thread T[12] \\(tid \\d+\\)"), r.access);
            assertTrue(r.previous.matches("Previous (read|write) of size 4 at 0x[0-9a-f]+ by thread T[12] \\(tid \\d+\\)"), r.previous);
            assertTrue(r.access.startsWith("Write") || r.previous.startsWith("Previous write"), "one of them writes: " + r);
            assertEquals("worker", function(r.frame));
            assertEquals("worker", function(r.previousFrame));
            assertTrue(r.location.startsWith("global 'counter' at 0x"), r.location);
        }
    }

    @Test
    void aPlainFlagIsReportedBetweenItsWriterAndItsReader() throws Exception {
        List<Report> rs = reports("race_flag", 2, 42);
        assertEquals(1, rs.size(), "one pair of instructions, reported once: " + rs);
        Report r = rs.get(0);
        assertTrue(r.access.matches("Write of size 4 at 0x[0-9a-f]+ by thread T1 \\(tid 3\\)"), r.access);
        assertEquals("worker", function(r.frame));
        assertTrue(r.previous.matches("Previous read of size 4 at 0x[0-9a-f]+ by main thread \\(tid 2\\)"), r.previous);
        assertEquals("main", function(r.previousFrame));
        assertTrue(r.location.startsWith("global 'done' at 0x"), r.location);
    }

    @Test
    void publicationWithoutAReleaseIsReportedOnTheMessage() throws Exception {
        List<Report> rs = reports("race_publish", 2, 42);
        Report message = rs.stream().filter(r -> r.location.startsWith("global 'message'")).findFirst().orElseThrow();
        assertTrue(message.access.matches("Read of size 4 at 0x[0-9a-f]+ by main thread \\(tid 2\\)"), message.access);
        assertEquals("main", function(message.frame));
        assertTrue(message.previous.matches("Previous write of size 4 at 0x[0-9a-f]+ by thread T1 \\(tid 3\\)"), message.previous);
        assertEquals("worker", function(message.previousFrame));
        Report flag = rs.stream().filter(r -> r.location.startsWith("global 'ready'")).findFirst().orElseThrow();
        assertTrue(flag.access.startsWith("Atomic read of size 4"), "the acquire load is atomic, the store is not: " + flag);
        assertTrue(flag.previous.startsWith("Previous write of size 4"), flag.previous);
    }

    @Test
    void aRaceOnAHeapObjectNamesTheHeap() throws Exception {
        for (Report r : reports("race_heap", 2, 42)) {
            assertTrue(r.access.matches("(Read|Write) of size 8 .*"), r.access);
            assertTrue(r.location.startsWith("heap memory at 0x"), r.location);
            assertEquals(List.of("deposit", "withdraw"),
                    List.of(function(r.frame), function(r.previousFrame)).stream().sorted().toList());
        }
    }

    @Test
    void aRaceThroughAPointerToALocalNamesTheStackItIsOn() throws Exception {
        for (Report r : reports("race_stack", 2, 42)) {
            assertTrue(r.access.matches("(Read|Write) of size 4 .*"), r.access);
            assertTrue(r.location.startsWith("stack of main thread (tid 2) at 0x7fff"), r.location);
            assertEquals(List.of("bump", "main"), List.of(function(r.frame), function(r.previousFrame)).stream().sorted().toList());
        }
    }

    @Test
    void theSameRunGivesTheSameReports() throws Exception {
        Run a = run("race_counter", 4, 3), b = run("race_counter", 4, 3);
        assertEquals(a.output, b.output);
        assertEquals(a.reports, b.reports);
    }

    @Test
    void pastItsMemoryBoundTheDetectorSaysSoOnceAndStopsWatching() throws Exception {
        Run bounded = run("race_counter", 2, 42, 64 << 10), free = run("race_counter", 2, 42);
        assertEquals(List.of("clonix: the race detector's shadow memory reached its limit of 64 KiB:"
                + " races after this point are not looked for\n"), bounded.reports);
        assertEquals(free.output, bounded.output, "the program runs on as before");
    }

    @ParameterizedTest
    @ValueSource(strings = {"race_ok_mutex", "race_ok_condvar", "race_ok_barrier", "race_ok_rwlock", "race_ok_sem",
        "race_ok_once", "race_ok_atomics", "race_ok_pipe", "race_ok_fork", "race_ok_signal"})
    void aCorrectProgramHasNoReportOnAnyMachine(String name) throws Exception {
        for (int[] m : MACHINES) {
            Run r = run(name, m[0], m[1]);
            assertEquals(0, r.status, r.output);
            assertEquals(List.of(), r.reports, name + " on " + m[0] + " CPUs, seed " + m[1]);
        }
    }
}
