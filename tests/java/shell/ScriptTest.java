package shell;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import boot.Options;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Transcript tests: each tests/scripts/NAME.sh runs in batch mode (default machine, seed 42,
 * each command echoed after the prompt) and must print exactly NAME.out, or one of the
 * alternatives NAME.out.2, NAME.out.3 ... where a schedule may legitimately differ. A script
 * with a line "# part of lab: NAME" is skipped while that lab is at its starting point.
 *
 * <p>To regenerate the expected transcripts on purpose, after checking that the new
 * behaviour is right: {@code mvn test -Dtest=ScriptTest -Dclonix.regen=true} (or the
 * environment variable CLONIX_REGEN=true). That rewrites NAME.out and leaves the
 * alternatives alone.
 */
class ScriptTest {
    static final Path DIR = Path.of("tests/scripts");

    @TestFactory
    Stream<DynamicTest> eachScriptPrintsItsTranscript() throws IOException {
        List<Path> scripts;
        try (Stream<Path> s = Files.list(DIR)) {
            scripts = s.filter(p -> p.toString().endsWith(".sh")).sorted().toList();
        }
        assertTrue(scripts.size() >= 8, "the transcript suite is missing");
        return scripts.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
    }

    /** The transcript of {@code script}: everything the session printed. */
    static String transcript(Path script) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = Files.newInputStream(script)) {
            int status = ShellMain.runBatch(Options.defaults(), in, out, true);
            out.write(("[exit status " + status + "]\n").getBytes(StandardCharsets.UTF_8));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void check(Path script) throws IOException {
        String name = script.getFileName().toString().replaceFirst("\\.sh$", "");
        assumeTrue(labsDone(script), name + ".sh needs a lab that is at its starting point");
        String actual = transcript(script);
        Path primary = DIR.resolve(name + ".out");
        if (regenerate()) {
            Files.writeString(primary, actual, StandardCharsets.UTF_8);
            return;
        }
        List<Path> accepted = new ArrayList<>();
        accepted.add(primary);
        for (int i = 2; Files.exists(DIR.resolve(name + ".out." + i)); i++) accepted.add(DIR.resolve(name + ".out." + i));
        for (Path p : accepted) {
            if (Files.exists(p) && Files.readString(p, StandardCharsets.UTF_8).equals(actual)) return;
        }
        fail(name + ".sh printed something else than " + accepted.stream().map(p -> p.getFileName().toString()).toList()
                + " (regenerate with -Dclonix.regen=true if the change is intended):\n" + actual);
    }

    /**
     * Whether the labs a script needs are done: a line "# part of lab: NAME..." names them, and
     * the script is skipped while one is in labs/STARTED, as {@code lab.PartOfLab} skips a test.
     */
    private static boolean labsDone(Path script) throws IOException {
        List<String> started = lab.Labs.of(Path.of("").toAbsolutePath()).started();
        for (String line : Files.readAllLines(script, StandardCharsets.UTF_8)) {
            if (!line.startsWith("# part of lab:")) continue;
            for (String needed : line.substring("# part of lab:".length()).trim().split("\\s+")) {
                if (started.contains(needed)) return false;
            }
        }
        return true;
    }

    private static boolean regenerate() {
        return Boolean.getBoolean("clonix.regen") || "true".equals(System.getenv("CLONIX_REGEN"));
    }
}
