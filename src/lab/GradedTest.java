package lab;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One graded test, as its check file ({@code T.ck}, read by {@link CheckFile}) describes it:
 * the C program to run and how, on which seeds and CPU counts, within which limits, and what
 * its runs must show to earn the points. Every seed x CPU count is one run; the test earns
 * its points only when every run passes (no partial points within a test). With
 * {@code explore: N}, one more run explores N schedules of the program on one CPU, as
 * {@code clonix explore} does (docs/explore.md), and passes only if every schedule's outcome
 * passes: a lock that loses a wake-up in one schedule of a thousand fails the test.
 *
 * @param lab the lab the test belongs to
 * @param name the check file's name without {@code .ck}
 * @param checkFile the {@code .ck} file
 * @param hidden true for a teacher's hidden test ({@code grade --tests DIR})
 * @param title what the test checks, for the table
 * @param points what it is worth
 * @param program the C program
 * @param args argv[1..]
 * @param stdin a file fed as the console's input, or null for none
 * @param options extra machine options, as {@code ./clonix run} takes them
 * @param seeds the seeds of the runs
 * @param cpus the CPU counts of the runs
 * @param timeoutSeconds host seconds one run may take before it is stopped
 * @param timeLimitSeconds virtual seconds the guest may run ({@code --time-limit})
 * @param maxOutput bytes of output a run may write
 * @param exit the expected exit status (128 + N for a death by signal N)
 * @param expects files one of which the output must equal; empty to accept any output
 * @param sorted compare lines sorted (for output whose order varies between schedules)
 * @param matches patterns each of which some line of the output must match
 * @param rejects patterns no line of the output may match
 * @param explore schedules to explore (PCT, depth 2, from the first seed), or 0 for none
 */
public record GradedTest(String lab, String name, Path checkFile, boolean hidden, String title, int points,
        Path program, List<String> args, Path stdin, List<String> options, List<Long> seeds, List<Integer> cpus,
        double timeoutSeconds, double timeLimitSeconds, int maxOutput, int exit, List<Path> expects,
        boolean sorted, List<Pattern> matches, List<Pattern> rejects, int explore) {

    /**
     * One run of the test: a seed and a CPU count, or, with {@code schedules} above 0, an
     * exploration of that many schedules from the seed on one CPU (its report is that of the
     * first schedule that fails, or of one that stands for all of them).
     */
    public record Run(long seed, int cpus, int schedules) {
        /** A run on the seed's own interleaving. */
        public Run(long seed, int cpus) {
            this(seed, cpus, 0);
        }

        @Override
        public String toString() {
            if (schedules > 0) return schedules + " explored schedules from seed " + seed;
            return "seed " + seed + ", " + cpus + (cpus == 1 ? " CPU" : " CPUs");
        }
    }

    /** Every seed x every CPU count, seeds outermost, in the order of the check file; then the exploration, if any. */
    public List<Run> runs() {
        List<Run> runs = new java.util.ArrayList<>(seeds.stream().flatMap(s -> cpus.stream().map(c -> new Run(s, c))).toList());
        if (explore > 0) runs.add(new Run(seeds.get(0), 1, explore));
        return List.copyOf(runs);
    }

    /** The test's full name: {@code LAB/NAME}. */
    public String fullName() {
        return lab + "/" + name;
    }
}
