package lab;

import java.io.PrintWriter;
import java.util.List;

/**
 * The table {@code ./clonix grade} prints as it goes, like xv6's {@code make grade}: per lab
 * a heading, one row per test (name, what it checks, OK or FAIL, points earned of possible,
 * host time), the report of a failure indented under its row, and the lab's subtotal; then
 * the total ({@link #total}).
 */
public final class GradeTable implements Grader.Listener {
    /** The widest title shown; longer ones are cut. */
    static final int TITLE_WIDTH = 48;

    private final PrintWriter out;
    private int nameWidth;

    /** A table printed on {@code out}. */
    public GradeTable(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void labStarts(Lab lab, List<GradedTest> tests) {
        out.println("== " + lab.name() + ": " + lab.title() + " ==");
        if (tests.isEmpty()) out.println("  (no graded tests)");
        nameWidth = tests.stream().mapToInt(t -> label(t).length()).max().orElse(0);
        out.flush();
    }

    @Override
    public void testDone(TestResult r) {
        GradedTest t = r.test();
        String title = t.title().length() > TITLE_WIDTH ? t.title().substring(0, TITLE_WIDTH - 3) + "..." : t.title();
        out.printf("  %-" + nameWidth + "s  %-" + TITLE_WIDTH + "s  %-4s  %3d/%-3d  %5.1fs%n", label(t), title,
                r.passed() ? "OK" : "FAIL", r.earned(), t.points(), r.hostMillis() / 1000.0);
        if (!r.passed()) {
            out.println("      " + r.reason());
            for (String line : r.detail().split("\n")) out.println("      " + line);
        }
        out.flush();
    }

    @Override
    public void labDone(LabResult result) {
        out.println("  " + result.lab().name() + ": " + result.earned() + "/" + result.possible());
        out.flush();
    }

    /** Prints the total of {@code results}. */
    public void total(List<LabResult> results) {
        int earned = results.stream().mapToInt(LabResult::earned).sum();
        int possible = results.stream().mapToInt(LabResult::possible).sum();
        out.println("Total: " + earned + "/" + possible);
        out.flush();
    }

    /** A hidden test is marked, so that a student sees which failures they could not run themselves. */
    private static String label(GradedTest t) {
        return t.hidden() ? t.name() + " (hidden)" : t.name();
    }
}
