package clonix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code clonix explore}: the histogram, the exit status, the schedule file and the replay
 * command it prints, which {@code clonix run --schedule} follows to the same bytes.
 */
class ExploreCommandTest extends CommandLineRun {
    private final StringWriter out = new StringWriter();

    private int explore(String... args) {
        List<String> argv = new ArrayList<>(List.of("explore", "--jobs", "2", "--schedule-dir", dir.toString()));
        argv.addAll(Arrays.asList(args));
        return Main.execute(argv.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void aBuggyProgramFailsWithAReplayCommandThatReproducesTheRunByteForByte() throws Exception {
        assertEquals(1, explore("--runs", "300", "tests/concurrency/lost_update.c"), err.toString());
        String report = out.toString();
        assertTrue(report.startsWith("explore tests/concurrency/lost_update.c (pct, depth 3, seed 42): 300 run(s) in "), report);
        assertTrue(report.contains("  exit 0, output \"counter = 2\\n\" (12 bytes)  (first: run 0)\n"), report);
        assertTrue(report.contains("assertion failed: tests/concurrency/lost_update.c:27: main: Assertion `counter == 2' failed."), report);
        assertTrue(report.contains("shrunk to 1 preemption(s)"), report);

        Path schedule = dir.resolve("lost_update.outcome2.schedule");
        assertTrue(Files.readString(schedule).startsWith("clonix-schedule 1\n# explore tests/concurrency/lost_update.c"));
        String replay = "./clonix run --schedule " + schedule + " --time-limit 0.2 tests/concurrency/lost_update.c";
        assertTrue(report.contains("  replay:   " + replay + "\n"), report);
        String timeline = "./clonix run --schedule " + schedule + " --timeline --time-limit 0.2 tests/concurrency/lost_update.c";
        assertTrue(report.contains("  timeline: " + timeline + "\n"), report);

        String[] words = replay.substring("./clonix ".length()).split(" ");
        assertEquals(134, clonix(words), err.toString());
        assertEquals("counter = 1\ntests/concurrency/lost_update.c:27: main: Assertion `counter == 2' failed.\n",
                console.toString(StandardCharsets.UTF_8));
        // The backtrace of the fatal signal, and no word of leaving the schedule.
        assertTrue(err.toString().startsWith("clonix run: lost_update killed by SIGABRT"), err.toString());
        assertTrue(!err.toString().contains("left the schedule"), err.toString());

        // The timeline command replays the same run and draws its three threads on the one CPU.
        console.reset();
        assertEquals(134, clonix(timeline.substring("./clonix ".length()).split(" ")), err.toString());
        assertEquals("counter = 1\ntests/concurrency/lost_update.c:27: main: Assertion `counter == 2' failed.\n",
                console.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString().contains("\ncpu0  |"), err.toString());
        assertTrue(err.toString().contains(" lost_update (tid 4)\n"), err.toString());
    }

    @Test
    void theReplayWorksWithTheTracingOptions() throws Exception {
        assertEquals(1, explore("--runs", "40", "tests/concurrency/order_violation.c"), err.toString());
        Path schedule = scheduleOf("assertion failed");
        assertEquals(134, clonix("run", "--schedule", schedule.toString(), "--time-limit", "0.2", "--strace",
                "tests/concurrency/order_violation.c"));
        String trace = err.toString();
        assertTrue(trace.contains("clone("), trace);
        assertTrue(trace.contains("+++ killed by SIGABRT"), trace);
        String first = console.toString(StandardCharsets.UTF_8);
        console.reset();
        assertEquals(134, clonix("run", "--schedule", schedule.toString(), "--time-limit", "0.2", "--timeline",
                "tests/concurrency/order_violation.c"));
        assertEquals(first, console.toString(StandardCharsets.UTF_8));
    }

    @Test
    void withRaceEveryRunAlsoLooksForDataRacesAndOneThatFindsOneFails() throws Exception {
        assertEquals(1, explore("--race", "--runs", "20", "tests/concurrency/lost_update.c"), err.toString());
        String report = out.toString();
        assertTrue(report.contains("data race(s)"), report);
        assertTrue(report.contains("WARNING: data race"), report);
        assertTrue(report.contains("Location is global 'counter'"), report);
        assertTrue(report.contains(" --race tests/concurrency/lost_update.c\n"), report);
    }

    @Test
    void withRaceACorrectProgramStaysClean() {
        assertEquals(0, explore("--race", "--runs", "10", "tests/concurrency/mutex_counter.c"), out + err.toString());
    }

    /** The schedule file printed for the outcome whose line contains {@code what}. */
    private Path scheduleOf(String what) {
        String[] lines = out.toString().split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("outcome ") && lines[i].contains(what)) {
                for (int j = i + 1; j < lines.length; j++) {
                    if (lines[j].startsWith("  schedule: ")) return Path.of(lines[j].substring("  schedule: ".length()));
                }
            }
        }
        throw new AssertionError("no schedule for " + what + " in\n" + out);
    }

    @Test
    void aCorrectProgramExploresCleanAndExitsZero() throws Exception {
        Path json = dir.resolve("report.json");
        assertEquals(0, explore("--runs", "40", "--json", json.toString(), "tests/concurrency/join_ordered.c"), err.toString());
        assertTrue(out.toString().contains("      40  exit 0, output \"stage = 12\\n\" (11 bytes)  (first: run 0)\n"), out.toString());
        String text = Files.readString(json);
        assertTrue(text.contains("\"clean\": true"), text);
        assertTrue(text.contains("\"runs\": 40"), text);
    }

    @Test
    void theMachineOptionsGivenGoIntoTheReplayCommand() throws Exception {
        assertEquals(1, explore("--runs", "40", "--seed", "7", "--time-limit", "1", "tests/concurrency/order_violation.c"), err.toString());
        assertTrue(out.toString().contains(" --seed 7 --time-limit 1 tests/concurrency/order_violation.c\n"), out.toString());
    }

    @Test
    void aScheduleThatIsNotOneIsRefusedInOneLine() throws Exception {
        Path bad = dir.resolve("bad.schedule");
        Files.writeString(bad, "hello\n");
        assertEquals(1, clonix("run", "--schedule", bad.toString(), "tests/concurrency/join_ordered.c"));
        assertEquals("clonix run: --schedule: " + bad + ": not a schedule file (the first line must be 'clonix-schedule 1')\n", err.toString());
    }

    @Test
    void badOptionsGetOneLine() {
        assertEquals(1, explore("--depth", "0", "tests/concurrency/join_ordered.c"));
        assertEquals("clonix explore: --depth must be between 1 and 100\n", err.toString());
    }
}
