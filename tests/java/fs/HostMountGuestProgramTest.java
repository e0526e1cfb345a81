package fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.CGuest;
import boot.Options;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A C program in a booted kernel with {@code --mount}: its cwd and an open directory whose
 * directory it renames, a cwd it removes, a host link to ".." it moves to the top of the
 * mount, /proc/self/cwd and /proc/self/root. It must print what the same program built
 * with gcc printed on Linux (tests/hostfs/host_mount.expected), make its files where Linux
 * would, and change nothing outside the mount.
 */
class HostMountGuestProgramTest {
    private static final Path DIR = Path.of("tests/hostfs");

    @TempDir Path base;
    @TempDir Path tmp;

    @Test
    void aProgramRenamingAndRemovingItsDirectoriesStaysInTheMountAsOnLinux() throws Exception {
        HostMountFixture t = new HostMountFixture(base);
        Files.createDirectories(t.host.resolve("a2/b2"));
        Files.createSymbolicLink(t.host.resolve("a2/b2/l"), Path.of(".."));
        String source = Files.readString(DIR.resolve("host_mount.c"), StandardCharsets.UTF_8);
        String output = CGuest.run(tmp, Options.defaults().withMount(t.host), "host_mount", source);
        assertEquals(Files.readString(DIR.resolve("host_mount.expected"), StandardCharsets.UTF_8), output);
        assertFalse(output.contains(HostMountFixture.SECRET));
        assertTrue(Files.isRegularFile(t.host.resolve("y/z/b/in-cwd")));
        assertTrue(Files.isRegularFile(t.host.resolve("y/z/renamed-by-fd")));
        assertTrue(Files.isSymbolicLink(t.host.resolve("l")));
        assertFalse(Files.exists(t.host.resolve("gone"), LinkOption.NOFOLLOW_LINKS));
        t.assertOutsideUntouched();
    }
}
