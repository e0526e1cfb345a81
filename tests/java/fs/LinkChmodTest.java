package fs;

import static fs.OpenFlags.*;
import static org.junit.jupiter.api.Assertions.*;
import static syscall.Errno.*;

import org.junit.jupiter.api.Test;

class LinkChmodTest {
    final FsFixture t = new FsFixture();
    final InodeSyscalls c = new InodeSyscalls(t.vfs);

    long link(String from, String to) {
        return c.link(t.files, t.fs, t.mem, t.mem.string(from), t.mem.string(to));
    }

    long chmod(String path, int mode) {
        return c.chmod(t.files, t.fs, t.mem, t.mem.string(path), mode);
    }

    @Test
    void aHardLinkIsASecondNameForTheSameInode() throws FsException {
        RegularFile f = t.vfs.installFile("/tmp/a", "data".getBytes(), 0644);
        assertEquals(0, link("/tmp/a", "/etc/b"));
        assertSame(f, t.vfs.lookup("/etc/b"));
        assertEquals(2, f.links());
        assertEquals(2, t.mem.int64(t.stat("/tmp/a") + 16), "st_nlink");
        assertEquals(0, t.unlink("/tmp/a"));
        assertFalse(f.isEvicted(), "one name is left");
        assertEquals(0, t.unlink("/etc/b"));
        assertTrue(f.isEvicted());
    }

    @Test
    void linkErrors() {
        t.vfs.installFile("/tmp/a", new byte[0], 0644);
        t.vfs.installFile("/tmp/b", new byte[0], 0644);
        assertEquals(-EEXIST, link("/tmp/a", "/tmp/b"));
        assertEquals(-EPERM, link("/tmp", "/etc/tmp2"), "no hard links to directories");
        assertEquals(-ENOENT, link("/tmp/none", "/tmp/c"));
        assertEquals(-ENOENT, link("/tmp/a", "/tmp/c/"));
        assertEquals(-ENOTDIR, link("/tmp/a/", "/tmp/c"));
        t.vfs.proc().addFile("uptime", () -> "");
        assertEquals(-EXDEV, link("/proc/uptime", "/tmp/up"));
        assertEquals(-EXDEV, link("/tmp/a", "/proc/a"), "another file system");
        assertEquals(-EINVAL, c.linkat(t.files, t.fs, t.mem, AT_FDCWD, t.mem.string("/tmp/a"), AT_FDCWD,
                t.mem.string("/tmp/d"), 1));
    }

    @Test
    void linkingASymlinkLinksTheLinkUnlessAskedToFollow() throws FsException {
        RegularFile f = t.vfs.installFile("/tmp/a", new byte[0], 0644);
        t.symlink("/tmp/a", "/tmp/l");
        assertEquals(0, link("/tmp/l", "/tmp/l2"));
        assertTrue(PathWalker.resolve(t.fs, t.fs.cwd(), "/tmp/l2", false) instanceof Symlink);
        assertEquals(0, c.linkat(t.files, t.fs, t.mem, AT_FDCWD, t.mem.string("/tmp/l"), AT_FDCWD,
                t.mem.string("/tmp/a2"), InodeSyscalls.AT_SYMLINK_FOLLOW));
        assertSame(f, t.vfs.lookup("/tmp/a2"));
    }

    @Test
    void anOpenButUnlinkedFileCannotBeLinkedBack() {
        long fd = t.open("/tmp/a", O_CREAT | O_RDWR);
        t.unlink("/tmp/a");
        assertEquals(-ENOENT, c.linkat(t.files, t.fs, t.mem, fd, t.mem.string(""), AT_FDCWD,
                t.mem.string("/tmp/back"), AT_EMPTY_PATH));
    }

    @Test
    void chmodChangesOnlyThePermissionBits() throws FsException {
        t.vfs.installFile("/tmp/a", new byte[0], 0644);
        assertEquals(0, chmod("/tmp/a", 0100755));
        assertEquals(Mode.S_IFREG | 0755, t.vfs.lookup("/tmp/a").mode());
        long fd = t.open("/tmp/a", O_RDONLY);
        assertEquals(0, c.fchmod(t.files, fd, 04700));
        assertEquals(Mode.S_IFREG | 04700, t.vfs.lookup("/tmp/a").mode());
        assertEquals(-EBADF, c.fchmod(t.files, 99, 0));
        assertEquals(-ENOENT, chmod("/tmp/none", 0));
        t.vfs.proc().addFile("uptime", () -> "");
        assertEquals(-EPERM, chmod("/proc/uptime", 0666));
        t.symlink("/tmp/a", "/tmp/l");
        assertEquals(0, chmod("/tmp/l", 0600));
        assertEquals(Mode.S_IFREG | 0600, t.vfs.lookup("/tmp/a").mode(), "chmod follows symlinks");
    }
}
