package shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.Options;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trace export FILE} writes the traced events to a host file as Perfetto JSON. */
class TraceExportTest {
    @TempDir Path tmp;

    @Test
    void traceExportWritesPerfettoJsonOfWhatRan() throws Exception {
        Path json = tmp.resolve("run.json");
        String script = "trace on\necho traced | cat\ntrace export " + json + "\ntrace export " + tmp.resolve("no/dir.json") + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = ShellMain.runBatch(Options.defaults(), new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), out, false);
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, status, text);
        assertTrue(text.startsWith("traced\ntrace: "), text);
        assertTrue(text.contains("sh: trace: cannot write "), text);
        String trace = Files.readString(json);
        assertTrue(trace.startsWith("{\"traceEvents\":["), trace);
        assertTrue(trace.contains("\"echo\"") || trace.contains("echo"), "the programs that ran are named");
        assertTrue(trace.contains("cat"));
    }
}
