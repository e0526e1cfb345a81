package lab;

import java.util.List;
import trace.ChromeTrace;

/**
 * The grade as Gradescope's autograder reads it from {@code /autograder/results/results.json}:
 * the total {@code score}, the {@code execution_time} in seconds, and one entry per test
 * with its {@code name} ({@code LAB/TEST: title}), {@code score}, {@code max_score},
 * {@code status} ({@code passed} or {@code failed}) and {@code output} (the failure's
 * report, with the command that replays it). Gradescope shows each test as a row of the
 * student's results, with its output under it.
 */
public final class GradescopeJson {
    private GradescopeJson() {}

    /** The JSON text of {@code results}, which took {@code seconds} of host time. */
    public static String render(List<LabResult> results, long seconds) {
        StringBuilder s = new StringBuilder("{\n");
        int total = results.stream().mapToInt(LabResult::earned).sum();
        s.append("  \"score\": ").append(total).append(",\n");
        s.append("  \"execution_time\": ").append(seconds).append(",\n");
        s.append("  \"tests\": [");
        String sep = "\n";
        for (LabResult lab : results) {
            for (TestResult t : lab.tests()) {
                GradedTest g = t.test();
                s.append(sep).append("    {\"name\": ").append(ChromeTrace.string(g.fullName() + ": " + g.title()))
                        .append(", \"score\": ").append(t.earned())
                        .append(", \"max_score\": ").append(g.points())
                        .append(", \"status\": \"").append(t.passed() ? "passed" : "failed").append('"')
                        .append(", \"output\": ").append(ChromeTrace.string(t.message())).append('}');
                sep = ",\n";
            }
        }
        return s.append("\n  ]\n}\n").toString();
    }
}
