package schedprops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.Options;
import org.junit.jupiter.api.Test;
import task.Task;
import trace.TraceKind;

/** A task's migrations count: one each time it starts on a CPU other than the one it last ran on. */
class MigrationCountTest {
    @Test
    void onOneCpuNothingMigrates() throws Exception {
        Options options = Options.defaults().withCpus(1).withCycleLimit(500_000);
        SchedRun.Result r = SchedRun.run(options, SchedRun.spinners(3), "spin", 0);
        for (Task t : r.tasksNamed("spin")) assertEquals(0, t.migrations(), "task " + t.tid());
    }

    @Test
    void theCountMatchesTheTracedMigrations() throws Exception {
        // Children of uneven lengths on three CPUs: CPUs whose tasks end pull the others' queued ones.
        Options options = Options.defaults().withCpus(3).withSeed(11);
        SchedRun.Result r = SchedRun.run(options, IdleBalanceTest.UNEVEN_SPINNERS, "uneven", 1 << 18);
        long total = 0;
        for (Task t : r.tasksNamed("uneven")) {
            long traced = r.events().stream()
                    .filter(e -> e.kind() == TraceKind.MIGRATE && e.tid() == t.tid()).count();
            assertEquals(traced, t.migrations(), "task " + t.tid());
            total += traced;
        }
        assertTrue(total > 0, "idle CPUs should have pulled queued tasks");
    }
}
