package task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asm.Assembler;
import fs.FdTable;
import fs.OpenFile;
import fs.OpenFlags;
import fs.Vfs;
import java.util.List;
import lab.PartOfLab;
import ld.Linker;
import mm.Mm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import syscall.Errno;
import vm.PhysicalMemory;
import vm.PhysicalMemory.KernelUse;

/**
 * What a task costs and what limits its creation, at the level of structures: its
 * THREAD_SIZE of kernel-stack frames from clone until it is reaped, ENOMEM when memory
 * cannot hold it or the copy of its descriptor table, EAGAIN at threads-max and at the
 * real user's RLIMIT_NPROC (root exempt), and threads-max sized from memory as Linux's
 * set_max_threads does.
 */
class TaskMemoryTest {
    private final PhysicalMemory phys = PhysicalMemory.ofFrames(256);
    private final Tasks ts = new Tasks(phys, new PidsTest.NoScheduler());
    private final Vfs vfs = new Vfs();
    private Task init;

    @BeforeEach
    void bootInit() throws Exception {
        var exe = new Linker().link(List.of(Assembler.assemble("t.s", ".globl _start\n_start: j _start\n")), List.of());
        init = ts.spawnInit(Mm.exec(phys, exe, "/sbin/init", List.of("init"), List.of()), new FdTable(phys),
                vfs.newFsStruct());
    }

    private long fork(Task parent) {
        return Clone.clone(ts, parent, parent.context(), Signals.SIGCHLD, 0, 0, 0, 0);
    }

    /** Ends {@code t} and lets its parent reap it, as exit and wait4 do. */
    private void exitAndReap(Task t) {
        Exit.exit(ts, t, Signals.exitedStatus(0));
        assertTrue(Wait.wait4(ts, t.parent(), t.tgid(), 0, Wait.WNOHANG, 0) == t.tgid(), "reaped");
    }

    /** Frames a fork of {@code parent} takes: the child's task and its copy of every page table. */
    private static int forkFrames(Task parent) {
        return Tasks.THREAD_FRAMES + parent.mm().addressSpace().pageTableFrames();
    }

    @PartOfLab("clone")
    @Test
    void aTaskHoldsItsThreadSizeUntilItIsReaped() {
        int stack = Tasks.THREAD_FRAMES;
        assertEquals(stack, phys.kernelFrames(KernelUse.KERNEL_STACK), "init's");
        int used = phys.usedFrames();
        Task child = ts.pids().find((int) fork(init));
        assertEquals(2 * stack, phys.kernelFrames(KernelUse.KERNEL_STACK));
        Task thread = ts.pids().find((int) Clone.clone(ts, child, child.context(),
                CloneFlags.CLONE_VM | CloneFlags.CLONE_FS | CloneFlags.CLONE_FILES | CloneFlags.CLONE_SIGHAND
                        | CloneFlags.CLONE_THREAD, 0, 0, 0, 0));
        assertEquals(3 * stack, phys.kernelFrames(KernelUse.KERNEL_STACK), "a thread costs as much as a process");
        Exit.exit(ts, thread, Signals.exitedStatus(0));
        assertEquals(2 * stack, phys.kernelFrames(KernelUse.KERNEL_STACK), "a thread reaps itself");
        Exit.exit(ts, child, Signals.exitedStatus(0));
        assertEquals(2 * stack, phys.kernelFrames(KernelUse.KERNEL_STACK), "a zombie keeps its task");
        assertEquals(child.tgid(), Wait.wait4(ts, init, child.tgid(), 0, 0, 0));
        assertEquals(stack, phys.kernelFrames(KernelUse.KERNEL_STACK));
        assertEquals(used, phys.usedFrames(), "every frame is back");
    }

    @Test
    @PartOfLab("cow")
    void cloneIsEnomemWithNoFrameForTheTaskAndLeavesNothingBehind() {
        int free = phys.freeFrames();
        assertTrue(phys.reserve(free, KernelUse.SLAB));
        int tasks = ts.pids().count();
        long created = ts.createdTasks();
        assertEquals(-Errno.ENOMEM, fork(init));
        assertEquals(-Errno.ENOMEM, Clone.clone(ts, init, init.context(), CloneFlags.VFORK, 0, 0, 0, 0));
        assertEquals(tasks, ts.pids().count());
        assertEquals(created, ts.createdTasks());
        assertEquals(1, ts.userTasks(0));
        assertEquals(1, init.files().users());
        int needed = forkFrames(init);
        phys.unreserve(needed - 1, KernelUse.SLAB);
        assertEquals(-Errno.ENOMEM, fork(init), "a frame short of the task and its page tables");
        assertEquals(tasks, ts.pids().count());
        phys.unreserve(1, KernelUse.SLAB);
        long pid = fork(init);
        assertTrue(pid > 0, "the task and its page tables are enough: " + pid);
        exitAndReap(ts.pids().find((int) pid));
        phys.unreserve(free - needed, KernelUse.SLAB);
    }

    @Test
    @PartOfLab({"clone", "cow"})
    void cloneIsEnomemWhenTheCopyOfABigDescriptorTableDoesNotFit() throws Exception {
        OpenFile devNull = new OpenFile(vfs.lookup("/dev/null"), OpenFlags.O_RDONLY);
        init.files().setLimit(FdTable.NR_OPEN);
        assertEquals(10_000, init.files().makeRoom(10_000));
        init.files().installAt(10_000, devNull, false);
        int free = phys.freeFrames();
        assertTrue(free < 256, "the table's growth was charged");
        int needed = forkFrames(init);
        assertTrue(phys.reserve(free - needed, KernelUse.SLAB));
        assertEquals(-Errno.ENOMEM, fork(init), "the task and its page tables fit, the table's copy does not");
        assertEquals(1, devNull.count(), "the failed copy took no reference");
        assertTrue(Clone.clone(ts, init, init.context(), CloneFlags.CLONE_FILES | Signals.SIGCHLD, 0, 0, 0, 0) > 0,
                "a shared table needs no copy");
        phys.unreserve(free - needed, KernelUse.SLAB);
    }

    @Test
    void threadsMaxCountsZombiesAndIsEagain() {
        ts.setMaxTasks(3);
        Task a = ts.pids().find((int) fork(init));
        Task b = ts.pids().find((int) fork(init));
        assertEquals(-Errno.EAGAIN, fork(init));
        Exit.exit(ts, b, Signals.exitedStatus(0));
        assertEquals(-Errno.EAGAIN, fork(init), "a zombie still counts");
        assertEquals(b.tgid(), Wait.wait4(ts, init, b.tgid(), 0, 0, 0));
        assertTrue(fork(init) > 0, "reaping made room");
        assertTrue(a.state().isAlive());
    }

    @Test
    void rlimitNprocCountsTheTasksOfTheRealUserAndSparesRoot() {
        init.signal().rlimits().set(ResourceLimits.RLIMIT_NPROC, 2, 2);
        Task root = ts.pids().find((int) fork(init));
        assertTrue(fork(init) > 0 && fork(init) > 0, "root is not limited");
        assertEquals(0, SetId.setuid(ts, root, 1000));
        assertEquals(1, ts.userTasks(1000));
        Task second = ts.pids().find((int) fork(root));
        assertEquals(1000, second.cred().uid());
        assertEquals(2, ts.userTasks(1000));
        assertEquals(-Errno.EAGAIN, fork(root), "a third task of uid 1000");
        assertEquals(-Errno.EAGAIN, fork(second));
        exitAndReap(second);
        assertEquals(1, ts.userTasks(1000));
        assertTrue(fork(root) > 0, "room again once one is reaped");
    }

    @Test
    void threadsMaxIsOneTaskPerSixteenPagesOfMemory() {
        assertEquals(10_240, Tasks.maxThreadsFor((640L << 20) / PhysicalMemory.FRAME_SIZE));
        assertEquals(1_024, Tasks.maxThreadsFor((64L << 20) / PhysicalMemory.FRAME_SIZE));
        assertEquals(256, Tasks.maxThreadsFor((16L << 20) / PhysicalMemory.FRAME_SIZE));
        assertEquals(Tasks.MIN_MAX_TASKS, Tasks.maxThreadsFor(100), "never below MIN_THREADS");
        assertEquals(Tasks.MAX_MAX_TASKS, Tasks.maxThreadsFor(1L << 40), "never above FUTEX_TID_MASK");
        assertEquals(Tasks.MIN_MAX_TASKS, ts.maxTasks(), "256 frames: 16, raised to MIN_THREADS");
        assertEquals(Tasks.MIN_MAX_TASKS / 2, init.signal().rlimits().cur(ResourceLimits.RLIMIT_NPROC), "init's RLIMIT_NPROC is half");
    }
}
