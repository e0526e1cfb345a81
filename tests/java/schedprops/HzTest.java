package schedprops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.Options;
import clonix.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import trace.TraceKind;

/** The timer frequency: HZ ticks per virtual second, so a tick of 1e9 / HZ cycles, and slices that long. */
class HzTest {
    @Test
    void hzSetsTheTickLength() {
        assertEquals(10_000, Options.defaults().tickCycles(), "the default is 100,000 Hz");
        assertEquals(1_000_000, Options.defaults().withHz(1000).tickCycles());
        assertEquals(333_333_333, Options.defaults().withHz(3).tickCycles());
        assertThrows(IllegalArgumentException.class, () -> Options.defaults().withHz(0));
    }

    private static long switchesOfTwoSpinnersOnOneCpu(long hz) throws Exception {
        Options options = Options.defaults().withCpus(1).withHz(hz).withCycleLimit(2_000_000);
        SchedRun.Result r = SchedRun.run(options, SchedRun.spinners(2), "spin", 1 << 16);
        return r.events().stream().filter(e -> e.kind() == TraceKind.SWITCH && e.tid() != 0).count();
    }

    @Test
    void aSlowerTimerPreemptsLessOften() throws Exception {
        // 4-tick slices: 40,000 cycles at 100,000 Hz, 400,000 at 10,000 Hz: about 50 preemptions
        // against 5 in the budget, plus the few switches of the start.
        long fast = switchesOfTwoSpinnersOnOneCpu(100_000);
        long slow = switchesOfTwoSpinnersOnOneCpu(10_000);
        assertTrue(fast >= 4 * slow && slow > 0, "switches at 100 kHz: " + fast + ", at 10 kHz: " + slow);
    }

    @Test
    void runRejectsAnHzOutOfRange() {
        StringWriter err = new StringWriter();
        int rc = Main.execute(new String[] {"run", "--hz", "0", "tests/asm/hello.s"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(1, rc);
        assertEquals("clonix run: --hz must be between 1 and 10000000\n", err.toString());
    }
}
