package utils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.Options;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * /bin/sh runs scripts as dash, the /bin/sh of Debian and Ubuntu, does: each tests/sh/NAME.sh
 * is run in Clonix as {@code sh NAME.sh} (the script in the root directory, the working
 * directory) and must print exactly what dash printed on Linux, standard output and error
 * together, and exit with the same status (tests/sh/NAME.expected, made by
 * tests/sh/generate.sh). Each script runs on two machines, as the output must not depend
 * on the CPU count or the seed.
 */
class ShellScriptTest {
    private static final Path DIR = Path.of("tests/sh");

    @TestFactory
    Stream<DynamicTest> eachScriptPrintsWhatDashPrints() throws IOException {
        List<Path> scripts;
        try (Stream<Path> s = Files.list(DIR)) {
            scripts = s.filter(p -> p.toString().endsWith(".sh") && !p.endsWith("generate.sh")).sorted().toList();
        }
        assertTrue(scripts.size() >= 5, "the shell scripts are missing");
        return scripts.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
    }

    private void check(Path script) throws IOException {
        String name = script.getFileName().toString();
        String expected = Files.readString(DIR.resolve(name.replaceFirst("\\.sh$", ".expected")), StandardCharsets.UTF_8);
        Map<String, byte[]> files = Map.of("/" + name, Files.readAllBytes(script));
        for (Options options : List.of(Options.defaults(), Options.defaults().withCpus(1).withSeed(5))) {
            Programs.Run run = Programs.run(options, files, new byte[0], List.of("sh", name));
            assertEquals(expected, run.output() + "[exit " + run.status() + "]\n", options.cpus() + " CPUs, seed " + options.seed());
        }
    }
}
