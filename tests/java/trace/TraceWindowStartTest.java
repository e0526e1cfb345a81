package trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.Options;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tracer's state at the window start: when the buffer has overwritten the switch-in of a
 * program that then ran for a long time, the timeline of the kept events still knows who was
 * on the CPU.
 */
class TraceWindowStartTest {
    /** Calls getpid ITERATIONS times, never sleeping: a long stream of syscalls on one CPU and no switch. */
    private static String syscallLoop(int iterations) {
        return """
                        .text
                        .globl  _start
                _start: li      s1, %d
                .Lloop: li      a7, 39
                        syscall
                        addi    s1, s1, -1
                        bne     s1, zero, .Lloop
                        li      a0, 0
                        call    sys_exit
                """.formatted(iterations);
    }

    @Test
    void aTimelineOfTheRecentPastShowsTheTaskWhoseSwitchInWasDropped() throws Exception {
        TracedRun.Result r = TracedRun.source(Options.defaults().withCpus(1), syscallLoop(5_000), "loop", 200);
        assertTrue(r.tracer().dropped() > 0);
        assertTrue(r.events().stream().limit(100).noneMatch(e -> e.kind() == TraceKind.SWITCH),
                "the kept window starts in the middle of the loop");
        List<TraceEvent> start = r.tracer().windowStart();
        assertEquals(1, start.size());
        assertEquals(TraceKind.SWITCH, start.get(0).kind());
        assertEquals(r.events().get(0).time(), start.get(0).time());
        String timeline = Timeline.render(r.tracer().eventsWithWindowStart(), 1, 20);
        String[] lines = timeline.split("\n");
        assertTrue(lines[1].startsWith("cpu0  |aaaaaaaaaa"), timeline);
        assertTrue(lines[2].startsWith("a = 2 loop"), timeline);
    }

    @Test
    void nothingIsAddedWhileNoEventWasDropped() throws Exception {
        TracedRun.Result r = TracedRun.source(Options.defaults().withCpus(1), syscallLoop(10), "loop", 1 << 16);
        assertEquals(0, r.tracer().dropped());
        assertEquals(List.of(), r.tracer().windowStart());
        assertEquals(r.events(), r.tracer().eventsWithWindowStart());
    }

    @Test
    void enablingAgainForgetsTheWindowStart() throws Exception {
        TracedRun.Result r = TracedRun.source(Options.defaults().withCpus(1), syscallLoop(1_000), "loop", 50);
        r.tracer().enable(50);
        assertEquals(List.of(), r.tracer().windowStart());
    }
}
