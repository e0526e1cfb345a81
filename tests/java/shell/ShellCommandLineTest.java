package shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clonix} with no subcommand is the shell: --script, the machine options, and their errors. */
class ShellCommandLineTest {
    @TempDir Path tmp;

    /** Runs the command line with System.out captured; returns {status, stdout, stderr}. */
    private static Object[] clonix(String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        StringWriter stderr = new StringWriter();
        PrintStream saved = System.out;
        int status;
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            status = clonix.Main.execute(args, new PrintWriter(System.out, true), new PrintWriter(stderr, true));
        } finally {
            System.setOut(saved);
        }
        return new Object[] {status, stdout.toString(StandardCharsets.UTF_8), stderr.toString()};
    }

    @Test
    void scriptRunsInBatchModeAndGivesTheLastStatus() throws Exception {
        Path script = tmp.resolve("s.sh");
        Files.writeString(script, "echo on $(nproc) cpus\nnproc\nfalse\n");
        Object[] r = clonix("--cpus", "2", "--seed", "7", "--script", script.toString());
        assertEquals(1, r[0]);
        assertEquals("on 2 cpus\n2\n", r[1]); // $(nproc): the output of a guest program
        assertEquals("", r[2]);
    }

    @Test
    void aSyntaxErrorNamesTheScriptAndTheLine() throws Exception {
        Path script = tmp.resolve("bad.sh");
        Files.writeString(script, "echo before\nif true; then\n  echo inside\nfi fi\necho after\nwhile true; do\n");
        Object[] r = clonix("--script", script.toString());
        assertEquals(2, r[0]);
        assertEquals("before\nsh: " + script + ": line 4: syntax error near unexpected token `fi'\nafter\n"
                + "sh: " + script + ": line 7: syntax error: unexpected end of file\n", r[1]);
    }

    @Test
    void echoShowsEachCommandAfterThePrompt() throws Exception {
        Path script = tmp.resolve("s.sh");
        Files.writeString(script, "echo hi\nexit 4\n");
        Object[] r = clonix("--echo", "--script", script.toString());
        assertEquals(4, r[0]);
        assertEquals("$ echo hi\nhi\n$ exit 4\n", r[1]);
    }

    @Test
    void badOptionsAndMissingScriptsGiveOneLine() {
        Object[] r = clonix("--cpus", "0", "--script", "x");
        assertEquals(1, r[0]);
        assertEquals("clonix: --cpus must be between 1 and 64\n", r[2]);
        r = clonix("--script", tmp.resolve("missing.sh").toString());
        assertEquals(1, r[0]);
        assertEquals("clonix: cannot read " + tmp.resolve("missing.sh") + ": no such file\n", r[2]);
    }
}
