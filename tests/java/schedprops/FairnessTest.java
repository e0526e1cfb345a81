package schedprops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.Options;
import java.util.List;
import org.junit.jupiter.api.Test;
import task.Task;

/**
 * Fairness: N CPU-bound processes on M CPUs each get M/N of the machine's cycles, within
 * 10 %, measured by the kernel's utime after a fixed cycle budget. When M does not divide N
 * the queues cannot be equal, and periodic balancing must rotate the tasks through the
 * shorter ones for the shares to come out even.
 */
class FairnessTest {
    private static final long BUDGET = 4_000_000;

    private static void assertFairShares(int processes, int cpus, long seed) throws Exception {
        Options options = Options.defaults().withCpus(cpus).withSeed(seed).withCycleLimit(BUDGET);
        SchedRun.Result r = SchedRun.run(options, SchedRun.spinners(processes), "spin", 0);
        List<Task> spinners = r.tasksNamed("spin");
        assertEquals(processes, spinners.size());
        double share = (double) BUDGET * cpus / processes;
        for (Task t : spinners) {
            double ratio = (t.utime() + t.stime()) / share;
            assertTrue(ratio > 0.9 && ratio < 1.1,
                    "task " + t.tid() + " got " + (t.utime() + t.stime()) + " cycles, fair share " + (long) share);
        }
    }

    @Test
    void threeSpinnersOnOneCpuShareItEqually() throws Exception {
        assertFairShares(3, 1, 1);
    }

    @Test
    void eightSpinnersOnFourCpusShareThemEqually() throws Exception {
        assertFairShares(8, 4, 7);
    }

    @Test
    void threeSpinnersOnTwoCpusEachGetTwoThirdsOfACpu() throws Exception {
        assertFairShares(3, 2, 3);
    }

    @Test
    void fiveSpinnersOnFourCpusEachGetFourFifthsOfACpu() throws Exception {
        assertFairShares(5, 4, 5);
    }

    @Test
    void sevenSpinnersOnThreeCpusShareThemEqually() throws Exception {
        assertFairShares(7, 3, 99);
    }

    @Test
    void fairnessHoldsForOtherSeeds() throws Exception {
        assertFairShares(4, 2, 12345);
    }
}
