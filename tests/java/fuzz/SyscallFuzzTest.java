package fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import boot.GuestRun;
import boot.Options;
import obj.Executable;
import org.junit.jupiter.api.Test;

/**
 * Random system calls with boundary arguments from several processes at once (see
 * {@link SyscallProgram}): whatever a program passes, the kernel answers with an errno or a
 * signal, never a Java exception, never a hang, and leaks nothing (GuestRun checks every task,
 * mm, file table and frame after each run). A run that sleeps or spins past its cycle limit
 * is ended by the kernel, which kills what is left: those paths are checked too.
 */
class SyscallFuzzTest {
    /** Seeds tried in every run; -Dclonix.fuzz.seconds=N adds more (see FuzzBudget). */
    private static final long[] SEEDS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

    @Test
    void randomCallsFromSeveralProcessesNeverCrashHangOrLeak() {
        FuzzBudget.forEachSeed(SEEDS, seed -> run(seed, 1 + (int) (seed % 4)));
    }

    @Test
    void theSameSeedPrintsTheSameBytes() throws Exception {
        for (long seed : new long[] {3, 8}) {
            String first = run(seed, 3).output();
            assertEquals(first, run(seed, 3).output(), "seed " + seed + " is not deterministic");
        }
    }

    private static GuestRun.Result run(long seed, int processes) {
        String source = SyscallProgram.generate(seed, processes, 300);
        Options options = Options.defaults().withMemory(32L << 20).withMaxTasks(64).withCycleLimit(20_000_000);
        try {
            Executable exe = GuestRun.link(source, "fuzz" + seed + ".s");
            return GuestRun.runExecutable(options, exe, "fuzz", String.valueOf(seed));
        } catch (Throwable t) {
            throw new AssertionError("seed " + seed + " (" + processes + " processes): " + t, t);
        }
    }
}
