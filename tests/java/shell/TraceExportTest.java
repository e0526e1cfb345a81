package shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.Options;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trace export FILE} writes the traced events as Perfetto JSON to a file of the guest;
 * the shell reaches the host only through the mounted directory.
 */
class TraceExportTest {
    @TempDir Path tmp;

    private static String run(Options options, String script) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ShellMain.runBatch(options, new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), out, false);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void traceExportWritesPerfettoJsonToAGuestFile() throws Exception {
        String text = run(Options.defaults(), "trace on\necho traced | cat\ntrace export /tmp/run.json\n"
                + "head -c 15 /tmp/run.json; echo\ngrep -q cat /tmp/run.json && echo cat is named\ntrace export /no/dir.json\n");
        assertTrue(text.startsWith("traced\ntrace: "), text);
        assertTrue(text.contains("events written to /tmp/run.json\n{\"traceEvents\":\ncat is named\n"), text);
        assertTrue(text.endsWith("sh: trace: cannot write /no/dir.json: No such file or directory\n"), text);
    }

    @Test
    void aHostPathNamesAGuestFileAndTheHostIsUntouched() throws Exception {
        Path host = tmp.resolve("outside.json");
        String text = run(Options.defaults(), "trace export " + host + "\n");
        assertTrue(text.startsWith("sh: trace: cannot write " + host + ": No such file or directory"), text);
        assertFalse(Files.exists(host), "the shell wrote a host file outside the mount");
    }

    @Test
    void exportUnderTheMountReachesTheHost() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("mnt"));
        String text = run(Options.defaults().withMount(dir), "echo x\ntrace export /mnt/host/t.json\n");
        assertEquals("x\ntrace: ", text.substring(0, 9), text);
        assertTrue(Files.readString(dir.resolve("t.json")).startsWith("{\"traceEvents\":["));
    }
}
