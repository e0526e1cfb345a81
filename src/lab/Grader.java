package lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The grader behind {@code ./clonix grade}: finds the graded tests of the labs asked for
 * (each lab's {@code labs/NAME/tests/*.ck}, then a teacher's hidden ones from
 * {@code --tests DIR}), runs each in a JVM of its own ({@link TestProcess}) under every seed
 * x CPU count of its check file, judges every run ({@link Verdict}), and tells a
 * {@link Listener} as each lab and test is done, so that a long grade shows its progress.
 *
 * <p>The classes the tests run on are a parameter, not necessarily the grader's own: the
 * labs' tests grade a tree built elsewhere (a lab at its starting point) this way.
 */
public final class Grader {
    /** A mistake in what was asked for: an unknown lab, a bad check file. One line. */
    public static final class Refusal extends Exception {
        Refusal(String message) {
            super(message);
        }
    }

    /** Hears of the grade as it goes. */
    public interface Listener {
        /** Lab {@code lab} starts, with these tests. */
        void labStarts(Lab lab, List<GradedTest> tests);

        /** A test is done. */
        void testDone(TestResult result);

        /** The lab is done. */
        void labDone(LabResult result);
    }

    private final Labs labs;
    private final String classpath;
    private Path hiddenTests;
    private int jobs = 1;

    /** A grader of {@code labs}'s project, whose tests run on the classes of {@code classpath}. */
    public Grader(Labs labs, String classpath) {
        this.labs = labs;
        this.classpath = classpath;
    }

    /**
     * Runs {@code n} tests at once (default 1), each in its JVM: worth it on a machine with
     * cores to spare, since a test's JVM runs its machine on one thread. The table and the
     * results are the same, in the same order.
     */
    public Grader jobs(int n) {
        if (n < 1) throw new IllegalArgumentException("jobs must be at least 1");
        this.jobs = n;
        return this;
    }

    /** Adds a teacher's hidden tests: {@code dir/NAME/*.ck} join lab NAME. */
    public Grader hiddenTests(Path dir) {
        this.hiddenTests = dir;
        return this;
    }

    /**
     * The tests asked for by {@code names}, by lab in the order asked: a name is a lab's (all
     * its tests) or {@code LAB/TEST} (that one test); no name at all is every lab, in course
     * order. A lab's own tests come by name, then its hidden ones. Refused, before anything
     * runs, if a name is no lab's or test's or a check file is bad.
     */
    public Map<Lab, List<GradedTest>> tests(List<String> names) throws IOException, Refusal {
        Map<Lab, List<String>> chosen = new LinkedHashMap<>(); // lab -> the tests asked for, null for all
        for (String n : names) {
            String labName = n.contains("/") ? n.substring(0, n.indexOf('/')) : n;
            Lab lab = labs.find(labName).orElseThrow(() -> new Refusal("no lab named '" + labName + "' (the labs: "
                    + String.join(", ", labs.all().stream().map(Lab::name).toList()) + ")"));
            if (!n.contains("/")) {
                chosen.put(lab, null);
            } else if (!chosen.containsKey(lab) || chosen.get(lab) != null) {
                chosen.computeIfAbsent(lab, l -> new ArrayList<>()).add(n.substring(n.indexOf('/') + 1));
            }
        }
        if (names.isEmpty()) labs.all().forEach(l -> chosen.put(l, null));
        if (hiddenTests != null) checkHiddenDir();
        Map<Lab, List<GradedTest>> tests = new LinkedHashMap<>();
        for (Map.Entry<Lab, List<String>> e : chosen.entrySet()) {
            Lab lab = e.getKey();
            List<GradedTest> list = new ArrayList<>(read(lab, lab.testsDir(), false));
            if (hiddenTests != null) {
                for (GradedTest t : read(lab, hiddenTests.resolve(lab.name()), true)) {
                    if (list.stream().anyMatch(o -> o.name().equals(t.name()))) {
                        throw new Refusal(t.checkFile() + ": lab " + lab.name() + " already has a test named " + t.name());
                    }
                    list.add(t);
                }
            }
            if (e.getValue() != null) list = select(lab, list, e.getValue());
            tests.put(lab, List.copyOf(list));
        }
        return tests;
    }

    /** The tests of {@code lab} called {@code names}, in the order asked. */
    private static List<GradedTest> select(Lab lab, List<GradedTest> all, List<String> names) throws Refusal {
        List<GradedTest> out = new ArrayList<>();
        for (String n : names) {
            GradedTest t = all.stream().filter(o -> o.name().equals(n)).findFirst()
                    .orElseThrow(() -> new Refusal("lab " + lab.name() + " has no test named '" + n + "'"));
            if (!out.contains(t)) out.add(t);
        }
        return out;
    }

    /** Every directory of the hidden tests must be a lab's, so that a misspelt one is not silently skipped. */
    private void checkHiddenDir() throws IOException, Refusal {
        if (!Files.isDirectory(hiddenTests)) throw new Refusal("--tests: not a directory: " + hiddenTests);
        try (Stream<Path> entries = Files.list(hiddenTests)) {
            for (Path d : entries.sorted().toList()) {
                String name = d.getFileName().toString();
                if (Files.isDirectory(d) && labs.find(name).isEmpty()) {
                    throw new Refusal("--tests: " + d + " is not named after a lab");
                }
            }
        }
    }

    private static List<GradedTest> read(Lab lab, Path dir, boolean hidden) throws IOException, Refusal {
        if (!Files.isDirectory(dir)) return List.of();
        List<GradedTest> tests = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path ck : entries.filter(p -> p.toString().endsWith(".ck")).sorted().toList()) {
                try {
                    tests.add(CheckFile.read(lab.name(), ck, hidden));
                } catch (CheckFile.Invalid e) {
                    throw new Refusal(e.getMessage());
                }
            }
        }
        return tests;
    }

    /**
     * Grades what {@code names} asks for (see {@link #tests}), telling {@code listener} as it
     * goes, in the order of the tests whatever order they finish in.
     */
    public List<LabResult> grade(List<String> names, Listener listener) throws IOException, Refusal, InterruptedException {
        Map<Lab, List<GradedTest>> tests = tests(names);
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "grade");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<Lab, List<Future<TestResult>>> running = new LinkedHashMap<>();
            for (Map.Entry<Lab, List<GradedTest>> e : tests.entrySet()) {
                List<Future<TestResult>> futures = new ArrayList<>();
                for (GradedTest t : e.getValue()) futures.add(pool.submit(() -> run(t)));
                running.put(e.getKey(), futures);
            }
            List<LabResult> results = new ArrayList<>();
            for (Map.Entry<Lab, List<Future<TestResult>>> e : running.entrySet()) {
                listener.labStarts(e.getKey(), tests.get(e.getKey()));
                List<TestResult> done = new ArrayList<>();
                for (Future<TestResult> f : e.getValue()) {
                    TestResult r = result(f);
                    done.add(r);
                    listener.testDone(r);
                }
                LabResult lab = new LabResult(e.getKey(), List.copyOf(done));
                listener.labDone(lab);
                results.add(lab);
            }
            return results;
        } finally {
            pool.shutdownNow(); // a test still running (after an interrupt) has its JVM destroyed by TestProcess
        }
    }

    private static TestResult result(Future<TestResult> f) throws IOException, InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IOException(e.getCause());
        }
    }

    /** Runs one test and judges its runs; the report is of the first run that failed. */
    public TestResult run(GradedTest test) throws IOException, InterruptedException {
        long start = System.nanoTime();
        TestProcess.Outcome o = TestProcess.run(test, labs.project(), classpath);
        long millis = (System.nanoTime() - start) / 1_000_000;
        List<GradedTest.Run> runs = test.runs();
        int failed = runs.size() - o.reports().size();
        String reason = null, detail = null;
        for (RunReport r : o.reports()) {
            Verdict v = Verdict.failure(test, r);
            if (v == null) continue;
            failed++;
            if (reason == null) {
                GradedTest.Run run = new GradedTest.Run(r.seed(), r.cpus(), r.schedules());
                reason = run + ": " + v.reason();
                detail = v.detail() + "\nreplay: " + Replay.command(labs.project(), test, run);
            }
        }
        if (reason == null && o.problem() != null) {
            GradedTest.Run run = o.during() != null ? o.during() : runs.get(0);
            String[] problem = o.problem().split("\n", 2);
            reason = (o.during() != null ? o.during() + ": " : "") + problem[0];
            detail = (problem.length > 1 ? bounded(problem[1]) + "\n" : "") + "replay: " + Replay.command(labs.project(), test, run);
        }
        if (reason == null) return new TestResult(test, true, 0, millis, null, null);
        return new TestResult(test, false, failed, millis,
                reason + " (" + failed + " of " + runs.size() + " runs failed)", detail);
    }

    /** At most {@link Verdict#EXCERPT_LINES} lines, each clipped. */
    private static String bounded(String text) {
        List<String> lines = Verdict.lines(text.stripTrailing());
        StringBuilder s = new StringBuilder();
        for (String l : lines.subList(0, Math.min(lines.size(), Verdict.EXCERPT_LINES))) s.append("  | ").append(Verdict.clip(l)).append('\n');
        if (lines.size() > Verdict.EXCERPT_LINES) s.append("  | ... ").append(lines.size() - Verdict.EXCERPT_LINES).append(" more lines\n");
        return s.toString().stripTrailing();
    }
}
