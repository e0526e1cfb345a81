package clonix;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the Clonix project directory (the one holding pom.xml and userland/) from where the
 * running classes were loaded: target/clonix.jar or target/classes are inside it. Falls back
 * to the current directory, which is where Maven runs the tests.
 */
final class ProjectDir {
    private ProjectDir() {}

    static Path find() {
        try {
            Path p = Path.of(ProjectDir.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path d = p; d != null; d = d.getParent()) {
                if (Files.exists(d.resolve("pom.xml")) && Files.isDirectory(d.resolve("src"))) return d;
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // fall through to the current directory
        }
        return Path.of("").toAbsolutePath();
    }
}
