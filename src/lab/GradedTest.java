package lab;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One graded test, as its check file ({@code T.ck}, read by {@link CheckFile}) describes it:
 * the C program to run and how, on which seeds and CPU counts, within which limits, and what
 * its runs must show to earn the points. Every seed x CPU count is one run; the test earns
 * its points only when every run passes (no partial points within a test).
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
 */
public record GradedTest(String lab, String name, Path checkFile, boolean hidden, String title, int points,
        Path program, List<String> args, Path stdin, List<String> options, List<Long> seeds, List<Integer> cpus,
        double timeoutSeconds, double timeLimitSeconds, int maxOutput, int exit, List<Path> expects,
        boolean sorted, List<Pattern> matches, List<Pattern> rejects) {

    /** One run of the test: a seed and a CPU count. */
    public record Run(long seed, int cpus) {
        @Override
        public String toString() {
            return "seed " + seed + ", " + cpus + (cpus == 1 ? " CPU" : " CPUs");
        }
    }

    /** Every seed x every CPU count, seeds outermost, in the order of the check file. */
    public List<Run> runs() {
        return seeds.stream().flatMap(s -> cpus.stream().map(c -> new Run(s, c))).toList();
    }

    /** The test's full name: {@code LAB/NAME}. */
    public String fullName() {
        return lab + "/" + name;
    }
}
