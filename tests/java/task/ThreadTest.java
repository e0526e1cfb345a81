package task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import boot.GuestRun;
import org.junit.jupiter.api.Test;

/** CLONE_THREAD: thread groups, CLEARTID joins, exit_group, zombie leaders. */
class ThreadTest {
    @lab.PartOfLab("clone")
    @Test
    void aThreadSharesThePidHasItsOwnTidGetsItsTlsAndIsJoinedThroughClearTid() throws Exception {
        GuestRun.Result r = GuestRun.run("thread");
        assertEquals("0 1 4660\njoined 0\n-10\n", r.output());
        assertEquals(0, r.status());
    }

    @Test
    void initDropsSigchldBecauseItsDefaultActionIsToIgnoreIt() throws Exception {
        GuestRun.Result r = GuestRun.run("thread");
        // Linux discards a signal whose action ignores it when it is sent, so nothing stays
        // pending. That a thread's exit sends no SIGCHLD at all is checked by sig_chld.c.
        assertEquals(java.util.List.of(), r.kernel().tasks().init().signal().pendingSignals());
    }

    @Test
    void childSettidIsStoredBeforeTheChildRunsAndSetTidAddressReturnsTheTid() throws Exception {
        assertEquals("1\n1\n", GuestRun.run("settid").output());
    }

    @Test
    void exitGroupFromTheMainThreadKillsTheSpinningThread() throws Exception {
        assertEquals(5, GuestRun.run("exit_group", "main").status());
    }

    @lab.PartOfLab("clone")
    @Test
    void exitGroupFromAThreadKillsTheSpinningMainThread() throws Exception {
        assertEquals(9, GuestRun.run("exit_group", "thread").status());
    }

    @lab.PartOfLab("clone")
    @Test
    void aLeaderThatExitsFirstStaysAZombieUntilItsLastThreadEnds() throws Exception {
        GuestRun.Result r = GuestRun.run("zombie_leader");
        assertEquals("2 1\n", r.output(), "the thread still reports the leader's pid, and init as parent");
        assertEquals(4, r.status());
    }

    @lab.PartOfLab("clone")
    @Test
    void vforkParentResumesOnlyAfterTheChildExits() throws Exception {
        for (long seed : new long[] {1, 2, 3}) {
            GuestRun.Result r = GuestRun.run(boot.Options.defaults().withSeed(seed).withCycleLimit(50_000_000), "vfork");
            assertEquals("child\nparent 7\n", r.output(), "seed " + seed);
        }
    }

    @lab.PartOfLab("clone")
    @Test
    void theChildrenOfAnExitingThreadGoToAnotherThreadOfItsGroup() throws Exception {
        assertEquals("1 768\n", GuestRun.run("reparent_thread").output());
    }

    @Test
    void orphansAreReparentedToInitWhichReapsThem() throws Exception {
        GuestRun.Result r = GuestRun.run("orphan");
        assertEquals("ppid 1\n", r.output());
    }
}
