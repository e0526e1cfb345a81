package sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import task.Task;
import task.TaskState;
import task.Tasks;
import vm.PhysicalMemory;

/**
 * The timer heap: sleepers wake in deadline order, and a timer re-armed to ever farther
 * deadlines (a guest's loop of timerfd_settime or alarm) leaves a bounded number of stale
 * entries behind, so it cannot fill the host's memory.
 */
class SleepTimersTest {
    private final Tasks ts = new Tasks(PhysicalMemory.ofFrames(8), new Tasks.SchedulerHooks() {
        @Override public void wakeUp(Task t) {}
        @Override public void wakeUpNew(Task t) {}
        @Override public void dequeue(Task t) {}
        @Override public long now() { return 0; }
    });

    private static void arm(SleepTimers timers, Task t, long deadline) {
        t.setSleepDeadline(deadline);
        t.sleep(TaskState.INTERRUPTIBLE, "test");
        timers.add(t);
    }

    @Test
    void sleepersWakeInDeadlineOrder() {
        List<String> woken = new ArrayList<>();
        SleepTimers timers = new SleepTimers();
        for (String name : new String[] {"c30", "a10", "b20"}) {
            Task t = ts.createKernelTimer(name, k -> {
                k.setSleepDeadline(-1);
                woken.add(k.comm());
            });
            arm(timers, t, Long.parseLong(name.substring(1)));
        }
        timers.wakeExpired(20);
        assertEquals(List.of("a10", "b20"), woken);
        assertEquals(30, timers.nextDeadline());
    }

    @Test
    void aTimerReArmedFarAwayLeavesABoundedHeap() {
        SleepTimers timers = new SleepTimers();
        Task timer = ts.createKernelTimer("far", k -> {});
        for (long i = 0; i < 100_000; i++) arm(timers, timer, 1_000_000_000L + i);
        assertTrue(timers.size() <= 64, "stale entries are swept: " + timers.size());
        assertEquals(1_000_000_000L + 99_999, timers.nextDeadline());
    }
}
