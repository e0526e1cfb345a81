package explore;

import boot.Kernel;
import boot.Options;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code clonix run --schedule FILE}: runs the program under a recorded schedule (written by
 * {@code clonix explore}), which reproduces the explored run byte for byte when the program,
 * its arguments and the machine options are the same. The tracing options of {@code run}
 * (--timeline, --trace-json, --strace) work as in any run, to look at the interleaving.
 */
public final class ScheduleReplay {
    private final Schedule.Replay strategy;
    private final sched.ScheduleControl control;

    private ScheduleReplay(Schedule.Replay strategy, sched.ScheduleControl control) {
        this.strategy = strategy;
        this.control = control;
    }

    /** The machine options of a replay: those given, on one CPU (ControlledRun#machine). */
    public static Options machine(Options options) {
        return ControlledRun.machine(options);
    }

    /**
     * Reads {@code file} and hands {@code kernel} (booted with {@link #machine} options, its
     * program installed, not yet run) to the schedule; IllegalArgumentException for a file
     * that is not a schedule.
     */
    public static ScheduleReplay start(Kernel kernel, Path file) throws IOException {
        return start(kernel, Schedule.read(file));
    }

    /** Hands {@code kernel} (as for {@link #start(Kernel, Path)}) to {@code schedule}. */
    public static ScheduleReplay start(Kernel kernel, Schedule schedule) {
        Schedule.Replay strategy = schedule.replay();
        return new ScheduleReplay(strategy, ControlledRun.control(kernel, strategy));
    }

    /** Shows the accesses the replay lets happen to {@code other} too (run --schedule --race; ScheduleControl#alsoObserve). */
    public void alsoObserve(vm.AccessObserver other) {
        control.alsoObserve(other);
    }

    /** After the run: null if the program followed the schedule, else one line saying where it left it. */
    public String warning() {
        if (strategy.divergedAt < 0) return null;
        return "the program left the schedule at step " + strategy.divergedAt
                + " (is it the same program, with the same arguments and machine options?); it ran on without preemptions";
    }
}
