package lab;

import java.util.List;

/**
 * One lab's grade: its tests' results, in the order they ran.
 *
 * @param lab the lab
 * @param tests the results, the lab's own tests first (by name), then the hidden ones
 */
public record LabResult(Lab lab, List<TestResult> tests) {
    /** Points earned. */
    public int earned() {
        return tests.stream().mapToInt(TestResult::earned).sum();
    }

    /** Points possible. */
    public int possible() {
        return tests.stream().mapToInt(t -> t.test().points()).sum();
    }
}
