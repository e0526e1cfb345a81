package clonix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A program that dies of a signal that dumps core gets, under clonix run, a backtrace on
 * standard error after it dies: the signal, the pc and one line per frame with the function
 * and file:line. Its own output is untouched, and a program killed by a signal that does not
 * dump core (SIGTERM) gets no report.
 */
class CrashBacktraceTest extends CommandLineRun {
    private static final String SEGV = """
            #include <stdio.h>
            int *volatile p;
            int f(int x)
            {
                return *p + x;
            }
            int main(void)
            {
                printf("before\\n");
                fflush(stdout);
                return f(1);
            }
            """;

    private Path write(String name, String source) throws Exception {
        Path c = dir.resolve(name);
        Files.writeString(c, source);
        return c;
    }

    @Test
    void aSegmentationFaultPrintsWhereEachFrameWasAfterTheProgramsOutput() throws Exception {
        Path c = write("segv.c", SEGV);
        assertEquals(128 + 11, clonix("run", c.toString()), err.toString());
        assertEquals("before\n", console.toString(StandardCharsets.UTF_8), "the program's output is Linux's");
        String[] lines = err.toString().split("\n");
        assertEquals(4, lines.length, err.toString());
        assertTrue(lines[0].matches("clonix run: segv killed by SIGSEGV at 0x[0-9a-f]+ \\(f " + java.util.regex.Pattern.quote(c.toString()) + ":5\\)"), lines[0]);
        assertEquals("  #0 f " + c + ":5", lines[1]);
        assertEquals("  #1 main " + c + ":11", lines[2], "the line of the call");
        assertTrue(lines[3].matches("  #2 _start\\+0x[0-9a-f]+"), lines[3]);
    }

    /**
     * Code that runs without fp pointing at a frame of its own, a leaf that keeps an array in
     * its frame without saving ra and fp, and an early return that runs before the prologue
     * (src/cc/Codegen.java), still shows its caller: ra holds the return address.
     */
    @Test
    void aLeafWithoutSavedFpAndAnEarlyReturnStillShowTheirCallers() throws Exception {
        String program = """
                int *volatile p;
                static int leaf(int i)
                {
                    int a[4] = {1, 2, 3, 4};
                    return a[i & 3] + *p;
                }
                static int early(int n)
                {
                    if (n > 0) return *p + n;
                    return leaf(n) + early(n + 1);
                }
                int main(int argc, char **argv)
                {
                    return argc > 1 ? early(1) : leaf(2);
                }
                """;
        Path c = write("noframe.c", program);
        assertEquals(128 + 11, clonix("run", c.toString()), err.toString());
        assertTrue(err.toString().contains("\n  #0 leaf " + c + ":5\n  #1 main " + c + ":14\n  #2 _start+0x"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(128 + 11, clonix("run", c.toString(), "early"), err.toString());
        assertTrue(err.toString().contains("\n  #0 early " + c + ":9\n  #1 main " + c + ":14\n  #2 _start+0x"), err.toString());
    }

    /**
     * A recursive function that faults in its early return, before its prologue: ra points
     * into the function itself, yet it is the return address of the recursive call, so the
     * backtrace shows every level. Once the prologue has run, a return address into the
     * function is one a call it made has left in ra, and is not shown (the first test).
     */
    @Test
    void aRecursiveFunctionFaultingInItsEarlyReturnShowsEachLevel() throws Exception {
        String program = """
                int *volatile p;
                static int depth(int n)
                {
                    if (n == 0) return *p;
                    return depth(n - 1) + 1;
                }
                int main(void)
                {
                    return depth(2);
                }
                """;
        Path c = write("recurse.c", program);
        assertEquals(128 + 11, clonix("run", c.toString()), err.toString());
        assertTrue(err.toString().contains("\n  #0 depth " + c + ":4\n  #1 depth " + c + ":5\n  #2 depth " + c
                + ":5\n  #3 main " + c + ":9\n  #4 _start+0x"), err.toString());
    }

    @Test
    void abortShowsTheWayThroughLibcToTheCaller() throws Exception {
        Path c = write("ab.c", """
                #include <stdlib.h>
                static void check(int ok)
                {
                    if (!ok)
                        abort();
                }
                int main(void)
                {
                    check(0);
                    return 0;
                }
                """);
        assertEquals(128 + 6, clonix("run", c.toString()), err.toString());
        String report = err.toString();
        assertTrue(report.startsWith("clonix run: ab killed by SIGABRT at 0x"), report);
        assertTrue(report.matches("(?s).*\n  #\\d+ abort userland/lib/[a-z_]+\\.c:\\d+\n  #\\d+ check " + java.util.regex.Pattern.quote(c.toString())
                + ":5\n  #\\d+ main " + java.util.regex.Pattern.quote(c.toString()) + ":9\n.*"), report);
    }

    @Test
    void aSignalThatDoesNotDumpCoreGetsNoReport() throws Exception {
        Path c = write("term.c", """
                #include <signal.h>
                int main(void)
                {
                    raise(SIGTERM);
                    return 0;
                }
                """);
        assertEquals(128 + 15, clonix("run", c.toString()));
        assertEquals("", err.toString());
    }
}
