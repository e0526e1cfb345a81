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

/** The shell with a host directory mounted at /mnt/host (--mount): reading, compiling and running its files. */
class MountedDirectoryTest {
    @TempDir Path host;

    @Test
    void theShellReadsAndCompilesFilesOfTheMountedDirectory() throws Exception {
        Files.writeString(host.resolve("notes.txt"), "hello from the host\n");
        Files.writeString(host.resolve("prog.c"), """
                #include <stdio.h>
                int main(void) { printf("built from /mnt/host\\n"); return 0; }
                """);
        String script = """
                cat /mnt/host/notes.txt
                cc /mnt/host/prog.c -o /tmp/prog && /tmp/prog
                cd /mnt/host
                cc prog.c -o prog
                """;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = ShellMain.runBatch(Options.defaults().withMount(host),
                new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), out, false);
        assertEquals("hello from the host\nbuilt from /mnt/host\n", out.toString(StandardCharsets.UTF_8));
        assertEquals(0, status);
        assertTrue(Files.size(host.resolve("prog")) > 0, "cc wrote its output into the host directory");
    }
}
