package syscall;

import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.GuestRun;
import org.junit.jupiter.api.Test;

/**
 * Random arguments to every system call: whatever a program passes, the kernel answers
 * with an errno or a signal, never a Java exception, and leaks nothing (GuestRun checks).
 */
class SyscallFuzzTest {
    @Test
    void randomArgumentsNeverCrashOrLeak() throws Exception {
        for (String seed : new String[] {"a", "b", "c", "d", "e", "f"}) {
            GuestRun.run("fuzz", seed);
        }
    }

    @Test
    void randomProcessCallsWithForkBombsAndKillsNeverCrashOrLeak() throws Exception {
        boot.Options options = boot.Options.defaults().withMaxTasks(64).withCycleLimit(5_000_000);
        int forked = 0;
        for (String seed : new String[] {"a", "d", "g"}) {
            GuestRun.Result r = GuestRun.run(options, "fuzz", seed, "process");
            if (r.released().size() > 2) forked++; // more than init and the fuzzer
        }
        assertTrue(forked > 0, "no seed made a new task: the process calls were not made");
    }
}
