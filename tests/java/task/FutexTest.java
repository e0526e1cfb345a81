package task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import futex.Futex;
import org.junit.jupiter.api.Test;
import syscall.Errno;
import vm.PhysicalMemory;

/** The futex table: WAIT's value check and re-execution, WAKE's count and FIFO order. */
class FutexTest {
    private final Tasks ts = new Tasks(PhysicalMemory.ofFrames(16), new PidsTest.NoScheduler());
    private final Futex futex = new Futex();
    private final Object mm = new Object();

    @Test
    void waitWithAStaleValueReturnsEagainAtOnce() {
        Task t = ts.createRoot("t");
        assertEquals(-Errno.EAGAIN, futex.waitOn(mm, 0x1000, 5, 6, t));
        assertEquals(0, futex.waiters(mm, 0x1000));
    }

    @Test
    void wakeWakesAtMostNOldestFirstAndTheWokenWaitReturnsZero() {
        Task a = ts.createRoot("a"), b = ts.createRoot("b");
        assertEquals(-Errno.BLOCKED, futex.waitOn(mm, 0x1000, 0, 0, a));
        assertEquals(-Errno.BLOCKED, futex.waitOn(mm, 0x1000, 0, 0, b));
        a.sleep(TaskState.INTERRUPTIBLE, "futex");
        b.sleep(TaskState.INTERRUPTIBLE, "futex");
        assertEquals(1, futex.wake(mm, 0x1000, 1));
        assertEquals(TaskState.RUNNABLE, a.state());
        assertEquals(TaskState.INTERRUPTIBLE, b.state());
        assertEquals(0, futex.waitOn(mm, 0x1000, 0, 0, a), "the re-executed wait returns 0");
        assertEquals(0, futex.wake(mm, 0x2000, 10), "another word has no waiters");
        assertEquals(0, futex.wake(new Object(), 0x1000, 10), "another address space is another futex");
        assertEquals(1, futex.wake(mm, 0x1000, 10));
    }
}
