package trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clonix.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code clonix run --timeline --strace --trace-json FILE}: the consumers after a run. */
class TraceOptionsTest extends clonix.CommandLineRun {
    @Test
    void runPrintsTimelineAndStraceAndWritesJson() throws Exception {
        Path json = dir.resolve("trace.json");
        int status = Main.execute(new String[] {"run", "--cpus", "2", "--timeline", "--strace", "--trace-json",
            json.toString(), "tests/asm/hello.s"}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(0, status, err.toString());
        String text = err.toString();
        assertTrue(text.contains("write(1, "), text);
        assertTrue(text.contains("+++ exited with 0 +++"), text);
        assertTrue(text.contains("\ncpu0  |") && text.contains("\ncpu1  |"), text);
        assertTrue(text.contains("a = 1 init (tid 1)\n"), text);
        Object doc = JsonChecker.parse(Files.readString(json));
        assertTrue(doc instanceof Map<?, ?> m && m.containsKey("traceEvents"));
    }

    @Test
    void tinyBufferReportsDroppedEvents() {
        int status = Main.execute(new String[] {"run", "--timeline", "--trace-buffer", "5", "tests/asm/hello.s"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(0, status, err.toString());
        assertTrue(err.toString().contains("events were dropped (see --trace-buffer)"), err.toString());
    }

    @Test
    void withoutTraceOptionsNothingIsPrinted() {
        int status = Main.execute(new String[] {"run", "tests/asm/hello.s"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(0, status);
        assertEquals("", err.toString());
    }
}
