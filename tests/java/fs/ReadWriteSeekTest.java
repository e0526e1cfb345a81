package fs;

import static fs.OpenFlags.*;
import static org.junit.jupiter.api.Assertions.*;
import static syscall.Errno.*;

import org.junit.jupiter.api.Test;

class ReadWriteSeekTest {
    final FsFixture t = new FsFixture();
    final FileSyscalls c = t.fileCalls;

    @Test
    void writeThenReadBack() {
        long fd = t.open("/tmp/f", O_CREAT | O_RDWR);
        assertEquals(5, t.write(fd, "hello"));
        assertEquals("", t.read(fd, 10), "the offset is at the end");
        assertEquals(0, c.lseek(t.files, fd, 0, SEEK_SET));
        assertEquals("hel", t.read(fd, 3));
        assertEquals("lo", t.read(fd, 10));
    }

    @Test
    void lseekWhenceValues() {
        long fd = t.open("/tmp/f", O_CREAT | O_RDWR);
        t.write(fd, "0123456789");
        assertEquals(4, c.lseek(t.files, fd, 4, SEEK_SET));
        assertEquals(6, c.lseek(t.files, fd, 2, SEEK_CUR));
        assertEquals(7, c.lseek(t.files, fd, -3, SEEK_END));
        assertEquals("789", t.read(fd, 10));
        assertEquals(-EINVAL, c.lseek(t.files, fd, -1, SEEK_SET));
        assertEquals(-EINVAL, c.lseek(t.files, fd, -11, SEEK_END));
        assertEquals(-EINVAL, c.lseek(t.files, fd, 0, 5), "above SEEK_HOLE");
        assertEquals(-EINVAL, c.lseek(t.files, fd, 0, -1), "whence is an unsigned int");
        assertEquals(3, c.lseek(t.files, fd, 3, SEEK_DATA), "a file without holes is data to its end");
        assertEquals(10, c.lseek(t.files, fd, 3, SEEK_HOLE), "where the virtual hole at the end starts");
        assertEquals(-ENXIO, c.lseek(t.files, fd, 10, SEEK_DATA), "no data at or past the end");
        assertEquals(-ENXIO, c.lseek(t.files, fd, -1, SEEK_HOLE), "the offset is unsigned here");
        assertEquals(-EINVAL, c.lseek(t.files, fd, Long.MAX_VALUE, SEEK_END), "overflow");
        assertEquals(10, c.lseek(t.files, fd, 0, SEEK_CUR), "failed seeks leave the offset");
        assertEquals(-EBADF, c.lseek(t.files, 99, 0, SEEK_SET));
    }

    @Test
    void writingPastTheEndLeavesAHoleOfZeros() throws FsException {
        long fd = t.open("/tmp/f", O_CREAT | O_RDWR);
        assertEquals(100, c.lseek(t.files, fd, 100, SEEK_SET));
        assertEquals(1, t.write(fd, "x"));
        byte[] data = ((RegularFile) t.vfs.lookup("/tmp/f")).contents();
        assertEquals(101, data.length);
        assertEquals(0, data[50]);
        assertEquals('x', data[100]);
    }

    @Test
    void hugeOffsetsAreEFBIGNotAHostCrash() {
        long fd = t.open("/tmp/f", O_CREAT | O_RDWR);
        c.lseek(t.files, fd, 1L << 40, SEEK_SET);
        assertEquals(-EFBIG, t.write(fd, "x"));
    }

    @Test
    void preadAndPwriteLeaveTheOffsetAlone() {
        long fd = t.open("/tmp/f", O_CREAT | O_RDWR);
        t.write(fd, "abcdef");
        long buf = t.mem.alloc(3);
        assertEquals(3, c.pread64(t.files, t.mem, t.waiter, fd, buf, 3, 2));
        assertEquals("cde", new String(t.mem.read(buf, 3)));
        assertEquals(2, c.pwrite64(t.files, t.mem, t.waiter, fd, t.mem.bytes("XY".getBytes()), 2, 0));
        assertEquals(6, c.lseek(t.files, fd, 0, SEEK_CUR));
        c.lseek(t.files, fd, 0, SEEK_SET);
        assertEquals("XYcdef", t.read(fd, 10));
        assertEquals(-EINVAL, c.pread64(t.files, t.mem, t.waiter, fd, buf, 3, -1));
    }

    @Test
    void badBuffersAreEFAULT() {
        long fd = t.open("/tmp/f", O_CREAT | O_RDWR);
        assertEquals(-EFAULT, c.write(t.files, t.mem, t.waiter, fd, FakeUserMemory.BAD, 4));
        t.write(fd, "abc");
        c.lseek(t.files, fd, 0, SEEK_SET);
        assertEquals(-EFAULT, c.read(t.files, t.mem, t.waiter, fd, FakeUserMemory.BAD, 4));
        assertEquals(-EFAULT, c.read(t.files, t.mem, t.waiter, fd, t.mem.alloc(4), -1),
                "a count of (size_t)-1 passes the end of user space (access_ok), as on Linux");
        assertEquals(-EFAULT, c.write(t.files, t.mem, t.waiter, fd, FakeUserMemory.BAD, -1));
        assertEquals(-EBADF, c.read(t.files, t.mem, t.waiter, 99, FakeUserMemory.BAD, -1), "the descriptor is checked first");
    }

    @Test
    void readingADirectoryIsEISDIR() {
        long fd = t.open("/tmp", O_RDONLY);
        assertEquals("ERR-" + EISDIR, t.read(fd, 4));
    }

    @Test
    void largeTransfersCrossChunkBoundaries() {
        long fd = t.open("/tmp/big", O_CREAT | O_RDWR);
        byte[] data = new byte[200_000];
        for (int i = 0; i < data.length; i++) data[i] = (byte) (i * 7);
        assertEquals(data.length, c.write(t.files, t.mem, t.waiter, fd, t.mem.bytes(data), data.length));
        c.lseek(t.files, fd, 0, SEEK_SET);
        long buf = t.mem.alloc(data.length);
        assertEquals(data.length, c.read(t.files, t.mem, t.waiter, fd, buf, data.length + 10));
        assertArrayEquals(data, t.mem.read(buf, data.length));
    }

    @Test
    void pwriteOnAnAppendDescriptorAppendsAsOnLinux() throws FsException {
        t.vfs.installFile("/tmp/f", "abc".getBytes(), 0644);
        long fd = t.open("/tmp/f", O_WRONLY | O_APPEND);
        assertEquals(1, c.pwrite64(t.files, t.mem, t.waiter, fd, t.mem.bytes("Z".getBytes()), 1, 0));
        assertEquals("abcZ", new String(((RegularFile) t.vfs.lookup("/tmp/f")).contents()));
        assertEquals(0, c.lseek(t.files, fd, 0, SEEK_CUR), "pwrite leaves the offset");
    }

    @Test
    void directoriesSeekBySetAndCurOnly() {
        long fd = t.open("/tmp", O_RDONLY);
        assertEquals(-EINVAL, c.lseek(t.files, fd, 0, SEEK_END));
        assertEquals(1, c.lseek(t.files, fd, 1, SEEK_SET));
        assertEquals(2, c.lseek(t.files, fd, 1, SEEK_CUR));
    }
}
