package fs;

import static fs.OpenFlags.*;
import static org.junit.jupiter.api.Assertions.*;
import static syscall.Errno.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Symbolic links made on the host inside a mounted directory appear in the guest as links
 * whose targets the guest's path walker interprets: a relative target from where the link
 * is now in the guest tree, an absolute one from the guest's root. The host never follows
 * them, so no target, wherever it points and wherever the guest moves the link, reaches a
 * host file outside the mount.
 */
class HostMountSymlinkTest {
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

    private void hostLink(String name, String target) throws Exception {
        Files.createSymbolicLink(t.host.resolve(name), Path.of(target));
    }

    @Test
    void aRelativeLinkInsideTheMountIsFollowedByTheGuest() throws Exception {
        Files.createDirectories(t.host.resolve("a/b"));
        Files.writeString(t.host.resolve("a/b/file.txt"), "inside\n");
        hostLink("in", "a/b");
        hostLink("a/b/self", "file.txt");
        t.mount();
        assertEquals("inside\n", t.cat("/mnt/host/in/file.txt"));
        assertEquals("inside\n", t.cat("/mnt/host/in/self"));
        assertEquals("a/b", t.readlink("/mnt/host/in"));
        assertEquals(Mode.S_IFLNK, PathWalker.resolve(t.fs, t.fs.cwd(), "/mnt/host/in", false).type());
        assertSame(t.inode("/mnt/host/a"), t.inode("/mnt/host/in/.."), "'..' after a link is the target's parent, as on Linux");
        assertEquals(List.of(".", "..", "a", "in"), t.ls("/mnt/host"));
        assertEquals(-ELOOP, t.open("/mnt/host/in", O_RDONLY | O_NOFOLLOW));
    }

    @Test
    void aLinkToDotDotMovedToTheTopLeadsToTheGuestsMnt() throws Exception {
        Files.createDirectories(t.host.resolve("a/b"));
        hostLink("a/b/l", "..");
        hostLink("a/b/up", "../../..");
        t.mount();
        assertSame(t.inode("/mnt/host/a"), t.inode("/mnt/host/a/b/l"));
        assertSame(t.inode("/mnt"), t.inode("/mnt/host/a/b/up"));
        assertEquals("ERR-" + ENOENT, t.cat("/mnt/host/a/b/up/beside.txt"));
        assertEquals("ERR-" + ENOENT, t.cat("/mnt/host/a/b/up/outside/secret.txt"));

        assertEquals(0, t.rename("/mnt/host/a/b/l", "/mnt/host/l"));
        assertEquals("..", t.readlink("/mnt/host/l"));
        assertSame(t.inode("/mnt"), t.inode("/mnt/host/l"), "'..' from the top of the mount is the guest's /mnt");
        assertEquals(List.of(".", "..", "host"), t.ls("/mnt/host/l"));
        assertEquals("ERR-" + ENOENT, t.cat("/mnt/host/l/beside.txt"));
        assertEquals("ERR-" + ENOENT, t.cat("/mnt/host/l/outside/secret.txt"));
        assertEquals(0, t.writeFile("/mnt/host/l/made.txt", "guest"), "made in the guest's /mnt");
        assertTrue(t.inode("/mnt/made.txt") instanceof RegularFile);
        assertEquals(0, t.chdir("/mnt/host/l"));
        assertEquals("/mnt", t.getcwd());
        assertEquals(Path.of(".."), Files.readSymbolicLink(t.host.resolve("l")), "the host link moved, unchanged");
    }

    @Test
    void absoluteTargetsAreGuestPaths() throws Exception {
        Files.createDirectories(t.host.resolve("a"));
        hostLink("abs-secret", t.outside.resolve("secret.txt").toString());
        hostLink("abs-outside", t.outside.toString());
        hostLink("abs-inside", t.host.resolve("a").toString());
        hostLink("guest-etc", "/etc");
        hostLink("guest-root", "/");
        t.vfs.installFile("/etc/motd", "the guest's motd\n".getBytes(), 0644);
        t.mount();
        assertEquals("ERR-" + ENOENT, t.cat("/mnt/host/abs-secret"));
        assertEquals(-ENOENT, t.open("/mnt/host/abs-secret", O_WRONLY | O_TRUNC));
        assertEquals(-ENOENT, t.writeFile("/mnt/host/abs-secret", "overwritten"));
        assertEquals("ERR-" + ENOENT, t.cat("/mnt/host/abs-outside/secret.txt"));
        assertEquals(-ENOENT, t.writeFile("/mnt/host/abs-outside/new.txt", "x"));
        assertEquals(-ENOENT, t.chdir("/mnt/host/abs-inside"), "a host path, meaningless in the guest");
        assertEquals("the guest's motd\n", t.cat("/mnt/host/guest-etc/motd"));
        assertSame(t.vfs.root(), t.inode("/mnt/host/guest-root"));
        assertSame(t.vfs.root(), t.inode("/mnt/host/guest-root/.."));
    }

    @Test
    void relativeTargetsLeavingTheMountStayInTheGuest() throws Exception {
        hostLink("rel-secret", "../outside/secret.txt");
        hostLink("rel-beside", "../beside.txt");
        hostLink("rel-up", "../../../../../../../../..");
        t.mount();
        assertEquals("ERR-" + ENOENT, t.cat("/mnt/host/rel-secret"), "it names the guest's /mnt/outside/secret.txt");
        assertEquals("ERR-" + ENOENT, t.cat("/mnt/host/rel-beside"));
        assertEquals(-ENOENT, t.writeFile("/mnt/host/rel-beside", "x"));
        assertSame(t.vfs.root(), t.inode("/mnt/host/rel-up"));
        assertEquals(0, t.mkdir("/mnt/outside"));
        assertEquals(0, t.writeFile("/mnt/outside/secret.txt", "the guest's own\n"));
        assertEquals("the guest's own\n", t.cat("/mnt/host/rel-secret"));
    }

    @Test
    void loopsAndLongChainsAreELOOP() throws Exception {
        hostLink("loop1", "loop2");
        hostLink("loop2", "loop1");
        Files.writeString(t.host.resolve("end"), "end\n");
        hostLink("chain0", "end");
        for (int i = 1; i <= PathWalker.MAX_SYMLINK_FOLLOWS; i++) hostLink("chain" + i, "chain" + (i - 1));
        t.mount();
        assertEquals(ELOOP, t.errnoOf("/mnt/host/loop1"));
        assertEquals("end\n", t.cat("/mnt/host/chain" + (PathWalker.MAX_SYMLINK_FOLLOWS - 1)), "40 links are followed");
        assertEquals(ELOOP, t.errnoOf("/mnt/host/chain" + PathWalker.MAX_SYMLINK_FOLLOWS), "the 41st is ELOOP");
    }

    @Test
    void theGuestRemovesAndRenamesTheLinkNotItsTarget() throws Exception {
        Files.createDirectories(t.host.resolve("sub"));
        Files.writeString(t.host.resolve("f"), "f\n");
        hostLink("l1", "f");
        hostLink("l2", "f");
        hostLink("dirlink", "sub");
        t.mount();
        assertEquals(0, t.unlink("/mnt/host/l1"));
        assertFalse(Files.exists(t.host.resolve("l1"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertEquals("f\n", Files.readString(t.host.resolve("f")));
        assertEquals(-ENOTDIR, t.rmdir("/mnt/host/dirlink"), "rmdir does not follow the last link");
        assertEquals(0, t.rename("/mnt/host/l2", "/mnt/host/sub/l2"));
        assertEquals(Path.of("f"), Files.readSymbolicLink(t.host.resolve("sub/l2")));
        assertEquals("ERR-" + ENOENT, t.cat("/mnt/host/sub/l2"), "now relative to sub/");
        assertEquals(0, t.unlink("/mnt/host/dirlink"));
        assertTrue(Files.isDirectory(t.host.resolve("sub")));
    }

    @Test
    void linksToHostDevicesLeadToTheGuestsOwn() throws Exception {
        hostLink("kmsg", "/proc/kmsg");
        hostLink("zero", "/dev/zero");
        hostLink("tty", "/dev/tty");
        t.mount();
        assertEquals(ENOENT, t.errnoOf("/mnt/host/kmsg"), "the guest's /proc has no kmsg");
        assertEquals(ENOENT, t.errnoOf("/mnt/host/tty"));
        assertSame(t.inode("/dev/zero"), t.inode("/mnt/host/zero"), "the guest's own /dev/zero");
        assertEquals(List.of(".", "..", "kmsg", "tty", "zero"), t.ls("/mnt/host"));
    }

    @Test
    void aLinkReplacedOnTheHostIsReadAgain() throws Exception {
        Files.writeString(t.host.resolve("one"), "one\n");
        Files.writeString(t.host.resolve("two"), "two\n");
        hostLink("which", "one");
        t.mount();
        assertEquals("one\n", t.cat("/mnt/host/which"));
        Files.delete(t.host.resolve("which"));
        hostLink("which", "two");
        assertEquals("two\n", t.cat("/mnt/host/which"));
        Files.delete(t.host.resolve("which"));
        Files.createDirectories(t.host.resolve("which"));
        assertTrue(t.inode("/mnt/host/which") instanceof HostDirectory, "now a directory");
    }
}
