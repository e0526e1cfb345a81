package uthread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bench.UthreadBench;
import bench.UthreadBench.Measurement;
import bench.UthreadBench.Operation;
import org.junit.jupiter.api.Test;

/** {@code ./clonix bench uthread} measures every operation, with a few iterations here. */
class UthreadBenchTest {
    @lab.PartOfLab("clone")
    @Test
    void everyOperationGivesPositiveRates() {
        for (Operation op : Operation.values()) {
            Measurement m = UthreadBench.measure(op, 100, 1);
            assertEquals(100, m.iterations());
            assertTrue(m.hostPerSecond() > 0 && m.guestPerSecond() > 0, op + ": " + m);
        }
    }

    @Test
    void guestRatesAreTheSameOnEveryRun() {
        Measurement a = UthreadBench.measure(Operation.SWITCH, 200, 1);
        Measurement b = UthreadBench.measure(Operation.SWITCH, 200, 1);
        assertEquals(a.guestPerSecond(), b.guestPerSecond());
    }
}
