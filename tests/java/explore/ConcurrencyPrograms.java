package explore;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import boot.Kernel;
import boot.Options;
import image.BootImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import obj.Executable;

/**
 * The programs of tests/concurrency, compiled once per test JVM, and the machine set-up of
 * {@code clonix run} for them: the boot image's files, then the program at /tmp/NAME.
 */
final class ConcurrencyPrograms {
    private ConcurrencyPrograms() {}

    /** The machine of the tests: run's defaults, with explore's time limit (0.2 s of virtual time). */
    static final Options MACHINE = Options.defaults().withCycleLimit(200_000_000L);

    private static final BootImage IMAGE = BootImage.load();
    private static final Map<String, Executable> COMPILED = new ConcurrentHashMap<>();

    /** The path of tests/concurrency/NAME.c. */
    static Path source(String name) {
        return Path.of("tests/concurrency", name + ".c");
    }

    /** tests/concurrency/NAME.c compiled against the boot image's libc. */
    static Executable compile(String name) {
        return COMPILED.computeIfAbsent(name, n -> {
            StringWriter diagnostics = new StringWriter();
            Executable exe = IMAGE.compile(source(n), new PrintWriter(diagnostics));
            assertNotNull(exe, diagnostics.toString());
            return exe;
        });
    }

    /** Installs the boot image and NAME as {@code clonix run tests/concurrency/NAME.c ARGS} does. */
    static ControlledRun.Setup setup(String name, String... args) {
        Executable exe = compile(name);
        return kernel -> install(kernel, name, exe, args);
    }

    private static List<String> install(Kernel kernel, String name, Executable exe, String... args) {
        for (Map.Entry<String, byte[]> f : IMAGE.guestFiles().entrySet()) {
            kernel.installFile(f.getKey(), f.getValue(), f.getKey().startsWith("/bin/") ? 0755 : 0644);
        }
        kernel.install("/tmp/" + name, exe);
        List<String> argv = new ArrayList<>(List.of("/tmp/" + name));
        argv.addAll(List.of(args));
        return argv;
    }
}
