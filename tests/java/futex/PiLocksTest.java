package futex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import task.Task;
import task.Tasks;
import vm.PhysicalMemory;

/**
 * Priority inheritance through PI futexes: waiters in priority order, the owner scheduled
 * with its best waiter's priority (real-time rank and nice value), transitively along a
 * chain of owners, dropped when the waiter leaves or the lock changes hands, and cycles
 * found before a task blocks.
 */
class PiLocksTest {
    private final Tasks ts = new Tasks(PhysicalMemory.ofFrames(16), new Tasks.SchedulerHooks() {
        @Override public void wakeUp(Task t) {}
        @Override public void wakeUpNew(Task t) {}
        @Override public void dequeue(Task t) {}
        @Override public long now() { return 0; }
    });
    private final PiLocks pi = new Futex().pi();
    private final Object mm = new Object();
    private final Futex.Key lock1 = new Futex.Key(mm, 0x1000), lock2 = new Futex.Key(mm, 0x2000);

    private Task realtime(String name, int priority) {
        Task t = ts.createRoot(name);
        t.setScheduler(Task.SCHED_FIFO, priority);
        return t;
    }

    private Task fair(String name, int nice) {
        Task t = ts.createRoot(name);
        t.setNice(nice);
        return t;
    }

    @Test
    void waitersQueueByPriorityAndInArrivalOrderAmongEquals() {
        Task owner = realtime("owner", 1);
        Task a = realtime("a", 10), b = realtime("b", 30), c = realtime("c", 10), d = fair("d", -5), e = fair("e", 0);
        for (Task t : new Task[] {e, a, d, b, c}) pi.block(lock1, owner, t);
        assertEquals(List.of(b, a, c, d, e), pi.waiters(lock1));
    }

    @Test
    void theOwnerRunsWithItsBestWaitersPriorityUntilTheWaiterLeaves() {
        Task owner = realtime("owner", 10), high = realtime("high", 30), medium = realtime("medium", 20);
        pi.block(lock1, owner, medium);
        assertEquals(20, owner.schedRtPriority());
        pi.block(lock1, owner, high);
        assertEquals(30, owner.schedRtPriority());
        assertEquals(10, owner.rtPriority(), "its own priority is unchanged");
        pi.unblock(high);
        assertEquals(20, owner.schedRtPriority());
        pi.unblock(medium);
        assertEquals(10, owner.schedRtPriority());
        assertTrue(pi.waiters(lock1).isEmpty());
    }

    @Test
    void aFairOwnerBorrowsAWaitersNiceValueOrRealtimeRank() {
        Task owner = fair("owner", 10), nicer = fair("nicer", -5);
        pi.block(lock1, owner, nicer);
        assertEquals(-5, owner.schedNice());
        assertEquals(10, owner.priority());
        assertEquals(0, owner.schedRtPriority());
        Task rt = realtime("rt", 50);
        pi.block(lock1, owner, rt);
        assertEquals(50, owner.schedRtPriority(), "a fair owner is ranked as real-time while a real-time task waits");
        pi.unblock(rt);
        pi.unblock(nicer);
        assertEquals(10, owner.schedNice());
        assertEquals(0, owner.schedRtPriority());
    }

    @Test
    void inheritanceFollowsTheChainOfOwnersAndIsUndoneAlongIt() {
        Task low = realtime("low", 5), middle = realtime("middle", 10), high = realtime("high", 40);
        pi.block(lock1, low, middle);  // middle, owner of lock2, waits for lock1 held by low
        assertEquals(10, low.schedRtPriority());
        pi.block(lock2, middle, high); // high waits for lock2
        assertEquals(40, middle.schedRtPriority());
        assertEquals(40, low.schedRtPriority(), "the boost reaches the end of the chain");
        pi.unblock(high);
        assertEquals(10, middle.schedRtPriority());
        assertEquals(10, low.schedRtPriority());
    }

    @Test
    void handingTheLockOverMovesTheBoostToTheNewOwner() {
        Task owner = realtime("owner", 1), a = realtime("a", 20), b = realtime("b", 30);
        pi.block(lock1, owner, a);
        pi.block(lock1, owner, b);
        Task next = pi.handOff(pi.state(lock1));
        assertSame(b, next, "the best waiter gets the lock");
        assertEquals(1, owner.schedRtPriority(), "the old owner drops its boost");
        assertEquals(30, b.schedRtPriority());
        assertEquals(List.of(a), pi.waiters(lock1));
        assertFalse(pi.isBlocked(b));
        assertSame(b, pi.ownerOfLockBlocking(a));
        Task last = pi.handOff(pi.state(lock1));
        assertSame(a, last);
        assertEquals(30, b.schedRtPriority(), "b's own priority");
        assertTrue(pi.waiters(lock1).isEmpty());
    }

    @Test
    void aSleeperWhosePriorityChangesTakesItsNewPlaceAndLendsTheNewPriority() {
        Task owner = realtime("owner", 1), a = realtime("a", 20), b = realtime("b", 10);
        pi.block(lock1, owner, a);
        pi.block(lock1, owner, b);
        b.setScheduler(Task.SCHED_FIFO, 60); // sched_setscheduler on a sleeper
        pi.priorityChanged(b);
        assertEquals(List.of(b, a), pi.waiters(lock1));
        assertEquals(60, owner.schedRtPriority());
        owner.setScheduler(Task.SCHED_FIFO, 80); // and on the owner: its own priority now wins
        pi.priorityChanged(owner);
        assertEquals(80, owner.schedRtPriority());
    }

    @Test
    void waitingForALockWhoseOwnerWaitsForUsIsADeadlock() {
        Task a = realtime("a", 10), b = realtime("b", 10), c = realtime("c", 10);
        pi.block(lock1, a, b); // b waits for a
        assertTrue(pi.wouldDeadlock(a, b), "a waiting for b closes the cycle");
        assertTrue(pi.wouldDeadlock(a, a), "waiting for oneself");
        assertFalse(pi.wouldDeadlock(c, b));
    }
}
