package explore;

import boot.Options;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import sched.ScheduleControl;
import sched.SchedulingPoint;
import sched.Strategy;

/**
 * Runs a program under many schedules, each on its own machine, on several host threads.
 *
 * <p><b>Determinism.</b> Run i's strategy depends only on the seed, i, and the results of
 * runs that finished in earlier batches; batches have fixed sizes (1, 1, 2, 4, ... 64), so the
 * result of every run, and the report, are the same whatever the number of host threads and
 * however they are timed. Only {@code --time} makes the number of runs depend on the host.
 *
 * <p><b>PCT's k.</b> The change points are spread over k steps, the most any run of an earlier
 * batch took ({@link #DEFAULT_STEPS} for the first run, whose length is not known yet).
 *
 * <p><b>Bounded search.</b> Iterative context bounding (Musuvathi and Qadeer, PLDI 2007): the
 * schedules with no preemption first, then those with one, and so on up to the bound. Each
 * run follows a prefix of choices and then makes the default choice (the running task runs
 * on); every step past the prefix where another task could have been chosen gives a new
 * prefix to try, with one preemption more if that choice is one.
 */
public final class Explorer {
    /** PCT's k before any run has been counted. */
    static final int DEFAULT_STEPS = 100;
    /** The largest batch of runs whose results are awaited together. */
    static final int MAX_BATCH = 64;
    /** How often, while runs are under way, the explorer asks whether it is interrupted. */
    static final long POLL_MILLIS = 20;

    /** The strategies, by their command-line names. */
    public enum StrategyName { pct, random, bounded }

    /**
     * What to explore: the strategy, at most {@code runs} runs and {@code seconds} of host time
     * (0: no limit), PCT's {@code depth}, the bounded search's {@code preemptions}, the
     * {@code seed} of every choice, {@code jobs} host threads, and the outcome to stop at
     * (the first run that has one ends the exploration; null: none).
     */
    public record Config(StrategyName strategy, int runs, double seconds, int depth, int preemptions, long seed,
            int jobs, Predicate<Outcome> stopAt) {}

    /** One run as the report shows it: its index, the seed of its strategy, what it did, and its host wall and CPU time. */
    public record Run(int index, long seed, Outcome outcome, int steps, int preemptions, long hostNanos, long cpuNanos) {}

    /**
     * What exploring found: the runs in index order, whether the bounded search tried every
     * schedule within its bound, the host time taken, the first run of each outcome with its
     * steps, and whether it was interrupted (the shell's Ctrl-C) before its limits.
     */
    public record Result(List<Run> runs, boolean exhausted, long hostNanos, Map<Outcome, ControlledRun.Result> firstRuns,
            boolean interrupted) {}

    private final Options machine;
    private final ControlledRun.Setup setup;
    private final Config config;
    /** Bounded search: prefixes to try, by the number of preemptions they make. */
    private final List<ArrayDeque<Branch>> frontier = new ArrayList<>();

    /** An explorer of the program {@code setup} installs, on machines with {@code machine} options. */
    public Explorer(Options machine, ControlledRun.Setup setup, Config config) {
        this.machine = machine;
        this.setup = setup;
        this.config = config;
    }

    /** The seed of run {@code index}'s strategy: a mix of the explore seed and the index. */
    static long runSeed(long seed, int index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Explores until the limits of the config. */
    public Result explore() throws InterruptedException {
        return explore(() -> false);
    }

    /**
     * Explores until the limits of the config, or until {@code interrupted} says so (it is
     * asked on this thread, every {@link #POLL_MILLIS} ms while runs are under way). Then no
     * new run starts, the runs under way finish (each ends by its time limit), and the runs
     * done so far, up to the first that did not finish, are the result.
     */
    public Result explore(BooleanSupplier interrupted) throws InterruptedException {
        AtomicBoolean cancelled = new AtomicBoolean();
        long start = System.nanoTime();
        long deadline = config.seconds() > 0 ? start + (long) (config.seconds() * 1e9) : Long.MAX_VALUE;
        List<Run> runs = new ArrayList<>();
        Map<Outcome, ControlledRun.Result> firstRuns = new LinkedHashMap<>();
        int k = DEFAULT_STEPS;
        if (config.strategy() == StrategyName.bounded) frontierAt(0).add(new Branch(new int[0], 0, 0));
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, config.jobs()), r -> {
            Thread t = new Thread(r, "explore");
            t.setDaemon(true);
            return t;
        });
        boolean exhausted = false;
        try {
            int batch = 1;
            AtomicInteger firstStop = new AtomicInteger(Integer.MAX_VALUE);
            while (runs.size() < config.runs() && System.nanoTime() < deadline) {
                List<Strategy> strategies = new ArrayList<>();
                List<Branch> branches = new ArrayList<>();
                for (int i = 0; i < batch && runs.size() + i < config.runs(); i++) {
                    int index = runs.size() + i;
                    if (config.strategy() == StrategyName.bounded) {
                        Branch b = nextBranch();
                        if (b == null) break;
                        branches.add(b);
                        strategies.add(new Strategies.Prefix(b.prefix()));
                    } else {
                        strategies.add(strategy(index, k));
                    }
                }
                if (strategies.isEmpty()) {
                    exhausted = true;
                    break;
                }
                List<Future<ControlledRun.Result>> futures = new ArrayList<>();
                for (int i = 0; i < strategies.size(); i++) {
                    int index = runs.size() + i;
                    Strategy s = strategies.get(i);
                    futures.add(pool.submit(() -> {
                        if (System.nanoTime() >= deadline || firstStop.get() < index || cancelled.get()) return null;
                        ControlledRun.Result r = ControlledRun.run(machine, setup, s, false);
                        if (stops(r)) firstStop.accumulateAndGet(index, Math::min);
                        return r;
                    }));
                }
                boolean stop = false;
                for (int i = 0; i < futures.size(); i++) {
                    ControlledRun.Result r = get(futures.get(i), interrupted, cancelled);
                    if (r == null || stop) {
                        stop = true;
                        continue;
                    }
                    int index = runs.size();
                    runs.add(new Run(index, runSeed(config.seed(), index), r.outcome(), r.steps().size(), r.preemptions(), r.hostNanos(), r.cpuNanos()));
                    firstRuns.putIfAbsent(r.outcome(), r);
                    k = runs.size() == 1 ? Math.max(1, r.steps().size()) : Math.max(k, r.steps().size());
                    if (config.strategy() == StrategyName.bounded) branch(branches.get(i), r.steps());
                    if (stops(r)) stop = true;
                }
                if (stop || cancelled.get()) break;
                batch = Math.min(MAX_BATCH, runs.size() < 2 ? 1 : batch * 2);
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(runs, exhausted, System.nanoTime() - start, firstRuns, cancelled.get());
    }

    private boolean stops(ControlledRun.Result r) {
        return config.stopAt() != null && config.stopAt().test(r.outcome());
    }

    /** The result of a run, asking {@code interrupted} while it waits, and noting in {@code cancelled} that it said yes. */
    private static ControlledRun.Result get(Future<ControlledRun.Result> f, BooleanSupplier interrupted, AtomicBoolean cancelled)
            throws InterruptedException {
        while (true) {
            if (!cancelled.get() && interrupted.getAsBoolean()) cancelled.set(true);
            try {
                return f.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                continue;
            } catch (ExecutionException e) {
                throw new IllegalStateException("a run failed: " + e.getCause(), e.getCause());
            }
        }
    }

    /** The strategy of run {@code index} of a PCT or random exploration, PCT's steps estimated at {@code k}. */
    private Strategy strategy(int index, int k) {
        long seed = runSeed(config.seed(), index);
        return config.strategy() == StrategyName.pct ? new Strategies.Pct(seed, config.depth(), k) : new Strategies.RandomWalk(seed);
    }

    // ---------------------------------------------------------------- bounded search

    /**
     * A prefix still to run: the first {@code at} choices of {@code choices}, then {@code alt}
     * (the root has at = 0 and no alternative), making {@code preemptions} preemptions.
     */
    private record Branch(int[] choices, int at, int alt, int preemptions) {
        Branch(int[] choices, int at, int preemptions) {
            this(choices, at, -1, preemptions);
        }

        List<Integer> prefix() {
            List<Integer> p = new ArrayList<>(at + 1);
            for (int i = 0; i < at; i++) p.add(choices[i]);
            if (alt >= 0) p.add(alt);
            return p;
        }

        int length() { return alt >= 0 ? at + 1 : at; }
    }

    private ArrayDeque<Branch> frontierAt(int preemptions) {
        while (frontier.size() <= preemptions) frontier.add(new ArrayDeque<>());
        return frontier.get(preemptions);
    }

    /** The next prefix to run: the first of those with the fewest preemptions; null when none is left. */
    private Branch nextBranch() {
        for (ArrayDeque<Branch> q : frontier) if (!q.isEmpty()) return q.pollFirst();
        return null;
    }

    /** Adds the prefixes that branch off the run of {@code b} after its own prefix and stay within the bound. */
    private void branch(Branch b, List<ScheduleControl.Step> steps) {
        int[] choices = new int[steps.size()];
        for (int i = 0; i < choices.length; i++) choices[i] = steps.get(i).chosen();
        int preemptions = 0;
        for (int i = 0; i < steps.size(); i++) {
            SchedulingPoint p = steps.get(i).point();
            if (i >= b.length()) {
                for (int c : p.candidates()) {
                    if (c == choices[i]) continue;
                    int n = preemptions + (p.isPreemption(c) ? 1 : 0);
                    if (n <= config.preemptions()) frontierAt(n).add(new Branch(choices, i, c, n));
                }
            }
            if (p.isPreemption(choices[i])) preemptions++;
        }
    }
}
