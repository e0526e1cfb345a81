package task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import boot.GuestRun;
import boot.Options;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** execve: its errors, argv, close-on-exec, and exec from a non-leader thread. */
class ExecTest {
    private static final Options OPTIONS = Options.defaults().withCycleLimit(50_000_000);

    @Test
    void failedExecsChangeNothingAndASuccessfulOneClosesCloexecDescriptors() throws Exception {
        GuestRun.Result r = GuestRun.runWith(OPTIONS,
                Map.of("exec", GuestRun.build("exec"), "showfd", GuestRun.build("showfd")), "exec");
        assertEquals("-2\n-13\n-14\nhi\n-9\nok\n", r.output());
        assertEquals(0, r.status());
        Task command = r.released().stream().filter(t -> t.tid() == 2).findFirst().orElseThrow();
        assertEquals("showfd", command.comm(), "comm is the basename of the new program");
    }

    @Test
    void aVforkChildThatExecsReleasesItsParentAtTheExec() throws Exception {
        GuestRun.Result r = GuestRun.runWith(OPTIONS,
                Map.of("vfork_exec", GuestRun.build("vfork_exec"), "sleepshow", GuestRun.build("sleepshow")),
                "vfork_exec");
        assertEquals("parent\n3 3\n", r.output(), "the parent ran while the exec'd child slept");
        assertEquals(0, r.status());
    }

    @lab.PartOfLab("clone")
    @Test
    void execFromANonLeaderThreadKillsTheOthersAndKeepsThePid() throws Exception {
        GuestRun.Result r = GuestRun.runWith(OPTIONS,
                Map.of("exec_thread", GuestRun.build("exec_thread"), "showpid", GuestRun.build("showpid")),
                "exec_thread");
        assertEquals("2\n2 2\n", r.output());
        assertEquals(0, r.status());
    }
}
