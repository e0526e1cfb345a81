package lab;

import image.BootImageBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * This project built with one lab at its starting point, quickly, for the tests that check
 * that a started lab earns (near) zero: {@code StubbedBuild.of("cow").classpath()} is a class
 * path on which a child JVM ({@code java -cp CP clonix.Main grade cow}, say) runs the system
 * with the cow lab's reference code replaced by its stub, and the working tree is not touched.
 *
 * <p>How: the files under {@link StartingPoint#ROOTS} that hold a block of the lab are copied
 * to a scratch directory and set to the starting point there ({@link StartingPoint#apply}).
 * The Java files among them are compiled against {@code target/classes} into an overlay
 * directory; a stubbed file of {@code resources/} is copied into it as Maven would; and if a
 * file of {@code userland/} changed, the boot image is rebuilt from a copy of userland/ into
 * the overlay's {@code bootimage/}. The class path is the overlay, then this JVM's class path,
 * so the stubbed classes and image hide the reference ones. Only the changed files are
 * compiled, so this takes seconds; the whole student edition is compiled by
 * {@link StudentEditionBuildTest}, which is what proves that no other class depends on what a
 * stub leaves out. A build is made once per lab per JVM, and deleted when the JVM exits.
 */
public final class StubbedBuild {
    private static final Map<String, StubbedBuild> BUILT = new HashMap<>();

    private final Path overlay;
    private final List<String> changed;

    private StubbedBuild(Path overlay, List<String> changed) {
        this.overlay = overlay;
        this.changed = changed;
    }

    /**
     * The stubbed build of {@code lab} for this project (the current directory, where Maven
     * runs the tests, with its classes in target/classes), made on first use.
     */
    public static synchronized StubbedBuild of(String lab) throws IOException {
        StubbedBuild b = BUILT.get(lab);
        if (b == null) {
            Path work = Files.createTempDirectory("clonix-stubbed-" + lab + "-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(work)));
            Path project = Path.of("").toAbsolutePath();
            b = build(project, project.resolve("target/classes"), lab, work);
            BUILT.put(lab, b);
        }
        return b;
    }

    /**
     * Builds the stubbed overlay of {@code lab} for {@code project}, whose reference build is
     * {@code classes}, in the scratch directory {@code work}.
     */
    static StubbedBuild build(Path project, Path classes, String lab, Path work) throws IOException {
        Path tree = work.resolve("tree"), overlay = work.resolve("overlay");
        for (Path file : StartingPoint.files(project, StartingPoint.ROOTS)) {
            if (!hasBlockOf(project, file, lab)) continue;
            Path copy = tree.resolve(StartingPoint.relative(project, file));
            Files.createDirectories(copy.getParent());
            Files.copy(file, copy);
        }
        List<String> changed;
        try {
            changed = StartingPoint.apply(tree, List.of(lab));
        } catch (LabError e) {
            throw new IOException(e.getMessage());
        }

        List<Path> classpath = new ArrayList<>(List.of(classes));
        classpath.addAll(JavaBuild.dependencyJars());
        List<Path> java = changed.stream().filter(f -> f.endsWith(".java")).map(tree::resolve).toList();
        JavaBuild.compile(java, classpath, overlay);
        for (String f : changed) {
            if (!f.startsWith("resources/")) continue;
            Path target = overlay.resolve(f.substring("resources/".length()));
            Files.createDirectories(target.getParent());
            Files.copy(tree.resolve(f), target, StandardCopyOption.REPLACE_EXISTING);
        }
        if (changed.stream().anyMatch(f -> f.startsWith("userland/"))) {
            Path userland = work.resolve("image-src/userland");
            copyTree(project.resolve("userland"), userland);
            copyTree(tree.resolve("userland"), userland);
            try {
                BootImageBuilder.build(userland, overlay.resolve("bootimage"));
            } catch (diag.CompileException e) {
                throw new IOException("the stub of lab " + lab + " does not compile:\n" + e.render());
            } catch (ld.LinkException e) {
                throw new IOException("the stub of lab " + lab + " does not link: " + e.getMessage());
            }
        }
        return new StubbedBuild(overlay, changed);
    }

    private static boolean hasBlockOf(Path project, Path file, String lab) throws IOException {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return Markers.mayHaveMarkers(text) && Markers.labsWithBlocks(StartingPoint.relative(project, file), text).contains(lab);
        } catch (java.nio.charset.MalformedInputException e) {
            return false; // not text: no markers
        } catch (Markers.MarkerException e) {
            throw new IOException(e.getMessage());
        }
    }

    /** The overlay: the stubbed classes, resources and (if userland changed) boot image. */
    public Path overlay() {
        return overlay;
    }

    /** The files the lab's start changed, relative to the project with '/'. */
    public List<String> changed() {
        return changed;
    }

    /** The class path for a child JVM: the overlay first, then this JVM's own class path. */
    public String classpath() {
        return overlay + File.pathSeparator + System.getProperty("java.class.path");
    }

    /** Copies the files under {@code from} over those under {@code to}. */
    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) return;
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
