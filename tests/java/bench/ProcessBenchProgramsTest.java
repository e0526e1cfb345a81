package bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.GuestRun;
import obj.Executable;
import org.junit.jupiter.api.Test;

/**
 * Keeps the process-creation benchmarks, and the system-call benchmark's getpid loop, from
 * rotting: each guest program runs a handful of iterations on the real kernel, exits 0,
 * reports (or is charged for) what it did, and leaks nothing.
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
    void getpidLoopMakesOneSystemCallPerIteration() throws Exception {
        Executable exe = BenchPrograms.build("getpid_loop");
        GuestRun.Result few = GuestRun.runExecutable(ProcessBench.options(), exe, "getpid_loop", "3");
        GuestRun.Result more = GuestRun.runExecutable(ProcessBench.options(), exe, "getpid_loop", "13");
        assertEquals(0, few.status());
        assertEquals(0, more.status());
        // Each system call is charged sched.Scheduler.SYSCALL_CYCLES of system time.
        assertEquals(10L * sched.Scheduler.SYSCALL_CYCLES, systemTime(more) - systemTime(few));
    }

    /** The system time of the benchmark's task, which has exited and been reaped. */
    private static long systemTime(GuestRun.Result r) {
        for (task.Task t : r.released()) if (t.comm().equals("getpid_loop")) return t.stime();
        throw new AssertionError("no getpid_loop task among " + r.released());
    }

    @Test
    void reportLinesParse() {
        long[] v = ProcessBench.parseReport("noise\n12 iterations in 3456 ns\n");
        assertEquals(12, v[0]);
        assertEquals(3456, v[1]);
        assertEquals(-1, ProcessBench.parseReport("nothing here")[0]);
    }
}
