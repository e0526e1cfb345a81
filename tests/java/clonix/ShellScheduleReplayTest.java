package clonix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.Options;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import shell.ShellMain;

/**
 * The shell's {@code explore} and {@code replay} against the host's {@code clonix explore}
 * and {@code clonix run --schedule}: a schedule found in the shell replays on the host to
 * the same bytes, one found on the host replays in the shell, both find the same schedule
 * for the same executable, and the shell's commands write nothing to the host but through
 * the mount.
 */
class ShellScheduleReplayTest extends CommandLineRun {
    /** What the explored run prints: lost_update.c's failing assertion, as the guest's cc named the file. */
    private static final String FAILED = "counter = 1\n/mnt/host/lost_update.c:27: main: Assertion `counter == 2' failed.\n";

    /** The transcript of {@code script} in a batch session with the host directory {@link #dir} mounted. */
    private String shell(String script) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = ShellMain.runBatch(Options.defaults().withMount(dir),
                new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), out, false);
        return out.toString(StandardCharsets.UTF_8) + "[status " + status + "]\n";
    }

    @Test
    void exploreAndReplayRefuseWhenTheHeapCannotHoldAMachineBesideTheSessions() throws Exception {
        long mib = 1600; // two machines of 1600 MiB need 2 x 1842 MiB: more than the tests' 3 GiB heap
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.getRuntime().maxMemory() < (2 * boot.JavaHeap.neededMiB(mib) << 20));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ShellMain.runBatch(Options.defaults().withMemory(mib << 20), new ByteArrayInputStream(
                "explore --runs 2 /bin/true\necho explore $?\necho clonix-schedule 1 > /tmp/s\nreplay /tmp/s /bin/true\necho replay $?\n".getBytes(StandardCharsets.UTF_8)),
                out, false);
        String text = out.toString(StandardCharsets.UTF_8);
        String refusal = "cannot hold a machine of 1600 MiB beside the session's; CLONIX_JAVA_OPTS=-Xmx3684m would\n";
        assertTrue(text.matches("(?s)sh: explore: a Java heap of \\d+ MiB " + java.util.regex.Pattern.quote(refusal)
                + "explore 1\n.*"), text);
        assertTrue(text.contains("sh: replay: a Java heap of "), text);
        assertTrue(text.endsWith("replay 1\n"), text);
    }

    /** The "run T for N" lines of a schedule file (its comments name the command that wrote it). */
    private static List<String> choices(Path schedule) throws Exception {
        return Files.readAllLines(schedule).stream().filter(l -> !l.startsWith("#")).toList();
    }

    @Test
    void aScheduleFoundInTheShellReplaysOnTheHostAndTheOtherWayRound() throws Exception {
        Files.copy(Path.of("tests/concurrency/lost_update.c"), dir.resolve("lost_update.c"));
        String text = shell("""
                cc /mnt/host/lost_update.c -o /mnt/host/lost_update
                cd /mnt/host
                mkdir shell
                explore --runs 100 --jobs 2 --schedule-dir shell ./lost_update > /dev/null
                echo explore $?
                replay --time-limit 0.2 shell/lost_update.outcome2.schedule ./lost_update
                echo replay $?
                """);
        assertTrue(text.startsWith("explore 1\n" + FAILED + "replay: lost_update killed by SIGABRT"), text);
        assertTrue(text.endsWith("replay 134\n[status 0]\n"), text);
        assertFalse(text.contains("left the schedule"), text);
        Path fromShell = dir.resolve("shell/lost_update.outcome2.schedule");

        // The host replays the shell's schedule, with the executable the shell built.
        Path exe = dir.resolve("lost_update");
        assertEquals(134, clonix("run", "--schedule", fromShell.toString(), "--time-limit", "0.2", exe.toString()), err.toString());
        assertEquals(FAILED, console.toString(StandardCharsets.UTF_8));
        assertFalse(err.toString().contains("left the schedule"), err.toString());

        // The host explores the same executable and finds the same schedule; the shell replays the host's.
        Path host = Files.createDirectory(dir.resolve("host"));
        assertEquals(1, Main.execute(new String[] {"explore", "--runs", "100", "--jobs", "2", "--schedule-dir", host.toString(),
            exe.toString()}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true)), err.toString());
        Path fromHost = host.resolve("lost_update.outcome2.schedule");
        assertEquals(choices(fromShell), choices(fromHost));
        String again = shell("cd /mnt/host\nreplay --time-limit 0.2 host/lost_update.outcome2.schedule ./lost_update 2>/dev/null\n");
        assertEquals(FAILED + "[status 134]\n", again);
    }

    @Test
    void exploreAndReplayInTheShellWriteNothingToTheHost() throws Exception {
        Path outside = Files.createDirectory(dir.resolve("outside"));
        Path mount = Files.createDirectory(dir.resolve("mnt"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Files.copy(Path.of("tests/concurrency/lost_update.c"), mount.resolve("lost_update.c"));
        String script = """
                cc /mnt/host/lost_update.c -o /tmp/lost
                rm /mnt/host/lost_update.c
                cd /tmp
                explore --runs 60 --jobs 2 --json report.json ./lost > /dev/null
                replay --trace-json trace.json --time-limit 0.2 lost.outcome2.schedule ./lost > /dev/null 2>&1
                ls /tmp
                explore --runs 5 --schedule-dir OUTSIDE ./lost
                explore --runs 5 --json OUTSIDE/report.json ./lost > /dev/null
                replay --trace-json OUTSIDE/trace.json lost.outcome2.schedule ./lost > /dev/null
                ls /mnt/host
                """.replace("OUTSIDE", outside.toString());
        List<Path> before = listing(Path.of(""));
        ShellMain.runBatch(Options.defaults().withMount(mount), new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), out, false);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("lost\nlost.outcome2.schedule\nreport.json\ntrace.json\n"), text);
        assertTrue(text.contains("sh: explore: --schedule-dir: " + outside + ": No such file or directory\n"), text);
        assertTrue(text.contains("sh: explore: cannot write " + outside + "/report.json: No such file or directory\n"), text);
        assertTrue(text.contains("sh: replay: cannot write " + outside + "/trace.json: No such file or directory\n"), text);
        assertEquals(List.of(), listing(outside), "the shell wrote outside the mount");
        assertEquals(List.of(), listing(mount), "the shell wrote into the mount unasked");
        assertEquals(before, listing(Path.of("")), "the shell wrote into the host's working directory");
    }

    private static List<Path> listing(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.sorted().toList();
        }
    }
}
