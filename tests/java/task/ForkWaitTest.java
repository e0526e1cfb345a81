package task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import boot.GuestRun;
import org.junit.jupiter.api.Test;

/** fork, wait4 and the ids: the basic process life cycle. */
class ForkWaitTest {
    @Test
    void getpidGettidAndGetppidInAProcessAndItsChild() throws Exception {
        GuestRun.Result r = GuestRun.run("ids");
        // The command is pid 2 (init is 1); its child is pid 3.
        assertEquals("parent 2 2 1\nchild 3 3 2\n", r.output());
        assertEquals(0, r.status());
    }

    @Test
    void wait4ReportsExitCodesAndFatalSignalsAsLinuxEncodesThem() throws Exception {
        GuestRun.Result r = GuestRun.run("fork_wait");
        assertEquals("status 1792\nstatus 139\nstatus 136\nlast -10\n", r.output());
    }
}
