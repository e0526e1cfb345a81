package image;

import cc.CompilerFiles;
import cc.Driver;
import cc.HostCompilerFiles;
import cc.MemoryFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import obj.Executable;
import obj.ExecutableFormat;
import obj.FormatException;

/**
 * The boot image inside the jar, as {@link BootImageBuilder} made it: the C library, the
 * headers and the programs of /bin. The kernel's boot code installs these files into the
 * guest file system; the host-side {@code cc} reads the headers, crt0.o and libc.a from here,
 * in memory.
 */
public final class BootImage {
    /** The list of files in the image, one relative path per line. */
    static final String MANIFEST = "MANIFEST";
    private static final String ROOT = "/bootimage/";

    private final Map<String, byte[]> files;

    private BootImage(Map<String, byte[]> files) {
        this.files = files;
    }

    /** Reads the image from the class path; an empty image if the build made none. */
    public static BootImage load() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        byte[] manifest = resource(MANIFEST);
        if (manifest != null) {
            for (String line : new String(manifest, StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) continue;
                byte[] data = resource(line);
                if (data != null) files.put(line, data);
            }
        }
        return new BootImage(files);
    }

    private static byte[] resource(String name) {
        try (InputStream in = BootImage.class.getResourceAsStream(ROOT + name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where each file goes in the guest: headers to /usr/include, crt0.o and libc.a to
     * /usr/lib, programs to /bin. Keys are guest paths, in a fixed order.
     */
    public Map<String, byte[]> guestFiles() {
        Map<String, byte[]> guest = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            String k = e.getKey();
            String path = k.startsWith("include/") ? "/usr/" + k : k.startsWith("lib/") ? "/usr/" + k : "/" + k;
            guest.put(path, e.getValue());
        }
        return guest;
    }

    /** The names of the programs in /bin, in order. */
    public List<String> programs() {
        return files.keySet().stream().filter(k -> k.startsWith("bin/")).map(k -> k.substring(4)).toList();
    }

    /** True if the image has a C library (crt0.o and libc.a) to link C programs with. */
    public boolean hasLibc() {
        return files.containsKey("lib/crt0.o") && files.containsKey("lib/libc.a");
    }

    /** Where the guest's cc, and the host's, find the C library's headers, start file and archive. */
    public static final String INCLUDE_DIR = "/usr/include", CRT0 = "/usr/lib/crt0.o", LIBC = "/usr/lib/libc.a";

    /**
     * The host-side compiler driver working in {@code cwd}: the image's headers, crt0.o and
     * libc.a are read from memory at their guest paths ({@value #INCLUDE_DIR},
     * {@value #CRT0}, {@value #LIBC}), as the guest's own {@code cc} finds them, and every
     * other file is the host's. The image must have a libc ({@link #hasLibc}).
     */
    public Driver driver(Path cwd) {
        return driverOn(new HostCompilerFiles(cwd));
    }

    /**
     * Compiles and links the C program at {@code source} (a host path, relative to the
     * working directory) with this image's libc, entirely in memory, and returns the
     * executable; null after printing the diagnostics to {@code err}. Warnings are printed
     * too. Nothing is written to the host.
     */
    public Executable compile(Path source, PrintWriter err) {
        return compile(List.of(source), err);
    }

    /**
     * As {@link #compile(Path, PrintWriter)} for a program of several C files, compiled
     * each on its own and linked in the order given, as {@code cc a.c b.c} links them.
     */
    public Executable compile(List<Path> sources, PrintWriter err) {
        List<String> args = new ArrayList<>();
        for (Path p : sources) args.add(p.toString());
        return compile(args, sources.get(0).toString(), err);
    }

    /**
     * As {@link #compile(List, PrintWriter)} with a gcc command line: the sources and the
     * compiler's options among them ({@code -I dir}, {@code -DNAME=VALUE}, {@code -lm}...),
     * without {@code -o}, which this method adds; {@code name} names the executable.
     */
    public Executable compile(List<String> arguments, String name, PrintWriter err) {
        Output exe = new Output(new HostCompilerFiles(Path.of("").toAbsolutePath()));
        List<String> args = new ArrayList<>(arguments);
        args.addAll(List.of("-o", Output.NAME));
        int rc = driverOn(exe).execute(args.toArray(new String[0]), err, err);
        if (rc != 0) return null;
        try {
            return ExecutableFormat.read(name, exe.bytes.toByteArray());
        } catch (FormatException e) {
            throw new IllegalStateException("the linker wrote an executable it cannot read: " + e.getMessage(), e);
        }
    }

    /** A driver reading the image's /usr files from memory and everything else from {@code files}. */
    private Driver driverOn(CompilerFiles files) {
        Map<String, byte[]> sysroot = new LinkedHashMap<>(guestFiles());
        sysroot.keySet().removeIf(path -> !path.startsWith("/usr/"));
        return new Driver(new MemoryFiles(sysroot, files), List.of(INCLUDE_DIR)).standardLink(List.of(CRT0), List.of(LIBC));
    }

    /** The files of {@code under}, except that the one output the driver writes stays in memory. */
    private static final class Output implements CompilerFiles {
        static final String NAME = "a.out";
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompilerFiles under;

        Output(CompilerFiles under) {
            this.under = under;
        }

        @Override
        public byte[] read(String path, int limit) throws IOException {
            return under.read(path, limit);
        }

        @Override
        public boolean isFile(String path) {
            return under.isFile(path);
        }

        @Override
        public String identity(String path) {
            return under.identity(path);
        }

        @Override
        public OutputStream create(String path, boolean executable) {
            bytes.reset();
            return bytes;
        }
    }
}
