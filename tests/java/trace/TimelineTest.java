package trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.Options;
import org.junit.jupiter.api.Test;

/**
 * The ASCII timeline: its shape for two CPU-bound processes on two CPUs, idle CPUs, a legend
 * of the tasks drawn only, and a sleeper whose long idle stretch is cut so that its runs show.
 */
class TimelineTest {
    @Test
    void twoSpinnersOnTwoCpusEachOwnARow() throws Exception {
        TracedRun.Result r = TracedRun.source(Options.defaults().withCpus(2), SpinPrograms.twoSpinners(100_000),
                "spin", 1 << 20);
        String[] lines = Timeline.render(r.events(), 2, 100).split("\n");
        assertTrue(lines[0].startsWith("timeline: 0 .. "), lines[0]);
        // init ran first, too briefly to win a column: the command (a, tid 2, exec'd as spin)
        // and its child (b) are drawn and lettered, init only counted.
        assertEquals("a = 2 spin (tid 2)", lines[3]);
        assertEquals("b = 3 spin (tid 3)", lines[4]);
        assertEquals("(1 more task ran, too briefly to show at this width)", lines[5]);
        assertEquals(". = the CPU idle: no task ran on it (they were asleep or waiting)", lines[6]);
        assertEquals(7, lines.length, "nothing was cut: the machine was never idle for long");
        String cpu0 = row(lines[1], "cpu0 ");
        String cpu1 = row(lines[2], "cpu1 ");
        assertEquals(100, cpu0.length());
        assertEquals(100, cpu1.length());
        // The two spinners run side by side for the whole run, one per CPU.
        assertTrue(count(cpu0, 'a') + count(cpu1, 'a') >= 95, cpu0 + "\n" + cpu1);
        assertTrue(count(cpu0, 'b') + count(cpu1, 'b') >= 95, cpu0 + "\n" + cpu1);
        assertTrue(cpu0.chars().distinct().count() <= 2 && cpu1.chars().distinct().count() <= 2, cpu0 + "\n" + cpu1);
    }

    @Test
    void idleCpuShowsDotsAndLaterTasksGetLaterLetters() throws Exception {
        // One spinner pair on four CPUs: two CPUs have nothing to do.
        TracedRun.Result r = TracedRun.source(Options.defaults().withCpus(4), SpinPrograms.twoSpinners(50_000),
                "spin", 1 << 20);
        String text = Timeline.render(r.events(), 4, 40);
        long idleRows = text.lines().filter(l -> l.startsWith("cpu") && l.matches("cpu\\d +\\|\\.+\\|")).count();
        assertEquals(2, idleRows, text);
    }

    @Test
    void emptyTraceSaysSo() {
        assertEquals("timeline: no task ran while tracing\n", Timeline.render(java.util.List.of(), 2, 10));
    }

    /** A switch to task {@code tid} (0: idle) on {@code cpu} at {@code time}. */
    private static TraceEvent run(long time, int cpu, int tid, String comm) {
        return new TraceEvent(time, cpu, TraceKind.SWITCH, tid, tid, comm, 0, null, java.util.List.of(), 0);
    }

    @Test
    void theLegendListsOnlyTheTasksDrawn() {
        // A task that runs 10 ns of 10000 wins no column of 100 ns: it is counted, not lettered.
        var events = java.util.List.of(run(0, 0, 7, "long"), run(5000, 1, 8, "brief"), run(5010, 1, 0, ""),
                run(10_000, 0, 0, ""));
        String[] lines = Timeline.render(events, 2, 100).split("\n");
        assertEquals("timeline: 0 .. 10000 ns, 100 columns of 100 ns", lines[0]);
        assertEquals("a".repeat(100), row(lines[1], "cpu0 "));
        assertEquals(".".repeat(100), row(lines[2], "cpu1 "));
        assertEquals("a = 7 long (tid 7)", lines[3]);
        assertEquals("(1 more task ran, too briefly to show at this width)", lines[4]);
        assertEquals(6, lines.length);
    }

    @Test
    void aSleeperShowsItsRunsAndTheLongIdleStretchIsCut() {
        // Runs 1000 ns, sleeps a second with every CPU idle, runs 1000 ns more: uncut, the
        // second would take every column and the program would be all dots.
        long second = 1_000_000_000L;
        var events = java.util.List.of(run(0, 0, 5, "sleeper"), run(1000, 0, 0, ""), run(1000 + second, 0, 5, "sleeper"),
                run(2000 + second, 0, 0, ""), run(2000 + second, 1, 0, ""));
        String[] lines = Timeline.render(events, 2, 21).split("\n");
        assertEquals("timeline: 0 .. 1000002000 ns, 21 columns of 100 ns; 1 idle stretch of 1000000000 ns cut (~)",
                lines[0]);
        assertEquals("aaaaaaaaaa~aaaaaaaaaa", row(lines[1], "cpu0 "));
        assertEquals("..........~..........", row(lines[2], "cpu1 "));
        assertEquals("a = 5 sleeper (tid 5)", lines[3]);
        assertEquals(". = the CPU idle: no task ran on it (they were asleep or waiting)", lines[4]);
        assertEquals("~ = every CPU idle, cut out: 1000000000 ns in all", lines[5]);
    }

    @Test
    void shortIdleStretchesAreDrawnNotCut() {
        // Idle for 3 columns' worth: drawn as dots, as it is.
        var events = java.util.List.of(run(0, 0, 5, "p"), run(500, 0, 0, ""), run(800, 0, 5, "p"), run(1000, 0, 0, ""));
        String[] lines = Timeline.render(events, 1, 10).split("\n");
        assertEquals("timeline: 0 .. 1000 ns, 10 columns of 100 ns", lines[0]);
        assertEquals("aaaaa...aa", row(lines[1], "cpu0 "));
    }

    private static String row(String line, String prefix) {
        assertTrue(line.startsWith(prefix), line);
        return line.substring(line.indexOf('|') + 1, line.lastIndexOf('|'));
    }

    private static long count(String s, char c) {
        return s.chars().filter(x -> x == c).count();
    }
}
