package clonix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clonix run X.c} and the shell's {@code cc} compile in memory: the C library comes
 * from the boot image in memory and nothing is staged on disk, so the temporary directory
 * is exactly as empty afterwards as before. Each runs in a JVM of its own whose
 * java.io.tmpdir is a fresh directory, the only way to see every file it makes there.
 */
class NoTemporaryFilesTest {
    @TempDir Path dir;

    /** Runs clonix with ARGS in a new JVM whose temporary directory is {@code tmp}; returns its output. */
    private static String clonix(Path tmp, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Djava.io.tmpdir=" + tmp,
                "-cp", System.getProperty("java.class.path"), "clonix.Main"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) p.destroyForcibly();
        return out + "[exit " + p.exitValue() + "]";
    }

    private static List<Path> contents(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.toList();
        }
    }

    @Test
    void runAndTheShellsCcLeaveNothingInTheTemporaryDirectory() throws Exception {
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        Path hello = dir.resolve("hello.c");
        Files.writeString(hello, "#include <stdio.h>\nint main(void) { puts(\"hello\"); return 0; }\n");
        assertEquals("hello\n[exit 0]", clonix(tmp, "run", hello.toString()));
        Path script = dir.resolve("cc.sh");
        Files.writeString(script, "echo 'int main(void) { return 4; }' > /tmp/four.c\ncc /tmp/four.c -o /tmp/four\n/tmp/four\n");
        assertEquals("[exit 4]", clonix(tmp, "--script", script.toString()));
        assertEquals(List.of(), contents(tmp));
    }
}
