package linux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import boot.Kernel;
import boot.Options;
import image.BootImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import obj.Executable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import vm.Engine;

/**
 * The tests/linux programs under both engines (docs/design.md, "Engines"): booted with the
 * same options, the interpreter and the JIT must print the same bytes, exit with the same
 * status and end at the same virtual time (the clock counts every instruction every CPU
 * retires, and idle cycles, so one instruction more or less anywhere would show). That the
 * output is Linux's is LinuxComparisonTest's business.
 *
 * <p>Each program runs twice more here, so CI takes every sixth program (a fixed choice,
 * spread over the sorted list); {@code -Dclonix.jit.all=true} takes them all.
 */
class JitLinuxProgramsTest {
    private static final Path DIR = Path.of("tests/linux");

    @TestFactory
    Stream<DynamicTest> linuxProgramsRunTheSameUnderTheJit() throws IOException {
        List<Path> programs;
        try (Stream<Path> s = Files.list(DIR)) {
            programs = s.filter(p -> p.toString().endsWith(".c") || Files.isDirectory(p)).sorted().toList();
        }
        int step = Boolean.getBoolean("clonix.jit.all") ? 1 : 6;
        return programs.stream().filter(p -> programs.indexOf(p) % step == 0)
                .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
    }

    private void check(Path program) throws Exception {
        List<Path> sources;
        if (Files.isDirectory(program)) {
            try (Stream<Path> s = Files.list(program)) {
                sources = s.filter(p -> p.toString().endsWith(".c")).sorted().toList();
            }
        } else {
            sources = List.of(program);
        }
        String name = program.getFileName().toString().replaceFirst("\\.c$", "");
        BootImage image = BootImage.load();
        StringWriter diagnostics = new StringWriter();
        Executable exe = image.compile(sources, new PrintWriter(diagnostics));
        Assumptions.assumeTrue(exe != null, "does not compile: " + diagnostics);
        String[] results = new String[2];
        for (Engine e : Engine.values()) {
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            Kernel kernel = Kernel.boot(Options.defaults().withEngine(e), console, new ByteArrayInputStream(new byte[0]));
            for (Map.Entry<String, byte[]> f : image.guestFiles().entrySet()) kernel.installFile(f.getKey(), f.getValue(), 0755);
            kernel.install("/tmp/" + name, exe);
            kernel.setTerminals(true, false, true);
            int status = kernel.run("/tmp/" + name, List.of("/tmp/" + name));
            results[e.ordinal()] = "status " + status + ", clock " + kernel.scheduler().now() + "\n"
                    + console.toString(StandardCharsets.UTF_8);
        }
        assertEquals(results[Engine.INTERP.ordinal()], results[Engine.JIT.ordinal()], name + ": the engines disagree");
    }
}
