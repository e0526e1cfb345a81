package image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * How far the boot image's build is, for the {@code clonix} launcher, which builds the jar
 * and the image on first use (about a minute) and shows one progress line meanwhile
 * ({@code clonix: building the boot image: 37/120 files}). The launcher names a file in the
 * environment variable {@value #ENV}; after each userland file is compiled, the builder
 * replaces that file's content with {@code DONE/TOTAL}. Without the variable (a plain
 * {@code mvn package}) nothing is written. A failure to write is ignored: progress is a
 * courtesy, never a reason for the build to fail.
 */
final class BuildProgress {
    /** The environment variable naming the progress file. */
    static final String ENV = "CLONIX_BUILD_PROGRESS";

    private final Path file;
    private final int total;
    private int done;

    /** Progress over {@code total} files, reported to {@code file} (null: nowhere); starts at 0. */
    BuildProgress(Path file, int total) {
        this.file = file;
        this.total = total;
        report();
    }

    /** Progress over {@code total} files, reported to the file {@value #ENV} names, if any. */
    static BuildProgress fromEnvironment(int total) {
        String name = System.getenv(ENV);
        return new BuildProgress(name == null || name.isEmpty() ? null : Path.of(name), total);
    }

    /** One more file is compiled. */
    void fileDone() {
        done++;
        report();
    }

    /** Writes "done/total" through a temporary file, so the launcher never reads half a line. */
    private void report() {
        if (file == null) return;
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, done + "/" + total + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // The progress line is a courtesy; the build goes on without it.
        }
    }
}
