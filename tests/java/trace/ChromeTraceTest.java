package trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.Options;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Chrome/Perfetto JSON export: valid JSON with CPU tracks, run slices and instants. */
class ChromeTraceTest {
    @Test
    @SuppressWarnings("unchecked")
    void exportIsValidJsonWithOneTrackPerCpu() throws Exception {
        TracedRun.Result r = TracedRun.source(Options.defaults().withCpus(2), SpinPrograms.twoSpinners(20_000),
                "spin", 1 << 20);
        Map<String, Object> doc = (Map<String, Object>) JsonChecker.parse(ChromeTrace.render(r.events(), 2));
        assertEquals(List.of("traceEvents"), List.copyOf(doc.keySet()));
        List<Map<String, Object>> events = (List<Map<String, Object>>) doc.get("traceEvents");
        Map<String, Object> process = events.get(0);
        assertEquals("process_name", process.get("name"));
        assertEquals(Map.of("name", "CPUs"), process.get("args"));
        for (int cpu = 0; cpu < 2; cpu++) {
            Map<String, Object> thread = events.get(1 + cpu);
            assertEquals("thread_name", thread.get("name"));
            assertEquals("M", thread.get("ph"));
            assertEquals((double) cpu, thread.get("tid"));
            assertEquals(Map.of("name", "CPU " + cpu), thread.get("args"));
        }
        double spunOn = 0;
        int instants = 0;
        for (Map<String, Object> e : events) {
            assertEquals(0.0, e.get("pid"));
            if ("X".equals(e.get("ph"))) {
                assertTrue((double) e.get("dur") > 0, e.toString());
                assertTrue((double) e.get("ts") >= 0, e.toString());
                double tid = (double) e.get("tid");
                assertTrue(tid == 0 || tid == 1, e.toString());
                if (e.get("name").equals("spin (tid 3)")) spunOn += (double) e.get("dur");
            } else if ("i".equals(e.get("ph"))) {
                instants++;
                assertEquals("t", e.get("s"));
            } else {
                assertEquals("M", e.get("ph"));
            }
        }
        // The child spins 20,000 iterations of two instructions: about 40 µs on a CPU (slices start at the switch stamp, which rounds may clamp).
        assertTrue(spunOn >= 35.0, "child ran " + spunOn + " µs");
        assertTrue(instants >= 3, "new task and exit instants: " + instants);
        assertTrue(events.stream().anyMatch(e -> "exit spin (tid 3)".equals(e.get("name"))));
        // The command's only slice began before its execve; it is named after the program it became.
        assertTrue(events.stream().anyMatch(e -> "X".equals(e.get("ph")) && "spin (tid 2)".equals(e.get("name"))));
    }

    @Test
    void timestampsAreMicrosecondsWithNanosecondDecimalsAndStringsAreEscaped() {
        assertEquals("1.234", ChromeTrace.micros(1234));
        assertEquals("0.007", ChromeTrace.micros(7));
        assertEquals("\"a\\\"b\\\\c\\u000a\"", ChromeTrace.string("a\"b\\c\n"));
        assertEquals("a\"b\\c\n", JsonChecker.parse(ChromeTrace.string("a\"b\\c\n")));
    }
}
