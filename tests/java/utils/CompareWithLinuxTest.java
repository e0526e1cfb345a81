package utils;

import static org.junit.jupiter.api.Assertions.assertEquals;

import boot.Options;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The utilities print what the real ones print: each case of tests/utils/cases.txt is run
 * in Clonix, with the files of tests/utils/input in the guest's root directory (the cwd),
 * and must give exactly the bytes and exit status that GNU coreutils, GNU grep and
 * procps-ng gave on Linux (tests/utils/NAME.expected, made by tests/utils/generate.sh).
 */
class CompareWithLinuxTest {
    private static final Path DIR = Path.of("tests/utils");

    /** One line of cases.txt. */
    record Case(String name, List<String> argv, String stdinFile) {}

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve("cases.txt"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String stdin = null;
            int redirect = line.indexOf(" < ");
            if (redirect >= 0) {
                stdin = line.substring(redirect + 3).trim();
                line = line.substring(0, redirect);
            }
            List<String> words = Programs.words(line);
            cases.add(new Case(words.get(0), words.subList(1, words.size()), stdin));
        }
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> eachUtilityPrintsWhatLinuxPrints() throws IOException {
        Map<String, byte[]> files = Programs.filesUnder(DIR.resolve("input"), "/");
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            byte[] input = c.stdinFile() == null ? new byte[0] : Files.readAllBytes(DIR.resolve("input").resolve(c.stdinFile()));
            Programs.Run run = Programs.run(Options.defaults(), files, input, c.argv());
            String expected = Files.readString(DIR.resolve(c.name() + ".expected"), StandardCharsets.UTF_8);
            assertEquals(expected, run.output() + "[exit " + run.status() + "]\n", String.join(" ", c.argv()));
        }));
    }
}
