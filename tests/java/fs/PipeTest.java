package fs;

import static fs.OpenFlags.*;
import static org.junit.jupiter.api.Assertions.*;
import static syscall.Errno.*;

import org.junit.jupiter.api.Test;

class PipeTest {
    /** A new pipe's size: 16 pages, Linux's default. */
    static final int CAPACITY = 16 * 4096;

    final FsFixture t = new FsFixture();
    final FileSyscalls c = t.fileCalls;

    long writeBytes(long fd, int n, FsFixture.CountingWaiter w) {
        return c.write(t.files, t.mem, w, fd, t.mem.alloc(n), n);
    }

    @Test
    void bytesComeOutInOrder() {
        int[] p = t.pipe(0);
        assertArrayEquals(new int[] {0, 1}, p);
        assertEquals(5, t.write(p[1], "hello"));
        assertEquals("hel", t.read(p[0], 3));
        assertEquals("lo", t.read(p[0], 10));
    }

    @Test
    void aReadIntoABadBufferLeavesTheBytesInThePipe() {
        int[] p = t.pipe(0);
        t.write(p[1], "hello");
        assertEquals(-EFAULT, c.read(t.files, t.mem, t.waiter, p[0], FakeUserMemory.BAD, 3));
        assertEquals("hello", t.read(p[0], 10), "Linux consumes only what reached the reader");
    }

    @Test
    void aFaultingReadOfSeveralPagesLeavesEveryByteInPlace() {
        int[] p = t.pipe(0);
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 3 * 4096 + 100; i++) text.append(i).append(' ');
        t.write(p[1], "x");
        assertEquals("x", t.read(p[0], 1), "the first page now has room in front of its data");
        t.write(p[1], text.toString());
        assertEquals(-EFAULT, c.read(t.files, t.mem, t.waiter, p[0], FakeUserMemory.BAD, 3 * 4096));
        assertEquals(text.toString(), t.read(p[0], text.length()));
        assertEquals(0, ((Pipe) t.files.get(p[0]).inode()).pagesInUse(), "the pages given back were freed again");
    }

    @Test
    void readingAfterAllWritersCloseIsEndOfFile() {
        int[] p = t.pipe(0);
        long dupWriter = c.dup(t.files, p[1]);
        t.write(p[1], "x");
        c.close(t.files, p[1]);
        assertEquals("x", t.read(p[0], 10));
        assertEquals("ERR-" + BLOCKED, t.read(p[0], 10), "one writer remains");
        c.close(t.files, dupWriter);
        assertEquals("", t.read(p[0], 10));
    }

    @Test
    void aReaderBlocksOnAnEmptyPipeAndTheWriterWakesIt() {
        int[] p = t.pipe(0);
        FsFixture.CountingWaiter reader = new FsFixture.CountingWaiter();
        long buf = t.mem.alloc(8);
        assertEquals(-BLOCKED, c.read(t.files, t.mem, reader, p[0], buf, 8));
        Pipe pipe = (Pipe) t.files.get(p[0]).inode();
        assertEquals(1, pipe.readWait().waiters().size());
        assertEquals(0, reader.wakes);
        t.write(p[1], "go");
        assertEquals(1, reader.wakes);
        assertEquals(2, c.read(t.files, t.mem, reader, p[0], buf, 8), "the restarted call succeeds");
    }

    @Test
    void closingTheLastWriterWakesReaders() {
        int[] p = t.pipe(0);
        FsFixture.CountingWaiter reader = new FsFixture.CountingWaiter();
        assertEquals(-BLOCKED, c.read(t.files, t.mem, reader, p[0], t.mem.alloc(1), 1));
        c.close(t.files, p[1]);
        assertEquals(1, reader.wakes);
        assertEquals(0, c.read(t.files, t.mem, reader, p[0], t.mem.alloc(1), 1));
    }

    @Test
    void theCapacityIs64KiBAndAFullPipeBlocksWriters() {
        int[] p = t.pipe(0);
        FsFixture.CountingWaiter writer = new FsFixture.CountingWaiter();
        assertEquals(CAPACITY, writeBytes(p[1], CAPACITY, writer));
        assertEquals(65536, ((Pipe) t.files.get(p[0]).inode()).bufferSize());
        assertEquals(-BLOCKED, writeBytes(p[1], 1, writer));
        assertEquals(-BLOCKED, writeBytes(p[1], 100_000, writer), "a large write sleeps when nothing fits");
        t.read(p[0], 1);
        assertEquals(1, writer.wakes, "a read makes room and wakes the writer");
    }

    @Test
    void largeWritesArePartialAndSmallWritesAtomic() {
        int[] p = t.pipe(0);
        assertEquals(CAPACITY - 100, writeBytes(p[1], CAPACITY - 100, t.waiter));
        assertEquals(-BLOCKED, writeBytes(p[1], 200, t.waiter), "200 <= PIPE_BUF must go in whole");
        // As on Linux: the byte beyond a whole page joins the last page; the page after it has no slot.
        assertEquals(1, writeBytes(p[1], Pipe.PIPE_BUF + 1, t.waiter), "a large write takes what fits");
        assertEquals(CAPACITY - 99, ((Pipe) t.files.get(p[0]).inode()).available());
    }

    @Test
    void aLargeBlockingWriteReturnsItsPartialCountInsteadOfSleeping() {
        int[] p = t.pipe(0);
        assertEquals(CAPACITY, writeBytes(p[1], 3 * CAPACITY, t.waiter));
        assertEquals(0, ((Pipe) t.files.get(p[0]).inode()).writeWait().waiters().size());
    }

    @Test
    void nonblockingEndsAnswerEAGAIN() {
        int[] p = t.pipe(O_NONBLOCK);
        assertEquals("ERR-" + EAGAIN, t.read(p[0], 1));
        assertEquals(CAPACITY, writeBytes(p[1], CAPACITY, t.waiter));
        assertEquals(-EAGAIN, writeBytes(p[1], 1, t.waiter));
        assertEquals(0, t.waiter.wakes);
        assertEquals(O_WRONLY | O_NONBLOCK, c.fcntl(t.files, p[1], F_GETFL, 0));
        assertEquals(O_RDONLY | O_NONBLOCK, c.fcntl(t.files, p[0], F_GETFL, 0));
    }

    @Test
    void fSetflNonblockTurnsBlockingIntoEAGAIN() {
        int[] p = t.pipe(0);
        c.fcntl(t.files, p[0], F_SETFL, O_NONBLOCK);
        assertEquals("ERR-" + EAGAIN, t.read(p[0], 1));
    }

    @Test
    void writingWithNoReaderIsEPIPEAndMeansSigpipe() {
        int[] p = t.pipe(0);
        FsFixture.CountingWaiter writer = new FsFixture.CountingWaiter();
        assertEquals(CAPACITY, writeBytes(p[1], CAPACITY, writer));
        assertEquals(-BLOCKED, writeBytes(p[1], 1, writer));
        c.close(t.files, p[0]);
        assertEquals(1, writer.wakes, "a sleeping writer is woken to see EPIPE");
        long r = t.write(p[1], "x");
        assertEquals(-EPIPE, r);
        assertTrue(FileSyscalls.raisesSigpipe(r));
        assertFalse(FileSyscalls.raisesSigpipe(-EBADF));
        assertEquals(0, t.write(p[1], ""), "an empty write succeeds even so");
    }

    @Test
    void pipesAreNotSeekable() {
        int[] p = t.pipe(0);
        assertEquals(-ESPIPE, c.lseek(t.files, p[0], 0, SEEK_CUR));
        assertEquals(-ESPIPE, c.pread64(t.files, t.mem, t.waiter, p[0], t.mem.alloc(1), 1, 0));
    }

    @Test
    void pipe2FlagsAndFaults() {
        assertEquals(-EINVAL, c.pipe2(t.files, t.mem, t.mem.alloc(8), O_APPEND));
        assertEquals(-EFAULT, c.pipe2(t.files, t.mem, FakeUserMemory.BAD, 0));
        assertTrue(t.files.openDescriptors().isEmpty(), "no descriptor leaks on EFAULT");
        int[] p = t.pipe(O_CLOEXEC);
        assertTrue(t.files.isCloseOnExec(p[0]));
        assertTrue(t.files.isCloseOnExec(p[1]));
    }

    @Test
    void bothEndsClosedEvictsThePipe() {
        int[] p = t.pipe(0);
        Pipe pipe = (Pipe) t.files.get(p[0]).inode();
        FdTable child = t.files.copy();
        t.files.release();
        assertEquals(1, pipe.readers());
        assertEquals(1, pipe.writers());
        assertFalse(pipe.isEvicted());
        child.release();
        assertEquals(0, pipe.readers());
        assertTrue(pipe.isEvicted());
    }

    @Test
    void theRingWrapsAround() {
        int[] p = t.pipe(0);
        byte[] data = new byte[CAPACITY - 10];
        c.write(t.files, t.mem, t.waiter, p[1], t.mem.bytes(data), data.length);
        t.read(p[0], CAPACITY - 20);
        assertEquals(14, t.write(p[1], "wrapping-round"));
        long buf = t.mem.alloc(64);
        assertEquals(24, c.read(t.files, t.mem, t.waiter, p[0], buf, 64));
        assertEquals("wrapping-round", new String(t.mem.read(buf + 10, 14)));
    }
}
