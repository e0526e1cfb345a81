package task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import vm.PhysicalMemory;

/** Linux-style pid allocation: increasing, wrapping to 300, skipping ids still in use. */
class PidsTest {
    private final Tasks ts = new Tasks(PhysicalMemory.ofFrames(16), new NoScheduler());

    @Test
    void pidsIncreaseFromOneAndInitIsOne() {
        Task init = ts.createRoot("init");
        assertEquals(1, init.tid());
        assertEquals(init, ts.init());
        assertEquals(2, ts.createRoot("a").tid());
        assertEquals(3, ts.createRoot("b").tid());
    }

    @Test
    void allocationWrapsAtPidMaxToTheReservedBoundary() {
        ts.createRoot("init");
        ts.pids().setLastPid(Pids.PID_MAX - 1);
        assertEquals(Pids.RESERVED_PIDS, ts.createRoot("wrapped").tid());
    }

    @Test
    void idsStillUsedAsATidOrAProcessGroupAreSkipped() {
        ts.createRoot("init");
        ts.pids().setLastPid(Pids.PID_MAX - 1);
        Task t = ts.createRoot("x"); // 300
        t.signal().setPgid(301);     // a process group named 301 outlives nobody yet
        ts.pids().setLastPid(299);
        assertEquals(302, ts.pids().allocate());
    }

    @Test
    void aProcessGroupOrSessionIdIsFreeOnceNoGroupUsesItAnyMore() {
        ts.createRoot("init");
        Task a = ts.createRoot("a"), b = ts.createRoot("b"); // 2 and 3
        a.signal().setPgid(500);
        b.signal().setPgid(500);
        b.signal().setSid(501);
        assertEquals(true, ts.pids().inUse(500));
        assertEquals(true, ts.pids().inUse(501));
        a.signal().setPgid(2);                  // a leaves group 500; b is still in it
        assertEquals(true, ts.pids().inUse(500));
        b.signal().setSid(2);                   // no group has session 501 any more
        assertEquals(false, ts.pids().inUse(501));
        ts.pids().remove(b);                    // b is reaped: nobody uses 500 or 3
        assertEquals(false, ts.pids().inUse(500));
        assertEquals(false, ts.pids().inUse(3));
        assertEquals(true, ts.pids().inUse(2));
        b.signal().setPgid(600);                // a reaped group's ids are not counted
        assertEquals(false, ts.pids().inUse(600));
    }

    @Test
    void stateLettersAreThoseOfProc() {
        assertEquals('R', TaskState.RUNNING.letter());
        assertEquals('R', TaskState.RUNNABLE.letter());
        assertEquals('S', TaskState.INTERRUPTIBLE.letter());
        assertEquals('D', TaskState.UNINTERRUPTIBLE.letter());
        assertEquals('T', TaskState.STOPPED.letter());
        assertEquals('Z', TaskState.ZOMBIE.letter());
        assertEquals('X', TaskState.DEAD.letter());
    }

    @Test
    void initMayNotCreateSiblingsButMayCreateThreads() {
        Task init = ts.createRoot("init");
        assertEquals(syscall.Errno.EINVAL, Clone.check(ts, init, CloneFlags.CLONE_PARENT | Signals.SIGCHLD));
        assertEquals(0, Clone.check(ts, init,
                CloneFlags.CLONE_THREAD | CloneFlags.CLONE_SIGHAND | CloneFlags.CLONE_VM));
        assertEquals(syscall.Errno.EINVAL, Clone.check(ts, init,
                CloneFlags.CLONE_SIGHAND | CloneFlags.CLONE_VM | CloneFlags.CLONE_CLEAR_SIGHAND));
    }

    @Test
    void commIsCutToFifteenBytes() {
        Task t = ts.createRoot("a-very-long-command-name");
        assertEquals("a-very-long-com", t.comm());
    }

    /** Scheduler hooks that do nothing: these tests never run a task. */
    static final class NoScheduler implements Tasks.SchedulerHooks {
        @Override public void wakeUp(Task t) {}
        @Override public void wakeUpNew(Task t) {}
        @Override public void dequeue(Task t) {}
        @Override public long now() { return 0; }
    }
}
