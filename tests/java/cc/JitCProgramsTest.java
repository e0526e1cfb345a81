package cc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import vm.Engine;

/**
 * Every tests/c program under both engines (docs/design.md, "Engines"): on the bare machine,
 * the JIT must print the same bytes, exit with the same status and reason, and execute
 * exactly as many instructions as the interpreter.
 */
class JitCProgramsTest {
    @TestFactory
    Stream<DynamicTest> everyCProgramRunsTheSameUnderTheJit() throws Exception {
        List<Path> programs;
        try (Stream<Path> s = Files.list(CProgramRunner.TESTS_C)) {
            programs = s.filter(p -> p.toString().endsWith(".c")).sorted().toList();
        }
        return programs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            CProgramRunner.Run interp = CProgramRunner.runFile(Engine.INTERP, p);
            CProgramRunner.Run jit = CProgramRunner.runFile(Engine.JIT, p);
            assertEquals(interp, jit, p + ": the engines disagree");
        }));
    }
}
