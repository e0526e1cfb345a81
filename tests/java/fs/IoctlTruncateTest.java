package fs;

import static fs.OpenFlags.*;
import static org.junit.jupiter.api.Assertions.*;
import static syscall.Errno.*;

import org.junit.jupiter.api.Test;

class IoctlTruncateTest {
    final FsFixture t = new FsFixture();
    final FileSyscalls c = t.fileCalls;

    @Test
    void theConsoleIsATerminalAndFilesAreNot() {
        long tty = t.open("/dev/console", O_RDWR);
        long file = t.open("/tmp/f", O_CREAT | O_RDWR);
        long buf = t.mem.alloc(Ioctls.TERMIOS_SIZE);
        assertEquals(0, c.ioctl(t.files, t.mem, tty, Ioctls.TCGETS, buf));
        assertEquals(0105073, t.mem.int32(buf + 12), "c_lflag: ICANON, ECHO, ISIG...");
        assertEquals(3, t.mem.read(buf + 17, 1)[0], "VINTR is ^C");
        assertEquals(-ENOTTY, c.ioctl(t.files, t.mem, file, Ioctls.TCGETS, buf));
        assertEquals(-ENOTTY, c.ioctl(t.files, t.mem, t.open("/dev/null", O_RDONLY), Ioctls.TCGETS, buf));
        assertEquals(-EBADF, c.ioctl(t.files, t.mem, 99, Ioctls.TCGETS, buf));
        assertEquals(-EFAULT, c.ioctl(t.files, t.mem, tty, Ioctls.TCGETS, FakeUserMemory.BAD));
    }

    @Test
    void terminalSettingsAreKeptAsSet() {
        long tty = t.open("/dev/console", O_RDWR);
        long buf = t.mem.alloc(Ioctls.TERMIOS_SIZE);
        c.ioctl(t.files, t.mem, tty, Ioctls.TCGETS, buf);
        byte[] raw = t.mem.read(buf, Ioctls.TERMIOS_SIZE);
        raw[12] = 0; // clear ICANON and ECHO: "raw mode"
        assertEquals(0, c.ioctl(t.files, t.mem, tty, Ioctls.TCSETSW, t.mem.bytes(raw)));
        long again = t.mem.alloc(Ioctls.TERMIOS_SIZE);
        c.ioctl(t.files, t.mem, tty, Ioctls.TCGETS, again);
        assertArrayEquals(raw, t.mem.read(again, Ioctls.TERMIOS_SIZE));
        long ws = t.mem.alloc(8);
        assertEquals(0, c.ioctl(t.files, t.mem, tty, Ioctls.TIOCGWINSZ, ws));
        assertArrayEquals(new byte[] {24, 0, 80, 0, 0, 0, 0, 0}, t.mem.read(ws, 8));
    }

    @Test
    void fionreadCountsWhatIsWaiting() {
        int[] p = t.pipe(0);
        t.write(p[1], "12345");
        long n = t.mem.alloc(4);
        assertEquals(0, c.ioctl(t.files, t.mem, p[0], Ioctls.FIONREAD, n));
        assertEquals(5, t.mem.int32(n));
        long fd = t.open("/tmp/f", O_CREAT | O_RDWR);
        t.write(fd, "abcdef");
        c.lseek(t.files, fd, 2, SEEK_SET);
        assertEquals(0, c.ioctl(t.files, t.mem, fd, Ioctls.FIONREAD, n));
        assertEquals(4, t.mem.int32(n));
    }

    @Test
    void genericRequestsWorkOnAnyDescriptor() {
        long fd = t.open("/tmp/f", O_CREAT | O_RDWR);
        assertEquals(0, c.ioctl(t.files, t.mem, fd, Ioctls.FIOCLEX, 0));
        assertTrue(t.files.isCloseOnExec(fd));
        assertEquals(0, c.ioctl(t.files, t.mem, fd, Ioctls.FIONCLEX, 0));
        assertFalse(t.files.isCloseOnExec(fd));
        assertEquals(0, c.ioctl(t.files, t.mem, fd, Ioctls.FIONBIO, t.mem.bytes(new byte[] {1, 0, 0, 0})));
        assertEquals(O_RDWR | O_NONBLOCK | O_LARGEFILE, c.fcntl(t.files, fd, F_GETFL, 0));
        assertEquals(0, c.ioctl(t.files, t.mem, fd, Ioctls.FIONBIO, t.mem.bytes(new byte[4])));
        assertEquals(O_RDWR | O_LARGEFILE, c.fcntl(t.files, fd, F_GETFL, 0));
    }

    @Test
    void ftruncateAndTruncate() throws FsException {
        long fd = t.open("/tmp/f", O_CREAT | O_RDWR);
        t.write(fd, "abcdef");
        assertEquals(0, c.ftruncate(t.files, fd, 3));
        c.lseek(t.files, fd, 0, SEEK_SET);
        assertEquals("abc", t.read(fd, 10));
        assertEquals(0, c.ftruncate(t.files, fd, 5));
        assertArrayEquals(new byte[] {'a', 'b', 'c', 0, 0}, ((RegularFile) t.vfs.lookup("/tmp/f")).contents());
        assertEquals(-EINVAL, c.ftruncate(t.files, fd, -1));
        assertEquals(-EINVAL, c.ftruncate(t.files, t.open("/tmp/f", O_RDONLY), 0), "not open for writing");
        assertEquals(-EINVAL, c.ftruncate(t.files, t.pipe(0)[1], 0), "not a regular file");
        assertEquals(-EBADF, c.ftruncate(t.files, 99, 0));
        assertEquals(-EFBIG, c.ftruncate(t.files, fd, 1L << 40));
        assertEquals(0, t.pathCalls.truncate(t.files, t.fs, t.mem, t.mem.string("/tmp/f"), 1));
        assertEquals(1, t.vfs.lookup("/tmp/f").size());
        assertEquals(-EISDIR, t.pathCalls.truncate(t.files, t.fs, t.mem, t.mem.string("/tmp"), 0));
        assertEquals(-ENOENT, t.pathCalls.truncate(t.files, t.fs, t.mem, t.mem.string("/tmp/no"), 0));
        assertEquals(-EINVAL, t.pathCalls.truncate(t.files, t.fs, t.mem, t.mem.string("/dev/null"), 0));
    }
}
