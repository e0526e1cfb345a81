package schedprops;

import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.Options;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import trace.TraceEvent;
import trace.TraceKind;

/**
 * No CPU stays idle for longer than a balance interval (one timer tick) while another CPU
 * has work waiting. Spinners never block, so while at least as many of them are alive as
 * there are CPUs, an idle CPU means another CPU has a spinner queued.
 */
class IdleBalanceTest {
    /** Six children that spin for different lengths (so queues empty unevenly) while the parent waits. */
    static final String UNEVEN_SPINNERS = """
                    .text
                    .globl  _start
            _start: li      s1, 6
            .Lfork: beq     s1, zero, .Lwait
                    addi    s1, s1, -1
                    li      a7, 57
                    syscall
                    bne     a0, zero, .Lfork
                    li      s2, 40000
                    addi    s1, s1, 1
            .Lmul:  li      t0, 40000
                    add     s2, s2, t0
                    addi    s1, s1, -1
                    bne     s1, zero, .Lmul
            .Lspin: addi    s2, s2, -1
                    bne     s2, zero, .Lspin
                    li      a0, 0
                    call    sys_exit
            .Lwait: li      s1, 6
            .Lnext: li      a7, 61
                    li      a0, -1
                    li      a1, 0
                    li      a2, 0
                    li      a3, 0
                    syscall
                    addi    s1, s1, -1
                    bne     s1, zero, .Lnext
                    li      a0, 0
                    call    sys_exit
            """;

    @Test
    void noCpuIdlesWhileAnotherHasWorkWaiting() throws Exception {
        int cpus = 3;
        Options options = Options.defaults().withCpus(cpus).withSeed(11);
        SchedRun.Result r = SchedRun.run(options, UNEVEN_SPINNERS, "uneven", 1 << 18);
        long interval = options.tickCycles();
        List<TraceEvent> events = r.events();
        // init and the program's parent only wait: every task that calls wait4 is no spinner.
        Set<Integer> waiters = new TreeSet<>();
        for (TraceEvent e : events) if (e.kind() == TraceKind.SYSCALL_ENTER && "wait4".equals(e.name())) waiters.add(e.tid());
        assertTrue(waiters.size() == 2, "init and the parent should both wait: " + waiters);
        long[] idleSince = new long[cpus];
        Arrays.fill(idleSince, -1);
        int alive = 0;
        int idleWhileSpinnersLeft = 0;
        for (TraceEvent e : events) {
            boolean spinner = !waiters.contains(e.tid());
            if (e.kind() == TraceKind.NEW_TASK && spinner) alive++;
            if (e.kind() == TraceKind.EXIT && spinner) alive--;
            if (e.kind() == TraceKind.SWITCH) {
                idleSince[e.cpu()] = e.tid() == 0 ? e.time() : -1;
                if (e.tid() == 0 && alive > 0) idleWhileSpinnersLeft++;
            }
            for (int c = 0; c < cpus; c++) {
                if (idleSince[c] >= 0 && alive >= cpus) {
                    assertTrue(e.time() - idleSince[c] <= interval,
                            "cpu" + c + " idle since " + idleSince[c] + " with " + alive + " spinners alive at " + e);
                }
            }
        }
        // The uneven lengths must really leave CPUs idle near the end, or the check saw nothing.
        assertTrue(idleWhileSpinnersLeft > 0, "no CPU went idle while spinners were left");
        assertTrue(r.status() == 0, "status " + r.status());
    }
}
