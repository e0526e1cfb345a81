package explore;

import boot.Options;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import sched.ScheduleControl;

/**
 * Shrinks a run to the fewest preemptions that still give its outcome, as Lincheck shrinks
 * its failing interleavings. A run is described by its departures: the steps where the
 * chosen task was not the default choice (sched.SchedulingPoint#defaultChoice), each keyed
 * by the current task and its own step count. The shrinker removes one departure at a time,
 * preemptions first and the latest first, reruns, and keeps the removal if the outcome is
 * the same (trying again, if not, with every other departure switching to whichever task
 * comes next rather than the one it named), until no removal keeps it or the budget of runs
 * is spent. Then, if preemptions are left, the bounded search looks for the outcome among
 * the schedules with fewer, fewest first (Explorer), within what is left of the budget: for
 * a small program the result has the fewest preemptions any schedule needs. Interrupted
 * (the shell's Ctrl-C), it stops after the run under way and gives the best run found so far.
 */
final class Shrinker {
    /** The most runs one shrinking may take. */
    static final int MAX_RUNS = 300;

    private final Options machine;
    private final ControlledRun.Setup setup;
    private final int jobs;
    private final BooleanSupplier interrupted;
    private int runs;

    /** A shrinker of runs of the program {@code setup} installs, which runs its bounded searches on {@code jobs} host threads. */
    Shrinker(Options machine, ControlledRun.Setup setup, int jobs) {
        this(machine, setup, jobs, () -> false);
    }

    /** As {@link #Shrinker(Options, ControlledRun.Setup, int)}, stopping early once {@code interrupted} says so (asked on this thread). */
    Shrinker(Options machine, ControlledRun.Setup setup, int jobs, BooleanSupplier interrupted) {
        this.machine = machine;
        this.setup = setup;
        this.jobs = jobs;
        this.interrupted = interrupted;
    }

    /** The runs the last {@link #shrink} took. */
    int runs() { return runs; }

    /** A run with the outcome of {@code run} (whose steps are given) and as few preemptions as found. */
    ControlledRun.Result shrink(ControlledRun.Result run) {
        runs = 0;
        Outcome target = run.outcome();
        ControlledRun.Result best = run;
        boolean progress = true;
        while (progress && runs < MAX_RUNS) {
            progress = false;
            Map<Strategies.Departure, Integer> departures = departures(best.steps());
            for (Strategies.Departure d : removalOrder(best.steps(), departures)) {
                if (runs >= MAX_RUNS || interrupted.getAsBoolean()) return best;
                Map<Strategies.Departure, Integer> fewer = new LinkedHashMap<>(departures);
                fewer.remove(d);
                ControlledRun.Result r = attempt(fewer, target, best);
                if (r == null && runs < MAX_RUNS) {
                    // The others may have switched to a task that is not there any more:
                    // let each switch to whichever other task comes next.
                    fewer.replaceAll((k, v) -> Strategies.ANY_OTHER);
                    r = attempt(fewer, target, best);
                }
                if (r != null) {
                    best = r;
                    progress = true;
                    break;
                }
            }
        }
        if (best.preemptions() > 0 && runs < MAX_RUNS) {
            // The preemptions left may all be needed where they are, while another place
            // needs fewer: search the schedules with fewer, fewest first.
            Explorer.Config fewer = new Explorer.Config(Explorer.StrategyName.bounded, MAX_RUNS - runs, 0, 1,
                    best.preemptions() - 1, 0, jobs, target::equals);
            Explorer.Result found;
            try {
                found = new Explorer(machine, setup, fewer).explore(interrupted);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return best;
            }
            runs += found.runs().size();
            if (found.firstRuns().containsKey(target)) best = found.firstRuns().get(target);
        }
        return best;
    }

    /** A run with {@code departures}, if it has the target outcome with no more preemptions than {@code best}; else null. */
    private ControlledRun.Result attempt(Map<Strategies.Departure, Integer> departures, Outcome target, ControlledRun.Result best) {
        runs++;
        ControlledRun.Result r = ControlledRun.run(machine, setup, new Strategies.Departures(departures), false);
        return r.outcome().equals(target) && r.preemptions() <= best.preemptions() ? r : null;
    }

    /** The strategy that makes {@code steps}' choices again (for a run that followed them). */
    static Strategies.Departures following(List<ScheduleControl.Step> steps) {
        return new Strategies.Departures(departures(steps));
    }

    /** The departures of a run, in step order. */
    static Map<Strategies.Departure, Integer> departures(List<ScheduleControl.Step> steps) {
        Map<Strategies.Departure, Integer> d = new LinkedHashMap<>();
        for (ScheduleControl.Step s : steps) {
            if (s.chosen() != s.point().defaultChoice()) d.put(new Strategies.Departure(s.point().current(), s.ownCount()), s.chosen());
        }
        return d;
    }

    /** Preemptions first, latest first, then the other departures, latest first. */
    private static List<Strategies.Departure> removalOrder(List<ScheduleControl.Step> steps, Map<Strategies.Departure, Integer> departures) {
        List<Strategies.Departure> preemptions = new ArrayList<>(), others = new ArrayList<>();
        for (int i = steps.size() - 1; i >= 0; i--) {
            ScheduleControl.Step s = steps.get(i);
            Strategies.Departure d = new Strategies.Departure(s.point().current(), s.ownCount());
            if (!departures.containsKey(d)) continue;
            (s.isPreemption() ? preemptions : others).add(d);
        }
        preemptions.addAll(others);
        return preemptions;
    }
}
