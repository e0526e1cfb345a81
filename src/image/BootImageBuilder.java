package image;

import asm.Assembler;
import cc.Compiler;
import cc.Preprocessor;
import cc.Token;
import diag.CompileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import ld.LinkException;
import ld.Linker;
import obj.Archive;
import obj.ExecutableFormat;
import obj.ObjectFile;
import obj.ObjectFormat;

/**
 * Builds the boot image from userland/ with Clonix's own toolchain, as part of the Maven
 * build (the exec plugin runs {@link #main} after the Java classes are compiled):
 *
 * <ul>
 *   <li>{@code userland/include/**} is copied to {@code include/} (the guest's /usr/include);
 *   <li>{@code userland/lib/crt0.s} becomes {@code lib/crt0.o}, and every other {@code .c}
 *       and {@code .s} file in {@code userland/lib} is compiled into {@code lib/libc.a};
 *   <li>each {@code userland/bin/NAME.c} becomes the executable {@code bin/NAME}, linked
 *       with crt0.o and libc.a; so does each directory {@code userland/bin/NAME/}, from all
 *       of its {@code .c} files (a program of several files, such as the shell, whose
 *       internal headers sit beside them).
 * </ul>
 *
 * A file list, {@code MANIFEST}, names everything so that {@link BootImage} can find the
 * files inside the jar. Any compile or link error fails the build with the diagnostics.
 *
 * <p>Building the image takes seconds, and most builds change only kernel Java files, so
 * {@link #main} skips it when the image is newer than all of its inputs: every file of
 * userland/ and the sources of the toolchain that builds it ({@link #TOOLCHAIN}), as make
 * would. MANIFEST is written last, so an image whose build failed half-way is never taken
 * as up to date. While it builds, it reports how many of its files are done
 * ({@link BuildProgress}) for the {@code clonix} launcher's progress line.
 */
public final class BootImageBuilder {
    /** The source directories of the toolchain, relative to the project (userland's parent). */
    static final List<String> TOOLCHAIN = List.of("src/cc", "src/asm", "src/ld", "src/obj", "src/image", "src/diag");

    private final Path userland;
    private final Path out;
    private final List<String> manifest = new ArrayList<>();
    /** Files compiled so far, for the launcher's progress line. */
    private BuildProgress progress;

    BootImageBuilder(Path userland, Path out) {
        this.userland = userland;
        this.out = out;
    }

    /**
     * {@code BootImageBuilder USERLAND_DIR OUTPUT_DIR}: builds the image unless it is up to
     * date; exits 1 with diagnostics on any error.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: BootImageBuilder USERLAND_DIR OUTPUT_DIR");
            System.exit(2);
        }
        Path userland = Path.of(args[0]).toAbsolutePath(), out = Path.of(args[1]);
        if (upToDate(userland, out)) return;
        try {
            build(userland, out);
        } catch (CompileException e) {
            System.err.print(e.render());
            System.exit(1);
        } catch (LinkException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Builds the image of {@code userland} into {@code out}, always. Compile and link errors
     * are thrown with their diagnostics.
     */
    public static void build(Path userland, Path out) throws IOException, CompileException, LinkException {
        new BootImageBuilder(userland, out).build();
    }

    /** True if {@code out}'s MANIFEST is newer than every file of userland/ and of the toolchain. */
    static boolean upToDate(Path userland, Path out) throws IOException {
        Path manifest = out.resolve(BootImage.MANIFEST);
        if (!Files.isRegularFile(manifest)) return false;
        long built = Files.getLastModifiedTime(manifest).toMillis();
        List<Path> inputs = new ArrayList<>(sortedTree(userland));
        Path project = userland.getParent();
        for (String dir : TOOLCHAIN) {
            if (project != null) inputs.addAll(sortedTree(project.resolve(dir)));
        }
        for (Path p : inputs) {
            if (Files.getLastModifiedTime(p).toMillis() >= built) return false;
        }
        return true;
    }

    private void build() throws IOException, CompileException, LinkException {
        Files.createDirectories(out);
        copyHeaders();
        List<ObjectFile> libc = new ArrayList<>();
        ObjectFile crt0 = null;
        List<Path> libSources = sorted(userland.resolve("lib"), ".c", ".s");
        List<Path> programs = programs(userland.resolve("bin"));
        int programSources = 0;
        for (Path p : programs) programSources += sources(p).size();
        progress = BuildProgress.fromEnvironment(libSources.size() + programSources);
        for (Path p : libSources) {
            ObjectFile o = compile(p);
            if (p.getFileName().toString().equals("crt0.s")) crt0 = o;
            else libc.add(o);
        }
        Archive archive = new Archive("libc.a", libc);
        if (crt0 != null) write("lib/crt0.o", ObjectFormat.write(crt0));
        write("lib/libc.a", Archive.write(libc));
        for (Path p : programs) {
            if (crt0 == null) throw CompileException.of(p.toString(), "userland/lib/crt0.s is missing");
            String name = p.getFileName().toString().replaceFirst("\\.c$", "");
            List<ObjectFile> objects = new ArrayList<>();
            objects.add(crt0);
            for (Path source : sources(p)) objects.add(compile(source, Files.isDirectory(p) ? p : null));
            write("bin/" + name, ExecutableFormat.write(new Linker().link(objects, List.of(archive))));
        }
        Files.writeString(out.resolve(BootImage.MANIFEST), String.join("\n", manifest) + "\n", StandardCharsets.UTF_8);
    }

    private void copyHeaders() throws IOException {
        Path include = userland.resolve("include");
        for (Path h : sortedTree(include)) {
            write("include/" + include.relativize(h).toString().replace('\\', '/'), Files.readAllBytes(h));
        }
    }

    /** Compiles one .c or assembles one .s file of userland into an object, and counts it done. */
    private ObjectFile compile(Path p) throws IOException, CompileException {
        return compile(p, null);
    }

    /**
     * {@link #compile(Path)}, with {@code programDir} (if not null) searched for headers: the
     * directory of a program of several files, whose own header the files include.
     */
    private ObjectFile compile(Path p, Path programDir) throws IOException, CompileException {
        String name = userland.getParent() == null ? p.toString() : userland.getParent().relativize(p).toString();
        String source = Files.readString(p, StandardCharsets.UTF_8);
        ObjectFile o;
        if (name.endsWith(".s")) {
            o = Assembler.assemble(name, source);
        } else {
            Preprocessor.Builder b = Preprocessor.builder().systemIncludeDir(userland.resolve("include").toString());
            if (programDir != null) b.includeDir(programDir.toString());
            Preprocessor pp = b.build();
            List<Token> tokens = pp.preprocess(name, source);
            o = Compiler.compileToObject(name, tokens);
        }
        progress.fileDone();
        return o;
    }

    private void write(String relative, byte[] data) throws IOException {
        Path target = out.resolve(relative);
        Files.createDirectories(target.getParent());
        Files.write(target, data);
        manifest.add(relative);
    }

    /** The programs of {@code bin}, by name: its .c files and its directories (empty if no dir). */
    private static List<Path> programs(Path bin) throws IOException {
        if (!Files.isDirectory(bin)) return List.of();
        try (Stream<Path> s = Files.list(bin)) {
            return s.filter(p -> Files.isDirectory(p) || p.getFileName().toString().endsWith(".c")).sorted().toList();
        }
    }

    /** The C sources of program {@code p}: the file itself, or the .c files of its directory by name. */
    private static List<Path> sources(Path p) throws IOException {
        return Files.isDirectory(p) ? sorted(p, ".c") : List.of(p);
    }

    /** The files of {@code dir} ending in one of {@code suffixes}, by name (empty if no dir). */
    private static List<Path> sorted(Path dir, String... suffixes) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                for (String suf : suffixes) if (p.getFileName().toString().endsWith(suf)) return true;
                return false;
            }).sorted().toList();
        }
    }

    private static List<Path> sortedTree(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
