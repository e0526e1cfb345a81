package fs;

import static fs.OpenFlags.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static syscall.Errno.*;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Host objects that are neither regular files nor directories (FIFOs, sockets, devices) and
 * other host file systems are invisible in a mounted directory and never opened, so nothing
 * the host has there can make the kernel wait: every test runs under a time limit, since
 * opening a FIFO with no writer would block the kernel's thread for ever.
 */
class HostMountSpecialFilesTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);

    @TempDir Path base;
    HostMountFixture t;

    @BeforeEach
    void layout() throws Exception {
        t = new HostMountFixture(base);
    }

    @AfterEach
    void nothingOutsideTheMountChanged() throws Exception {
        t.assertOutsideUntouched();
    }

    private static void mkfifo(Path p) throws Exception {
        Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        assumeTrue(mk.waitFor() == 0, "mkfifo is not available");
        assertTrue(isFifo(p));
    }

    private static boolean isFifo(Path p) throws Exception {
        return Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther();
    }

    /** The calls a guest could make on the name {@code path} of an invisible host object. */
    private void assertInvisible(String path, String name) {
        assertEquals(ENOENT, t.errnoOf(path));
        assertEquals(-ENOENT, t.open(path, O_RDONLY));
        assertEquals(-ENOENT, t.open(path, O_WRONLY | O_NONBLOCK));
        assertEquals(-EEXIST, t.open(path, O_WRONLY | O_CREAT), "the name is taken on the host");
        assertEquals(-EEXIST, t.mkdir(path));
        assertEquals(-ENOENT, t.unlink(path));
        assertEquals(-ENOENT, t.rename(path, "/mnt/host/renamed"));
        assertEquals(-ENOENT, t.chdir(path));
        assertEquals(0, t.writeFile("/mnt/host/guest.txt", "x"));
        assertEquals(-EEXIST, t.rename("/mnt/host/guest.txt", path), "not replaced");
        assertEquals(0, t.unlink("/mnt/host/guest.txt"));
        assertFalse(t.ls("/mnt/host").contains(name));
    }

    @Test
    void aFifoInTheMountIsInvisibleAndNeverOpened() throws Exception {
        mkfifo(t.host.resolve("fifo"));
        Files.createSymbolicLink(t.host.resolve("to-fifo"), Path.of("fifo"));
        t.mount();
        assertTimeoutPreemptively(LIMIT, () -> {
            assertInvisible("/mnt/host/fifo", "fifo");
            assertEquals(ENOENT, t.errnoOf("/mnt/host/to-fifo"), "a link to it leads nowhere");
            assertEquals(List.of(".", "..", "to-fifo"), t.ls("/mnt/host"));
        });
        assertTrue(isFifo(t.host.resolve("fifo")), "still there, untouched");
    }

    @Test
    void aSocketInTheMountIsInvisible() throws Exception {
        Path sock = t.host.resolve("sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(sock));
            t.mount();
            assertTimeoutPreemptively(LIMIT, () -> {
                assertInvisible("/mnt/host/sock", "sock");
                assertEquals(List.of(".", ".."), t.ls("/mnt/host"));
            });
        }
    }

    @Test
    void aDirectoryReplacedByAFifoOnTheHostDoesNotBlock() throws Exception {
        Files.createDirectories(t.host.resolve("a"));
        Files.writeString(t.host.resolve("f"), "f\n");
        t.mount();
        assertEquals(0, t.chdir("/mnt/host/a"));
        long fd = t.open("/mnt/host/f", O_RDONLY);
        Files.delete(t.host.resolve("a"));
        mkfifo(t.host.resolve("a"));
        Files.delete(t.host.resolve("f"));
        mkfifo(t.host.resolve("f"));
        assertTimeoutPreemptively(LIMIT, () -> {
            assertEquals(List.of(".", ".."), t.ls("."));
            assertEquals(-ENOENT, t.writeFile("new", "x"));
            assertEquals("ERR-" + ESTALE, t.read(fd, 10));
            assertEquals(ENOENT, t.errnoOf("/mnt/host/a"));
            assertEquals(List.of(".", ".."), t.ls("/mnt/host"));
        });
    }

    @Test
    void aHostNameThatIsNotValidUtf8IsNotShown() throws Exception {
        // Java cannot spell the name 0xff: the shell makes the file.
        Files.createDirectories(t.host.resolve("d"));
        Process touch = new ProcessBuilder("sh", "-c", "cd \"$0\" && touch \"$(printf '\\377')\" plain", t.host.resolve("d").toString())
                .inheritIO().start();
        assumeTrue(touch.waitFor() == 0, "sh is not available");
        assertEquals(2, new java.io.File(t.host.resolve("d").toString()).list().length);
        t.mount();
        assertEquals(List.of(".", "..", "plain"), t.ls("/mnt/host/d"));
        assertEquals(0, t.unlink("/mnt/host/d/plain"));
        assertEquals(List.of(".", ".."), t.ls("/mnt/host/d"));
        assertEquals(-ENOTEMPTY, t.rmdir("/mnt/host/d"), "the host still has the file the guest cannot see");
    }

    @Test
    void mountingTheRootShowsNoOtherFileSystem() throws Exception {
        HostDirFs.mountInto(t.vfs, Path.of("/"));
        Object rootDev = Files.getAttribute(Path.of("/"), "unix:dev");
        List<String> listed = t.ls("/mnt/host");
        int otherFileSystems = 0;
        for (String top : new String[] {"proc", "sys", "dev", "run"}) {
            Path p = Path.of("/", top);
            if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) || Files.getAttribute(p, "unix:dev").equals(rootDev)) continue;
            otherFileSystems++;
            assertFalse(listed.contains(top), top + " is another file system");
            assertEquals(ENOENT, t.errnoOf("/mnt/host/" + top));
        }
        assertTrue(otherFileSystems >= 2, "/proc and /sys are never on the root file system");
        assertTimeoutPreemptively(LIMIT, () -> {
            assertEquals(ENOENT, t.errnoOf("/mnt/host/proc/kmsg"));
            assertEquals(ENOENT, t.errnoOf("/mnt/host/dev/zero"));
            assertEquals(ENOENT, t.errnoOf("/mnt/host/proc/self/root"));
        });
    }
}
