package utils;


import boot.GuestRun;
import boot.Kernel;
import boot.Options;
import image.BootImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import obj.ExecutableFormat;

/**
 * Runs the programs of the boot image's /bin in a freshly booted kernel, for the tests of
 * the utilities: files to install, console input, and the command line as a shell would
 * pass it (argv[0] the bare name, the program found in /bin).
 */
final class Programs {
    private Programs() {}

    /** What a run printed on the console (standard output and error together) and its status. */
    record Run(int status, String output) {}

    /**
     * Runs {@code argv} (argv[0] is looked up in /bin unless it contains '/') with
     * {@code files} installed (guest path to contents; mode 0755 under /tmp/prog/, the test
     * programs, else 0644) and {@code input} on the console; checks that nothing leaked.
     */
    static Run run(Options options, Map<String, byte[]> files, byte[] input, List<String> argv) throws IOException {
        BootImage image = BootImage.load();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Kernel kernel = Kernel.boot(options, console, new ByteArrayInputStream(input));
        for (Map.Entry<String, byte[]> f : image.guestFiles().entrySet()) {
            kernel.installFile(f.getKey(), f.getValue(), f.getKey().startsWith("/bin/") ? 0755 : 0644);
        }
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            kernel.installFile(f.getKey(), f.getValue(), f.getKey().startsWith("/tmp/prog") ? 0755 : 0644);
        }
        String path = argv.get(0).contains("/") ? argv.get(0) : "/bin/" + argv.get(0);
        int status = kernel.run(path, argv);
        GuestRun.checkNothingLeaked(kernel);
        return new Run(status, console.toString(StandardCharsets.UTF_8));
    }

    /** Runs {@code argv} with default options, no extra files and no input. */
    static Run run(String... argv) throws IOException {
        return run(Options.defaults(), Map.of(), new byte[0], List.of(argv));
    }

    /** The files under the host directory {@code dir}, keyed by guest path under {@code guestDir}. */
    static Map<String, byte[]> filesUnder(Path dir, String guestDir) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<Path> paths;
        try (Stream<Path> s = Files.walk(dir)) {
            paths = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path p : paths) {
            String rel = dir.relativize(p).toString().replace('\\', '/');
            files.put(guestDir + rel, Files.readAllBytes(p));
        }
        return files;
    }

    /** Compiles the C program {@code source} with Clonix's compiler against the boot image's libc; the executable's bytes. */
    static byte[] compile(Path tmp, String name, String source) throws Exception {
        return ExecutableFormat.write(boot.CGuest.compile(tmp, name, source));
    }

    /**
     * Runs the command lines {@code commands} one after the other with tests/utils/guest/run_all.c
     * (words split on spaces, "A | B" for a pipe, "[exit N]" printed after a failure), with
     * {@code options} and {@code files} installed.
     */
    static Run script(Path tmp, Options options, Map<String, byte[]> files, String... commands) throws Exception {
        byte[] runAll = compile(tmp, "run_all",
                Files.readString(Path.of("tests/utils/guest/run_all.c"), StandardCharsets.UTF_8));
        Map<String, byte[]> all = new LinkedHashMap<>(files);
        all.put("/tmp/prog/run_all", runAll);
        List<String> argv = new ArrayList<>(List.of("/tmp/prog/run_all"));
        argv.addAll(List.of(commands));
        return run(options, all, new byte[0], argv);
    }

    /** Splits a command line on spaces (the test cases have no quoting). */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        for (String w : line.trim().split(" +")) if (!w.isEmpty()) words.add(w);
        return words;
    }
}
