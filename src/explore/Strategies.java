package explore;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import sched.SchedulingPoint;
import sched.Strategy;

/** The strategies of {@code clonix explore}: PCT, a random walk, a fixed prefix, departures from the default. */
final class Strategies {
    private Strategies() {}

    /**
     * PCT, probabilistic concurrency testing (Burckhardt et al., ASPLOS 2010): every task gets
     * a random priority when it first appears, higher than d, and the highest-priority
     * runnable task always runs. At d - 1 steps chosen at random among the k the run is
     * expected to take, the running task's priority drops to d - j (j = 1 .. d-1), below every
     * initial one. A bug that needs d ordering constraints between n tasks is found with
     * probability at least 1 / (n k^(d-1)) per run. A task that uses up its time slice drops
     * below every other, so that a spinning task cannot keep the CPU from the one it waits for.
     */
    static final class Pct implements Strategy {
        private final SplittableRandom random;
        private final int depth;
        private final Map<Integer, Double> priority = new HashMap<>();
        /** Step number -> j, for the d - 1 change points. */
        private final Map<Integer, Integer> changes = new TreeMap<>();

        Pct(long seed, int depth, int expectedSteps) {
            this.random = new SplittableRandom(seed);
            this.depth = depth;
            int k = Math.max(1, expectedSteps);
            for (int j = 1; j < depth && changes.size() < k; j++) {
                int step;
                do step = random.nextInt(k); while (changes.containsKey(step));
                changes.put(step, j);
            }
        }

        @Override
        public int choose(SchedulingPoint p) {
            for (int c : p.candidates()) priority.computeIfAbsent(c, t -> depth + random.nextDouble());
            Integer j = changes.get(p.step());
            if (p.current() != 0 && j != null) priority.put(p.current(), (double) depth - j);
            if (p.current() != 0 && p.yielding()) {
                double lowest = priority.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
                priority.put(p.current(), lowest - 1);
            }
            int best = p.candidates()[0];
            for (int c : p.candidates()) if (priority.get(c) > priority.get(best)) best = c;
            return best;
        }
    }

    /** A random walk: every candidate equally likely at every step. */
    static final class RandomWalk implements Strategy {
        private final SplittableRandom random;

        RandomWalk(long seed) {
            this.random = new SplittableRandom(seed);
        }

        @Override
        public int choose(SchedulingPoint p) {
            return p.candidates()[random.nextInt(p.candidates().length)];
        }
    }

    /**
     * The choices of {@code prefix} for the first steps, then the default choice (no
     * preemption) for the rest: the runs of the bounded search. A choice that is not a
     * candidate (the program did something else) falls back to the default.
     */
    static final class Prefix implements Strategy {
        private final List<Integer> prefix;

        Prefix(List<Integer> prefix) {
            this.prefix = prefix;
        }

        @Override
        public int choose(SchedulingPoint p) {
            if (p.step() < prefix.size()) {
                int tid = prefix.get(p.step());
                for (int c : p.candidates()) if (c == tid) return tid;
            }
            return p.defaultChoice();
        }
    }

    /**
     * The default choice everywhere except at the listed departures, each keyed by the task
     * that was current and how many steps it had been current at before (its own count), so
     * that a departure stays with the same moment of the same task when other departures
     * are removed around it: the shrinker's runs. A departure to {@link #ANY_OTHER} switches to
     * whichever other task comes next, for when the task it first named is no longer there.
     */
    static final class Departures implements Strategy {
        private final Map<Departure, Integer> choices;
        private final Map<Integer, Integer> ownCounts = new HashMap<>();

        Departures(Map<Departure, Integer> choices) {
            this.choices = choices;
        }

        @Override
        public int choose(SchedulingPoint p) {
            int own = ownCounts.merge(p.current(), 1, Integer::sum) - 1;
            Integer tid = choices.get(new Departure(p.current(), own));
            if (tid != null && tid == ANY_OTHER) return anyOther(p);
            if (tid != null) for (int c : p.candidates()) if (c == tid) return tid;
            return p.defaultChoice();
        }
    }

    /** A departure's choice that names no task: the next candidate after the current one in tid order. */
    static final int ANY_OTHER = -1;

    /** The first candidate after {@code p}'s current task in tid order, round the circle, other than it. */
    static int anyOther(SchedulingPoint p) {
        for (int c : p.candidates()) if (c > p.current()) return c;
        for (int c : p.candidates()) if (c != p.current()) return c;
        return p.current();
    }

    /** The moment of a departure: the current task's tid and its own step count. */
    record Departure(int current, int ownCount) {}
}
