package image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The boot image builder's progress file, which the clonix launcher reads for its progress line. */
class BuildProgressTest {
    @TempDir Path dir;

    @Test
    void theFileSaysHowManyFilesAreDoneOutOfAll() throws Exception {
        Path file = dir.resolve("build.progress");
        BuildProgress p = new BuildProgress(file, 3);
        assertEquals("0/3\n", Files.readString(file));
        p.fileDone();
        p.fileDone();
        assertEquals("2/3\n", Files.readString(file));
        p.fileDone();
        assertEquals("3/3\n", Files.readString(file));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void withoutAFileOrWhenItCannotBeWrittenTheBuildGoesOn() {
        new BuildProgress(null, 2).fileDone();
        BuildProgress p = new BuildProgress(dir.resolve("no/such/dir/progress"), 2);
        p.fileDone();
        assertTrue(Files.notExists(dir.resolve("no")));
    }
}
