package lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A lab written for the grader's tests: {@code labs/NAME} in a scratch project directory,
 * with the files of its {@code tests/} given as text, graded on the classes of this build.
 */
final class FixtureLab {
    /** A program that prints hello and exits 0. */
    static final String HELLO = "#include <stdio.h>\nint main(void) { printf(\"hello\\n\"); return 0; }\n";
    /** Check-file lines for a single run (seed 1, one CPU), which is all most fixtures need. */
    static final String ONCE = "seeds: 1\ncpus: 1\n";

    private FixtureLab() {}

    /** Writes lab {@code name} of {@code project}, course position {@code order}, with its tests' files: name, text, name, text... */
    static void write(Path project, String name, int order, String... files) throws IOException {
        Path tests = Files.createDirectories(project.resolve("labs/" + name + "/tests"));
        Files.writeString(project.resolve("labs/" + name + "/lab.properties"),
                "order=" + order + "\ntitle=Fixture " + name + "\nsummary=a lab for the grader's tests\n");
        for (int i = 0; i < files.length; i += 2) {
            Files.writeString(tests.resolve(files[i]), files[i + 1], StandardCharsets.UTF_8);
        }
    }

    /** A grader of {@code project} on this build's classes. */
    static Grader grader(Path project) throws IOException {
        return new Grader(Labs.of(project), System.getProperty("java.class.path"));
    }

    /** Grades the labs called {@code names} of {@code project} quietly. */
    static List<LabResult> grade(Path project, String... names) throws Exception {
        return grader(project).grade(List.of(names), new GradeTable(new PrintWriter(Writer.nullWriter())));
    }

    /** Grades lab {@code name}, which has one test, and returns that test's result. */
    static TestResult gradeOne(Path project, String name) throws Exception {
        List<TestResult> tests = grade(project, name).get(0).tests();
        assertEquals(1, tests.size());
        return tests.get(0);
    }
}
