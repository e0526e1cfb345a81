package lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import trace.JsonChecker;

/**
 * What the grader hands on: Gradescope's results.json and JUnit XML (parsed back here), the
 * replay command (run here, to see that it does replay the failure), a teacher's hidden
 * tests, and the refusals of what cannot be graded.
 */
class GradeReportsTest {
    @TempDir Path project;
    @TempDir Path hidden;

    /** One passing test (30 points) and one failing with an XML- and JSON-hostile output (70). */
    private List<LabResult> passAndFail() throws Exception {
        FixtureLab.write(project, "x", 1, "hello.c", FixtureLab.HELLO, "hello.expected", "hello\n",
                "odd.c", "#include <stdio.h>\nint main(void) { printf(\"<a & \\\"b\\\">\\x01\\n\"); return 3; }\n",
                "a.ck", FixtureLab.ONCE + "title: says hello\npoints: 30\nprogram: hello.c\nexpect: hello.expected\n",
                "b.ck", FixtureLab.ONCE + "title: prints <odd> things\npoints: 70\nprogram: odd.c\n");
        return FixtureLab.grade(project, "x");
    }

    @Test
    @SuppressWarnings("unchecked")
    void gradescopeResultsJsonHasTheScoreAndOneEntryPerTest() throws Exception {
        Map<String, Object> json = (Map<String, Object>) JsonChecker.parse(GradescopeJson.render(passAndFail(), 4));
        assertEquals(30.0, json.get("score"));
        assertEquals(4.0, json.get("execution_time"));
        List<Map<String, Object>> tests = (List<Map<String, Object>>) json.get("tests");
        assertEquals(2, tests.size());
        assertEquals("x/a: says hello", tests.get(0).get("name"));
        assertEquals(30.0, tests.get(0).get("score"));
        assertEquals(30.0, tests.get(0).get("max_score"));
        assertEquals("passed", tests.get(0).get("status"));
        assertEquals("", tests.get(0).get("output"));
        assertEquals("x/b: prints <odd> things", tests.get(1).get("name"));
        assertEquals(0.0, tests.get(1).get("score"));
        assertEquals(70.0, tests.get(1).get("max_score"));
        assertEquals("failed", tests.get(1).get("status"));
        String output = (String) tests.get(1).get("output");
        assertTrue(output.startsWith("seed 1, 1 CPU: exit status 3, expected 0 (1 of 1 runs failed)\nits output:\n  | <a & \"b\">\u0001\n"),
                output);
        assertTrue(output.endsWith("replay: ./clonix run --seed 1 --cpus 1 --time-limit 10 labs/x/tests/odd.c"), output);
    }

    @Test
    void junitXmlHasASuitePerLabAndAFailureElementPerFailedTest() throws Exception {
        String xml = JUnitXml.render(passAndFail());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        NodeList suites = doc.getDocumentElement().getElementsByTagName("testsuite");
        assertEquals(1, suites.getLength());
        Element suite = (Element) suites.item(0);
        assertEquals("x", suite.getAttribute("name"));
        assertEquals("2", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        NodeList cases = suite.getElementsByTagName("testcase");
        assertEquals("a", ((Element) cases.item(0)).getAttribute("name"));
        assertEquals(0, ((Element) cases.item(0)).getElementsByTagName("failure").getLength());
        Element failure = (Element) ((Element) cases.item(1)).getElementsByTagName("failure").item(0);
        assertEquals("seed 1, 1 CPU: exit status 3, expected 0 (1 of 1 runs failed)", failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains("<a & \"b\">\uFFFD"), failure.getTextContent());
    }

    @Test
    void theReplayCommandReproducesTheFailingRun() throws Exception {
        FixtureLab.write(project, "x", 1, "echo.c", """
                #include <stdio.h>
                int main(int argc, char **argv) {
                    char line[64];
                    if (fgets(line, sizeof line, stdin)) printf("read %s", line);
                    printf("argv[1]=%s\\n", argv[1]);
                    return 3;
                }
                """, "echo.in", "from stdin\n", "echo.ck", "seeds: 7\ncpus: 2\ntitle: t\npoints: 1\nargs: it's\nstdin: echo.in\n"
                        + "options: --mem 64 --sched fcfs\ntime-limit: 5\n");
        TestResult r = FixtureLab.gradeOne(project, "x");
        assertEquals("seed 7, 2 CPUs: exit status 3, expected 0 (1 of 1 runs failed)", r.reason());
        assertTrue(r.detail().startsWith("its output:\n  | read from stdin\n  | argv[1]=it's\n"), r.detail());
        String replay = r.detail().substring(r.detail().indexOf("replay: ") + "replay: ".length());
        assertEquals("./clonix run --seed 7 --cpus 2 --time-limit 5 --mem 64 --sched fcfs labs/x/tests/echo.c 'it'\\''s'"
                + " < labs/x/tests/echo.in", replay);
        // The command as a student types it, with this build's classes standing for ./clonix.
        String java = Path.of(System.getProperty("java.home"), "bin", "java") + " -Xmx1g -cp " + System.getProperty("java.class.path")
                + " clonix.Main";
        Process p = new ProcessBuilder("bash", "-c", java + replay.substring("./clonix".length()))
                .directory(project.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(3, p.waitFor());
        assertEquals("read from stdin\nargv[1]=it's\n", output);
    }

    @Test
    void hiddenTestsJoinTheirLabAndAreMarkedSo() throws Exception {
        FixtureLab.write(project, "x", 1, "hello.c", FixtureLab.HELLO, "hello.ck", FixtureLab.ONCE + "title: t\npoints: 10\n");
        Files.createDirectories(hidden.resolve("x"));
        Files.writeString(hidden.resolve("x/secret.c"), "int main(void) { return 1; }\n");
        Files.writeString(hidden.resolve("x/secret.ck"), FixtureLab.ONCE + "title: the teacher's\npoints: 5\n");
        List<GradedTest> tests = FixtureLab.grader(project).hiddenTests(hidden).tests(List.of()).values().iterator().next();
        assertEquals(List.of("hello", "secret"), tests.stream().map(GradedTest::name).toList());
        assertFalse(tests.get(0).hidden());
        assertTrue(tests.get(1).hidden());
        java.io.StringWriter table = new java.io.StringWriter();
        List<LabResult> labs = FixtureLab.grader(project).hiddenTests(hidden).grade(List.of("x"),
                new GradeTable(new java.io.PrintWriter(table)));
        assertEquals(10, labs.get(0).earned());
        assertEquals(15, labs.get(0).possible());
        assertTrue(table.toString().contains("\n  secret (hidden)  the teacher's "), table.toString());
        assertTrue(table.toString().contains("replay: ./clonix run --seed 1 --cpus 1 --time-limit 10 " + hidden.resolve("x/secret.c")),
                table.toString());
    }

    @Test
    void oneTestOfALabIsChosenAsLabSlashTest() throws Exception {
        FixtureLab.write(project, "x", 2, "hello.c", FixtureLab.HELLO, "a.ck", "title: t\npoints: 1\nprogram: hello.c\n",
                "b.ck", "title: t\npoints: 1\nprogram: hello.c\n");
        FixtureLab.write(project, "y", 1, "hello.c", FixtureLab.HELLO, "c.ck", "title: t\npoints: 1\nprogram: hello.c\n");
        Map<Lab, List<GradedTest>> tests = FixtureLab.grader(project).tests(List.of("x/b", "y", "x/a"));
        assertEquals(List.of("x/b", "x/a", "y/c"), tests.values().stream().flatMap(List::stream).map(GradedTest::fullName).toList());
        tests = FixtureLab.grader(project).tests(List.of("x/b", "x"));
        assertEquals(List.of("x/a", "x/b"), tests.values().stream().flatMap(List::stream).map(GradedTest::fullName).toList());
        tests = FixtureLab.grader(project).tests(List.of());
        assertEquals(List.of("y/c", "x/a", "x/b"), tests.values().stream().flatMap(List::stream).map(GradedTest::fullName).toList());
    }

    @Test
    void whatCannotBeGradedIsRefusedInOneLineBeforeAnythingRuns() throws Exception {
        FixtureLab.write(project, "x", 1, "hello.c", FixtureLab.HELLO, "hello.ck", "title: t\npoints: 10\n");
        Grader g = FixtureLab.grader(project);
        assertEquals("no lab named 'y' (the labs: x)", assertThrows(Grader.Refusal.class, () -> g.tests(List.of("y"))).getMessage());
        assertEquals("lab x has no test named 'nope'", assertThrows(Grader.Refusal.class, () -> g.tests(List.of("x/nope"))).getMessage());
        Files.createDirectories(hidden.resolve("z"));
        assertEquals("--tests: " + hidden.resolve("z") + " is not named after a lab",
                assertThrows(Grader.Refusal.class, () -> FixtureLab.grader(project).hiddenTests(hidden).tests(List.of())).getMessage());
        Files.delete(hidden.resolve("z"));
        Files.createDirectories(hidden.resolve("x"));
        Files.writeString(hidden.resolve("x/hello.ck"), "title: t\npoints: 1\nprogram: " + project.resolve("labs/x/tests/hello.c") + "\n");
        assertEquals(hidden.resolve("x/hello.ck") + ": lab x already has a test named hello",
                assertThrows(Grader.Refusal.class, () -> FixtureLab.grader(project).hiddenTests(hidden).tests(List.of())).getMessage());
        Path ck = project.resolve("labs/x/tests/hello.ck");
        Files.writeString(ck, "title: t\npoints: 10\ncolour: blue\n");
        assertEquals(ck + ":3: unknown key 'colour'", assertThrows(Grader.Refusal.class, () -> g.tests(List.of())).getMessage());
    }
}
