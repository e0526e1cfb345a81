package fs;

import static fs.OpenFlags.*;
import static org.junit.jupiter.api.Assertions.*;
import static syscall.Errno.*;

import org.junit.jupiter.api.Test;

class OpenFlagsTest {
    final FsFixture t = new FsFixture();

    @Test
    void openingAMissingFileWithoutOCreatIsENOENT() {
        assertEquals(-ENOENT, t.open("/tmp/none", O_RDONLY));
    }

    @Test
    void oCreatCreatesWithModeMaskedByUmask() throws FsException {
        assertEquals(0, t.pathCalls.open(t.files, t.fs, t.mem, t.mem.string("/tmp/f"), O_CREAT | O_WRONLY, 0666));
        Inode f = t.vfs.lookup("/tmp/f");
        assertTrue(f.isRegular());
        assertEquals(0644, f.mode() & 07777, "0666 & ~022");
        assertEquals(022, t.pathCalls.umask(t.fs, 077));
        t.open("/tmp/g", O_CREAT | O_WRONLY, 0666);
        assertEquals(0600, t.vfs.lookup("/tmp/g").mode() & 07777);
    }

    @Test
    void oExclFailsOnAnExistingName() {
        assertTrue(t.open("/tmp/f", O_CREAT | O_EXCL | O_WRONLY) >= 0);
        assertEquals(-EEXIST, t.open("/tmp/f", O_CREAT | O_EXCL | O_WRONLY));
        assertEquals(-EEXIST, t.open("/tmp", O_CREAT | O_EXCL | O_RDONLY));
        assertTrue(t.open("/tmp/f", O_CREAT | O_WRONLY) >= 0, "without O_EXCL an existing file opens");
    }

    @Test
    void oTruncEmptiesTheFile() throws FsException {
        t.vfs.installFile("/tmp/f", "hello".getBytes(), 0644);
        long fd = t.open("/tmp/f", O_RDWR | O_TRUNC);
        assertEquals(0, t.vfs.lookup("/tmp/f").size());
        assertEquals("", t.read(fd, 10));
    }

    @Test
    void oAppendWritesAtTheEndEveryTime() throws FsException {
        t.vfs.installFile("/tmp/f", "abc".getBytes(), 0644);
        long fd = t.open("/tmp/f", O_WRONLY | O_APPEND);
        assertEquals(0, t.fileCalls.lseek(t.files, fd, 0, SEEK_SET));
        assertEquals(2, t.write(fd, "de"));
        assertEquals(5, t.fileCalls.lseek(t.files, fd, 0, SEEK_CUR));
        assertEquals("abcde", new String(((RegularFile) t.vfs.lookup("/tmp/f")).contents()));
    }

    @Test
    void directoriesOpenOnlyForReading() {
        assertTrue(t.open("/tmp", O_RDONLY) >= 0);
        assertTrue(t.open("/tmp", O_RDONLY | O_DIRECTORY) >= 0);
        assertEquals(-EISDIR, t.open("/tmp", O_WRONLY));
        assertEquals(-EISDIR, t.open("/tmp", O_RDWR));
        assertEquals(-EISDIR, t.open("/tmp", O_CREAT | O_WRONLY));
        assertEquals(-EISDIR, t.open("/tmp/new/", O_CREAT | O_WRONLY), "O_CREAT with a trailing slash");
    }

    @Test
    void oDirectoryOnAFileIsENOTDIR() {
        t.vfs.installFile("/tmp/f", new byte[0], 0644);
        assertEquals(-ENOTDIR, t.open("/tmp/f", O_RDONLY | O_DIRECTORY));
        assertEquals(-ENOTDIR, t.open("/tmp/f/", O_RDONLY));
        assertEquals(-EINVAL, t.open("/tmp/g", O_CREAT | O_DIRECTORY | O_RDONLY), "as Linux 6.4 and later");
        assertEquals(-ENOENT, t.open("/tmp/g", O_RDONLY), "nothing was created");
    }

    @Test
    void accessModeDecidesWhatReadAndWriteMayDo() {
        t.vfs.installFile("/tmp/f", "data".getBytes(), 0644);
        long ro = t.open("/tmp/f", O_RDONLY);
        long wo = t.open("/tmp/f", O_WRONLY);
        assertEquals(-EBADF, t.write(ro, "x"));
        assertEquals("ERR-" + EBADF, t.read(wo, 4));
        assertEquals("data", t.read(ro, 10));
    }

    @Test
    void oNofollowRefusesAFinalSymlink() {
        t.vfs.installFile("/tmp/f", new byte[0], 0644);
        t.symlink("/tmp/f", "/tmp/l");
        assertEquals(-ELOOP, t.open("/tmp/l", O_RDONLY | O_NOFOLLOW));
        assertTrue(t.open("/tmp/l", O_RDONLY) >= 0);
    }

    @Test
    void oCloexecMarksOnlyTheNewDescriptor() {
        long a = t.open("/dev/null", O_RDONLY | O_CLOEXEC);
        long b = t.open("/dev/null", O_RDONLY);
        assertEquals(FD_CLOEXEC, t.fileCalls.fcntl(t.files, a, F_GETFD, 0));
        assertEquals(0, t.fileCalls.fcntl(t.files, b, F_GETFD, 0));
        FileSyscalls.closeOnExec(t.files);
        assertFalse(t.files.isOpen(a));
        assertTrue(t.files.isOpen(b));
    }

    @Test
    void getflShowsAccessModeAndStatusFlagsButNotCreationFlags() {
        long fd = t.open("/tmp/f", O_CREAT | O_EXCL | O_RDWR | O_APPEND | O_NONBLOCK);
        // Linux x86-64 also reports O_LARGEFILE, which the kernel forces on for 64-bit opens.
        assertEquals(O_RDWR | O_APPEND | O_NONBLOCK | O_LARGEFILE, t.fileCalls.fcntl(t.files, fd, F_GETFL, 0));
    }

    @Test
    void relativeToADirectoryDescriptor() {
        t.vfs.installFile("/usr/include/stdio.h", "x".getBytes(), 0644);
        long dir = t.open("/usr/include", O_RDONLY | O_DIRECTORY);
        long fd = t.pathCalls.openat(t.files, t.fs, t.mem, dir, t.mem.string("stdio.h"), O_RDONLY, 0);
        assertEquals("x", t.read(fd, 5));
        assertEquals(-EBADF, t.pathCalls.openat(t.files, t.fs, t.mem, 77, t.mem.string("stdio.h"), O_RDONLY, 0));
        assertEquals(-ENOTDIR, t.pathCalls.openat(t.files, t.fs, t.mem, fd, t.mem.string("x"), O_RDONLY, 0));
        assertTrue(t.pathCalls.openat(t.files, t.fs, t.mem, 77, t.mem.string("/tmp"), O_RDONLY, 0) >= 0,
                "an absolute path ignores dirfd");
    }
}
