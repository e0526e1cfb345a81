package shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.Options;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Scripts that nest or recurse without end must not exhaust the Java stack (which would end
 * Clonix): text nested too deep is a syntax error, recursion of functions, eval and '.' stops
 * at bash's FUNCNEST message, and so do arithmetic and variables that refer to themselves.
 * Each line gives one message and the script goes on.
 */
class DeepNestingTest {
    @Test
    void nestingAndRecursionGiveOneLineAndTheScriptGoesOn() throws Exception {
        String script = String.join("\n",
                "echo " + "$(".repeat(3000) + "echo x" + ")".repeat(3000),
                "(".repeat(3000) + "echo y" + ")".repeat(3000),
                "{ ".repeat(3000) + "echo z; " + "} ".repeat(3000),
                "echo $((" + "(".repeat(30000) + "1" + ")".repeat(30000) + "))",
                "echo $((" + "- ".repeat(30000) + "1))",
                "f() { f; }; f",
                "x=x; echo $((x))",
                "echo '. /tmp/self.sh' > /tmp/self.sh; . /tmp/self.sh",
                "e() { eval e; }; e",
                "down() { if [ $1 -gt 0 ]; then echo $(down $(($1 - 1))); else echo bottom; fi; }; down 60",
                "echo after");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = ShellMain.runBatch(Options.defaults(), new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)),
                out, false);
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(11, lines.length, out.toString(StandardCharsets.UTF_8));
        for (int i = 0; i < 3; i++) {
            assertEquals("sh: line " + (i + 1) + ": syntax error: commands nested more than 100 levels deep", lines[i]);
        }
        assertTrue(lines[3].endsWith(": expression recursion level exceeded"), lines[3]);
        assertTrue(lines[4].endsWith(": expression recursion level exceeded"), lines[4]);
        assertEquals("sh: f: maximum function nesting level exceeded (100)", lines[5]);
        assertEquals("sh: x: expression recursion level exceeded", lines[6]);
        assertEquals("sh: /tmp/self.sh: maximum function nesting level exceeded (100)", lines[7]);
        assertEquals("sh: e: maximum function nesting level exceeded (100)", lines[8]);
        assertEquals("bottom", lines[9]); // 60 levels of functions and substitutions are fine
        assertEquals("after", lines[10]);
        assertFalse(out.toString(StandardCharsets.UTF_8).contains("internal error"));
        assertEquals(0, status);
    }
}
