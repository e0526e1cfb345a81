package fs;

import static org.junit.jupiter.api.Assertions.*;
import static syscall.Errno.*;

import org.junit.jupiter.api.Test;

class PathResolutionTest {
    final FsFixture t = new FsFixture();

    Inode resolve(String path) throws FsException {
        return PathWalker.resolve(t.fs, t.fs.cwd(), path, true);
    }

    int errnoOf(String path) {
        try {
            resolve(path);
            return 0;
        } catch (FsException e) {
            return e.errno();
        }
    }

    @Test
    void standardTreeExists() throws FsException {
        for (String p : new String[] {"/bin", "/usr/include", "/tmp", "/dev", "/proc", "/etc"}) {
            assertTrue(resolve(p).isDirectory(), p);
        }
        assertEquals(Mode.S_IFCHR, resolve("/dev/null").type());
        assertEquals(Mode.S_IFCHR, resolve("/dev/zero").type());
        assertEquals(Mode.S_IFCHR, resolve("/dev/console").type());
        assertEquals(1, resolve("/").ino(), "the root is inode 1");
    }

    @Test
    void dotDotAndRepeatedSlashes() throws FsException {
        Inode tmp = resolve("/tmp");
        assertSame(tmp, resolve("//tmp"));
        assertSame(tmp, resolve("/tmp/"));
        assertSame(tmp, resolve("/tmp/."));
        assertSame(tmp, resolve("/usr/../tmp"));
        assertSame(tmp, resolve("/usr/include/../../tmp//"));
        assertSame(t.vfs.root(), resolve("/.."), ".. of the root is the root");
        assertSame(t.vfs.root(), resolve("/../../.."));
    }

    @Test
    void relativePathsStartAtTheCwd() throws FsException {
        assertEquals(0, t.chdir("/usr"));
        assertSame(resolve("/usr/include"), resolve("include"));
        assertSame(resolve("/tmp"), resolve("../tmp"));
        assertSame(resolve("/usr"), resolve("."));
    }

    @Test
    void missingAndEmptyPathsAreENOENT() {
        assertEquals(ENOENT, errnoOf("/nonexistent"));
        assertEquals(ENOENT, errnoOf("/tmp/a/b"));
        assertEquals(ENOENT, errnoOf(""));
    }

    @Test
    void aFileUsedAsADirectoryIsENOTDIR() {
        t.vfs.installFile("/etc/motd", "hi".getBytes(), 0644);
        assertEquals(ENOTDIR, errnoOf("/etc/motd/"), "trailing slash on a file");
        assertEquals(ENOTDIR, errnoOf("/etc/motd/x"));
        assertEquals(ENOTDIR, errnoOf("/etc/motd/."));
        assertEquals(ENOTDIR, errnoOf("/dev/null/"));
    }

    @Test
    void longNamesAreENAMETOOLONG() {
        assertEquals(ENOENT, errnoOf("/tmp/" + "a".repeat(255)), "255 bytes is allowed");
        assertEquals(ENAMETOOLONG, errnoOf("/tmp/" + "a".repeat(256)));
        String longPath = "/" + "a/".repeat(2047) + "b"; // 4096 bytes without its NUL
        assertEquals(4096, longPath.length());
        assertEquals(ENAMETOOLONG, errnoOf(longPath));
        String fits = "/" + "./".repeat(2045) + "/tmp"; // 4096 bytes with its NUL
        assertEquals(4095, fits.length());
        assertEquals(0, errnoOf(fits));
    }

    @Test
    void pathsReadFromUserMemoryFollowTheSameLimits() {
        String tooLong = "/tmp/" + "x".repeat(4200);
        assertEquals(-ENAMETOOLONG, t.open(tooLong, OpenFlags.O_RDONLY));
        assertEquals(-EFAULT, t.pathCalls.open(t.files, t.fs, t.mem, FakeUserMemory.BAD, 0, 0));
    }

    @Test
    void symlinksAreFollowedAndLoopsAreELOOP() throws FsException {
        assertEquals(0, t.symlink("/usr/include", "/tmp/inc"));
        assertEquals(0, t.symlink("../usr", "/tmp/up"));
        assertSame(resolve("/usr/include"), resolve("/tmp/inc"));
        assertSame(resolve("/usr/include"), resolve("/tmp/up/include"));
        assertTrue(PathWalker.resolve(t.fs, t.fs.cwd(), "/tmp/inc", false) instanceof Symlink);
        assertEquals(0, t.symlink("/tmp/b", "/tmp/a"));
        assertEquals(0, t.symlink("/tmp/a", "/tmp/b"));
        assertEquals(ELOOP, errnoOf("/tmp/a"));
        assertEquals(ELOOP, errnoOf("/tmp/a/x"));
        assertEquals(0, t.symlink("/nowhere", "/tmp/dangling"));
        assertEquals(ENOENT, errnoOf("/tmp/dangling"));
    }

    @Test
    void dotDotNeverClimbsAboveTheCallersRoot() throws FsException {
        Directory usr = (Directory) resolve("/usr");
        Inode include = resolve("/usr/include");
        t.fs.setRoot(usr);
        t.fs.setCwd(usr);
        assertSame(usr, resolve("/.."));
        assertSame(include, resolve("../../include"));
        assertSame(include, resolve("/include"));
        assertEquals("/include", PathWalker.pathOf((Directory) include, t.fs.root()));
    }
}
