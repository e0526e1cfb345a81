package fs;

import static fs.OpenFlags.*;
import static org.junit.jupiter.api.Assertions.*;
import static syscall.Errno.*;

import org.junit.jupiter.api.Test;

class DupFcntlTest {
    final FsFixture t = new FsFixture();
    final FileSyscalls c = t.fileCalls;

    long openData() {
        t.vfs.installFile("/tmp/f", "0123456789".getBytes(), 0644);
        return t.open("/tmp/f", O_RDWR);
    }

    @Test
    void dupSharesTheOffset() {
        long fd = openData();
        long copy = c.dup(t.files, fd);
        assertEquals(fd + 1, copy);
        assertEquals("012", t.read(fd, 3));
        assertEquals("345", t.read(copy, 3));
        assertEquals(6, c.lseek(t.files, fd, 0, SEEK_CUR));
    }

    @Test
    void dupOfABadDescriptorIsEBADF() {
        assertEquals(-EBADF, c.dup(t.files, 9));
        assertEquals(-EBADF, c.dup2(t.files, 9, 3));
        assertEquals(-EBADF, c.dup3(t.files, 9, 3, 0));
        assertEquals(-EBADF, c.fcntl(t.files, 9, F_GETFD, 0));
    }

    @Test
    void dup2ReplacesTheTargetSilently() {
        long fd = openData();
        long other = t.open("/dev/null", O_RDONLY);
        OpenFile devNull = t.files.get(other);
        assertEquals(other, c.dup2(t.files, fd, other));
        assertTrue(devNull.isReleased(), "the old description was closed");
        assertSame(t.files.get(fd), t.files.get(other));
        assertEquals(100, c.dup2(t.files, fd, 100));
        assertEquals(-EBADF, c.dup2(t.files, fd, FdTable.DEFAULT_LIMIT));
        assertEquals(-EBADF, c.dup2(t.files, fd, -1));
    }

    @Test
    void dup2OntoItselfOnlyChecksTheDescriptor() {
        long fd = openData();
        c.fcntl(t.files, fd, F_SETFD, FD_CLOEXEC);
        assertEquals(fd, c.dup2(t.files, fd, fd));
        assertEquals(FD_CLOEXEC, c.fcntl(t.files, fd, F_GETFD, 0), "flags untouched");
        assertEquals(-EBADF, c.dup2(t.files, 50, 50));
    }

    @Test
    void dup3RefusesTheSameDescriptorAndUnknownFlags() {
        long fd = openData();
        assertEquals(-EINVAL, c.dup3(t.files, fd, fd, 0));
        assertEquals(-EINVAL, c.dup3(t.files, fd, 10, O_NONBLOCK));
        assertEquals(10, c.dup3(t.files, fd, 10, O_CLOEXEC));
        assertTrue(t.files.isCloseOnExec(10));
        assertFalse(t.files.isCloseOnExec(fd));
    }

    @Test
    void closeOnExecBelongsToTheDescriptorNotTheDescription() {
        long fd = openData();
        long copy = c.fcntl(t.files, fd, F_DUPFD_CLOEXEC, 0);
        assertEquals(FD_CLOEXEC, c.fcntl(t.files, copy, F_GETFD, 0));
        assertEquals(0, c.fcntl(t.files, fd, F_GETFD, 0));
        assertEquals(0, c.fcntl(t.files, copy, F_SETFD, 0));
        assertEquals(0, c.fcntl(t.files, copy, F_GETFD, 0));
        assertEquals(0, c.fcntl(t.files, fd, F_SETFD, FD_CLOEXEC | 2));
        assertEquals(FD_CLOEXEC, c.fcntl(t.files, fd, F_GETFD, 0));
        FileSyscalls.closeOnExec(t.files);
        assertFalse(t.files.isOpen(fd));
        assertEquals("0123", t.read(copy, 4), "the description lives on in the other descriptor");
    }

    @Test
    void fDupfdTakesTheLowestFreeAtOrAboveTheArgument() {
        long fd = openData();
        assertEquals(5, c.fcntl(t.files, fd, F_DUPFD, 5));
        assertEquals(6, c.fcntl(t.files, fd, F_DUPFD, 5));
        assertEquals(1, c.fcntl(t.files, fd, F_DUPFD, 0));
        assertEquals(-EINVAL, c.fcntl(t.files, fd, F_DUPFD, FdTable.DEFAULT_LIMIT));
        assertEquals(-EINVAL, c.fcntl(t.files, fd, F_DUPFD, -1));
        assertEquals(-EINVAL, c.fcntl(t.files, fd, 12345, 0), "unknown command");
    }

    @Test
    void fSetflChangesOnlyAppendAndNonblockAndIsSharedByDups() {
        long fd = openData();
        long copy = c.dup(t.files, fd);
        assertEquals(0, c.fcntl(t.files, fd, F_SETFL, O_APPEND | O_NONBLOCK | O_WRONLY | O_TRUNC));
        assertEquals(O_RDWR | O_APPEND | O_NONBLOCK | O_LARGEFILE, c.fcntl(t.files, copy, F_GETFL, 0));
        assertEquals(0, c.fcntl(t.files, copy, F_SETFL, 0));
        assertEquals(O_RDWR | O_LARGEFILE, c.fcntl(t.files, fd, F_GETFL, 0));
    }
}
