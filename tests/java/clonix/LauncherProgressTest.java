package clonix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code clonix} launcher's first build says what it is doing, so it does not look hung:
 * run on a copy of the project whose {@code mvn} is a stand-in that goes through the stages
 * of the real build (writing the progress file image.BuildProgress writes) and whose
 * {@code java} only says it was started. Standard error is no terminal here, so the launcher
 * prints a plain line per stage; a failed build prints Maven's output and one line.
 */
class LauncherProgressTest {
    @TempDir Path project;

    private static final String MVN = """
            #!/bin/bash
            sleep 1
            echo 0/2 > "$CLONIX_BUILD_PROGRESS"; sleep 1
            echo 1/2 > "$CLONIX_BUILD_PROGRESS"; sleep 1
            echo 2/2 > "$CLONIX_BUILD_PROGRESS"; sleep 1
            [ -n "${FAIL:-}" ] && { echo "[ERROR] javac: boom"; exit 1; }
            mkdir -p target && touch target/clonix.jar
            """;

    private String launch(String fail) throws Exception {
        Files.copy(Path.of("clonix"), project.resolve("clonix"));
        Files.writeString(project.resolve("pom.xml"), "<project/>\n");
        for (String d : new String[] {"src", "kernel", "resources", "userland"}) Files.createDirectories(project.resolve(d));
        Path bin = Files.createDirectories(project.resolve("fakebin"));
        Files.writeString(bin.resolve("mvn"), MVN);
        Files.writeString(bin.resolve("java"), "#!/bin/sh\necho java started >&2\n");
        for (String tool : new String[] {"mvn", "java"}) {
            Files.setPosixFilePermissions(bin.resolve(tool), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        ProcessBuilder pb = new ProcessBuilder("bash", project.resolve("clonix").toString()).directory(project.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        if (fail != null) pb.environment().put("FAIL", fail);
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return err + "[exit " + p.exitValue() + "]\n";
    }

    @Test
    void theFirstBuildPrintsALinePerStage() throws Exception {
        assertEquals("""
                clonix: building target/clonix.jar (first run)...
                clonix: compiling the Java sources
                clonix: building the boot image: 0/2 files
                clonix: packaging target/clonix.jar
                java started
                [exit 0]
                """, launch(null));
    }

    @Test
    void aFailedBuildShowsMavensOutput() throws Exception {
        assertEquals("""
                clonix: building target/clonix.jar (first run)...
                clonix: compiling the Java sources
                clonix: building the boot image: 0/2 files
                clonix: packaging target/clonix.jar
                [ERROR] javac: boom
                clonix: build failed; the Maven output above is also in target/build.log
                [exit 1]
                """, launch("yes"));
    }
}
