package task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import boot.GuestRun;
import org.junit.jupiter.api.Test;

/** wait4's selectors and options, clone's refusals and the task limit. */
class WaitFlagsTest {
    @Test
    void wait4HonoursWnohangWcloneWallAndProcessGroups() throws Exception {
        GuestRun.Result r = GuestRun.run("wait_flags");
        assertEquals("0\n-10\n4 1024\n-22\n3 768\n5 1280\n-10\n", r.output());
    }

    @Test
    void waitidFillsSiginfoAndWnowaitLeavesTheZombieAndABadRusageIsEfaultAfterReaping() throws Exception {
        GuestRun.Result r = GuestRun.run("waitid");
        assertEquals("17 1 1 6\n1 1536\n17 3 1 11\n-22\n-14\n-10\n", r.output());
    }

    @lab.PartOfLab("clone")
    @Test
    void cloneRefusesLinuxsInvalidFlagCombinationsAndLeavesNothingBehind() throws Exception {
        GuestRun.Result r = GuestRun.run("einval");
        assertEquals("-22\n-22\n-22\n-22\n-22\n-1\n-10\n", r.output());
        assertEquals(0, r.status());
    }

    @Test
    void forkFailsWithEagainAtTheTaskLimitUntilAZombieIsReaped() throws Exception {
        GuestRun.Result r = GuestRun.run(boot.Options.defaults().withMaxTasks(3).withCycleLimit(50_000_000), "forklimit");
        assertEquals("-11\n1\n", r.output());
    }
}
