package clonix;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lab.GradeTable;
import lab.Grader;
import lab.GradescopeJson;
import lab.JUnitXml;
import lab.LabResult;
import lab.Labs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code clonix grade [LAB|LAB/TEST]...}: runs the labs' graded tests (every lab's, in course order,
 * if none is named) and prints the table, like xv6's {@code make grade}; exit status 0 only
 * at full marks, 1 otherwise, 2 if what was asked for is wrong (an unknown lab, a bad check
 * file). The tests run on the classes of this very JVM, the tree as built now.
 */
@Command(mixinStandardHelpOptions = true, name = "grade", description = {
    "Run the labs' graded tests and print the points; exit 0 only at full marks.",
    "Each test runs under every seed and CPU count of its check file",
    "(labs/NAME/tests/*.ck); a failure says what was expected, what came out,",
    "and the command that replays it."})
final class GradeCommand extends ToolCommand {
    @Parameters(paramLabel = "LAB", description = "a lab to grade, or LAB/TEST for one of its tests (default: every lab, in course order)")
    List<String> labNames = new ArrayList<>();

    @Option(names = "--tests", paramLabel = "DIR", description = "add a teacher's hidden tests: DIR/NAME/*.ck join lab NAME")
    Path hiddenTests;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", defaultValue = "1",
            description = "run N tests at once, each in its own JVM (default: ${DEFAULT-VALUE})")
    int jobs;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the grade as Gradescope's results.json")
    Path json;

    @Option(names = "--junit", paramLabel = "FILE", description = "also write the grade as JUnit XML, for CI")
    Path junit;

    @Override
    int call0() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (jobs < 1 || jobs > 64) throw new HostFiles.UserError("--jobs must be between 1 and 64");
        Grader grader = new Grader(Labs.of(ProjectDir.find()), System.getProperty("java.class.path")).jobs(jobs);
        if (hiddenTests != null) grader.hiddenTests(hiddenTests);
        GradeTable table = new GradeTable(out);
        long start = System.nanoTime();
        List<LabResult> results;
        try {
            results = grader.grade(labNames, table);
        } catch (Grader.Refusal e) {
            spec.commandLine().getErr().println("clonix grade: " + e.getMessage());
            return 2;
        }
        table.total(results);
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        if (json != null) HostFiles.write(json, GradescopeJson.render(results, seconds).getBytes(StandardCharsets.UTF_8));
        if (junit != null) HostFiles.write(junit, JUnitXml.render(results).getBytes(StandardCharsets.UTF_8));
        boolean full = results.stream().allMatch(l -> l.earned() == l.possible());
        return full ? 0 : 1;
    }
}
