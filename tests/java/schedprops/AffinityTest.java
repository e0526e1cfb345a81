package schedprops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.Options;
import org.junit.jupiter.api.Test;
import trace.TraceEvent;
import trace.TraceKind;

/**
 * A task pinned with sched_setaffinity never runs on another CPU afterwards: every time the
 * tracer sees it switched in after the call, it is on the CPU of its mask.
 */
class AffinityTest {
    /** Four spinners on two CPUs; the last child pins itself to CPU 1 before spinning. */
    private static final String PINNED_SPINNERS = """
                    .text
                    .globl  _start
            _start: li      s1, 3
            .Lfork: beq     s1, zero, .Lspin
                    addi    s1, s1, -1
                    li      a7, 57
                    syscall
                    bne     a0, zero, .Lfork
                    bne     s1, zero, .Lspin
                    addi    sp, sp, -16
                    li      t0, 2
                    sd      t0, 0(sp)
                    li      a0, 0
                    li      a1, 8
                    mv      a2, sp
                    li      a7, 203
                    syscall
            .Lspin: j       .Lspin
            """;

    @Test
    void aPinnedTaskRunsOnlyOnItsCpu() throws Exception {
        Options options = Options.defaults().withCpus(2).withSeed(3).withCycleLimit(2_000_000);
        SchedRun.Result r = SchedRun.run(options, PINNED_SPINNERS, "pinned", 1 << 16);
        int pinned = -1;
        long pinnedAt = -1;
        for (TraceEvent e : r.events()) {
            if (e.kind() == TraceKind.SYSCALL_EXIT && "sched_setaffinity".equals(e.name())) {
                assertEquals(0, e.result());
                pinned = e.tid();
                pinnedAt = e.time();
            }
        }
        assertTrue(pinned > 0, "nobody called sched_setaffinity");
        int switchesIn = 0;
        for (TraceEvent e : r.events()) {
            if (e.kind() == TraceKind.SWITCH && e.tid() == pinned && e.time() > pinnedAt) {
                assertEquals(1, e.cpu(), "pinned task switched in: " + e);
                switchesIn++;
            }
        }
        assertTrue(switchesIn > 1, "the pinned task should be switched in again and again, was " + switchesIn);
    }
}
