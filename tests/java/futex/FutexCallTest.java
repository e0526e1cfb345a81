package futex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asm.Assembler;
import fs.FdTable;
import fs.Vfs;
import java.util.List;
import ld.Linker;
import mm.Mm;
import mm.Mmap;
import mm.Vma;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sched.RoundRobin;
import sched.Scheduler;
import syscall.Errno;
import syscall.TimeCalls;
import task.Clone;
import task.CloneFlags;
import task.Signals;
import task.Task;
import task.TaskState;
import task.Tasks;
import vm.Cpu;
import vm.PhysicalMemory;

/**
 * The futex system call on real tasks and address spaces: every operation, the re-execution
 * after a wake-up or a timeout, each errno, and a shared-memory futex across fork.
 */
class FutexCallTest {
    private static final int WAIT = Futex.FUTEX_WAIT, WAKE = Futex.FUTEX_WAKE, PRIVATE = Futex.FUTEX_PRIVATE_FLAG;
    private final PhysicalMemory phys = PhysicalMemory.ofFrames(256);
    private final Scheduler sched = new Scheduler(new Cpu[] {new Cpu(0)}, new RoundRobin(10), 1, 100, 1000);
    private final Tasks ts = new Tasks(phys, sched);
    private Task main;
    private long word, other, timespec;

    @BeforeEach
    void bootAProcessWithThreeWords() throws Exception {
        sched.attach(ts, null);
        var exe = new Linker().link(List.of(Assembler.assemble("t.s",
                ".globl _start\n_start: j _start\n.data\nw: .quad 0\n.quad 0\n.quad 0\n.quad 0\n")), List.of());
        main = ts.spawnInit(Mm.exec(phys, exe, "/sbin/init", List.of("init"), List.of()), new FdTable(),
                new Vfs().newFsStruct());
        long data = dataVma(main.mm()).start();
        word = data;
        other = data + 8;
        timespec = data + 16;
    }

    private static Vma dataVma(Mm mm) {
        for (Vma v : mm.vmas()) if (v.prot() == (Vma.PROT_READ | Vma.PROT_WRITE) && !v.isStack()) return v;
        throw new AssertionError("no data segment");
    }

    private Task spawn(long flags) {
        long tid = Clone.clone(ts, main, main.context(), flags, 0, 0, 0, 0);
        assertTrue(tid > 0, "clone failed: " + tid);
        return ts.pids().find((int) tid);
    }

    private Task thread() {
        return spawn(CloneFlags.CLONE_VM | CloneFlags.CLONE_FS | CloneFlags.CLONE_FILES | CloneFlags.CLONE_SIGHAND
                | CloneFlags.CLONE_THREAD);
    }

    private long futex(Task t, long addr, int op, int val, long val2, long addr2, int val3) {
        return FutexCall.futex(ts, sched, t, addr, op, val, val2, addr2, val3);
    }

    @lab.PartOfLab("clone")
    @Test
    void waitSleepsUntilWokenAndTheReExecutedWaitReturnsZero() {
        Task a = thread(), b = thread();
        assertEquals(-Errno.BLOCKED, futex(a, word, WAIT | PRIVATE, 0, 0, 0, 0));
        assertEquals(-Errno.BLOCKED, futex(b, word, WAIT, 0, 0, 0, 0));
        assertEquals(TaskState.INTERRUPTIBLE, a.state());
        assertEquals(1, futex(main, word, WAKE, 1, 0, 0, 0));
        assertEquals(TaskState.RUNNABLE, a.state(), "the oldest sleeper wakes first");
        assertEquals(TaskState.INTERRUPTIBLE, b.state());
        assertEquals(0, futex(a, word, WAIT, 0, 0, 0, 0), "woken: 0 although the word still holds 0");
        assertEquals(1, futex(main, word, WAKE, 5, 0, 0, 0));
        assertEquals(0, futex(b, word, WAIT, 0, 0, 0, 0));
    }

    @lab.PartOfLab("clone")
    @Test
    void aReExecutionWithoutAWakeUpSleepsOn() {
        Task a = thread();
        assertEquals(-Errno.BLOCKED, futex(a, word, WAIT, 0, 0, 0, 0));
        assertEquals(-Errno.BLOCKED, futex(a, word, WAIT, 0, 0, 0, 0));
        assertEquals(1, ts.futex().waiters(main.mm(), word));
    }

    @Test
    void waitOnAChangedWordIsEagain() throws Exception {
        main.mm().write32(word, 5);
        assertEquals(-Errno.EAGAIN, futex(main, word, WAIT, 4, 0, 0, 0));
    }

    @lab.PartOfLab("clone")
    @Test
    void relativeAndAbsoluteTimeoutsEndInEtimedout() throws Exception {
        Task a = thread();
        main.mm().write64(timespec, 0);
        main.mm().write64(timespec + 8, 1000);
        assertEquals(-Errno.BLOCKED, futex(a, word, WAIT, 0, timespec, 0, 0));
        assertEquals(sched.now() + 1000, a.sleepDeadline(), "relative to now");
        a.setSleepDeadline(sched.now()); // as if the timer fired
        assertEquals(-Errno.ETIMEDOUT, futex(a, word, WAIT, 0, 0, 0, 0));
        assertEquals(0, ts.futex().waiters(main.mm(), word), "the timed-out waiter left the queue");
        assertEquals(-1, a.sleepDeadline());
        main.mm().write64(timespec + 8, 0);
        assertEquals(-Errno.ETIMEDOUT, futex(a, word, Futex.FUTEX_WAIT_BITSET | Futex.FUTEX_CLOCK_REALTIME, 0,
                timespec, 0, -1), "an absolute time already past");
        main.mm().write64(timespec, TimeCalls.BOOT_EPOCH_SECONDS + 1);
        assertEquals(-Errno.BLOCKED, futex(a, word, Futex.FUTEX_WAIT_BITSET | Futex.FUTEX_CLOCK_REALTIME, 0,
                timespec, 0, -1));
        assertEquals(1_000_000_000L, a.sleepDeadline(), "a CLOCK_REALTIME deadline, one second after boot");
        a.setSleepDeadline(sched.now());
        assertEquals(-Errno.ETIMEDOUT, futex(a, word, WAIT, 0, 0, 0, 0));
        main.mm().write64(timespec, 0);
        main.mm().write64(timespec + 8, 1_000_000_000L);
        assertEquals(-Errno.EINVAL, futex(a, word, WAIT, 0, timespec, 0, 0));
        assertEquals(-Errno.EFAULT, futex(a, word, WAIT, 0, 8, 0, 0));
    }

    @lab.PartOfLab("clone")
    @Test
    void bitsetsSelectWaiters() {
        Task one = thread(), two = thread();
        assertEquals(-Errno.BLOCKED, futex(one, word, Futex.FUTEX_WAIT_BITSET, 0, 0, 0, 1));
        assertEquals(-Errno.BLOCKED, futex(two, word, Futex.FUTEX_WAIT_BITSET, 0, 0, 0, 2));
        assertEquals(0, futex(main, word, Futex.FUTEX_WAKE_BITSET, 5, 0, 0, 4));
        assertEquals(1, futex(main, word, Futex.FUTEX_WAKE_BITSET, 5, 0, 0, 2));
        assertEquals(TaskState.RUNNABLE, two.state());
        assertEquals(TaskState.INTERRUPTIBLE, one.state());
        assertEquals(-Errno.EINVAL, futex(main, word, Futex.FUTEX_WAKE_BITSET, 5, 0, 0, 0));
        assertEquals(-Errno.EINVAL, futex(main, word, Futex.FUTEX_WAIT_BITSET, 0, 0, 0, 0));
    }

    @lab.PartOfLab("clone")
    @Test
    void cmpRequeueWakesSomeAndMovesTheRest() throws Exception {
        Task a = thread(), b = thread(), c = thread();
        for (Task t : List.of(a, b, c)) assertEquals(-Errno.BLOCKED, futex(t, word, WAIT, 0, 0, 0, 0));
        assertEquals(-Errno.EAGAIN, futex(main, word, Futex.FUTEX_CMP_REQUEUE, 1, 1, other, 9));
        assertEquals(-Errno.EINVAL, futex(main, word, Futex.FUTEX_REQUEUE, 1, -1, other, 0));
        assertEquals(2, futex(main, word, Futex.FUTEX_CMP_REQUEUE, 1, 1, other, 0));
        assertEquals(TaskState.RUNNABLE, a.state());
        assertEquals(1, ts.futex().waiters(main.mm(), word));
        assertEquals(1, ts.futex().waiters(main.mm(), other));
        assertEquals(1, futex(main, other, WAKE, 1, 0, 0, 0));
        assertEquals(TaskState.RUNNABLE, b.state(), "the requeued waiter is woken on the target word");
        assertEquals(0, futex(b, word, WAIT, 0, 0, 0, 0));
        assertEquals(1, futex(main, word, Futex.FUTEX_REQUEUE, 0, 1, word, 0), "onto itself: allowed");
    }

    @Test
    void badAddressesAndOperationsGetLinuxErrors() {
        assertEquals(-Errno.EINVAL, futex(main, word + 2, WAIT, 0, 0, 0, 0));
        assertEquals(-Errno.EINVAL, futex(main, word + 1, WAKE | PRIVATE, 1, 0, 0, 0));
        assertEquals(-Errno.EFAULT, futex(main, 16, WAIT, 0, 0, 0, 0));
        assertEquals(-Errno.EFAULT, futex(main, 16, WAKE, 1, 0, 0, 0));
        assertEquals(0, futex(main, 16, WAKE | PRIVATE, 1, 0, 0, 0), "a private wake does not touch the word");
        assertEquals(-Errno.EFAULT, futex(main, word, Futex.FUTEX_REQUEUE, 0, 1, 16, 0));
        assertEquals(-Errno.ENOSYS, futex(main, word, 99, 0, 0, 0, 0));
        assertEquals(-Errno.ENOSYS, futex(main, word, 5 /* FUTEX_WAKE_OP */, 0, 0, 0, 0));
        assertEquals(-Errno.ENOSYS, futex(main, word, WAKE | Futex.FUTEX_CLOCK_REALTIME, 1, 0, 0, 0));
    }

    @Test
    void exitTakesASleeperOffItsQueue() {
        Task a = thread();
        assertEquals(-Errno.BLOCKED, futex(a, word, WAIT, 0, 0, 0, 0));
        futex(main, word, Futex.FUTEX_REQUEUE, 0, 1, other, 0);
        task.Exit.exit(ts, a, Signals.exitedStatus(0));
        assertEquals(0, ts.futex().waiters(main.mm(), other));
    }

    @Test
    void aSharedMappingIsOneFutexForParentAndForkedChild() throws Exception {
        long shared = main.mm().mmap(0, 4096, Vma.PROT_READ | Vma.PROT_WRITE, Mmap.MAP_SHARED | Mmap.MAP_ANONYMOUS, -1, 0);
        assertTrue(shared > 0);
        Task child = spawn(Signals.SIGCHLD);
        assertTrue(child.mm() != main.mm());
        assertEquals(-Errno.BLOCKED, futex(child, shared + 40, WAIT, 0, 0, 0, 0));
        assertEquals(0, futex(main, shared + 40, WAKE | PRIVATE, 1, 0, 0, 0), "private: another futex");
        assertEquals(1, futex(main, shared + 40, WAKE, 1, 0, 0, 0));
        assertEquals(0, futex(child, shared + 40, WAIT, 0, 0, 0, 0));
        assertEquals(-Errno.BLOCKED, futex(child, word, WAIT, 0, 0, 0, 0));
        assertEquals(0, futex(main, word, WAKE, 1, 0, 0, 0), "private memory after fork is not shared");
    }
}
