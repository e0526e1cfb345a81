package fs;

import static fs.OpenFlags.*;
import static org.junit.jupiter.api.Assertions.*;
import static syscall.Errno.*;

import org.junit.jupiter.api.Test;

class FifoTest {
    final FsFixture t = new FsFixture();
    final InodeSyscalls inodes = new InodeSyscalls(t.vfs);
    final FsFixture.CountingWaiter reader = new FsFixture.CountingWaiter();
    final FsFixture.CountingWaiter writer = new FsFixture.CountingWaiter();

    FifoTest() {
        assertEquals(0, inodes.mknod(t.files, t.fs, t.mem, t.mem.string("/tmp/fifo"), Mode.S_IFIFO | 0666, 0));
    }

    long open(FsFixture.CountingWaiter who, int flags) {
        return t.pathCalls.open(t.files, t.fs, t.mem, who, t.mem.string("/tmp/fifo"), flags, 0);
    }

    @Test
    void mknodMakesAFifoWithUmaskApplied() {
        long st = t.stat("/tmp/fifo");
        assertEquals(Mode.S_IFIFO | 0644, t.mem.int32(st + 24));
        assertEquals(Vfs.RAMFS_DEV, t.mem.int64(st));
        assertEquals(-EEXIST, inodes.mknod(t.files, t.fs, t.mem, t.mem.string("/tmp/fifo"), Mode.S_IFIFO, 0));
        assertEquals(-EPERM, inodes.mknod(t.files, t.fs, t.mem, t.mem.string("/tmp/c"), Mode.S_IFCHR, 0x103));
        assertEquals(-EPERM, inodes.mknod(t.files, t.fs, t.mem, t.mem.string("/tmp/d"), Mode.S_IFDIR, 0));
        assertEquals(-EINVAL, inodes.mknod(t.files, t.fs, t.mem, t.mem.string("/tmp/l"), Mode.S_IFLNK, 0));
        assertEquals(0, inodes.mknod(t.files, t.fs, t.mem, t.mem.string("/tmp/r"), 0644, 0));
        assertEquals(Mode.S_IFREG | 0644, t.mem.int32(t.stat("/tmp/r") + 24));
    }

    @Test
    void aReaderWaitsForAWriterAndTheWriterLetsItIn() {
        assertEquals(-BLOCKED, open(reader, O_RDONLY));
        long w = open(writer, O_WRONLY);
        assertTrue(w >= 0, "a reader is waiting, so the writer goes ahead: " + w);
        assertEquals(1, reader.wakes);
        long r = open(reader, O_RDONLY);
        assertTrue(r >= 0, "the restarted open sees that a writer came");
        assertEquals(3, t.write(w, "abc"));
        assertEquals("abc", t.read(r, 10));
    }

    @Test
    void aWriterWaitsForAReader() {
        assertEquals(-BLOCKED, open(writer, O_WRONLY));
        assertEquals(-BLOCKED, open(writer, O_WRONLY), "woken by nothing: still waiting");
        long r = open(reader, O_RDONLY);
        assertTrue(r >= 0);
        assertTrue(writer.wakes >= 1);
        assertTrue(open(writer, O_WRONLY) >= 0);
    }

    @Test
    void aReaderWhoseWriterCameAndWentStillGetsIn() {
        assertEquals(-BLOCKED, open(reader, O_RDONLY));
        long both = open(writer, O_RDWR);
        t.fileCalls.close(t.files, both);
        long r = open(reader, O_RDONLY);
        assertTrue(r >= 0, "the writer's generation moved, as Linux's w_counter");
        assertEquals("", t.read(r, 1), "no writer left: end of file");
    }

    @Test
    void nonblockingOpens() {
        assertTrue(open(reader, O_RDONLY | O_NONBLOCK) >= 0, "a reader need not wait");
        Fifo fifo = (Fifo) t.files.get(0).inode();
        t.fileCalls.close(t.files, 0);
        assertEquals(-ENXIO, open(writer, O_WRONLY | O_NONBLOCK), "no reader");
        assertTrue(open(writer, O_RDWR) >= 0, "O_RDWR never waits");
        assertEquals(1, fifo.readers());
    }

    @Test
    void aFifoOutlivesItsNameWhileOpen() throws FsException {
        Fifo fifo = (Fifo) t.vfs.lookup("/tmp/fifo");
        long fd = open(reader, O_RDWR);
        assertEquals(0, t.unlink("/tmp/fifo"));
        assertEquals(2, t.write(fd, "hi"));
        assertEquals("hi", t.read(fd, 2));
        t.fileCalls.close(t.files, fd);
        assertTrue(fifo.isEvicted());
    }

    @Test
    void aSleeperTakenOffTheQueueNoLongerCounts() throws FsException {
        assertEquals(-BLOCKED, open(reader, O_RDONLY));
        Fifo fifo = (Fifo) t.vfs.lookup("/tmp/fifo");
        fifo.openers().remove(reader); // what the core does to a sleeper it kills
        assertEquals(-ENXIO, open(writer, O_WRONLY | O_NONBLOCK));
    }
}
