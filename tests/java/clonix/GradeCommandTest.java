package clonix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * {@code clonix grade} on the command line: what it refuses, in one line and exit status 2.
 * (The grading itself is tested on fixture labs in tests/java/lab.)
 */
class GradeCommandTest extends CommandLineRun {
    @Test
    void anUnknownLabIsOneLineAndExitStatus2() {
        assertEquals(2, clonix("grade", "nosuch"));
        assertEquals("clonix grade: no lab named 'nosuch' (the labs: syscall, sched, clone, locks, uthread, cow)\n", err.toString());
    }

    @Test
    void hiddenTestsMustBeADirectory() {
        assertEquals(2, clonix("grade", "--tests", dir.resolve("none").toString(), "syscall"));
        assertEquals("clonix grade: --tests: not a directory: " + dir.resolve("none") + "\n", err.toString());
    }

    @Test
    void gradeHasHelp() {
        StringWriter out = new StringWriter();
        assertEquals(0, Main.execute(new String[] {"grade", "--help"}, new PrintWriter(out, true), new PrintWriter(err, true)));
        assertTrue(out.toString().startsWith("Usage: clonix grade"), out.toString());
    }
}
