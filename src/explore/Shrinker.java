package explore;

import boot.Options;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sched.ScheduleControl;

/**
 * Shrinks a run to the fewest preemptions that still give its outcome, as Lincheck shrinks
 * its failing interleavings. A run is described by its departures: the steps where the
 * chosen task was not the default choice (sched.SchedulingPoint#defaultChoice), each keyed
 * by the current task and its own step count. The shrinker removes one departure at a time,
 * preemptions first and the latest first, reruns, and keeps the removal if the outcome is
 * the same, until no removal keeps it or the budget of runs is spent. The result is a
 * schedule whose every preemption is needed (a local minimum; for the usual bugs of depth d
 * it is d - 1 preemptions or fewer, which is the least possible).
 */
final class Shrinker {
    /** The most runs one shrinking may take. */
    static final int MAX_RUNS = 200;

    private final Options machine;
    private final ControlledRun.Setup setup;
    private int runs;

    Shrinker(Options machine, ControlledRun.Setup setup) {
        this.machine = machine;
        this.setup = setup;
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
                if (runs >= MAX_RUNS) break;
                Map<Strategies.Departure, Integer> fewer = new LinkedHashMap<>(departures);
                fewer.remove(d);
                runs++;
                ControlledRun.Result r = ControlledRun.run(machine, setup, new Strategies.Departures(fewer), null);
                if (r.outcome().equals(target) && r.preemptions() <= best.preemptions()) {
                    best = r;
                    progress = true;
                    break;
                }
            }
        }
        return best;
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
