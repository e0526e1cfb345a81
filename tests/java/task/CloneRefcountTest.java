package task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asm.Assembler;
import fs.FdTable;
import fs.Vfs;
import java.util.List;
import ld.Linker;
import mm.Mm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vm.PhysicalMemory;

/**
 * clone() and exit() at the level of structures, without running anything: each flag
 * shares (one more reference) or copies (a new object), exit drops every reference once,
 * and a refused clone changes no count.
 */
class CloneRefcountTest {
    private final PhysicalMemory phys = PhysicalMemory.ofFrames(256);
    private final Tasks ts = new Tasks(phys, new PidsTest.NoScheduler());
    private Task init;

    @BeforeEach
    void bootInit() throws Exception {
        var exe = new Linker().link(List.of(Assembler.assemble("t.s", ".globl _start\n_start: j _start\n")), List.of());
        Vfs vfs = new Vfs();
        init = ts.spawnInit(Mm.exec(phys, exe, "/sbin/init", List.of("init"), List.of()), new FdTable(),
                vfs.newFsStruct());
    }

    private Task cloneOf(Task parent, long flags) {
        long tid = Clone.clone(ts, parent, parent.context(), flags, 0, 0, 0, 0);
        assertTrue(tid > 0, "clone failed: " + tid);
        return ts.pids().find((int) tid);
    }

    @lab.PartOfLab("clone")
    @Test
    void everySharingFlagTakesAReferenceAndEveryMissingOneMakesACopy() {
        long all = CloneFlags.CLONE_VM | CloneFlags.CLONE_FS | CloneFlags.CLONE_FILES | CloneFlags.CLONE_SIGHAND
                | Signals.SIGCHLD;
        Task sharer = cloneOf(init, all);
        assertSame(init.mm(), sharer.mm());
        assertSame(init.files(), sharer.files());
        assertSame(init.fs(), sharer.fs());
        assertSame(init.sighand(), sharer.sighand());
        assertEquals(2, init.mm().users());
        assertEquals(2, init.files().users());
        assertEquals(2, init.fs().users());
        assertEquals(2, init.sighand().refCount());

        Task copier = cloneOf(init, Signals.SIGCHLD);
        assertNotSame(init.mm(), copier.mm());
        assertNotSame(init.files(), copier.files());
        assertNotSame(init.fs(), copier.fs());
        assertNotSame(init.sighand(), copier.sighand());
        assertEquals(1, copier.mm().users());
        assertEquals(2, init.mm().users(), "the copy took no reference to the original");

        Exit.exit(ts, sharer, Signals.exitedStatus(0));
        assertEquals(1, init.mm().users());
        assertEquals(1, init.files().users());
        assertEquals(1, init.fs().users());
        assertEquals(1, init.sighand().refCount());
        Exit.exit(ts, copier, Signals.exitedStatus(0));
        assertEquals(TaskState.ZOMBIE, copier.state(), "a process waits for its parent as a zombie");
    }

    @lab.PartOfLab("clone")
    @Test
    void aRefusedCloneChangesNoCountAndAllocatesNoPid() {
        int tasks = ts.pids().count();
        long r = Clone.clone(ts, init, init.context(), CloneFlags.CLONE_SIGHAND, 0, 0, 0, 0);
        assertEquals(-syscall.Errno.EINVAL, r);
        assertEquals(tasks, ts.pids().count());
        assertEquals(1, init.mm().users());
        assertEquals(1, init.files().users());
        assertEquals(1, init.sighand().refCount());
    }

    @lab.PartOfLab("clone")
    @Test
    void aThreadJoinsTheGroupAndIsNotItsCreatorsChild() {
        long flags = CloneFlags.CLONE_VM | CloneFlags.CLONE_FS | CloneFlags.CLONE_FILES | CloneFlags.CLONE_SIGHAND
                | CloneFlags.CLONE_THREAD;
        Task thread = cloneOf(init, flags);
        assertEquals(init.tgid(), thread.tgid());
        assertSame(init, thread.groupLeader());
        assertSame(init.signal(), thread.signal());
        assertEquals(-1, thread.exitSignal());
        assertEquals(2, init.signal().liveThreads());
        assertTrue(init.children().isEmpty(), "a thread is nobody's child");
        Exit.exit(ts, thread, Signals.exitedStatus(0));
        assertEquals(TaskState.DEAD, thread.state(), "a thread reaps itself");
        assertEquals(null, ts.pids().find(thread.tid()));
    }

    @Test
    void aParentIgnoringSigchldHasItsChildrenReapedAtOnce() {
        Task parent = cloneOf(init, Signals.SIGCHLD);
        parent.sighand().setHandler(Signals.SIGCHLD, SigHand.SIG_IGN);
        Task child = cloneOf(parent, Signals.SIGCHLD);
        Exit.exit(ts, child, Signals.exitedStatus(0));
        assertEquals(TaskState.DEAD, child.state());
        assertTrue(parent.children().isEmpty());
        assertEquals(List.of(), parent.signal().pendingSignals(), "no SIGCHLD for an ignoring parent");
    }

    @Test
    void aChildrensExitSignalIsRecordedAsPendingInTheParent() {
        Task parent = cloneOf(init, Signals.SIGCHLD);
        Task child = cloneOf(parent, Signals.SIGUSR1);
        Exit.exit(ts, child, Signals.exitedStatus(0));
        assertEquals(TaskState.ZOMBIE, child.state());
        assertEquals(List.of(Signals.SIGUSR1), parent.signal().pendingSignals());
    }
}
