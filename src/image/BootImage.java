package image;

import cc.Driver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The boot image inside the jar, as {@link BootImageBuilder} made it: the C library, the
 * headers and the programs of /bin. The kernel's boot code installs these files into the
 * guest file system; the host-side {@code cc} links against crt0.o and libc.a from here.
 */
public final class BootImage {
    /** The list of files in the image, one relative path per line. */
    static final String MANIFEST = "MANIFEST";
    private static final String ROOT = "/bootimage/";

    private final Map<String, byte[]> files;
    private Path extracted;

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

    /**
     * The host-side compiler driver for {@code projectDir} (whose userland/include it uses)
     * working in {@code cwd}, linking programs with this image's crt0.o and libc.a, as the
     * guest's own {@code cc} does. The image must have a libc ({@link #hasLibc}).
     */
    public Driver driver(Path projectDir, Path cwd) throws IOException {
        Path lib = hostLibDir();
        return Driver.forProject(projectDir, cwd).standardLink(List.of(lib.resolve("crt0.o")), List.of(lib.resolve("libc.a")));
    }

    /**
     * Writes crt0.o and libc.a to a private temporary directory (once per process) and
     * returns it, so the host-side compiler driver can link against them.
     */
    public synchronized Path hostLibDir() throws IOException {
        if (extracted == null) {
            Path dir = Files.createTempDirectory("clonix-lib-");
            for (String name : List.of("crt0.o", "libc.a")) {
                Path p = dir.resolve(name);
                Files.write(p, files.getOrDefault("lib/" + name, new byte[0]));
                p.toFile().deleteOnExit();
            }
            dir.toFile().deleteOnExit();
            extracted = dir;
        }
        return extracted;
    }
}
