package fs;

import static fs.OpenFlags.*;
import static org.junit.jupiter.api.Assertions.*;
import static syscall.Errno.*;

import org.junit.jupiter.api.Test;

class VectorIoTest {
    final FsFixture t = new FsFixture();
    final FileSyscalls c = t.fileCalls;

    /** A struct iovec array in fake user memory from (address, length) pairs. */
    long iovec(long... pairs) {
        byte[] raw = new byte[pairs.length * 8];
        for (int i = 0; i < pairs.length; i++) StatSyscalls.putLong(raw, 8 * i, pairs[i]);
        return t.mem.bytes(raw);
    }

    @Test
    void writevGathersAndReadvScatters() {
        long fd = t.open("/tmp/f", O_CREAT | O_RDWR);
        long a = t.mem.bytes("hello ".getBytes()), b = t.mem.bytes("world".getBytes());
        assertEquals(11, c.writev(t.files, t.mem, t.waiter, fd, iovec(a, 6, 0, 0, b, 5), 3));
        c.lseek(t.files, fd, 0, SEEK_SET);
        long x = t.mem.alloc(4), y = t.mem.alloc(16);
        assertEquals(11, c.readv(t.files, t.mem, t.waiter, fd, iovec(x, 4, y, 16), 2));
        assertEquals("hell", new String(t.mem.read(x, 4)));
        assertEquals("o world", new String(t.mem.read(y, 7)));
        assertEquals(11, c.lseek(t.files, fd, 0, SEEK_CUR));
    }

    @Test
    void badVectorsAreRejectedAsLinuxDoes() {
        long fd = t.open("/tmp/f", O_CREAT | O_RDWR);
        assertEquals(-EINVAL, c.writev(t.files, t.mem, t.waiter, fd, iovec(), -1));
        assertEquals(-EINVAL, c.writev(t.files, t.mem, t.waiter, fd, iovec(), 1025));
        assertEquals(-EINVAL, c.writev(t.files, t.mem, t.waiter, fd, iovec(0x10000, -1), 1));
        assertEquals(-EINVAL, c.writev(t.files, t.mem, t.waiter, fd,
                iovec(0x10000, Long.MAX_VALUE, 0x10000, Long.MAX_VALUE), 2), "total overflows ssize_t");
        assertEquals(-EFAULT, c.writev(t.files, t.mem, t.waiter, fd, FakeUserMemory.BAD, 1));
        assertEquals(-EFAULT, c.writev(t.files, t.mem, t.waiter, fd, iovec(FakeUserMemory.BAD, 4), 1));
        assertEquals(0, c.writev(t.files, t.mem, t.waiter, fd, iovec(), 0));
        assertEquals(-EBADF, c.readv(t.files, t.mem, t.waiter, 77, iovec(), 0));
    }

    @Test
    void aFaultAfterSomeDataReturnsTheCountSoFar() {
        long fd = t.open("/tmp/f", O_CREAT | O_RDWR);
        long a = t.mem.bytes("abc".getBytes());
        assertEquals(3, c.writev(t.files, t.mem, t.waiter, fd, iovec(a, 3, FakeUserMemory.BAD, 3), 2));
    }

    @Test
    void aSmallWritevIsAtomicOnAPipe() {
        int[] p = t.pipe(0);
        int almostFull = 16 * 4096 - 10;
        assertEquals(almostFull, c.write(t.files, t.mem, t.waiter, p[1], t.mem.alloc(almostFull), almostFull));
        long a = t.mem.alloc(8);
        assertEquals(-BLOCKED, c.writev(t.files, t.mem, t.waiter, p[1], iovec(a, 8, a, 8), 2),
                "16 bytes do not fit in 10 and must not be split");
    }
}
