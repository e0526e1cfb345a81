package trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.Options;
import org.junit.jupiter.api.Test;

/** The ASCII timeline: its shape for two CPU-bound processes on two CPUs. */
class TimelineTest {
    @Test
    void twoSpinnersOnTwoCpusEachOwnARow() throws Exception {
        TracedRun.Result r = TracedRun.source(Options.defaults().withCpus(2), SpinPrograms.twoSpinners(100_000),
                "spin", 1 << 20);
        String[] lines = Timeline.render(r.events(), 2, 100).split("\n");
        assertTrue(lines[0].startsWith("timeline: 0 .. "), lines[0]);
        // init ran first (a), then the command (b, tid 2, exec'd as spin), then its child (c).
        assertEquals("a = 1 init (tid 1)", lines[3]);
        assertEquals("b = 2 spin (tid 2)", lines[4]);
        assertEquals("c = 3 spin (tid 3)", lines[5]);
        assertEquals(6, lines.length);
        String cpu0 = row(lines[1], "cpu0 ");
        String cpu1 = row(lines[2], "cpu1 ");
        assertEquals(100, cpu0.length());
        assertEquals(100, cpu1.length());
        // The two spinners run side by side for the whole run, one per CPU.
        assertTrue(count(cpu0, 'b') + count(cpu1, 'b') >= 95, cpu0 + "\n" + cpu1);
        assertTrue(count(cpu0, 'c') + count(cpu1, 'c') >= 95, cpu0 + "\n" + cpu1);
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

    private static String row(String line, String prefix) {
        assertTrue(line.startsWith(prefix), line);
        return line.substring(line.indexOf('|') + 1, line.lastIndexOf('|'));
    }

    private static long count(String s, char c) {
        return s.chars().filter(x -> x == c).count();
    }
}
