package proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.GuestRun;
import org.junit.jupiter.api.Test;

/** /proc of a process of three threads made with clone(CLONE_THREAD | ...). */
@lab.PartOfLab("clone")
class ProcThreadsTest {
    private static GuestRun.Result run() throws Exception {
        GuestRun.Result r = ProcPrograms.run(4, "proc_threads");
        assertEquals(0, r.status());
        assertTrue(r.output().startsWith("tids 3 4\n"), r.output());
        return r;
    }

    @Test
    void taskDirectoryListsEveryThreadOfTheGroup() throws Exception {
        assertEquals(".\n..\n2\n3\n4\n", ProcPrograms.section(run().output(), "task"));
    }

    @Test
    void processStatusCountsThreeThreads() throws Exception {
        String status = ProcPrograms.section(run().output(), "/proc/self/status");
        ProcFormats.assertStatusFormat(status);
        assertTrue(status.contains("\nTgid:\t2\nNgid:\t0\nPid:\t2\n"), status);
        assertTrue(status.contains("\nThreads:\t3\n"), status);
    }

    @Test
    void threadStatusHasItsOwnPidAndTheGroupsTgid() throws Exception {
        String status = ProcPrograms.section(run().output(), "/proc/self/task/4/status");
        ProcFormats.assertStatusFormat(status);
        assertTrue(status.startsWith("Name:\tproc_threads\n"), status);
        // The thread waits in futex: asleep. Its parent is the process's parent, not its creator.
        assertTrue(status.contains("\nState:\tS (sleeping)\nTgid:\t2\nNgid:\t0\nPid:\t4\nPPid:\t1\n"), status);
        assertTrue(status.contains("\nNStgid:\t2\nNSpid:\t4\n"), status);
        assertTrue(status.contains("\nThreads:\t3\n"), status);
    }

    @Test
    void threadSelfIsTheCallingThread() throws Exception {
        String status = ProcPrograms.section(run().output(), "/proc/thread-self/status");
        assertTrue(status.contains("\nState:\tR (running)\nTgid:\t2\nNgid:\t0\nPid:\t2\n"), status);
    }

    @Test
    void threadStatIsAboutTheThread() throws Exception {
        String stat = ProcPrograms.section(run().output(), "/proc/self/task/4/stat");
        assertTrue(ProcFormats.STAT.matcher(stat).matches(), stat);
        String[] f = stat.trim().split(" ");
        assertEquals("4 (proc_threads) S 1", String.join(" ", f[0], f[1], f[2], f[3]));
        assertEquals("3", f[19], "num_threads");
        assertEquals("-1", f[37], "a thread has no exit signal");
    }

    @Test
    void leaderThatExitedFirstIsAZombieWhileItsThreadRuns() throws Exception {
        GuestRun.Result r = ProcPrograms.run(4, "proc_leader_exit");
        assertEquals(0, r.status());
        String process = ProcPrograms.section(r.output(), "/proc/self/status");
        ProcFormats.assertStatusFormat(process);
        // /proc/self is the process, described by its leader: a zombie, without an mm, still counted.
        assertTrue(process.startsWith("Name:\tproc_leader_exi\nState:\tZ (zombie)\nTgid:\t2\nNgid:\t0\nPid:\t2\n"),
                process);
        assertTrue(process.contains("\nThreads:\t2\n"), process);
        String thread = ProcPrograms.section(r.output(), "/proc/thread-self/status");
        ProcFormats.assertStatusFormat(thread);
        assertTrue(thread.contains("\nState:\tR (running)\nTgid:\t2\nNgid:\t0\nPid:\t3\n"), thread);
        assertTrue(thread.contains("\nVmRSS:\t"), thread);
    }
}
