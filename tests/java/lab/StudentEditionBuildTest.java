package lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import image.BootImageBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The student edition of this very project builds: {@code lab export} of the real tree, then
 * every Java file of the edition (the system, the kernel and the tests) compiled together, and
 * its userland built into a boot image, with every lab at its starting point. This is what
 * proves that each lab's stub compiles, in Java and in C, alongside every other lab's stub.
 */
class StudentEditionBuildTest {
    @TempDir Path tmp;

    @Test
    void theStudentEditionOfThisProjectCompilesAndBuildsItsBootImage() throws Exception {
        Path project = Path.of("").toAbsolutePath();
        Path edition = tmp.resolve("edition");
        StringWriter said = new StringWriter();
        LabExport.export(project, edition, new PrintWriter(said, true));

        List<String> labs = Labs.of(project).all().stream().map(Lab::name).toList();
        assertEquals(labs, Labs.of(edition).started(), "every lab is at its starting point");
        assertEquals(List.of(), StartingPoint.remainingBlocks(edition));

        List<Path> sources = new ArrayList<>(JavaBuild.sources(edition.resolve("src"), edition.resolve("kernel")));
        sources.addAll(JavaBuild.sources(edition.resolve("tests/java")));
        assertTrue(sources.size() > 100, "the edition has the project's Java files: " + sources.size());
        JavaBuild.compile(sources, JavaBuild.dependencyJars(), tmp.resolve("classes"));

        Path image = tmp.resolve("bootimage");
        BootImageBuilder.build(edition.resolve("userland"), image);
        List<String> manifest = Files.readAllLines(image.resolve("MANIFEST"), StandardCharsets.UTF_8);
        assertTrue(manifest.contains("lib/libc.a") && manifest.contains("bin/cat"), "the image has libc and the programs: " + manifest);
    }
}
