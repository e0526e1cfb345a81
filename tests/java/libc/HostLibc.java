package libc;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test support: checks Clonix's libc C code with the host's gcc, since the Clonix compiler
 * is not the subject here.
 *
 * <p>The chosen userland/lib sources are compiled in isolation from the host's C library
 * ({@code -ffreestanding -nostdinc -I userland/include}), linked into one relocatable object
 * and every symbol in it is renamed with the prefix {@code clx_} (objcopy). A driver from
 * tests/libc/ is then compiled against glibc as usual and linked with that object, so it can
 * call {@code clx_snprintf} and glibc's {@code snprintf} side by side and compare them.
 * Calls that our libc makes to functions not in the chosen sources (write, sbrk, mmap...)
 * arrive prefixed too, so the driver supplies fakes for them ({@code clx_write}...).
 *
 * <p>Tests are skipped (JUnit assumption) when gcc, ld or objcopy is missing.
 */
final class HostLibc {
    static final Path LIB = Path.of("userland", "lib");
    static final Path INCLUDE = Path.of("userland", "include");
    static final Path DRIVERS = Path.of("tests", "libc");

    private HostLibc() {}

    /** What the driver printed and how it ended. */
    record Run(String stdout, String stderr, int status) {}

    /** Skips the calling test unless gcc, ld and objcopy can be run. */
    static void assumeToolchain() {
        for (String tool : List.of("gcc", "ld", "objcopy")) {
            boolean ok;
            Path dir = null;
            try {
                dir = Files.createTempDirectory("clonix-libc");
                ok = exec(List.of(tool, "--version"), dir).status == 0;
            } catch (IOException | InterruptedException e) {
                ok = false;
            } finally {
                if (dir != null) {
                    try {
                        deleteTree(dir);
                    } catch (IOException ignored) {
                        // A leftover temporary directory is harmless.
                    }
                }
            }
            Assumptions.assumeTrue(ok, tool + " is not available");
        }
    }

    /**
     * Compiles the libc sources (names in userland/lib) with the driver (name in tests/libc),
     * runs the result with args and returns its output. Fails the test if anything does not
     * compile.
     */
    static Run run(String driver, List<String> libSources, String... args) throws Exception {
        return run(driver, libSources, List.of(), args);
    }

    /** As {@link #run(String, List, String...)}, linking the driver also with the host libraries named (-lm...). */
    static Run run(String driver, List<String> libSources, List<String> hostLibraries, String... args) throws Exception {
        assumeToolchain();
        Path dir = Files.createTempDirectory("clonix-libc");
        try {
            return build(dir, driver, libSources, hostLibraries, args);
        } finally {
            deleteTree(dir);
        }
    }

    private static Run build(Path dir, String driver, List<String> libSources, List<String> hostLibraries, String... args)
            throws Exception {
        List<String> objects = new ArrayList<>();
        for (String src : libSources) {
            Path obj = dir.resolve(src.replace(".c", ".o"));
            check(exec(List.of("gcc", "-std=c11", "-O1", "-Wall", "-Werror", "-Wno-unused-function",
                    "-ffreestanding", "-fno-builtin", "-fno-tree-loop-distribute-patterns",
                    "-fno-stack-protector", "-fno-pic", "-nostdinc", "-I", INCLUDE.toString(),
                    "-c", LIB.resolve(src).toString(), "-o", obj.toString()), dir), "compiling " + src);
            objects.add(obj.toString());
        }
        Path combined = dir.resolve("libc-combined.o");
        List<String> ld = new ArrayList<>(List.of("ld", "-r", "-o", combined.toString()));
        ld.addAll(objects);
        check(exec(ld, dir), "ld -r");
        Path prefixed = dir.resolve("libc-clx.o");
        check(exec(List.of("objcopy", "--prefix-symbols=clx_", combined.toString(), prefixed.toString()), dir), "objcopy");
        Path exe = dir.resolve("driver");
        List<String> link = new ArrayList<>(List.of("gcc", "-std=gnu11", "-O1", "-no-pie", "-fno-builtin", "-o",
                exe.toString(), DRIVERS.resolve(driver).toString(), prefixed.toString()));
        link.addAll(hostLibraries);
        check(exec(link, dir), "compiling " + driver);
        List<String> cmd = new ArrayList<>(List.of(exe.toString()));
        cmd.addAll(List.of(args));
        return exec(cmd, dir);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    private static void check(Run r, String what) {
        if (r.status != 0) throw new AssertionError(what + " failed:\n" + r.stdout + r.stderr);
    }

    private static Run exec(List<String> command, Path dir) throws IOException, InterruptedException {
        Path out = dir.resolve("stdout.txt"), err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new Run(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8), p.exitValue());
    }
}
