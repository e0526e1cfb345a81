package schedprops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.Options;
import java.util.List;
import org.junit.jupiter.api.Test;
import task.Task;

/**
 * First come, first served has no time slice: on one CPU the first spinner keeps it and the
 * ones queued behind it never run (the convoy effect), where round-robin shares it.
 */
class FcfsTest {
    private static final long BUDGET = 2_000_000;

    private static List<Long> cpuTimes(String policy) throws Exception {
        Options options = Options.defaults().withCpus(1).withCycleLimit(BUDGET).withPolicy(policy);
        SchedRun.Result r = SchedRun.run(options, SchedRun.spinners(3), "spin", 0);
        return r.tasksNamed("spin").stream().map(t -> t.utime() + t.stime()).sorted().toList();
    }

    @Test
    void underFcfsOneSpinnerKeepsTheCpuAndTheOthersStarve() throws Exception {
        List<Long> times = cpuTimes("fcfs");
        assertEquals(3, times.size());
        // The parent forks both children, then spins; queued behind it, they never get the CPU.
        assertTrue(times.get(0) < 1_000 && times.get(1) < 1_000, "the queued spinners ran: " + times);
        assertTrue(times.get(2) > BUDGET * 9 / 10, "the first spinner did not keep the CPU: " + times);
    }

    @Test
    void underRoundRobinTheSameSpinnersShareTheCpu() throws Exception {
        for (long t : cpuTimes("rr")) assertTrue(t > BUDGET / 4, "a spinner got only " + t + " cycles");
    }
}
