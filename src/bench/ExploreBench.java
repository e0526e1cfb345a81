package bench;

import boot.Options;
import explore.ControlledRun;
import explore.Explorer;
import explore.Outcome;
import image.BootImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import obj.Executable;

/**
 * How fast {@code clonix explore} finds a bug of depth 2 (docs/PERFORMANCE.md, "Schedule
 * exploration"): tests/concurrency/check_then_act.c with 1000 iterations of private work per
 * thread (about 10,000 instructions each) before the check-then-act on the last seat, explored
 * with PCT of depth 2 on every host core until the first failing run, for several seeds. It
 * reports the median host time to the first failure (the program compiled and the JVM warm,
 * as in a session of explore after its first runs), the CPU time the runs took (which a busy
 * host does not inflate), the median number of runs it took, and what one run costs. {@code ./clonix bench explore} calls {@link #run}.
 */
public final class ExploreBench {
    private ExploreBench() {}

    /** The seeds measured, after one exploration that is not counted (it warms the JIT up). */
    static final int SEEDS = 7;
    /** Iterations of each customer's private loop: about ten instructions each. */
    static final String WORK = "1000";

    /** Runs the benchmark on {@code program} (tests/concurrency/check_then_act.c) and returns the report. */
    public static String run(Path program, int jobs) throws InterruptedException {
        BootImage image = BootImage.load();
        StringWriter diagnostics = new StringWriter();
        Executable exe = image.compile(program, new PrintWriter(diagnostics));
        if (exe == null) throw new IllegalStateException("cannot compile " + program + ":\n" + diagnostics);
        ControlledRun.Setup setup = new explore.GuestProgram(image.guestFiles(), "check_then_act",
                obj.ExecutableFormat.write(exe), List.of(WORK), false);
        Options machine = Options.defaults().withCycleLimit(200_000_000L);
        // As clonix explore does: no more machines at once than the heap holds if every guest filled its memory.
        jobs = Math.min(jobs, Math.max(1, boot.JavaHeap.machinesThatFit(machine.memoryBytes() >> 20, Runtime.getRuntime().maxMemory(), 0, 0)));
        long[] nanos = new long[SEEDS], cpu = new long[SEEDS], runs = new long[SEEDS], perRun = new long[SEEDS], cpuPerRun = new long[SEEDS];
        for (int s = -1; s < SEEDS; s++) {
            Explorer.Config c = new Explorer.Config(Explorer.StrategyName.pct, 100_000, 0, 2, 0, s + 1, jobs, Outcome::failed);
            Explorer.Result r = new Explorer(machine, setup, c).explore();
            if (s < 0) continue;
            nanos[s] = r.hostNanos();
            runs[s] = r.runs().size();
            long total = 0, totalCpu = 0;
            for (Explorer.Run run : r.runs()) {
                total += run.hostNanos();
                totalCpu += run.cpuNanos();
            }
            cpu[s] = totalCpu;
            perRun[s] = total / r.runs().size();
            cpuPerRun[s] = totalCpu / r.runs().size();
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "depth-2 bug (check_then_act.c %s), pct --depth 2, %d job(s), seeds 1..%d:", WORK, jobs, SEEDS));
        lines.add(String.format(Locale.ROOT, "  time to the first failure: median %.0f ms (min %.0f, max %.0f)",
                Median.of(nanos) / 1e6, min(nanos) / 1e6, max(nanos) / 1e6));
        lines.add(String.format(Locale.ROOT, "  CPU time of the runs to the first failure: median %.0f ms (min %.0f, max %.0f)",
                Median.of(cpu) / 1e6, min(cpu) / 1e6, max(cpu) / 1e6));
        lines.add(String.format(Locale.ROOT, "  runs to the first failure: median %d (min %d, max %d)", Median.of(runs), min(runs), max(runs)));
        lines.add(String.format(Locale.ROOT, "  one run (boot, install the boot image, run): median %.1f ms, %.1f ms of CPU",
                Median.of(perRun) / 1e6, Median.of(cpuPerRun) / 1e6));
        return String.join("\n", lines) + "\n";
    }

    private static long min(long[] v) {
        long m = Long.MAX_VALUE;
        for (long x : v) m = Math.min(m, x);
        return m;
    }

    private static long max(long[] v) {
        long m = Long.MIN_VALUE;
        for (long x : v) m = Math.max(m, x);
        return m;
    }
}
