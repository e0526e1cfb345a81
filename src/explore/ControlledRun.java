package explore;

import boot.Kernel;
import boot.Options;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import sched.ScheduleControl;
import sched.Strategy;

/**
 * One run of a program on a freshly booted machine under controlled scheduling: what
 * {@code clonix explore} does for each schedule and {@code clonix run --schedule} once.
 * Each run has its own kernel, so runs on different host threads share nothing but the
 * immutable bytes of the files they install.
 */
public final class ControlledRun {
    /**
     * The virtual time, in seconds, an explored run may take when no --time-limit is given:
     * a schedule that hangs the program must not hang the exploration.
     */
    public static final double DEFAULT_TIME_LIMIT = 0.2;

    /** Installs the program (and the boot image's files) in a booted kernel; returns its argv. */
    public interface Setup {
        List<String> install(Kernel kernel);

        /** Whether the runs also detect data races (explore --race, docs/race.md). */
        default boolean detectRaces() {
            return false;
        }
    }

    /**
     * What a run did: its outcome, its steps, how many were preemptions, the host time it
     * took (wall and the CPU time of its host thread), (if it was described) its steps and
     * unchosen switches (ScheduleControl#switches), and the race detector's reports, if any.
     */
    public record Result(Outcome outcome, List<ScheduleControl.Step> steps, int preemptions, long hostNanos,
            long cpuNanos, List<ScheduleControl.Step> switches, String raceReports) {}

    /** Reads the CPU time of the host thread a run is on (for the benchmark; nothing guest-visible). */
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private ControlledRun() {}

    /**
     * The machine options of a controlled run: {@code options} with one CPU (controlled
     * scheduling serializes the tasks; sched.ScheduleControl says why nothing is lost).
     */
    public static Options machine(Options options) {
        return options.withCpus(1);
    }

    /**
     * Hands {@code kernel} (booted with {@link #machine} options, nothing run yet) to
     * {@code strategy}; returns the control, whose steps say what happened.
     */
    public static ScheduleControl control(Kernel kernel, Strategy strategy) {
        // Explore's runs see terminals, as a student's run in a terminal does: replays must
        // buffer stdio exactly as the explored runs did, or their system calls would differ.
        kernel.setTerminals(true, true, true);
        ScheduleControl c = new ScheduleControl(strategy);
        kernel.scheduler().control(c);
        return c;
    }

    /** Boots, installs, and runs once under {@code strategy}; with {@code describe}, each step says in source terms where it was. */
    static Result run(Options options, Setup setup, Strategy strategy, boolean describe) {
        long start = System.nanoTime();
        long cpuStart = CPU.getCurrentThreadCpuTime();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Kernel kernel = Kernel.boot(machine(options), console, new ByteArrayInputStream(new byte[0]));
        List<String> argv = setup.install(kernel);
        ScheduleControl c = control(kernel, strategy);
        if (describe) c.describeSteps(new SourceTerms(kernel));
        StringBuilder raceReports = new StringBuilder();
        race.RaceDetector races = null;
        if (setup.detectRaces()) {
            races = race.RaceDetector.attach(kernel, raceReports::append, race.RaceDetector.DEFAULT_LIMIT);
            c.alsoObserve(races);
        }
        int status = kernel.run(argv.get(0), argv);
        Outcome outcome = Outcome.of(status, console.toByteArray(), kernel.reports(), races == null ? 0 : races.racesReported());
        return new Result(outcome, c.steps(), c.preemptions(), System.nanoTime() - start,
                CPU.getCurrentThreadCpuTime() - cpuStart, c.switches(), raceReports.toString());
    }
}
