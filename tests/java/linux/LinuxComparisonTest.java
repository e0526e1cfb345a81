package linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.regex.Pattern;
import java.util.stream.Stream;
import obj.Executable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Linux is the reference: every tests/linux/NAME.c also builds with gcc, and NAME.expected
 * is what it printed on Linux on the development machine (gcc -O0, output to a file, so
 * not a terminal: the guest's standard output is no terminal either). Here
 * each program is compiled by Clonix's compiler against Clonix's libc, run in a freshly
 * booted kernel, and must print exactly the same bytes and exit with status 0; afterwards
 * every task, mm, descriptor table and frame must have been released. Each program runs
 * twice: on the default machine, and on one of {@link #OTHER_MACHINES} (taken in turn along
 * the sorted list), since the output must not depend on the CPU count or the seed.
 *
 * <p>A program of several files is a directory tests/linux/NAME/ of C files, linked in the
 * order of their names (as {@code gcc -O0 tests/linux/NAME/*.c} takes them), with its output
 * in tests/linux/NAME.expected.
 */
class LinuxComparisonTest {
    private static final Path DIR = Path.of("tests/linux");

    /** The second machine each program runs on: other CPU counts and seeds of the interleaving. */
    static final List<Options> OTHER_MACHINES = List.of(
            Options.defaults().withCpus(1).withSeed(1),
            Options.defaults().withCpus(3).withSeed(7),
            Options.defaults().withCpus(8).withSeed(123));

    @TestFactory
    Stream<DynamicTest> eachProgramPrintsWhatLinuxPrints() throws IOException {
        List<Path> programs;
        try (Stream<Path> s = Files.list(DIR)) {
            programs = s.filter(p -> p.toString().endsWith(".c") || Files.isDirectory(p)).sorted().toList();
        }
        assertTrue(programs.size() >= 6, "the Linux comparison suite is missing");
        return programs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(),
                () -> check(p, OTHER_MACHINES.get(programs.indexOf(p) % OTHER_MACHINES.size()))));
    }

    /**
     * A program that makes threads or shares its address space (clone, pthreads, vfork)
     * needs the clone lab's reference part: it is skipped while that lab is started.
     */
    private static final Pattern NEEDS_CLONE_LAB = Pattern.compile("\\b(clone|pthread_\\w+|vfork)\\s*\\(");

    /** The C files of a program: the file itself, or a directory's C files in name order. */
    private static List<Path> sources(Path program) throws IOException {
        if (!Files.isDirectory(program)) return List.of(program);
        try (Stream<Path> s = Files.list(program)) {
            return s.filter(p -> p.toString().endsWith(".c")).sorted().toList();
        }
    }

    private void check(Path program, Options other) throws Exception {
        List<Path> sources = sources(program);
        StringBuilder text = new StringBuilder();
        for (Path p : sources) text.append(Files.readString(p));
        Assumptions.assumeFalse(NEEDS_CLONE_LAB.matcher(text).find()
                && lab.Labs.of(Path.of("").toAbsolutePath()).started().contains("clone"),
                "lab clone is at its starting point; its grade is ./clonix grade clone");
        String name = program.getFileName().toString().replaceFirst("\\.c$", "");
        String expected = Files.readString(DIR.resolve(name + ".expected"), StandardCharsets.UTF_8);
        BootImage image = BootImage.load();
        assertTrue(image.hasLibc(), "the boot image has no C library");
        StringWriter diagnostics = new StringWriter();
        Executable exe = image.compile(sources, new PrintWriter(diagnostics));
        assertNotNull(exe, diagnostics.toString());

        for (Options options : List.of(Options.defaults(), other)) {
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            Kernel kernel = Kernel.boot(options, console, new ByteArrayInputStream(new byte[0]));
            for (Map.Entry<String, byte[]> f : image.guestFiles().entrySet()) kernel.installFile(f.getKey(), f.getValue(), 0755);
            kernel.install("/tmp/" + name, exe);
            kernel.setTerminals(true, false, true); // as "prog > NAME.expected" from a terminal
            int status = kernel.run("/tmp/" + name, List.of("/tmp/" + name));
            String machine = options.cpus() + " CPUs, seed " + options.seed();
            assertEquals(expected, console.toString(StandardCharsets.UTF_8), machine);
            assertEquals(0, status, machine);
            boot.GuestRun.checkNothingLeaked(kernel);
        }
    }
}
