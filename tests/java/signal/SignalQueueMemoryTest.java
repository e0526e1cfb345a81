package signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import task.Exit;
import task.Wait;
import task.Signals;
import task.Task;
import task.Tasks;
import vm.PhysicalMemory;

/**
 * Queued real-time signals are paid for in the slab (struct sigqueue), and when the queue or
 * memory is full the senders get what Linux's __send_signal gives them: EAGAIN for sigqueue
 * and tgkill, a lost instance (and 0) for kill. A released task gives its queue back.
 */
class SignalQueueMemoryTest {
    private static final int SIGRTMIN = SigSet.SIGRTMIN;
    private final PhysicalMemory phys = PhysicalMemory.ofFrames(256);
    private final Tasks ts = new Tasks(phys, new Tasks.SchedulerHooks() {
        @Override public void wakeUp(Task t) {}
        @Override public void wakeUpNew(Task t) {}
        @Override public void dequeue(Task t) {}
        @Override public long now() { return 0; }
    });
    private Task init, process;

    @BeforeEach
    void bootAProcessThatBlocksSigrtmin() throws Exception {
        var exe = new Linker().link(List.of(Assembler.assemble("t.s", ".globl _start\n_start: j _start\n")), List.of());
        init = ts.spawnInit(Mm.exec(phys, exe, "/sbin/init", List.of("init"), List.of()), new FdTable(),
                new Vfs().newFsStruct());
        long tid = Clone.clone(ts, init, init.context(), Signals.SIGCHLD, 0, 0, 0, 0);
        assertTrue(tid > 0);
        process = ts.pids().find((int) tid);
        process.signals().blocked = SigSet.bit(SIGRTMIN);
    }

    /** rt_sigqueueinfo(process, SIGRTMIN) with SI_QUEUE and {@code value}, as sigqueue(3) sends it. */
    private long sigqueue(int value) {
        byte[] b = new byte[SigInfo.SIZE];
        SigInfo.putInt(b, 8, SigInfo.SI_QUEUE);
        SigInfo.putInt(b, 16, process.tgid());
        SigInfo.putInt(b, 24, value);
        return SignalSend.sigqueue(ts, process, process.tgid(), 0, SigInfo.queued(SIGRTMIN, b));
    }

    @Test
    void eachQueuedInstanceCostsASigqueueUntilTaken() {
        long before = phys.slabBytes();
        assertEquals(0, sigqueue(1));
        assertEquals(before, phys.slabBytes(), "the first instance is part of the task");
        assertEquals(0, sigqueue(2));
        assertEquals(0, sigqueue(3));
        assertEquals(before + 2 * SigPending.SIGQUEUE_BYTES, phys.slabBytes());
        assertEquals(1, process.signal().signals().shared.take(SIGRTMIN).toBytes()[24]);
        assertEquals(before + SigPending.SIGQUEUE_BYTES, phys.slabBytes());
    }

    @Test
    void aFullQueueIsEagainForSigqueueAndTgkillAndALostInstanceForKill() {
        for (int i = 0; i <= SigPending.MAX_QUEUED; i++) assertEquals(0, sigqueue(i));
        assertEquals(-Errno.EAGAIN, sigqueue(-1));
        assertEquals(0, SignalSend.kill(ts, init, process.tgid(), SIGRTMIN), "kill may not fail");
        assertEquals(SigPending.MAX_QUEUED + 1, process.signal().signals().pendingCount());
        for (int i = 0; i <= SigPending.MAX_QUEUED; i++) {
            assertEquals(0, SignalSend.tgkill(ts, init, process.tgid(), process.tid(), SIGRTMIN, true));
        }
        assertEquals(-Errno.EAGAIN, SignalSend.tgkill(ts, init, process.tgid(), process.tid(), SIGRTMIN, true));
    }

    @Test
    void withoutMemoryForTheQueueSigqueueIsEagain() {
        assertEquals(0, sigqueue(1));
        while (phys.allocate() != PhysicalMemory.NO_FRAME) { }
        phys.chargeSlab((PhysicalMemory.FRAME_SIZE - phys.slabBytes() % PhysicalMemory.FRAME_SIZE) % PhysicalMemory.FRAME_SIZE);
        assertEquals(-Errno.EAGAIN, sigqueue(2));
        assertEquals(0, SignalSend.kill(ts, init, process.tgid(), SIGRTMIN));
        assertEquals(1, process.signal().signals().pendingCount());
    }

    @Test
    void aReleasedProcessGivesItsQueuesBack() {
        long before = phys.slabBytes();
        for (int i = 0; i < 10; i++) assertEquals(0, sigqueue(i));
        for (int i = 0; i < 10; i++) SignalSend.tgkill(ts, init, process.tgid(), process.tid(), SIGRTMIN, true);
        assertEquals(before + 18 * SigPending.SIGQUEUE_BYTES, phys.slabBytes());
        Exit.exit(ts, process, 0);
        long zombie = phys.slabBytes(); // its VMAs are gone with its mm; a zombie keeps its queues
        assertEquals(process.tgid(), Wait.wait4(ts, init, -1, 0, 0, 0));
        assertEquals(zombie - 18 * SigPending.SIGQUEUE_BYTES, phys.slabBytes(), "reaping releases them");
    }
}
