package shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import boot.Options;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The script language against bash, where POSIX (or bash) defines the output: each
 * tests/bash/NAME.sh, and the POSIX scripts of tests/sh that need nothing the Java shell
 * lacks, runs in Clonix's shell (batch mode, the default machine) and in the bash of this
 * machine (in an empty directory, with LC_ALL=C, a small environment and no input), and both
 * must print the same bytes: standard output and error together, then the exit status.
 * bash starts its messages in a script with "FILE: line N: " where the Java shell writes
 * "sh: "; that prefix is the one difference allowed. Skipped where there is no bash.
 */
class BashComparisonTest {
    /** The scripts of tests/sh (written for dash, see utils.ShellScriptTest) that are compared too. */
    private static final List<String> POSIX_SCRIPTS = List.of("control", "globbing", "heredoc", "quoting", "variables");

    @TempDir Path tmp;

    @TestFactory
    Stream<DynamicTest> eachScriptPrintsWhatBashPrints() throws IOException {
        List<Path> scripts = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("tests/bash"))) {
            s.filter(p -> p.toString().endsWith(".sh")).sorted().forEach(scripts::add);
        }
        for (String name : POSIX_SCRIPTS) scripts.add(Path.of("tests/sh", name + ".sh"));
        assertTrue(scripts.size() >= 10, "the scripts are missing");
        return scripts.stream().map(p -> DynamicTest.dynamicTest(p.toString(), () -> check(p)));
    }

    private void check(Path script) throws Exception {
        assumeTrue(new File("/bin/bash").canExecute(), "no bash on this machine");
        assertEquals(bash(script), clonix(script), script + ": Clonix's shell and bash differ");
    }

    private static String clonix(Path script) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status;
        try (InputStream in = Files.newInputStream(script)) {
            status = ShellMain.runBatch(Options.defaults(), in, out, false);
        }
        return out.toString(StandardCharsets.UTF_8) + "[exit " + status + "]\n";
    }

    private String bash(Path script) throws Exception {
        Path dir = Files.createTempDirectory(tmp, "bash");
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", script.toAbsolutePath().toString())
                .directory(dir.toFile()).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", "/usr/bin:/bin");
        env.put("LC_ALL", "C");
        env.put("HOME", "/");
        Process p = pb.start();
        byte[] output = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "bash did not finish " + script);
        String text = new String(output, StandardCharsets.UTF_8).replaceAll("(?m)^[^ \\n]*: line [0-9]+: ", "sh: ");
        return text + "[exit " + p.exitValue() + "]\n";
    }
}
