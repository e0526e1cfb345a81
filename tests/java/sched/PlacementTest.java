package sched;

import static org.junit.jupiter.api.Assertions.assertEquals;

import boot.GuestRun;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Where tasks run: spreading new tasks over idle CPUs, and affinity. */
class PlacementTest {
    @Test
    void fourBusyProcessesRunOnFourDifferentCpus() throws Exception {
        String[] lines = GuestRun.run("spread").output().split("\n");
        Arrays.sort(lines);
        assertEquals("[cpu 0, cpu 1, cpu 2, cpu 3]", Arrays.toString(lines));
    }

    @Test
    void aTaskPinnedToACpuMovesThereAndReportsItsMask() throws Exception {
        assertEquals("2\n8 4\n-22\n", GuestRun.run("affinity").output());
    }
}
