package lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The labs are real assignments: for every lab of the course, the reference tree earns full
 * marks from its graded tests, and the same tree with that lab at its starting point
 * ({@link StubbedBuild}: the lab's stubs compiled over the build) earns nearly nothing, so
 * the tests grade the student's part and not something the stub already gives. Both are
 * skipped for a lab already at its starting point in this tree (a student edition), where
 * the reference is not there to grade.
 */
class LabGradesTest {
    /** What a lab at its starting point may still earn: a test that checks an untouched part. */
    static final int NEARLY_NOTHING = 20;

    static Labs labs() throws IOException {
        return Labs.of(Path.of("").toAbsolutePath());
    }

    static List<String> labNames() throws IOException {
        return labs().all().stream().map(Lab::name).toList();
    }

    @ParameterizedTest
    @MethodSource("labNames")
    void theReferenceTreeEarnsFullMarks(String name) throws Exception {
        assumeFalse(labs().started().contains(name), "lab " + name + " is at its starting point here");
        LabResult r = grade(name, System.getProperty("java.class.path"));
        assertEquals(100, r.possible(), "a lab is worth 100 points");
        assertEquals(r.possible(), r.earned(), () -> "the reference misses points:\n" + failures(r));
    }

    @ParameterizedTest
    @MethodSource("labNames")
    void aLabAtItsStartingPointEarnsNearlyNothing(String name) throws Exception {
        assumeFalse(labs().started().contains(name), "lab " + name + " is at its starting point here");
        StubbedBuild stubbed = StubbedBuild.of(name);
        assertTrue(!stubbed.changed().isEmpty(), "lab " + name + " has no marked reference part");
        LabResult r = grade(name, stubbed.classpath());
        assertTrue(r.earned() <= NEARLY_NOTHING, () -> "the stub of " + name + " earns " + r.earned()
                + " points; the tests that pass without the student's work:\n"
                + r.tests().stream().filter(TestResult::passed).map(t -> "  " + t.test().name())
                        .collect(Collectors.joining("\n")));
    }

    private static LabResult grade(String name, String classpath) throws Exception {
        List<LabResult> results = new Grader(labs(), classpath).grade(List.of(name), new Grader.Listener() {
            @Override
            public void labStarts(Lab lab, List<GradedTest> tests) {}

            @Override
            public void testDone(TestResult result) {}

            @Override
            public void labDone(LabResult result) {}
        });
        assertEquals(1, results.size());
        return results.get(0);
    }

    private static String failures(LabResult r) {
        return r.tests().stream().filter(t -> !t.passed())
                .map(t -> "  " + t.test().name() + ": " + t.message())
                .collect(Collectors.joining("\n"));
    }
}
