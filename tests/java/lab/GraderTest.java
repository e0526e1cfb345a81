package lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grader on fixture labs: each test writes a lab of one graded test (a C program and its
 * check file) into a fresh project directory and grades it, in a JVM of its own as
 * {@code ./clonix grade} does, on the classes of this build. Most fixtures run once (one seed,
 * one CPU) to keep the suite fast; the first runs the default six.
 */
class GraderTest {
    @TempDir Path project;

    private void lab(String... files) throws IOException {
        FixtureLab.write(project, "x", 1, files);
    }

    private TestResult gradeOne() throws Exception {
        return FixtureLab.gradeOne(project, "x");
    }

    private static final String HELLO = FixtureLab.HELLO;
    private static final String ONCE = FixtureLab.ONCE;

    @Test
    void aTestWhoseEveryRunPassesEarnsItsPoints() throws Exception {
        lab("hello.c", HELLO, "hello.expected", "hello\n", "hello.ck", "title: says hello\npoints: 10\nexpect: hello.expected\n");
        TestResult r = gradeOne();
        assertTrue(r.passed(), r.message());
        assertEquals(10, r.earned());
    }

    @Test
    void anOutputPassesIfItEqualsAnyOfTheAcceptedOnes() throws Exception {
        lab("hello.c", HELLO, "a.expected", "goodbye\n", "b.expected", "hello\n",
                "hello.ck", ONCE + "title: t\npoints: 5\nexpect: a.expected\nexpect: b.expected\n");
        assertTrue(gradeOne().passed());
    }

    @Test
    void aWrongOutputFailsWithTheDifferenceAndTheCommandThatReplaysIt() throws Exception {
        lab("hello.c", HELLO, "a.expected", "goodbye\n", "hello.ck", ONCE + "title: t\npoints: 5\nexpect: a.expected\n");
        TestResult r = gradeOne();
        assertFalse(r.passed());
        assertEquals(0, r.earned());
        assertEquals("seed 1, 1 CPU: the output differs from a.expected (1 of 1 runs failed)", r.reason());
        assertTrue(r.detail().contains("-goodbye\n+hello\n"), r.detail());
        assertTrue(r.detail().endsWith("replay: ./clonix run --seed 1 --cpus 1 --time-limit 10 labs/x/tests/hello.c"), r.detail());
    }

    @Test
    void sortedComparesTheLinesInAnyOrder() throws Exception {
        String program = "#include <stdio.h>\nint main(void) { printf(\"2\\n1\\n\"); return 0; }\n";
        lab("two.c", program, "two.expected", "1\n2\n", "two.ck", ONCE + "title: t\npoints: 5\nexpect: two.expected\nsorted: yes\n");
        assertTrue(gradeOne().passed());
        Files.writeString(project.resolve("labs/x/tests/two.ck"), ONCE + "title: t\npoints: 5\nexpect: two.expected\n");
        assertFalse(gradeOne().passed());
    }

    @Test
    void everyMatchMustFindALineAndNoRejectMay() throws Exception {
        String program = "#include <stdio.h>\nint main(void) { printf(\"shares: 0.51 0.49\\nok\\n\"); return 0; }\n";
        lab("p.c", program, "p.ck", ONCE + "title: t\npoints: 5\nmatch: ^shares: 0\\.[45]\\d\nmatch: ^ok$\nreject: starv\n");
        assertTrue(gradeOne().passed());
        Files.writeString(project.resolve("labs/x/tests/p.ck"), ONCE + "title: t\npoints: 5\nmatch: ^ok$\nreject: 0\\.49\n");
        TestResult r = gradeOne();
        assertEquals("seed 1, 1 CPU: line 1 matches /0\\.49/, which it must not (1 of 1 runs failed)", r.reason());
        Files.writeString(project.resolve("labs/x/tests/p.ck"), ONCE + "title: t\npoints: 5\nmatch: ^fair$\n");
        assertEquals("seed 1, 1 CPU: no line of the output matches /^fair$/ (1 of 1 runs failed)", gradeOne().reason());
    }

    @Test
    void aWrongExitStatusFails() throws Exception {
        lab("three.c", "int main(void) { return 3; }\n", "three.ck", ONCE + "title: t\npoints: 5\n");
        assertEquals("seed 1, 1 CPU: exit status 3, expected 0 (1 of 1 runs failed)", gradeOne().reason());
        Files.writeString(project.resolve("labs/x/tests/three.ck"), ONCE + "title: t\npoints: 5\nexit: 3\n");
        assertTrue(gradeOne().passed());
    }

    @Test
    void aCrashIsADeathBySignal() throws Exception {
        lab("crash.c", "int main(void) { *(volatile int *)0 = 1; return 0; }\n", "crash.ck", ONCE + "title: t\npoints: 5\n");
        assertEquals("seed 1, 1 CPU: exit status 139 (killed by SIGSEGV), expected 0 (1 of 1 runs failed)", gradeOne().reason());
    }

    @Test
    void aGuestThatNeverStopsRunsPastItsTimeLimit() throws Exception {
        lab("spin.c", "#include <unistd.h>\nint main(void) { if (fork() == 0) for (;;) ; for (;;) ; }\n",
                "spin.ck", ONCE + "title: t\npoints: 5\ntime-limit: 0.05\n");
        assertEquals("seed 1, 1 CPU: ran past its time limit of 0.05 s of virtual time (1 of 1 runs failed)", gradeOne().reason());
    }

    @Test
    void aGuestThatFloodsItsOutputIsStopped() throws Exception {
        lab("flood.c", "#include <stdio.h>\nint main(void) { for (;;) printf(\"yes\\n\"); }\n",
                "flood.ck", ONCE + "title: t\npoints: 5\nmax-output: 1000\n");
        TestResult r = gradeOne();
        assertEquals("seed 1, 1 CPU: output flood: it wrote more than 1000 bytes (1 of 1 runs failed)", r.reason());
        // The reason proves the run was stopped at the flood: left to run, it would have met
        // its host timeout (20 s, long before 10 s of virtual time) and failed as "timed out".
        assertTrue(r.detail().startsWith("its output began:\n  | yes\n"), r.detail());
    }

    @Test
    void aDeadlockedGuestFailsWithWhatEachTaskWaitsOn() throws Exception {
        lab("stuck.c", "#include <unistd.h>\nint main(void) { int fd[2]; char c; pipe(fd); read(fd[0], &c, 1); return 0; }\n",
                "stuck.ck", ONCE + "title: t\npoints: 5\n");
        TestResult r = gradeOne();
        assertEquals("seed 1, 1 CPU: deadlock: no task can run again (1 of 1 runs failed)", r.reason());
        assertTrue(r.detail().contains("stuck"), r.detail());
    }

    @Test
    void aProgramThatDoesNotCompileFailsWithTheDiagnostic() throws Exception {
        lab("bad.c", "int main(void) {\n  return nope;\n}\n", "bad.ck", "title: t\npoints: 5\n");
        TestResult r = gradeOne();
        assertEquals("the program does not compile (6 of 6 runs failed)", r.reason());
        assertTrue(r.detail().contains("labs/x/tests/bad.c:2:10: error"), r.detail());
        assertTrue(r.detail().contains("replay: ./clonix run --seed 1 --cpus 1"), r.detail());
    }

    @Test
    void machineOptionsThatClonixRunRefusesFailTheTestWithItsMessage() throws Exception {
        lab("hello.c", HELLO, "hello.ck", "title: t\npoints: 5\noptions: --sched nosuch\n");
        TestResult r = gradeOne();
        assertTrue(r.reason().startsWith("bad machine options: --sched: unknown policy 'nosuch' (known: rr, fcfs"), r.reason());
        assertTrue(r.reason().endsWith(" (6 of 6 runs failed)"), r.reason());
    }

    @Test
    void theTotalIsFullOnlyWhenEveryTestPasses() throws Exception {
        lab("hello.c", HELLO, "hello.expected", "hello\n", "three.c", "int main(void) { return 3; }\n",
                "a.ck", ONCE + "title: first\npoints: 30\nprogram: hello.c\nexpect: hello.expected\n",
                "b.ck", ONCE + "title: second\npoints: 70\nprogram: three.c\n");
        java.io.StringWriter table = new java.io.StringWriter();
        GradeTable t = new GradeTable(new java.io.PrintWriter(table));
        List<LabResult> labs = FixtureLab.grader(project).grade(List.of(), t);
        t.total(labs);
        assertEquals(30, labs.get(0).earned());
        assertEquals(100, labs.get(0).possible());
        String text = table.toString();
        assertTrue(text.startsWith("== x: Fixture x ==\n  a  first "), text);
        assertTrue(text.matches("(?s).*\n  a  first +OK     30/30 +\\d+\\.\\ds\n.*"), text);
        assertTrue(text.matches("(?s).*\n  b  second +FAIL    0/70 +\\d+\\.\\ds\n      seed 1, 1 CPU: exit status 3.*"), text);
        assertTrue(text.endsWith("  x: 30/100\nTotal: 30/100\n"), text);
    }

    @Test
    void withSeveralJobsTheResultsAreTheSameAndInTheSameOrder() throws Exception {
        lab("hello.c", HELLO, "three.c", "int main(void) { return 3; }\n",
                "a.ck", ONCE + "title: first\npoints: 30\nprogram: three.c\n",
                "b.ck", ONCE + "title: second\npoints: 40\nprogram: hello.c\n",
                "c.ck", ONCE + "title: third\npoints: 30\nprogram: hello.c\n");
        java.io.StringWriter table = new java.io.StringWriter();
        List<LabResult> labs = FixtureLab.grader(project).jobs(3).grade(List.of("x"), new GradeTable(new java.io.PrintWriter(table)));
        assertEquals(List.of("a", "b", "c"), labs.get(0).tests().stream().map(r -> r.test().name()).toList());
        assertEquals(List.of(false, true, true), labs.get(0).tests().stream().map(TestResult::passed).toList());
        assertEquals(70, labs.get(0).earned());
        assertTrue(table.toString().matches("(?s)== x: Fixture x ==\n  a .*\n  b .*\n  c .*\n  x: 70/100\n"), table.toString());
    }

    @Test
    void aTestsJvmEndsWhenTheGraderIsGone() throws Exception {
        lab("spin.c", "int main(void) { for (;;) ; }\n");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "clonix.GradeChild", "labs/x/tests/spin.c", "", "100", "1000", "1:1:0", "0")
                .directory(project.toFile()).redirectErrorStream(true).start();
        java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream()));
        assertEquals("start 1 1 0", out.readLine()); // compiled, and now spinning for a thousand virtual seconds
        child.getOutputStream().close();
        assertTrue(child.waitFor(20, java.util.concurrent.TimeUnit.SECONDS), "the JVM outlived its grader");
        assertEquals(3, child.exitValue());
    }
}
