package sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import task.Task;
import task.Tasks;
import vm.PhysicalMemory;

/** The round-robin policy on its own: FIFO order, equal slices, stealing with affinity. */
class RoundRobinTest {
    private final Tasks ts = new Tasks(PhysicalMemory.ofFrames(8), new Tasks.SchedulerHooks() {
        @Override public void wakeUp(Task t) {}
        @Override public void wakeUpNew(Task t) {}
        @Override public void dequeue(Task t) {}
        @Override public long now() { return 0; }
    });
    private final RoundRobin rr = new RoundRobin(3);
    private final RunQueue rq = new RunQueue(0, ts.createIdle(0));

    @Test
    void tasksRunInTheOrderTheyBecameRunnable() {
        Task a = ts.createRoot("a"), b = ts.createRoot("b"), c = ts.createRoot("c");
        rr.enqueue(rq, a);
        rr.enqueue(rq, b);
        rr.enqueue(rq, c);
        assertSame(a, rr.pickNext(rq));
        rr.enqueue(rq, a); // a used its slice: to the back
        assertSame(b, rr.pickNext(rq));
        assertSame(c, rr.pickNext(rq));
        assertSame(a, rr.pickNext(rq));
        assertNull(rr.pickNext(rq));
    }

    @Test
    void everyTaskGetsTheSameSlice() {
        assertEquals(3, rr.timeSliceTicks(ts.createRoot("a")));
        assertEquals(1, new RoundRobin(0).timeSliceTicks(ts.createRoot("b")), "a slice is at least one tick");
    }

    @Test
    void stealingTakesTheOldestTaskAllowedOnTheThiefsCpu() {
        Task pinned = ts.createRoot("pinned"), free = ts.createRoot("free");
        pinned.setAffinity(1L);        // CPU 0 only
        rr.enqueue(rq, pinned);
        rr.enqueue(rq, free);
        assertSame(free, rr.steal(rq, 1));
        assertNull(rr.steal(rq, 1), "the pinned task stays");
        assertEquals(1, rq.queued().size());
    }
}
