package sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.GuestRun;
import boot.Options;
import org.junit.jupiter.api.Test;

/** When nothing can ever run again, or time runs out, the kernel says so and cleans up. */
class DeadlockTest {
    @Test
    void aTaskAsleepForeverIsReportedAndKilled() throws Exception {
        GuestRun.Result r = GuestRun.run("deadlock", "f");
        assertTrue(r.output().startsWith("clonix: deadlock: no task can run again\n"), r.output());
        assertTrue(r.output().contains("2 deadlock: S futex"), r.output());
        assertEquals(137, r.status(), "killed by SIGKILL");
    }

    @Test
    void aSpinningTaskIsStoppedAtTheCycleLimit() throws Exception {
        GuestRun.Result r = GuestRun.run(Options.defaults().withCycleLimit(200_000), "deadlock", "s");
        assertTrue(r.output().startsWith("clonix: time limit of 0.0002 s of virtual time reached\n"), r.output());
        assertEquals(137, r.status());
    }
}
