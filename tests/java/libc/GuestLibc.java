package libc;

import cc.Driver;
import obj.Executable;
import obj.ExecutableFormat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Test support: builds guest programs with Clonix's own compiler ({@code cc.Driver}) and
 * this libc: crt0.s first, then the program, then every other userland/lib source. The
 * libc sources are compiled once per test run and the objects reused.
 */
final class GuestLibc {
    static final Path LIB = Path.of("userland", "lib");

    private static List<String> libcObjects;
    private static Path workDir;

    private GuestLibc() {}

    /** The assembly sources of the libc, crt0.s first. */
    static List<Path> assemblySources() throws Exception {
        try (Stream<Path> s = Files.list(LIB)) {
            return s.filter(p -> p.toString().endsWith(".s"))
                    .sorted((a, b) -> a.getFileName().toString().equals("crt0.s") ? -1
                            : b.getFileName().toString().equals("crt0.s") ? 1 : a.compareTo(b))
                    .toList();
        }
    }

    /** Removes the build directory when the test JVM ends (best effort). */
    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (java.io.IOException ignored) {
            // A leftover temporary directory is harmless.
        }
    }

    /** Runs cc with args, failing the test with its diagnostics if it fails. */
    private static void cc(List<String> args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int status = Driver.run(args.toArray(new String[0]), new PrintWriter(out), new PrintWriter(err));
        if (status != 0) throw new AssertionError("cc " + args + " failed:\n" + out + err);
    }

    /** Compiles the libc's C sources to objects once; returns the object paths. */
    private static synchronized List<String> libc() throws Exception {
        if (libcObjects != null) return libcObjects;
        workDir = Files.createTempDirectory("clonix-guest-libc");
        Path toDelete = workDir;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(toDelete)));
        List<String> objects = new ArrayList<>();
        try (Stream<Path> s = Files.list(LIB)) {
            for (Path c : s.filter(p -> p.toString().endsWith(".c")).sorted().toList()) {
                Path o = workDir.resolve(c.getFileName().toString().replace(".c", ".o"));
                cc(List.of("-c", "-o", o.toString(), c.toString()));
                objects.add(o.toString());
            }
        }
        libcObjects = objects;
        return objects;
    }

    /** Compiles the C program at {@code program} and links it with the libc into an executable. */
    static Executable build(Path program) throws Exception {
        List<String> objects = libc();
        Path exe = workDir.resolve(program.getFileName().toString().replace(".c", ""));
        List<String> args = new ArrayList<>(List.of("-nostdlib", "-o", exe.toString()));
        List<Path> asm = assemblySources();
        args.add(asm.get(0).toString());
        args.add(program.toString());
        for (Path s : asm.subList(1, asm.size())) args.add(s.toString());
        args.addAll(objects);
        cc(args);
        return ExecutableFormat.read(exe.getFileName().toString(), Files.readAllBytes(exe));
    }
}
