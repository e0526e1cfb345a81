package syscall;

import static org.junit.jupiter.api.Assertions.assertEquals;

import boot.GuestRun;
import org.junit.jupiter.api.Test;

/** The system-call layer: fatal traps as signals, and the small calls. */
class SyscallTest {
    @Test
    void fatalTrapsEndTheProcessWith128PlusLinuxsSignal() throws Exception {
        assertEquals(139, GuestRun.run("faults", "s").status(), "SIGSEGV");
        assertEquals(136, GuestRun.run("faults", "d").status(), "SIGFPE");
        assertEquals(133, GuestRun.run("faults", "b").status(), "SIGTRAP");
        assertEquals(132, GuestRun.run("faults", "i").status(), "SIGILL");
    }

    @Test
    void misalignedAtomicsAreSigbusAndWritesToTextAreSigsegv() throws Exception {
        assertEquals(135, GuestRun.run("faults", "m").status(), "SIGBUS");
        assertEquals(139, GuestRun.run("faults", "w").status(), "SIGSEGV");
    }

    @Test
    void killProbesWithSignalZeroAndKillsWithTheDefaultAction() throws Exception {
        assertEquals("0\n-3\n-22\n0\n15\n", GuestRun.run("kill").output());
    }

    @Test
    void aFutexWaitTimesOutInVirtualTime() throws Exception {
        assertEquals("-110\n1\n-22\n", GuestRun.run("futex_timeout").output());
    }

    @Test
    void unameUnknownCallsIdsVirtualTimeFutexAndSessions() throws Exception {
        GuestRun.Result r = GuestRun.run("misc");
        assertEquals("Clonix clonix64\n-38\n0\n1\n-11\n1\n2\n2\n", r.output());
    }
}
