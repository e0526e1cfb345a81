package lab;

/**
 * How one graded test went: whether every run passed, the points earned, the host time, and
 * for a failure the report of the first failing run (reason, evidence, replay command).
 *
 * @param test the test
 * @param passed true if every run passed
 * @param runsFailed how many of its runs failed (a run never started counts as failed)
 * @param hostMillis host time for the whole test, the JVM's start and the compilation included
 * @param reason for a failure, one line: the failing run and why; null if it passed
 * @param detail for a failure, the evidence and the command that replays the run; null if it passed
 */
public record TestResult(GradedTest test, boolean passed, int runsFailed, long hostMillis, String reason, String detail) {
    /** The points earned: all of the test's if it passed, none otherwise. */
    public int earned() {
        return passed ? test.points() : 0;
    }

    /** The reason and the detail, for reports that have one text per test (JSON, JUnit). */
    public String message() {
        if (passed) return "";
        return detail == null || detail.isEmpty() ? reason : reason + "\n" + detail;
    }
}
