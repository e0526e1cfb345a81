package fs;

import static fs.OpenFlags.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static syscall.Errno.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host mount (HostDirFs) cannot be left by walking: ".." at every level, directories
 * renamed or removed by the guest or on the host while a process is in them or holds them
 * open, hard links, renames across file systems, long names and deep trees. After every
 * test nothing outside the mount may have changed (HostMountFixture's sentinels).
 */
class HostMountConfinementTest {
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

    @Test
    void dotDotAtEveryLevelStaysInTheGuestTree() throws Exception {
        Files.createDirectories(t.host.resolve("a/b/c"));
        t.mount();
        Inode mnt = t.inode("/mnt");
        String[] levels = {"/mnt/host", "/mnt/host/a", "/mnt/host/a/b", "/mnt/host/a/b/c"};
        for (int depth = 0; depth < levels.length; depth++) {
            String up = levels[depth] + "/..".repeat(depth + 1);
            assertSame(mnt, t.inode(up), up);
            assertSame(t.vfs.root(), t.inode(up + "/.."), up + "/..");
            assertSame(t.vfs.root(), t.inode(up + "/..".repeat(40)), up + " and 40 more");
        }
        assertSame(t.inode("/mnt/host/a/b"), t.inode("/mnt/host/a/b/c/../../../../host/a/./b"));

        assertEquals(0, t.chdir("/mnt/host/a/b/c"));
        assertEquals(0, t.chdir("../../../.."));
        assertEquals("/mnt", t.getcwd());
        // Creating through ".." beyond the top makes guest files, in the guest's /mnt.
        assertEquals(0, t.writeFile("/mnt/host/a/b/c/../../../../escaped.txt", "x"));
        assertTrue(t.inode("/mnt/escaped.txt") instanceof RegularFile, "a ramfs file in the guest's /mnt");
        assertEquals(0, t.mkdir("/mnt/host/a/../../made"));
        assertTrue(t.inode("/mnt/made") instanceof Directory);
        assertFalse(t.inode("/mnt/made") instanceof HostDirectory);
    }

    @Test
    void aCwdFollowsItsDirectoryRenamedByTheGuest() throws Exception {
        Files.createDirectories(t.host.resolve("a/b"));
        t.mount();
        assertEquals(0, t.chdir("/mnt/host/a/b"));
        assertEquals(0, t.rename("/mnt/host/a", "/mnt/host/z"));
        assertEquals("/mnt/host/z/b", t.getcwd());
        assertEquals(0, t.writeFile("made.txt", "hi"));
        assertEquals(0, t.mkdir("sub"));
        assertEquals("hi", Files.readString(t.host.resolve("z/b/made.txt")));
        assertTrue(Files.isDirectory(t.host.resolve("z/b/sub")));
        assertFalse(Files.exists(t.host.resolve("a")));
    }

    @Test
    void aLinkMovedInPlaceOfTheCwdsOldNameDoesNotLeadOut() throws Exception {
        // The guest alone: it renames its cwd away and moves a host link to ".." to the old
        // name. A mount that remembered the cwd's host path would now create through the link,
        // in the directory holding the mount.
        Files.createDirectories(t.host.resolve("a"));
        Files.createDirectories(t.host.resolve("a2/b"));
        Files.createSymbolicLink(t.host.resolve("a2/b/l"), Path.of(".."));
        t.mount();
        assertEquals(0, t.chdir("/mnt/host/a"));
        assertEquals(0, t.rename("/mnt/host/a", "/mnt/host/z"));
        assertEquals(0, t.rename("/mnt/host/a2/b/l", "/mnt/host/a"));
        assertEquals(0, t.writeFile("f", "x"));
        assertEquals(0, t.mkdir("d"));
        assertTrue(Files.isRegularFile(t.host.resolve("z/f")));
        assertTrue(Files.isDirectory(t.host.resolve("z/d")));
        assertSame(t.inode("/mnt"), t.inode("/mnt/host/a"));
    }

    @Test
    void anOpenDirectoryFollowsItsDirectoryRenamedByTheGuest() throws Exception {
        Files.createDirectories(t.host.resolve("a"));
        Files.createDirectories(t.host.resolve("moved"));
        t.mount();
        long dirfd = t.open("/mnt/host/a", O_RDONLY | O_DIRECTORY);
        assertTrue(dirfd >= 0);
        assertEquals(0, t.rename("/mnt/host/a", "/mnt/host/moved/a"));
        long fd = t.openat(dirfd, "f", O_WRONLY | O_CREAT | O_EXCL);
        assertTrue(fd >= 0, "openat: " + fd);
        assertEquals(4, t.write(fd, "data"));
        assertEquals(0, t.mkdirat(dirfd, "d"));
        assertEquals(0, t.renameat(dirfd, "f", dirfd, "g"));
        assertEquals(0, t.unlinkat(dirfd, "d", AT_REMOVEDIR));
        assertEquals(List.of(".", "..", "g"), t.ls("/mnt/host/moved/a"));
        assertEquals("data", Files.readString(t.host.resolve("moved/a/g")));
        assertFalse(Files.exists(t.host.resolve("a")));
        assertFalse(Files.exists(t.host.resolve("moved/a/d")));
    }

    @Test
    void aDirectoryRemovedByTheGuestIsDeadForItsCwdAndItsOpenDescriptors() throws Exception {
        Files.createDirectories(t.host.resolve("gone"));
        t.mount();
        assertEquals(0, t.chdir("/mnt/host/gone"));
        long dirfd = t.open(".", O_RDONLY | O_DIRECTORY);
        assertEquals(0, t.rmdir("/mnt/host/gone"));
        assertEquals(-ENOENT, t.writeFile("x", "x"));
        assertEquals(-ENOENT, t.mkdir("y"));
        assertEquals(-ENOENT, t.openat(dirfd, "z", O_WRONLY | O_CREAT));
        assertEquals(-ENOENT, t.mkdirat(dirfd, "w"));
        assertEquals("ERR-" + ENOENT, t.getcwd());
        assertEquals(List.of(), Files.list(t.host).toList(), "nothing was made on the host");
    }

    @Test
    void aDirectoryRenamedOnTheHostIsNotFoundUntilTheGuestMeetsItAgain() throws Exception {
        Files.createDirectories(t.host.resolve("a"));
        t.mount();
        assertEquals(0, t.chdir("/mnt/host/a"));
        long ino = t.inode(".").ino();
        Files.move(t.host.resolve("a"), t.host.resolve("z"));
        assertEquals(-ENOENT, t.writeFile("f", "x"), "the cwd is not where the guest saw it");
        assertFalse(Files.exists(t.host.resolve("z/f")));
        assertFalse(Files.exists(t.host.resolve("a")));
        assertEquals(ino, t.inode("/mnt/host/z").ino(), "the same directory, the same inode");
        assertEquals(0, t.writeFile("f", "x"));
        assertEquals("x", Files.readString(t.host.resolve("z/f")));
        assertEquals("/mnt/host/z", t.getcwd());
    }

    @Test
    void aDirectoryMovedOutOfTheMountOnTheHostCannotBeReached() throws Exception {
        Files.createDirectories(t.host.resolve("a"));
        Files.writeString(t.host.resolve("a/inside.txt"), "inside\n");
        t.mount();
        assertEquals(0, t.chdir("/mnt/host/a"));
        long dirfd = t.open(".", O_RDONLY | O_DIRECTORY);
        Files.move(t.host.resolve("a"), t.base.resolve("moved-out"));
        t.hostChangedOutside();
        assertEquals("ERR-" + ENOENT, t.cat("inside.txt"));
        assertEquals(-ENOENT, t.writeFile("f", "x"));
        assertEquals(-ENOENT, t.openat(dirfd, "g", O_WRONLY | O_CREAT));
        assertEquals(-ENOENT, t.mkdirat(dirfd, "d"));
        assertEquals(-ENOENT, t.unlinkat(dirfd, "inside.txt", 0));
        assertEquals(-ENOENT, t.renameat(dirfd, "inside.txt", AT_FDCWD, "/mnt/host/stolen.txt"));
        assertEquals(List.of(".", ".."), t.ls("."), "the directory shows nothing any more");
        assertEquals(List.of(), Files.list(t.host).toList());
    }

    @Test
    void aDirectoryReplacedByALinkOnTheHostIsNotFollowed() throws Exception {
        Files.createDirectories(t.host.resolve("a"));
        t.mount();
        assertEquals(0, t.chdir("/mnt/host/a"));
        Files.delete(t.host.resolve("a"));
        Files.createSymbolicLink(t.host.resolve("a"), t.outside);
        assertEquals(-ENOENT, t.writeFile("f", "x"));
        assertEquals(-ENOENT, t.mkdir("d"));
        assertEquals("ERR-" + ENOENT, t.cat("secret.txt"));
        assertEquals("ERR-" + ENOENT, t.cat("/mnt/host/a/secret.txt"), "the link's target is a guest path");
    }

    @Test
    void hardLinksAreRefused() throws Exception {
        Files.writeString(t.host.resolve("f"), "f\n");
        t.mount();
        assertEquals(0, t.writeFile("/tmp/r", "r"));
        assertEquals(-EPERM, t.link("/mnt/host/f", "/mnt/host/g"));
        assertEquals(-EXDEV, t.link("/tmp/r", "/mnt/host/r"));
        assertEquals(-EXDEV, t.link("/mnt/host/f", "/tmp/f"));
        assertEquals(-EEXIST, t.link("/mnt/host/f", "/mnt/host/f"));
        assertEquals(List.of(".", "..", "f"), t.ls("/mnt/host"));
    }

    @Test
    void aHostFileWithTwoNamesIsOneInode() throws Exception {
        Files.writeString(t.host.resolve("h1"), "one\n");
        Files.createLink(t.host.resolve("h2"), t.host.resolve("h1"));
        t.mount();
        assertSame(t.inode("/mnt/host/h1"), t.inode("/mnt/host/h2"));
    }

    @Test
    void onlyRegularFilesAndDirectoriesCanBeMade() throws Exception {
        Files.writeString(t.host.resolve("taken"), "");
        t.mount();
        int live = t.vfs.liveInodes();
        assertEquals(-EPERM, t.mknod("/mnt/host/fifo", Mode.S_IFIFO | 0644));
        assertEquals(-EPERM, t.mknod("/mnt/host/reg", Mode.S_IFREG | 0644));
        assertEquals(-EPERM, t.symlink("taken", "/mnt/host/link"));
        assertEquals(-EEXIST, t.mknod("/mnt/host/taken", Mode.S_IFIFO | 0644), "EEXIST comes first, as on Linux");
        assertEquals(-EEXIST, t.symlink("x", "/mnt/host/taken"));
        assertEquals(live + 1, t.vfs.liveInodes(), "only the looked-up file has an inode; no refused one leaked");
        assertEquals(List.of(".", "..", "taken"), t.ls("/mnt/host"));
    }

    @Test
    void renamesBetweenTheMountAndTheGuestAreEXDEV() throws Exception {
        Files.writeString(t.host.resolve("f"), "f\n");
        Files.createDirectories(t.host.resolve("a/b"));
        t.mount();
        assertEquals(0, t.writeFile("/tmp/r", "r"));
        assertEquals(-EXDEV, t.rename("/mnt/host/f", "/tmp/f"));
        assertEquals(-EXDEV, t.rename("/tmp/r", "/mnt/host/r"));
        assertEquals(-EXDEV, t.rename("/mnt/host/a", "/tmp/a"));
        assertEquals(-EINVAL, t.rename("/mnt/host/a", "/mnt/host/a/b/a"), "a directory into itself");
        assertEquals(-EBUSY, t.rename("/mnt/host/a/..", "/tmp/x"));
        assertTrue(Files.exists(t.host.resolve("f")));
    }

    @Test
    void theMountPointCannotBeRemovedOrRenamed() throws Exception {
        t.mount();
        assertEquals(0, t.mkdir("/tmp/d"));
        assertEquals(-EBUSY, t.rmdir("/mnt/host"), "even empty, as on Linux");
        assertEquals(-EBUSY, t.rename("/mnt/host", "/mnt/elsewhere"));
        assertEquals(-EBUSY, t.rename("/tmp/d", "/mnt/host"));
        assertEquals(-EBUSY, t.rmdir("/proc"));
        assertTrue(t.inode("/mnt/host") instanceof HostDirectory);
        assertTrue(Files.isDirectory(t.host));
    }

    @Test
    void inodeNumbersSurviveRenamesOnEitherSide() throws Exception {
        Files.writeString(t.host.resolve("f"), "f\n");
        Files.createDirectories(t.host.resolve("d"));
        t.mount();
        long file = t.inode("/mnt/host/f").ino();
        long dir = t.inode("/mnt/host/d").ino();
        assertEquals(0, t.rename("/mnt/host/f", "/mnt/host/g"));
        assertEquals(0, t.rename("/mnt/host/d", "/mnt/host/e"));
        assertEquals(file, t.inode("/mnt/host/g").ino());
        assertEquals(dir, t.inode("/mnt/host/e").ino());
        Files.move(t.host.resolve("g"), t.host.resolve("e/h"));
        Files.move(t.host.resolve("e"), t.host.resolve("c"));
        assertEquals(file, t.inode("/mnt/host/c/h").ino());
        assertEquals(dir, t.inode("/mnt/host/c").ino());
        assertNull(t.inode("/mnt/host/g"));
        assertEquals("f\n", t.cat("/mnt/host/c/h"));
    }

    @Test
    void longNamesAndPathsAreENAMETOOLONG() throws Exception {
        t.mount();
        assertEquals(0, t.writeFile("/mnt/host/" + "a".repeat(255), "x"));
        assertTrue(Files.exists(t.host.resolve("a".repeat(255))));
        assertEquals(-ENAMETOOLONG, t.writeFile("/mnt/host/" + "b".repeat(256), "x"));
        assertEquals(-ENAMETOOLONG, t.mkdir("/mnt/host/" + "b".repeat(256)));
        assertEquals(-ENAMETOOLONG, t.open("/mnt/host/" + "x/".repeat(2043), O_RDONLY), "a path of PATH_MAX bytes");
        assertEquals(1, Files.list(t.host).count());
    }

    @Test
    void namesAreMeasuredInBytesAsOnLinux() throws Exception {
        // Java names host files in the JVM's file-name encoding: only a UTF-8 one can hold these.
        assumeTrue(System.getProperty("sun.jnu.encoding", "").equalsIgnoreCase("UTF-8"), "host file names are not UTF-8");
        t.mount();
        assertEquals(0, t.writeFile("/mnt/host/" + "é".repeat(127), "x"), "254 bytes");
        assertEquals(-ENAMETOOLONG, t.writeFile("/mnt/host/" + "é".repeat(128), "x"), "256 bytes");
        assertEquals(-ENAMETOOLONG, t.mkdir("/mnt/host/" + "é".repeat(128)));
        assertEquals(List.of("é".repeat(127)), Files.list(t.host).map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void directoriesLieAtMostMaxDepthBelowTheMount() throws Exception {
        Path deepest = t.host;
        for (int i = 0; i < HostDirFs.MAX_DEPTH; i++) deepest = deepest.resolve("d");
        Files.createDirectories(deepest);
        Files.createDirectories(deepest.resolve("host-made"));
        t.mount();
        String path = "/mnt/host" + "/d".repeat(HostDirFs.MAX_DEPTH);
        assertEquals(0, t.chdir(path));
        assertEquals(0, t.writeFile("file", "deep"), "files may be made at the deepest level");
        assertEquals("deep", Files.readString(deepest.resolve("file")));
        assertEquals(-ENAMETOOLONG, t.mkdir("sub"));
        assertEquals(-ENAMETOOLONG, t.chdir("host-made"));
        assertEquals(List.of(".", "..", "file"), t.ls("."), "what lies deeper is not listed");
        assertEquals(0, t.mkdir("/mnt/host/top"));
        assertEquals(-ENAMETOOLONG, t.rename("/mnt/host/top", path + "/top"));
    }

    @Test
    void hostInodesCountAgainstTheBudgetUntilTheGuestRemovesThem() throws Exception {
        for (int i = 0; i < 10; i++) Files.writeString(t.host.resolve("h" + i), "");
        t.mount();
        int live = t.vfs.liveInodes();
        assertEquals(12, t.ls("/mnt/host").size());
        assertEquals(live + 10, t.vfs.liveInodes(), "one inode per host file met");
        assertEquals(12, t.ls("/mnt/host").size());
        assertEquals(live + 10, t.vfs.liveInodes(), "and the same ones when met again");
        for (int i = 0; i < 100; i++) {
            assertEquals(0, t.writeFile("/mnt/host/tmp" + i, "x"));
            assertEquals(0, t.unlink("/mnt/host/tmp" + i));
            assertEquals(0, t.mkdir("/mnt/host/dir" + i));
            assertEquals(0, t.rmdir("/mnt/host/dir" + i));
        }
        assertEquals(live + 10, t.vfs.liveInodes(), "removed files and directories give their inodes back");
        for (int i = 0; i < 10; i++) assertEquals(0, t.unlink("/mnt/host/h" + i));
        assertEquals(live, t.vfs.liveInodes());
    }

    @Test
    void fileSizesAreBoundedAsInTheRamfs() throws Exception {
        Files.writeString(t.host.resolve("f"), "");
        t.mount();
        Inode f = t.inode("/mnt/host/f");
        byte[] one = {1};
        assertEquals(-EFBIG, f.write(null, RegularFile.MAX_SIZE, one, 0, 1, null));
        assertEquals(-EFBIG, f.truncate(RegularFile.MAX_SIZE + 1));
        assertEquals(1, f.write(null, RegularFile.MAX_SIZE - 1, new byte[10], 0, 10, null), "a write stops at the limit");
        assertEquals(RegularFile.MAX_SIZE, Files.size(t.host.resolve("f")));
        assertEquals(0, f.truncate(3));
        assertEquals(3, f.size());
    }

    @Test
    void whatTheGuestAddsToTheHostIsBoundedByAQuota() throws Exception {
        Files.writeString(t.host.resolve("old"), "0123456789");
        HostDirFs.mountInto(t.vfs, t.host).setQuota(100);
        long fd = t.open("/mnt/host/f", O_CREAT | O_WRONLY);
        assertEquals(100, t.write(fd, "x".repeat(150)), "a write that would pass the quota is short");
        assertEquals(-EDQUOT, t.write(fd, "y"), "then the disk quota is exceeded");
        Inode f = t.inode("/mnt/host/f");
        assertEquals(-EDQUOT, f.truncate(150));
        assertEquals(0, f.truncate(40), "shrinking gives 60 bytes back");
        assertEquals(0, t.unlink("/mnt/host/old"), "removing a file gives its 10 bytes back");
        assertEquals(0, f.truncate(100));
        assertEquals(10, f.write(null, 100, new byte[20], 0, 20, null), "70 were left");
        assertEquals(110, Files.size(t.host.resolve("f")));
        assertEquals(-EDQUOT, t.write(t.open("/mnt/host/g", O_CREAT | O_WRONLY), "z"), "the quota is the mount's");
    }

    @Test
    void listingsAreSortedAndTimesAreVirtual() throws Exception {
        for (String name : new String[] {"c", "a", "B", "b"}) Files.writeString(t.host.resolve(name), name);
        t.mount();
        assertEquals(List.of(".", "..", "B", "a", "b", "c"), t.ls("/mnt/host"));
        Inode a = t.inode("/mnt/host/a");
        assertTrue(Files.getLastModifiedTime(t.host.resolve("a")).toMillis() > 0);
        assertEquals(0, a.mtime(), "the guest's clock (0 here), not the host file's time");
        assertEquals(0, a.ctime());
        assertEquals(0, a.atime());
    }

    @Test
    void aFileThatIsNoLongerWhereTheGuestSawItIsESTALE() throws Exception {
        Files.writeString(t.host.resolve("f"), "f\n");
        Files.writeString(t.host.resolve("g"), "g\n");
        t.mount();
        long f = t.open("/mnt/host/f", O_RDWR);
        long g = t.open("/mnt/host/g", O_RDWR);
        // An editor saving the file: it writes a new one and renames it over the old.
        Files.writeString(t.host.resolve("f.new"), "another file\n");
        Files.move(t.host.resolve("f.new"), t.host.resolve("f"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals("ERR-" + ESTALE, t.read(f, 10), "not the same host file any more");
        assertEquals(-ESTALE, t.write(f, "x"));
        assertEquals(0, t.unlink("/mnt/host/g"));
        assertEquals("ERR-" + ESTALE, t.read(g, 10), "removed while open");
        assertEquals("another file\n", Files.readString(t.host.resolve("f"), StandardCharsets.UTF_8));
        assertEquals("another file\n", t.cat("/mnt/host/f"), "opened again, it is the new file");
    }

    @Test
    void aMountThatCannotBeMadeIsRefusedWithOneLine() throws Exception {
        Path file = Files.writeString(t.base.resolve("file"), "");
        t.hostChangedOutside();
        Exception e = assertThrows(java.io.IOException.class, () -> HostDirFs.checkMountable(file));
        assertEquals("not a directory", e.getMessage());
        assertThrows(java.io.IOException.class, () -> HostDirFs.checkMountable(t.base.resolve("missing")));
    }
}
