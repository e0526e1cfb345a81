package cc;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every tests/c/NAME.c through the Clonix compiler, assembler, linker and a bare
 * machine, and compares what it prints with tests/c/NAME.expected. The expected output
 * came from compiling the same file with the host's gcc -O0 on Linux x86-64, so each test
 * checks that Clonix's C means what Linux's C means.
 */
class CProgramTest {
    @TestFactory
    Stream<DynamicTest> everyCProgramPrintsWhatGccsDoes() throws Exception {
        List<Path> programs;
        try (Stream<Path> s = Files.list(CProgramRunner.TESTS_C)) {
            programs = s.filter(p -> p.toString().endsWith(".c")).sorted().toList();
        }
        assertTrue(programs.size() >= 5, "the C test programs are missing");
        return programs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            String name = p.getFileName().toString();
            Path expected = p.resolveSibling(name.substring(0, name.length() - 2) + ".expected");
            CProgramRunner.Run run = CProgramRunner.runFile(p);
            assertEquals(Files.readString(expected), run.stdout(), name + " printed something else");
            assertEquals(0, run.status(), name + ": " + run.reason());
        }));
    }
}
