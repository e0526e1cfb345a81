package explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.Kernel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Exploring the programs of tests/concurrency: each known bug is found within a bounded
 * number of runs on a fixed seed, correct programs explore clean, a schedule file replays its
 * run byte for byte, and shrinking reaches the fewest preemptions the bug needs.
 * {@code -Dclonix.explore.runs=N} explores the correct programs for N runs each (default 1000
 * for the mutex counter, a third of that for the others).
 */
class ExploreTest {
    @TempDir Path dir;

    private static Explorer.Result explore(String name, Explorer.StrategyName strategy, int runs, int jobs, boolean stopAtFailure)
            throws InterruptedException {
        Explorer.Config c = new Explorer.Config(strategy, runs, 0, 3, 1, 42, jobs, stopAtFailure ? Outcome::failed : null);
        return new Explorer(ConcurrencyPrograms.MACHINE, ConcurrencyPrograms.setup(name), c).explore();
    }

    /** The first failing run of exploring {@code name} with PCT (depth 3, seed 42), found within {@code maxRuns}. */
    private static ControlledRun.Result firstFailure(String name, int maxRuns) throws InterruptedException {
        Explorer.Result r = explore(name, Explorer.StrategyName.pct, maxRuns, 2, true);
        Explorer.Run last = r.runs().get(r.runs().size() - 1);
        assertTrue(last.outcome().failed(), name + ": no failing run in " + maxRuns);
        return r.firstRuns().get(last.outcome());
    }

    @ParameterizedTest(name = "{0}: {1} within {2} runs")
    @CsvSource({
        "order_violation, ASSERTION, 20",   // depth 1
        "lost_update, ASSERTION, 300",      // depth 2
        "check_then_act, ASSERTION, 300",   // depth 2, a window of three instructions
        "lock_order, DEADLOCK, 100",        // depth 2
        "aba, ASSERTION, 400",              // depth 3
    })
    void pctFindsEachKnownBugWithinABoundedNumberOfRuns(String name, Outcome.Kind kind, int maxRuns) throws Exception {
        ControlledRun.Result failure = firstFailure(name, maxRuns);
        assertEquals(kind, failure.outcome().kind(), failure.outcome().describe());
    }

    @Test
    void theLostUpdateLosesAnIncrementAndTheAssertionSaysWhere() throws Exception {
        ControlledRun.Result failure = firstFailure("lost_update", 300);
        assertEquals("counter = 1\ntests/concurrency/lost_update.c:27: main: Assertion `counter == 2' failed.\n",
                new String(failure.outcome().output(), StandardCharsets.UTF_8));
        assertEquals(134, failure.outcome().status()); // 128 + SIGABRT
    }

    private static int correctRuns(int dflt) {
        return Integer.getInteger("clonix.explore.runs", dflt);
    }

    @ParameterizedTest(name = "{0} ({1} runs by default)")
    @CsvSource({"mutex_counter, 1000, counter = 150", "condvar_handoff, 300, sum = 15", "join_ordered, 300, stage = 12",
        "spin_flag, 300, flag raised"})
    void correctProgramsExploreCleanUnderPct(String name, int runs, String line) throws Exception {
        int n = correctRuns(runs);
        Explorer.Result r = explore(name, Explorer.StrategyName.pct, n, 2, false);
        assertEquals(n, r.runs().size());
        String outcomes = r.runs().stream().map(run -> run.outcome().describe()).distinct().collect(Collectors.joining("; "));
        assertEquals("exit 0, output \"" + line + "\\n\" (" + (line.length() + 1) + " bytes)", outcomes);
        assertTrue(r.runs().stream().anyMatch(run -> run.preemptions() > 0), "no run was ever preempted");
    }

    @Test
    void correctProgramsExploreCleanUnderTheRandomWalk() throws Exception {
        Explorer.Result r = explore("mutex_counter", Explorer.StrategyName.random, correctRuns(300), 2, false);
        assertTrue(r.runs().stream().noneMatch(run -> run.outcome().failed()));
    }

    @Test
    void theResultsDoNotDependOnTheNumberOfHostThreads() throws Exception {
        Explorer.Result one = explore("lost_update", Explorer.StrategyName.pct, 40, 1, false);
        Explorer.Result three = explore("lost_update", Explorer.StrategyName.pct, 40, 3, false);
        assertEquals(summary(one), summary(three));
    }

    private static List<String> summary(Explorer.Result r) {
        return r.runs().stream().map(x -> x.index() + " " + x.seed() + " " + x.steps() + " " + x.preemptions() + " "
                + x.outcome().describe()).toList();
    }

    @Test
    void aScheduleFileReplaysItsRunByteForByte() throws Exception {
        ControlledRun.Result failure = firstFailure("lost_update", 300);
        Path file = dir.resolve("lost.schedule");
        java.nio.file.Files.writeString(file, Schedule.of(failure.steps()).render(List.of("a test")));

        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Kernel kernel = Kernel.boot(ScheduleReplay.machine(ConcurrencyPrograms.MACHINE), console, new ByteArrayInputStream(new byte[0]));
        List<String> argv = ConcurrencyPrograms.setup("lost_update").install(kernel);
        ScheduleReplay replay = ScheduleReplay.start(kernel, file);
        int status = kernel.run(argv.get(0), argv);
        assertEquals(null, replay.warning());
        assertEquals(failure.outcome(), Outcome.of(status, console.toByteArray(), kernel.reports()));
        assertEquals(new String(failure.outcome().output(), StandardCharsets.UTF_8), console.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aScheduleFileRoundTripsThroughItsText() throws Exception {
        Schedule s = new Schedule(List.of(new Schedule.Segment(2, 5), new Schedule.Segment(3, 1), new Schedule.Segment(2, 7)));
        Path file = dir.resolve("s.schedule");
        java.nio.file.Files.writeString(file, s.render(List.of("comment")));
        assertEquals("clonix-schedule 1\n# comment\nrun 2 for 5\nrun 3 for 1\nrun 2 for 7\n", java.nio.file.Files.readString(file));
        assertEquals(s, Schedule.read(file));
    }

    @Test
    void aFileThatIsNotAScheduleIsRefusedWithItsLine() throws Exception {
        Path file = dir.resolve("bad.schedule");
        java.nio.file.Files.writeString(file, "clonix-schedule 1\nrun 2 for 5\nrun two for 1\n");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Schedule.read(file));
        assertTrue(e.getMessage().endsWith("bad.schedule:3: expected 'run TID for N', got 'run two for 1'"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"order_violation", "lost_update", "check_then_act", "lock_order", "aba"})
    void shrinkingLeavesTheOnePreemptionTheBugNeeds(String name) throws Exception {
        ControlledRun.Result failure = firstFailure(name, 400);
        Shrinker shrinker = new Shrinker(ConcurrencyPrograms.MACHINE, ConcurrencyPrograms.setup(name), 2);
        ControlledRun.Result shrunk = shrinker.shrink(failure);
        assertEquals(failure.outcome(), shrunk.outcome());
        assertEquals(1, shrunk.preemptions(), name + ": " + shrunk.steps().size() + " steps");
        // And the shrunk schedule replays to the same outcome.
        ControlledRun.Result again = ControlledRun.run(ConcurrencyPrograms.MACHINE, ConcurrencyPrograms.setup(name),
                Schedule.of(shrunk.steps()).replay(), false);
        assertEquals(failure.outcome(), again.outcome());
    }

    @Test
    void theBoundedSearchFindsNoLostUpdateWithoutPreemptionsAndOneWithOne() throws Exception {
        Explorer.Config none = new Explorer.Config(Explorer.StrategyName.bounded, 1000, 0, 1, 0, 0, 2, null);
        Explorer.Result r0 = new Explorer(ConcurrencyPrograms.MACHINE, ConcurrencyPrograms.setup("lost_update"), none).explore();
        assertTrue(r0.exhausted(), "every schedule without preemptions tried");
        assertTrue(r0.runs().stream().noneMatch(run -> run.outcome().failed()));
        assertTrue(r0.runs().stream().allMatch(run -> run.preemptions() == 0));

        Explorer.Config one = new Explorer.Config(Explorer.StrategyName.bounded, 1000, 0, 1, 1, 0, 2, Outcome::failed);
        Explorer.Result r1 = new Explorer(ConcurrencyPrograms.MACHINE, ConcurrencyPrograms.setup("lost_update"), one).explore();
        Explorer.Run last = r1.runs().get(r1.runs().size() - 1);
        assertTrue(last.outcome().failed());
        assertEquals(1, last.preemptions());
    }

    @Test
    void theShownInterleavingNamesTheSharedVariableAndThePreemption() throws Exception {
        ControlledRun.Result failure = firstFailure("lost_update", 300);
        ControlledRun.Result shrunk = new Shrinker(ConcurrencyPrograms.MACHINE, ConcurrencyPrograms.setup("lost_update"), 2).shrink(failure);
        ControlledRun.Result shown = ControlledRun.run(ConcurrencyPrograms.MACHINE, ConcurrencyPrograms.setup("lost_update"),
                Shrinker.following(shrunk.steps()), true);
        List<String> lines = Report.interleaving(shown.switches());
        String text = String.join("\n", lines);
        int preempted = indexOf(lines, "-- preempted before that store");
        assertTrue(preempted > 0, text);
        // The preempted thread had loaded the counter and was about to store it.
        assertTrue(lines.get(preempted - 1).matches("t\\d+ \\S+ store counter"), text);
        assertTrue(lines.get(preempted - 2).matches("t\\d+ \\S+ load counter"), text);
        assertFalse(text.contains("null"), text);
        assertNotNull(shown.switches());
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).trim().startsWith(prefix)) return i;
        return -1;
    }
}
