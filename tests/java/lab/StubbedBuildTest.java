package lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link StubbedBuild} on a fixture project: the overlay holds the stubbed classes, resources
 * and boot image of one lab, and hides the reference ones on a class path.
 */
class StubbedBuildTest {
    private static final String B = " BEGIN", S = " STUB", E = " END";

    @TempDir Path tmp;

    private static void write(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private static Object answer(Path... classpath) throws Exception {
        URL[] urls = new URL[classpath.length];
        for (int i = 0; i < urls.length; i++) urls[i] = classpath[i].toUri().toURL();
        try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
            return loader.loadClass("p.Answer").getMethod("answer").invoke(null);
        }
    }

    @Test
    void theOverlayHasTheStubbedClassesAndResourcesOfOneLab() throws Exception {
        Path project = tmp.resolve("project");
        write(project.resolve("src/p/Answer.java"), String.join("\n",
                "package p;",
                "public final class Answer {",
                "    public static int answer() {",
                "        // LAB cow" + B + ": compute the answer",
                "        return Other.FORTY + 2;",
                "        // LAB cow" + S,
                "        // return 0;",
                "        // LAB cow" + E,
                "    }",
                "}", ""));
        write(project.resolve("src/p/Other.java"), "package p;\npublic final class Other {\n    public static final int FORTY = 40;\n}\n");
        write(project.resolve("resources/p/note.txt"), "# LAB cow" + B + "\nreference\n# LAB cow" + S + "\n# stub\n# LAB cow" + E + "\n");
        write(project.resolve("kernel/q/Sched.java"), "package q;\n// LAB sched" + B + "\nclass Sched {}\n// LAB sched" + E + "\n");
        Path classes = tmp.resolve("classes");
        JavaBuild.compile(JavaBuild.sources(project.resolve("src"), project.resolve("kernel")), List.of(), classes);

        StubbedBuild b = StubbedBuild.build(project, classes, "cow", tmp.resolve("work"));
        assertEquals(List.of("resources/p/note.txt", "src/p/Answer.java"), b.changed());
        assertEquals(42, answer(classes));
        assertEquals(0, answer(b.overlay(), classes), "the overlay's class hides the reference one");
        assertTrue(Files.exists(b.overlay().resolve("p/Answer.class")));
        assertFalse(Files.exists(b.overlay().resolve("p/Other.class")), "only the changed files are compiled");
        assertEquals("# LAB cow\nstub\n", Files.readString(b.overlay().resolve("p/note.txt")));
        assertFalse(Files.exists(b.overlay().resolve("bootimage")), "userland did not change");
        assertTrue(b.classpath().startsWith(b.overlay().toString()));
        assertTrue(Files.readString(project.resolve("src/p/Answer.java")).contains("LAB cow" + B), "the tree is untouched");
    }

    @Test
    void aStubbedUserlandFileGivesTheOverlayABootImage() throws Exception {
        Path project = tmp.resolve("project");
        Path real = Path.of("userland").toAbsolutePath();
        try (Stream<Path> s = Files.walk(real)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Path target = project.resolve("userland").resolve(real.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target);
            }
        }
        write(project.resolve("userland/bin/answer.c"), String.join("\n",
                "#include <stdio.h>",
                "int main(void) {",
                "    // LAB cow" + B + ": say who wrote this",
                "    puts(\"the reference answer\");",
                "    // LAB cow" + S,
                "    // puts(\"the stub's answer\");",
                "    // LAB cow" + E,
                "    return 0;",
                "}", ""));
        StubbedBuild b = StubbedBuild.build(project, tmp.resolve("classes"), "cow", tmp.resolve("work"));
        assertEquals(List.of("userland/bin/answer.c"), b.changed());
        Path image = b.overlay().resolve("bootimage");
        assertTrue(Files.readAllLines(image.resolve("MANIFEST")).containsAll(List.of("lib/libc.a", "bin/cat", "bin/answer")));
        String program = new String(Files.readAllBytes(image.resolve("bin/answer")), StandardCharsets.ISO_8859_1);
        assertTrue(program.contains("the stub's answer") && !program.contains("the reference answer"));
    }
}
