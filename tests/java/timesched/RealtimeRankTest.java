package timesched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import sched.RoundRobin;
import sched.RunQueue;
import task.Task;
import task.Tasks;
import vm.PhysicalMemory;

/** The round-robin policy's real-time ranks: FIFO and RR priorities first, equal ranks in turn. */
class RealtimeRankTest {
    private final Tasks ts = new Tasks(PhysicalMemory.ofFrames(16), new Tasks.SchedulerHooks() {
        @Override public void wakeUp(Task t) {}
        @Override public void wakeUpNew(Task t) {}
        @Override public void dequeue(Task t) {}
        @Override public long now() { return 0; }
    });
    private final RoundRobin rr = new RoundRobin(3, 10_000);
    private final RunQueue rq = new RunQueue(0, ts.createIdle(0));

    private Task task(String name, int policy, int priority) {
        Task t = ts.createRoot(name);
        t.setScheduler(policy, priority);
        return t;
    }

    @Test
    void higherRealtimePriorityRunsFirstAndFairTasksLast() {
        Task fair = task("fair", Task.SCHED_OTHER, 0), low = task("low", Task.SCHED_RR, 5);
        Task high = task("high", Task.SCHED_FIFO, 90), batch = task("batch", Task.SCHED_BATCH, 0);
        for (Task t : new Task[] {fair, low, high, batch}) rr.enqueue(rq, t);
        assertSame(high, rr.pickNext(rq));
        assertSame(low, rr.pickNext(rq));
        assertSame(fair, rr.pickNext(rq));
        assertSame(batch, rr.pickNext(rq));
        assertNull(rr.pickNext(rq));
    }

    @Test
    void equalPrioritiesTakeTurnsInQueueOrder() {
        Task a = task("a", Task.SCHED_RR, 7), b = task("b", Task.SCHED_RR, 7);
        rr.enqueue(rq, a);
        rr.enqueue(rq, b);
        assertSame(a, rr.pickNext(rq));
        rr.enqueue(rq, a);
        assertSame(b, rr.pickNext(rq));
        assertSame(a, rr.pickNext(rq));
    }

    @Test
    void aQueuedTaskRequeuedUnderANewPolicyIsFiledByItsNewRank() {
        Task a = task("a", Task.SCHED_OTHER, 0), b = task("b", Task.SCHED_OTHER, 0);
        rr.enqueue(rq, a);
        rr.enqueue(rq, b);
        // What Scheduler.setScheduler does for a queued task: out, new policy, back in.
        assertTrue(rr.remove(rq, b));
        b.setScheduler(Task.SCHED_FIFO, 1);
        rr.enqueue(rq, b);
        assertSame(b, rr.pickNext(rq));
        assertSame(a, rr.pickNext(rq));
    }

    @Test
    void onlyAHigherRankPreempts() {
        Task fair = task("fair", Task.SCHED_OTHER, 0), low = task("low", Task.SCHED_RR, 5);
        Task high = task("high", Task.SCHED_FIFO, 50), peer = task("peer", Task.SCHED_FIFO, 50);
        assertTrue(rr.preempts(low, fair));
        assertTrue(rr.preempts(high, low));
        assertFalse(rr.preempts(peer, high), "equal priorities take turns, they do not preempt");
        assertFalse(rr.preempts(fair, task("other", Task.SCHED_OTHER, 0)));
    }

    @Test
    void aPreemptedTaskResumesBeforeItsEquals() {
        Task first = task("first", Task.SCHED_FIFO, 10), second = task("second", Task.SCHED_FIFO, 10);
        rr.enqueue(rq, second);
        rr.enqueuePreempted(rq, first);
        assertSame(first, rr.pickNext(rq));
        assertSame(second, rr.pickNext(rq));
    }

    @Test
    void stealingTakesTheBestTaskTheCpuMayRun() {
        Task pinned = task("pinned", Task.SCHED_FIFO, 50), mobile = task("mobile", Task.SCHED_FIFO, 10);
        Task fair = task("fair", Task.SCHED_OTHER, 0);
        pinned.setAffinity(1L);
        rr.enqueue(rq, fair);
        rr.enqueue(rq, pinned);
        rr.enqueue(rq, mobile);
        assertSame(mobile, rr.steal(rq, 1));
        assertSame(fair, rr.steal(rq, 1));
        assertNull(rr.steal(rq, 1));
    }

    @Test
    void fifoHasNoSliceRrHas100msAndFairTasksTheConfiguredSlice() {
        assertEquals(Integer.MAX_VALUE, rr.timeSliceTicks(task("f", Task.SCHED_FIFO, 1)));
        assertEquals(10_000, rr.timeSliceTicks(task("r", Task.SCHED_RR, 1)), "100 ms of 10 us ticks");
        assertEquals(3, rr.timeSliceTicks(task("o", Task.SCHED_IDLE, 0)));
        assertEquals(3, new RoundRobin(3).timeSliceTicks(task("o2", Task.SCHED_OTHER, 0)));
    }
}
