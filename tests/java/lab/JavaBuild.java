package lab;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiling Java in the test's own JVM with javax.tools, as Maven would (release 17), for the
 * tests that build a student edition or a lab's stub without starting Maven.
 */
final class JavaBuild {
    private JavaBuild() {}

    /** The jars on the test JVM's class path: the project's dependencies (and the test libraries). */
    static List<Path> dependencyJars() {
        List<Path> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar")) jars.add(Path.of(entry));
        }
        return jars;
    }

    /** The .java files under {@code dirs} (those that exist), sorted. */
    static List<Path> sources(Path... dirs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) continue;
            try (Stream<Path> s = Files.walk(d)) {
                s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    /**
     * Compiles {@code sources} against {@code classpath} into {@code out}.
     *
     * @throws AssertionError with javac's diagnostics when they do not compile
     */
    static void compile(List<Path> sources, List<Path> classpath, Path out) throws IOException {
        Files.createDirectories(out);
        if (sources.isEmpty()) return;
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) throw new AssertionError("no Java compiler in this JVM (a JRE, not a JDK?)");
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
            List<String> options = List.of("--release", "17", "-proc:none", "-implicit:none", "-nowarn", "-Xlint:none",
                    "-encoding", "UTF-8", "-d", out.toString(),
                    "-classpath", classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
            Boolean ok = javac.getTask(diagnostics, files, null, options, null, units).call();
            if (!ok) throw new AssertionError("javac failed:\n" + diagnostics);
        }
    }
}
