package clonix;

import boot.Options;
import explore.ControlledRun;
import explore.Explorer;
import explore.Outcome;
import image.BootImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import lab.RunReport;
import obj.Executable;

/**
 * The explored run of a graded test ({@code explore: N} in its check file): N schedules of
 * the program, chosen exactly as {@code clonix explore --runs N --seed SEED} chooses them (PCT
 * with the command's default depth, on one CPU), so that the replay command the grader
 * prints finds the same schedules. The exploration stops at the first schedule whose run
 * fails (a non-zero status, a signal, a deadlock, the time limit); the report is that run's,
 * or, when none failed, that of the first run whose output differs from the first run's
 * (which the grader's verdict then judges), or else the first run's, which stands for all.
 */
final class GradeExplore {
    /** PCT's depth: the explore command's default, so that its replay explores the same schedules. */
    static final int DEPTH = 3;

    private GradeExplore() {}

    /** Explores {@code schedules} schedules of {@code exe} on {@code machine} (its seed and time limit); the report described above. */
    static RunReport run(Options machine, int schedules, BootImage image, Executable exe, Path program, List<String> args,
            int maxOutput) throws InterruptedException {
        long start = System.nanoTime();
        ControlledRun.Setup setup = kernel -> RunCommand.install(kernel, image, exe, program, args);
        Explorer.Config config = new Explorer.Config(Explorer.StrategyName.pct, schedules, 0, DEPTH, 0, machine.seed(), 1,
                Outcome::failed);
        List<Explorer.Run> runs = new Explorer(machine, setup, config).explore().runs();
        Outcome chosen = runs.get(0).outcome();
        for (Explorer.Run r : runs) {
            if (r.outcome().failed()) {
                chosen = r.outcome();
                break;
            }
        }
        if (!chosen.failed()) {
            for (Explorer.Run r : runs) {
                if (!r.outcome().equals(chosen)) {
                    chosen = r.outcome();
                    break;
                }
            }
        }
        byte[] output = chosen.output();
        boolean flooded = output.length > maxOutput;
        String text = new String(flooded ? Arrays.copyOf(output, maxOutput) : output, StandardCharsets.UTF_8);
        String reports = switch (chosen.kind()) {
            case DEADLOCK -> "clonix: deadlock: no task can run again\n";
            case TIME_LIMIT -> "clonix: time limit of " + sched.Scheduler.seconds(machine.cycleLimit()) + " s of virtual time reached\n";
            default -> "";
        };
        return new RunReport(machine.seed(), 1, schedules, chosen.status(), text, flooded, reports, "", "",
                (System.nanoTime() - start) / 1_000_000);
    }
}
