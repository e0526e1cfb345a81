package signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asm.Assembler;
import fs.FdTable;
import fs.Vfs;
import java.util.List;
import ld.Linker;
import mm.Mm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import syscall.Errno;
import task.Clone;
import task.CloneFlags;
import task.Signals;
import task.Task;
import task.TaskState;
import task.Tasks;
import vm.PhysicalMemory;

/**
 * Sending, choosing the thread and job control at the level of structures, without running
 * guest code: which thread a process signal wakes, when a signal is dropped or kills the
 * group at once, and how SIGSTOP and SIGCONT move a thread group between states.
 */
class SignalSendTest {
    /** A handler address; nothing runs here, so any non-SIG_DFL, non-SIG_IGN value will do. */
    private static final long HANDLER = 0x1000;
    private final PhysicalMemory phys = PhysicalMemory.ofFrames(256);
    private final Tasks ts = new Tasks(phys, new Tasks.SchedulerHooks() {
        @Override public void wakeUp(Task t) {}
        @Override public void wakeUpNew(Task t) {}
        @Override public void dequeue(Task t) {}
        @Override public long now() { return 0; }
    });
    private Task init, process, thread;

    @BeforeEach
    void bootAProcessWithTwoThreads() throws Exception {
        var exe = new Linker().link(List.of(Assembler.assemble("t.s", ".globl _start\n_start: j _start\n")), List.of());
        init = ts.spawnInit(Mm.exec(phys, exe, "/sbin/init", List.of("init"), List.of()), new FdTable(),
                new Vfs().newFsStruct());
        process = cloneOf(init, Signals.SIGCHLD);
        thread = cloneOf(process, CloneFlags.CLONE_VM | CloneFlags.CLONE_FS | CloneFlags.CLONE_FILES
                | CloneFlags.CLONE_SIGHAND | CloneFlags.CLONE_THREAD);
    }

    private Task cloneOf(Task parent, long flags) {
        long tid = Clone.clone(ts, parent, parent.context(), flags, 0, 0, 0, 0);
        assertTrue(tid > 0, "clone failed: " + tid);
        return ts.pids().find((int) tid);
    }

    @lab.PartOfLab("clone")
    @Test
    void aProcessSignalGoesToTheThreadThatDoesNotBlockIt() {
        process.sighand().setHandler(Signals.SIGUSR1, HANDLER);
        process.signals().blocked = SigSet.bit(Signals.SIGUSR1);
        assertEquals(0, SignalSend.kill(ts, init, process.tgid(), Signals.SIGUSR1));
        assertTrue(SignalDelivery.hasDeliverable(thread));
        assertFalse(SignalDelivery.hasDeliverable(process));
        assertEquals(thread, process.signal().signals().currentTarget);
    }

    @lab.PartOfLab("clone")
    @Test
    void aThreadSleepingInterruptiblyIsWokenAndAThreadDirectedSignalStaysWithItsThread() {
        thread.sleep(TaskState.INTERRUPTIBLE, "pause");
        thread.sighand().setHandler(Signals.SIGUSR2, HANDLER);
        assertEquals(0, SignalSend.tgkill(ts, init, process.tgid(), thread.tid(), Signals.SIGUSR2, true));
        assertEquals(TaskState.RUNNABLE, thread.state());
        assertEquals(SigSet.bit(Signals.SIGUSR2), thread.signals().pendingMask());
        assertEquals(0, process.signals().pendingMask());
        assertEquals(-Errno.ESRCH, SignalSend.tgkill(ts, init, init.tgid(), thread.tid(), Signals.SIGUSR2, true));
    }

    @lab.PartOfLab("clone")
    @Test
    void aFatalSignalNobodyBlocksKillsTheWholeGroupAtOnce() {
        SignalSend.kill(ts, init, process.tgid(), Signals.SIGTERM);
        assertTrue(process.isKillPending());
        assertTrue(thread.isKillPending());
        assertEquals(Signals.SIGTERM, process.signal().groupExitStatus());
    }

    @Test
    void anIgnoredSignalIsDroppedWhenSentButABlockedOneIsKept() {
        SignalSend.kill(ts, init, process.tgid(), Signals.SIGCHLD);
        assertEquals(0, process.signal().signals().pendingMask());
        process.signals().blocked = SigSet.bit(Signals.SIGCHLD);
        thread.signals().blocked = SigSet.bit(Signals.SIGCHLD);
        SignalSend.kill(ts, init, process.tgid(), Signals.SIGCHLD);
        assertEquals(SigSet.bit(Signals.SIGCHLD), process.signal().signals().pendingMask());
    }

    @Test
    void initIsNotKilledBySignalsItHasNoHandlerFor() {
        SignalSend.kill(ts, process, 1, Signals.SIGTERM);
        assertFalse(init.isKillPending());
    }

    @lab.PartOfLab("clone")
    @Test
    void anUnkillableGroupDiscardsSigkillAndSigstopButTakesWhatItHandlesAndDiesOfAFault() {
        process.signal().signals().makeUnkillable(); // as the shell's task is
        assertEquals(0, SignalSend.kill(ts, init, process.tgid(), Signals.SIGKILL), "kill succeeds, as for init");
        assertEquals(0, SignalSend.kill(ts, init, process.tgid(), Signals.SIGSTOP));
        assertEquals(0, SignalSend.kill(ts, init, process.tgid(), Signals.SIGTERM));
        assertFalse(process.isKillPending());
        assertEquals(0, process.signal().signals().pendingMask(), "discarded when sent");
        SignalDelivery.deliver(ts, process, t -> 0);
        assertEquals(TaskState.RUNNABLE, process.state(), "not stopped");

        process.sighand().setHandler(Signals.SIGUSR1, HANDLER);
        SignalSend.kill(ts, init, process.tgid(), Signals.SIGUSR1);
        assertEquals(SigSet.bit(Signals.SIGUSR1), process.signal().signals().pendingMask(), "a handled signal is kept");

        SignalSend.forceFault(ts, thread, SigInfo.fault(Signals.SIGSEGV, 1, 0));
        SignalDelivery.deliver(ts, thread, t -> 0);
        assertTrue(process.signal().isGroupExiting(), "a fault it cannot handle still kills it");
    }

    @lab.PartOfLab("clone")
    @Test
    void killLooksForItsTargetsBeforeItChecksTheSignal() {
        assertEquals(-Errno.ESRCH, SignalSend.kill(ts, init, 4242, 65));
        assertEquals(-Errno.ESRCH, SignalSend.kill(ts, init, -4242, 65));
        assertEquals(-Errno.ESRCH, SignalSend.kill(ts, init, Integer.MIN_VALUE, 65));
        assertEquals(-Errno.EINVAL, SignalSend.kill(ts, init, process.tgid(), 65));
        assertEquals(-Errno.EINVAL, SignalSend.kill(ts, init, -process.signal().pgid(), 65));
        assertEquals(-Errno.EINVAL, SignalSend.kill(ts, init, -1, 65));
        assertEquals(-Errno.ESRCH, SignalSend.kill(ts, process, -1, 0), "nobody but init and the caller");
    }

    @lab.PartOfLab("clone")
    @Test
    void sigstopStopsEveryThreadAndSigcontResumesThem() {
        SignalSend.kill(ts, init, process.tgid(), Signals.SIGSTOP);
        // Each thread stops when it next returns to user mode.
        SignalDelivery.deliver(ts, process, t -> 0);
        assertEquals(TaskState.STOPPED, process.state());
        assertFalse(process.signal().signals().isStopped(), "the other thread has not stopped yet");
        SignalDelivery.deliver(ts, thread, t -> 0);
        assertEquals(TaskState.STOPPED, thread.state());
        assertTrue(process.signal().signals().isStopped());
        assertEquals(Signals.SIGSTOP, process.signal().signals().takeStopReport(true));
        assertEquals(0, process.signal().signals().takeStopReport(true), "reported once");

        SignalSend.kill(ts, init, process.tgid(), Signals.SIGCONT);
        assertEquals(TaskState.RUNNABLE, process.state());
        assertEquals(TaskState.RUNNABLE, thread.state());
        assertTrue(process.signal().signals().takeContinueReport(true));
    }

    @Test
    void sigkillEndsAStoppedProcess() {
        SignalSend.kill(ts, init, process.tgid(), Signals.SIGSTOP);
        SignalDelivery.deliver(ts, process, t -> 0);
        SignalSend.kill(ts, init, process.tgid(), Signals.SIGKILL);
        assertTrue(process.isKillPending());
        assertEquals(TaskState.RUNNABLE, process.state());
    }

    @Test
    void sendToGroupReachesTheProcessesOfAGroupOrSaysThereAreNone() {
        process.sighand().setHandler(Signals.SIGINT, HANDLER);
        assertEquals(0, SignalSend.sendToGroup(ts, process.signal().pgid(), Signals.SIGINT));
        assertEquals(SigSet.bit(Signals.SIGINT), process.signal().signals().pendingMask());
        assertFalse(init.isKillPending(), "init, in the same group, has no handler and is unkillable");
        assertEquals(-Errno.ESRCH, SignalSend.sendToGroup(ts, 4242, Signals.SIGINT));
    }
}
