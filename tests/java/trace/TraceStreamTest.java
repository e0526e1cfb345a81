package trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.Options;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The event stream: deterministic per seed, complete for a simple program, bounded, and empty when off. */
class TraceStreamTest {
    private static final int BIG = 1 << 20;

    @Test
    void sameSeedGivesIdenticalStream() throws Exception {
        Options o = Options.defaults().withCpus(2).withSeed(7);
        List<TraceEvent> first = TracedRun.program(o, "interleave", BIG).events();
        List<TraceEvent> second = TracedRun.program(o, "interleave", BIG).events();
        assertTrue(first.size() > 600, "at least one syscall pair per write: " + first.size());
        assertEquals(first, second);
    }

    @Test
    void differentSeedGivesDifferentStreamForRacyProgram() throws Exception {
        List<TraceEvent> a = TracedRun.program(Options.defaults().withCpus(2).withSeed(1), "interleave", BIG).events();
        List<TraceEvent> b = TracedRun.program(Options.defaults().withCpus(2).withSeed(2), "interleave", BIG).events();
        assertNotEquals(a, b);
    }

    @Test
    void tracingOffRecordsNothing() throws Exception {
        TracedRun.Result r = TracedRun.program(Options.defaults(), "hello", 0);
        assertEquals(0, r.tracer().recorded());
        assertTrue(r.events().isEmpty());
        assertFalse(r.tracer().enabled);
    }

    @Test
    void forkWaitRecordsNewTaskSyscallsSwitchesAndExit() throws Exception {
        TracedRun.Result r = TracedRun.program(Options.defaults().withCpus(2), "interleave", BIG);
        List<TraceEvent> ev = r.events();
        // init (tid 1) forks the command (tid 2), which forks its child (tid 3).
        assertTrue(ev.stream().anyMatch(e -> e.kind() == TraceKind.NEW_TASK && e.tid() == 3));
        assertTrue(ev.stream().anyMatch(e -> e.kind() == TraceKind.SWITCH && e.tid() == 3));
        assertTrue(ev.stream().anyMatch(e -> e.kind() == TraceKind.EXIT && e.tid() == 3 && e.arg() == 0));
        TraceEvent fork = ev.stream().filter(e -> e.kind() == TraceKind.SYSCALL_EXIT && e.tid() == 2
                && "fork".equals(e.name())).findFirst().orElseThrow();
        assertEquals(3, fork.result(), "fork returns the child's pid in the parent");
        assertTrue(ev.stream().anyMatch(e -> e.kind() == TraceKind.SYSCALL_ENTER && e.tid() == 3
                && "write".equals(e.name()) && e.args().get(0) == 1 && e.args().get(2) == 1));
        // Each CPU's events are in time order.
        for (int cpu = 0; cpu < 2; cpu++) {
            long last = -1;
            for (TraceEvent e : ev) {
                if (e.cpu() != cpu) continue;
                assertTrue(e.time() >= last, "time order on cpu" + cpu + " at " + e);
                last = e.time();
            }
        }
    }

    @Test
    void fatalSignalIsTracedBeforeTheExit() throws Exception {
        // kill.s ends its sleeping child with SIGTERM: wait status 15.
        List<TraceEvent> ev = TracedRun.program(Options.defaults(), "kill", 1 << 20).events();
        TraceEvent signal = ev.stream().filter(e -> e.kind() == TraceKind.SIGNAL).findFirst().orElseThrow();
        assertEquals(15, signal.arg());
        TraceEvent exit = ev.stream().filter(e -> e.kind() == TraceKind.EXIT && e.tid() == signal.tid())
                .findFirst().orElseThrow();
        assertEquals(15, exit.arg());
        assertTrue(ev.indexOf(signal) < ev.indexOf(exit));
    }

    @Test
    void fullBufferKeepsNewestEventsAndCountsDropped() throws Exception {
        Options o = Options.defaults().withCpus(2).withSeed(3);
        List<TraceEvent> all = TracedRun.program(o, "interleave", BIG).events();
        TracedRun.Result small = TracedRun.program(o, "interleave", 50);
        assertEquals(50, small.events().size());
        assertEquals(all.size(), small.tracer().recorded());
        assertEquals(all.size() - 50, small.tracer().dropped());
        assertEquals(all.subList(all.size() - 50, all.size()), small.events());
    }
}
