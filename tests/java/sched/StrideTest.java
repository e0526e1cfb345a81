package sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import lab.PartOfLab;
import org.junit.jupiter.api.Test;
import task.Task;
import task.Tasks;
import vm.PhysicalMemory;

/**
 * The stride policy on its own, driven by a pretend CPU that runs each picked task for a
 * whole slice and queues it again: picks in proportion to nice weights, no starvation, fair
 * placement of woken, new and migrating tasks, and nice changes that count at once. The lab's
 * graded tests (labs/sched/tests) check the same properties on a booted machine.
 */
@PartOfLab("sched")
class StrideTest {
    /** The cycles of one slice of the pretend CPU (4 ticks of 10 us). */
    private static final long SLICE = 40_000;

    private final Tasks ts = new Tasks(PhysicalMemory.ofFrames(8), new Tasks.SchedulerHooks() {
        @Override public void wakeUp(Task t) {}
        @Override public void wakeUpNew(Task t) {}
        @Override public void dequeue(Task t) {}
        @Override public long now() { return 0; }
    });
    private final Stride stride = new Stride(2, 4);
    private final RunQueue rq0 = new RunQueue(0, ts.createIdle(0));
    private final RunQueue rq1 = new RunQueue(1, ts.createIdle(1));

    private Task task(String name, int nice) {
        Task t = ts.createRoot(name);
        t.setNice(nice);
        return t;
    }

    /** Runs {@code slices} slices on {@code rq}'s CPU; how many each task got. */
    private Map<Task, Integer> run(RunQueue rq, int slices) {
        Map<Task, Integer> got = new HashMap<>();
        for (int i = 0; i < slices; i++) {
            Task t = stride.pickNext(rq);
            rq.current = t;
            t.account(SLICE, 0);
            rq.current = null;
            stride.enqueue(rq, t);
            got.merge(t, 1, Integer::sum);
        }
        return got;
    }

    @Test
    void cpuBoundTasksArePickedInProportionToTheirNiceWeights() {
        Task a = task("a", 0), b = task("b", 5), c = task("c", -3);
        for (Task t : new Task[] {a, b, c}) stride.enqueueWakeup(rq0, t);
        int weights = 1024 + 335 + 1991;
        Map<Task, Integer> got = run(rq0, weights);
        assertEquals(1024, got.get(a), 2);
        assertEquals(335, got.get(b), 2);
        assertEquals(1991, got.get(c), 2);
    }

    @Test
    void theLightestTaskStillRuns() {
        Task heavy = task("heavy", -20), light = task("light", 19);
        stride.enqueueWakeup(rq0, heavy);
        stride.enqueueWakeup(rq0, light);
        Map<Task, Integer> got = run(rq0, 3 * 88761 / 15);
        assertTrue(got.getOrDefault(light, 0) >= 2, "nice 19 against nice -20 runs once in 5918 slices: " + got.get(light));
    }

    @Test
    void everyTaskGetsTheSameSlice() {
        assertEquals(4, stride.timeSliceTicks(task("a", 0)));
        assertEquals(4, stride.timeSliceTicks(task("b", 19)));
        assertEquals(1, new Stride(1, 0).timeSliceTicks(task("c", 0)), "a slice is at least one tick");
    }

    @Test
    void aWokenSleeperGetsItsShareButNoBurst() {
        Task a = task("a", 0), b = task("b", 0), sleeper = task("sleeper", 0);
        for (Task t : new Task[] {a, b, sleeper}) stride.enqueueWakeup(rq0, t);
        run(rq0, 3);
        assertTrue(stride.remove(rq0, sleeper), "the sleeper was queued");
        run(rq0, 200); // it sleeps while the others run
        stride.enqueueWakeup(rq0, sleeper);
        Map<Task, Integer> got = run(rq0, 30);
        assertEquals(10, got.get(sleeper), 1, "a third of the CPU, neither a burst nor less");
    }

    @Test
    void aNewTaskStartsLevelWithATaskThatRanAlone() {
        Task a = task("a", 0);
        stride.enqueueWakeup(rq0, a);
        Task running = stride.pickNext(rq0);
        rq0.current = running;
        running.account(500 * SLICE, 0); // alone, it is never queued again while it runs
        Task late = task("late", 0);
        stride.enqueueWakeup(rq0, late);
        rq0.current = null;
        stride.enqueue(rq0, running);
        Map<Task, Integer> got = run(rq0, 40);
        assertEquals(20, got.get(late), 1, "half of the CPU from the start, not 500 slices owed to it");
    }

    @Test
    void aStolenTaskKeepsItsPlaceRelativeToItsNewQueue() {
        Task far = task("far", 0);
        stride.enqueueWakeup(rq1, far);
        run(rq1, 1000); // CPU 1's virtual time is far ahead of CPU 0's
        Task x = task("x", 0), y = task("y", 0);
        stride.enqueueWakeup(rq0, x);
        stride.enqueueWakeup(rq0, y);
        Task moved = stride.steal(rq0, 1);
        assertSame(x, moved, "the first of equals");
        stride.enqueue(rq1, moved);
        Map<Task, Integer> got = run(rq1, 40);
        assertEquals(20, got.get(x), 1, "level with the task already there");
    }

    @Test
    void stealingTakesOnlyATaskAllowedOnTheThiefsCpu() {
        Task pinned = task("pinned", 0);
        pinned.setAffinity(1L);
        stride.enqueueWakeup(rq0, pinned);
        assertNull(stride.steal(rq0, 1));
        assertSame(pinned, stride.pickNext(rq0));
    }

    @Test
    void aNiceChangeCountsFromTheNextSlice() {
        Task a = task("a", 0), b = task("b", 0);
        stride.enqueueWakeup(rq0, a);
        stride.enqueueWakeup(rq0, b);
        Map<Task, Integer> before = run(rq0, 200);
        assertEquals(100, before.get(b), 1);
        b.setNice(5);
        Map<Task, Integer> after = run(rq0, 1024 + 335);
        assertEquals(335, after.get(b), 3);
    }
}
