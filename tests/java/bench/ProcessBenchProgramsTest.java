package bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.GuestRun;
import obj.Executable;
import org.junit.jupiter.api.Test;

/**
 * Keeps the process-creation benchmarks from rotting: each guest program runs a handful of
 * iterations on the real kernel, exits 0, reports what it did, and leaks nothing.
 */
class ProcessBenchProgramsTest {
    private static ProcessBench.GuestRun runAndCheck(ProcessBench.Workload w, int iterations) {
        Executable exe = BenchPrograms.build(w.program);
        ProcessBench.GuestRun run = ProcessBench.runGuest(ProcessBench.options(), exe, w, iterations);
        assertEquals(0, run.status(), run.output());
        assertEquals(iterations, run.iterations(), run.output());
        assertTrue(run.guestNanos() > 0, run.output());
        return run;
    }

    @Test
    void forkTouchingOneMebibyteCompletes() {
        runAndCheck(ProcessBench.Workload.FORK_1MIB, 5);
    }

    @Test
    void forkTouchingSixtyFourMebibytesCompletes() {
        runAndCheck(ProcessBench.Workload.FORK_64MIB, 3);
    }

    @Test
    void cloneWaitCompletes() {
        runAndCheck(ProcessBench.Workload.CLONE, 5);
    }

    @Test
    void benchmarkProgramsLeakNothing() throws Exception {
        Executable exe = BenchPrograms.build(BenchPrograms.FORK_TOUCH);
        GuestRun.Result r = GuestRun.runExecutable(ProcessBench.options(), exe, "fork_touch", "1", "3");
        assertEquals(0, r.status(), r.output());
        assertEquals("3 iterations in", r.output().substring(0, 15));
    }

    @Test
    void reportLinesParse() {
        long[] v = ProcessBench.parseReport("noise\n12 iterations in 3456 ns\n");
        assertEquals(12, v[0]);
        assertEquals(3456, v[1]);
        assertEquals(-1, ProcessBench.parseReport("nothing here")[0]);
    }
}
