package fs;

import static fs.OpenFlags.*;
import static org.junit.jupiter.api.Assertions.*;
import static syscall.Errno.*;

import org.junit.jupiter.api.Test;

class DirectoryCallsTest {
    final FsFixture t = new FsFixture();

    @Test
    void mkdirAndItsErrors() throws FsException {
        assertEquals(0, t.mkdir("/tmp/d"));
        Directory d = (Directory) t.vfs.lookup("/tmp/d");
        assertEquals(0755, d.mode() & 07777);
        assertEquals(2, d.links(), "its name and its \".\"");
        assertEquals(-EEXIST, t.mkdir("/tmp/d"));
        assertEquals(-EEXIST, t.mkdir("/tmp/d/"));
        assertEquals(-EEXIST, t.mkdir("/"));
        assertEquals(-ENOENT, t.mkdir("/tmp/x/y"));
        t.vfs.installFile("/tmp/f", new byte[0], 0644);
        assertEquals(-EEXIST, t.mkdir("/tmp/f"));
        assertEquals(-ENOTDIR, t.mkdir("/tmp/f/sub"));
        assertEquals(0, t.mkdir("/tmp/d/sub/"), "a trailing slash is fine for mkdir");
        assertEquals(3, d.links(), "the subdirectory's \"..\"");
    }

    @Test
    void rmdirAndItsErrors() throws FsException {
        t.mkdir("/tmp/d");
        t.mkdir("/tmp/d/sub");
        t.vfs.installFile("/tmp/f", new byte[0], 0644);
        assertEquals(-ENOTEMPTY, t.rmdir("/tmp/d"));
        assertEquals(-ENOTDIR, t.rmdir("/tmp/f"));
        assertEquals(-ENOENT, t.rmdir("/tmp/none"));
        assertEquals(-EINVAL, t.rmdir("/tmp/d/."));
        assertEquals(-ENOTEMPTY, t.rmdir("/tmp/d/sub/.."));
        assertEquals(-EBUSY, t.rmdir("/"));
        Directory d = (Directory) t.vfs.lookup("/tmp/d");
        assertEquals(0, t.rmdir("/tmp/d/sub"));
        assertEquals(2, d.links());
        assertEquals(0, t.rmdir("/tmp/d/"));
        assertEquals(-ENOENT, t.statResult("/tmp/d"));
    }

    @Test
    void unlinkAndItsErrors() {
        t.vfs.installFile("/tmp/f", new byte[0], 0644);
        assertEquals(-EISDIR, t.unlink("/tmp"));
        assertEquals(-ENOTDIR, t.unlink("/tmp/f/"));
        assertEquals(-ENOENT, t.unlink("/tmp/none"));
        assertEquals(0, t.unlink("/tmp/f"));
        assertEquals(-ENOENT, t.unlink("/tmp/f"));
        assertEquals(-EINVAL, t.pathCalls.unlinkat(t.files, t.fs, t.mem, AT_FDCWD, t.mem.string("/tmp"), 1));
        assertEquals(0, t.pathCalls.unlinkat(t.files, t.fs, t.mem, AT_FDCWD, t.mem.string("/etc"), AT_REMOVEDIR));
    }

    @Test
    void unlinkingASymlinkRemovesTheLinkNotTheTarget() {
        t.vfs.installFile("/tmp/f", new byte[0], 0644);
        t.symlink("/tmp/f", "/tmp/l");
        assertEquals(0, t.unlink("/tmp/l"));
        assertEquals(0, t.statResult("/tmp/f"));
    }

    @Test
    void renameMovesAndReplaces() throws FsException {
        t.vfs.installFile("/tmp/a", "A".getBytes(), 0644);
        t.vfs.installFile("/tmp/b", "B".getBytes(), 0644);
        Inode a = t.vfs.lookup("/tmp/a");
        Inode b = t.vfs.lookup("/tmp/b");
        assertEquals(0, t.rename("/tmp/a", "/tmp/b"));
        assertSame(a, t.vfs.lookup("/tmp/b"));
        assertTrue(b.isEvicted(), "the replaced file had no other name and was not open");
        assertEquals(-ENOENT, t.statResult("/tmp/a"));
        assertEquals(0, t.rename("/tmp/b", "/etc/b"));
        assertSame(a, t.vfs.lookup("/etc/b"));
        assertEquals(0, t.rename("/etc/b", "/etc/b"), "same file: nothing happens");
    }

    @Test
    void renameOfDirectories() throws FsException {
        t.mkdir("/tmp/d");
        t.mkdir("/tmp/d/sub");
        t.mkdir("/tmp/e");
        t.vfs.installFile("/tmp/f", new byte[0], 0644);
        assertEquals(-EINVAL, t.rename("/tmp/d", "/tmp/d/sub/x"), "into itself");
        assertEquals(-ENOTDIR, t.rename("/tmp/d", "/tmp/f"));
        assertEquals(-EISDIR, t.rename("/tmp/f", "/tmp/e"));
        assertEquals(-ENOTEMPTY, t.rename("/tmp/e", "/tmp/d"));
        assertEquals(-EBUSY, t.rename("/tmp/d/.", "/tmp/x"));
        assertEquals(-ENOENT, t.rename("/tmp/none", "/tmp/x"));
        assertEquals(-ENOTDIR, t.rename("/tmp/f/", "/tmp/g"));
        Directory tmp = (Directory) t.vfs.lookup("/tmp");
        Directory etc = (Directory) t.vfs.lookup("/etc");
        int tmpLinks = tmp.links();
        assertEquals(0, t.rename("/tmp/d", "/etc/d"));
        assertSame(etc, ((Directory) t.vfs.lookup("/etc/d")).parent());
        assertEquals(tmpLinks - 1, tmp.links());
        assertEquals(3, etc.links());
        assertEquals(0, t.rename("/tmp/e", "/etc/d/sub"), "over an empty directory");
        assertEquals(0, t.chdir("/etc/d/sub"));
        assertEquals("/etc/d/sub", t.getcwd());
    }

    @Test
    void chdirGetcwdAndFchdir() {
        assertEquals("/", t.getcwd());
        assertEquals(0, t.chdir("/usr/include"));
        assertEquals("/usr/include", t.getcwd());
        assertEquals(0, t.chdir(".."));
        assertEquals("/usr", t.getcwd());
        assertEquals(-ENOTDIR, t.chdir("/dev/null"));
        assertEquals(-ENOENT, t.chdir("/none"));
        long fd = t.open("/tmp", O_RDONLY);
        assertEquals(0, t.pathCalls.fchdir(t.files, t.fs, fd));
        assertEquals("/tmp", t.getcwd());
        long file = t.open("/dev/null", O_RDONLY);
        assertEquals(-ENOTDIR, t.pathCalls.fchdir(t.files, t.fs, file));
        assertEquals(-EBADF, t.pathCalls.fchdir(t.files, t.fs, 99));
    }

    @Test
    void getcwdReturnsTheLengthWithItsNulAndERANGEWhenShort() {
        t.chdir("/tmp");
        long buf = t.mem.alloc(16);
        assertEquals(5, t.pathCalls.getcwd(t.fs, t.mem, buf, 5));
        assertEquals("/tmp\0", new String(t.mem.read(buf, 5)));
        assertEquals(-ERANGE, t.pathCalls.getcwd(t.fs, t.mem, buf, 4));
        assertEquals(-EFAULT, t.pathCalls.getcwd(t.fs, t.mem, FakeUserMemory.BAD, 16));
    }

    @Test
    void aRemovedCwdCannotBeUsed() {
        t.mkdir("/tmp/d");
        t.chdir("/tmp/d");
        assertEquals(0, t.rmdir("/tmp/d"));
        assertEquals("ERR-" + ENOENT, t.getcwd());
        assertEquals(-ENOENT, t.open("x", O_CREAT | O_WRONLY), "nothing can be created in a dead directory");
        assertEquals(-ENOENT, t.mkdir("y"));
        assertEquals(0, t.chdir("/"));
    }

    @Test
    void accessAndReadlink() {
        t.vfs.installFile("/bin/prog", new byte[0], 0755);
        t.vfs.installFile("/etc/conf", new byte[0], 0644);
        assertEquals(0, t.pathCalls.access(t.files, t.fs, t.mem, t.mem.string("/bin/prog"), 1));
        assertEquals(-EACCES, t.pathCalls.access(t.files, t.fs, t.mem, t.mem.string("/etc/conf"), 1));
        assertEquals(0, t.pathCalls.access(t.files, t.fs, t.mem, t.mem.string("/etc/conf"), 6));
        assertEquals(-ENOENT, t.pathCalls.access(t.files, t.fs, t.mem, t.mem.string("/etc/none"), 0));
        assertEquals(-EINVAL, t.pathCalls.access(t.files, t.fs, t.mem, t.mem.string("/etc/conf"), 8));
        t.symlink("/etc/conf", "/tmp/l");
        long buf = t.mem.alloc(64);
        assertEquals(9, t.pathCalls.readlink(t.files, t.fs, t.mem, t.mem.string("/tmp/l"), buf, 64));
        assertEquals("/etc/conf", new String(t.mem.read(buf, 9)));
        assertEquals(4, t.pathCalls.readlink(t.files, t.fs, t.mem, t.mem.string("/tmp/l"), buf, 4));
        assertEquals(-EINVAL, t.pathCalls.readlink(t.files, t.fs, t.mem, t.mem.string("/etc/conf"), buf, 64));
        assertEquals(-EEXIST, t.symlink("x", "/tmp/l"));
    }

    @Test
    void aCwdDeeperThanPathMaxIsENAMETOOLONG() throws FsException {
        String name = "d".repeat(200);
        for (int i = 0; i < 21; i++) { // 21 * 201 bytes > 4096
            assertEquals(0, t.mkdir(name));
            assertEquals(0, t.chdir(name));
        }
        assertEquals("ERR-" + ENAMETOOLONG, t.getcwd());
        assertEquals(0, t.chdir(".."));
        assertEquals(20 * 201, t.getcwd().length());
    }
}
