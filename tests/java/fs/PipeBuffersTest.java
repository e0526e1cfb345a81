package fs;

import static fs.OpenFlags.*;
import static org.junit.jupiter.api.Assertions.*;
import static syscall.Errno.*;

import org.junit.jupiter.api.Test;
import vm.PhysicalMemory;

/**
 * Pipe buffers are pages of the machine's memory, taken as data arrives and freed as it is
 * read, with Linux's ring of page slots, its F_SETPIPE_SZ and its /proc/sys/fs limits. The
 * expected figures come from gcc-built twins run on Linux 6.x as an unprivileged user.
 */
class PipeBuffersTest {
    final FsFixture t = new FsFixture();
    final FileSyscalls c = t.fileCalls;
    final PhysicalMemory phys = t.vfs.memory().physicalMemory();

    long write(long fd, int n) {
        return c.write(t.files, t.mem, t.waiter, fd, t.mem.alloc(n), n);
    }

    int pipeFrames() {
        return phys.frames(PhysicalMemory.PageKind.PIPE);
    }

    @Test
    void pagesComeWithTheDataAndGoWhenItIsRead() {
        int[] p = t.pipe(0);
        assertEquals(0, pipeFrames(), "an empty pipe holds no page");
        assertEquals(1, write(p[1], 1));
        assertEquals(1, pipeFrames());
        assertEquals(5000, write(p[1], 5000));
        assertEquals(2, pipeFrames(), "the 904 bytes beyond a whole page join the first page, the rest takes a new one");
        assertEquals(4097, c.read(t.files, t.mem, t.waiter, p[0], t.mem.alloc(4097), 4097));
        assertEquals(1, pipeFrames(), "a drained page is freed at once");
        assertEquals(904, c.read(t.files, t.mem, t.waiter, p[0], t.mem.alloc(10_000), 10_000));
        assertEquals(0, pipeFrames());
        write(p[1], 100);
        t.files.release();
        assertEquals(0, pipeFrames(), "closing both ends frees what was left");
    }

    /** Fills a non-blocking pipe with writes of {@code chunk} bytes; returns the bytes it took. */
    long fill(int chunk) {
        int[] p = t.pipe(O_NONBLOCK);
        long total = 0;
        long r;
        while ((r = write(p[1], chunk)) > 0) total += r;
        assertEquals(-EAGAIN, r);
        c.close(t.files, p[0]);
        c.close(t.files, p[1]);
        return total;
    }

    @Test
    void whatAFullPipeHoldsDependsOnTheWritesAsOnLinux() {
        assertEquals(64_000, fill(100), "small writes share pages");
        assertEquals(48_000, fill(3000), "a write that does not fit in the last page starts a new one");
        assertEquals(65_536, fill(4096));
        assertEquals(45_066, fill(4097));
        assertEquals(54_096, fill(5000));
        assertEquals(65_536, fill(70_000));
        assertEquals(0, pipeFrames());
    }

    @Test
    void aSmallWriteIntoTheLastPageGoesInWhenItFits() {
        int[] p = t.pipe(O_NONBLOCK);
        assertEquals(65_436, write(p[1], 65_436));
        assertEquals(-EAGAIN, write(p[1], 200));
        assertEquals(1, write(p[1], 4097), "one byte joins the last page, the page after has no slot");
        assertEquals(1, c.read(t.files, t.mem, t.waiter, p[0], t.mem.alloc(1), 1));
        assertEquals(1, write(p[1], 1), "room in the last page, though every slot is taken");
        assertEquals(4095, c.read(t.files, t.mem, t.waiter, p[0], t.mem.alloc(4095), 4095));
        assertEquals(100, write(p[1], 100), "the first page was drained: its slot takes a new page");
    }

    @Test
    void aWriteThatFindsNoFrameIsENOMEM() {
        int[] p = t.pipe(O_NONBLOCK);
        assertEquals(10, write(p[1], 10));
        int taken = 0;
        while (phys.allocate() != PhysicalMemory.NO_FRAME) taken++;
        assertTrue(taken > 0);
        assertEquals(-ENOMEM, write(p[1], 4096), "no page, nothing written");
        assertEquals(904, write(p[1], 5000), "the part that fits in the last page is written");
        assertEquals(914, ((Pipe) t.files.get(p[0]).inode()).available());
    }

    @Test
    void fSetpipeSzRoundsToPowersOfTwoPagesWithLinuxsErrors() {
        int[] p = t.pipe(0);
        assertEquals(65_536, c.fcntl(t.files, p[0], F_GETPIPE_SZ, 0));
        assertEquals(4096, c.fcntl(t.files, p[0], F_SETPIPE_SZ, 0));
        assertEquals(8192, c.fcntl(t.files, p[1], F_SETPIPE_SZ, 5000));
        assertEquals(8192, c.fcntl(t.files, p[0], F_GETPIPE_SZ, 0), "both ends see one pipe");
        assertEquals(1 << 20, c.fcntl(t.files, p[0], F_SETPIPE_SZ, 1 << 20));
        assertEquals(-EPERM, c.fcntl(t.files, p[0], F_SETPIPE_SZ, (1 << 20) + 1), "past pipe-max-size");
        assertEquals(-EPERM, c.fcntl(t.files, p[0], F_SETPIPE_SZ, 1L << 31));
        assertEquals(-EINVAL, c.fcntl(t.files, p[0], F_SETPIPE_SZ, (1L << 31) + 1));
        assertEquals(-EINVAL, c.fcntl(t.files, p[0], F_SETPIPE_SZ, -1), "an unsigned int: 4 GiB - 1");
        assertEquals(65_536, c.fcntl(t.files, p[0], F_SETPIPE_SZ, 65_536));
        assertEquals(20_000, write(p[1], 20_000));
        assertEquals(-EBUSY, c.fcntl(t.files, p[0], F_SETPIPE_SZ, 4096), "five pages in use");
        assertEquals(32_768, c.fcntl(t.files, p[0], F_SETPIPE_SZ, 32_768));
        assertEquals(20_000, c.read(t.files, t.mem, t.waiter, p[0], t.mem.alloc(30_000), 30_000), "the data survives");
        long fd = t.open("/tmp/f", O_CREAT | O_RDWR);
        assertEquals(-EBADF, c.fcntl(t.files, fd, F_SETPIPE_SZ, 4096));
        assertEquals(-EBADF, c.fcntl(t.files, fd, F_GETPIPE_SZ, 0));
    }

    @Test
    void pastTheSoftLimitNewPipesGetTwoPagesAndCannotGrow() {
        FsMemory m = t.vfs.memory();
        assertTrue(m.setPipeUserPagesSoft(32));
        int[] a = t.pipe(0), b = t.pipe(0), small = t.pipe(0);
        assertEquals(65_536, c.fcntl(t.files, b[0], F_GETPIPE_SZ, 0));
        assertEquals(8192, c.fcntl(t.files, small[0], F_GETPIPE_SZ, 0));
        assertEquals(34, m.pipeUserPages());
        assertEquals(-EPERM, c.fcntl(t.files, small[0], F_SETPIPE_SZ, 16_384), "growing past the soft limit");
        assertEquals(4096, c.fcntl(t.files, a[0], F_SETPIPE_SZ, 4096), "shrinking is always allowed");
        assertEquals(19, m.pipeUserPages());
        assertTrue(m.setPipeUserPagesHard(20));
        assertEquals(-ENFILE, c.pipe2(t.files, t.mem, t.mem.alloc(8), 0), "21 pages would pass the hard limit");
        assertEquals(19, m.pipeUserPages(), "a refused pipe accounts nothing");
        t.files.release();
        assertEquals(0, m.pipeUserPages());
    }

    @Test
    void pipeMaxSizeBoundsNewPipesAndGrowth() {
        FsMemory m = t.vfs.memory();
        assertTrue(m.setPipeMaxSize(10_000));
        assertEquals(16_384, m.pipeMaxSize(), "rounded as a pipe size");
        int[] p = t.pipe(0);
        assertEquals(16_384, c.fcntl(t.files, p[0], F_GETPIPE_SZ, 0));
        assertEquals(-EPERM, c.fcntl(t.files, p[0], F_SETPIPE_SZ, 32_768));
        assertFalse(m.setPipeMaxSize(-1));
        assertFalse(m.setPipeMaxSize((1L << 31) + 1));
    }

    @Test
    void aPipeAndItsDescriptionsArePaidForInTheSlab() {
        FsMemory m = t.vfs.memory();
        long before = phys.slabBytes();
        int[] p = t.pipe(0);
        long pipeCost = FsMemory.INODE_BYTES + Pipe.INFO_BYTES + 16L * Pipe.BUFFER_BYTES + 2L * FsMemory.FILE_BYTES;
        assertEquals(before + pipeCost, phys.slabBytes());
        assertEquals(2, m.openFiles());
        c.close(t.files, p[0]);
        c.close(t.files, p[1]);
        assertEquals(before, phys.slabBytes());
        assertEquals(0, m.openFiles());
    }

    @Test
    void fileMaxIsENFILE() {
        FsMemory m = t.vfs.memory();
        assertEquals(16_384 * 4 / 10 < FsMemory.NR_FILE ? FsMemory.NR_FILE : 16_384 * 4 / 10, m.fileMax(),
                "64 MiB: 10% of memory in KiB, at least NR_FILE");
        long fd = t.open("/tmp/f", O_CREAT | O_RDWR);
        assertTrue(m.setFileMax(m.openFiles() + 1));
        assertEquals(-ENFILE, c.pipe2(t.files, t.mem, t.mem.alloc(8), 0), "two descriptions, room for one");
        assertTrue(t.open("/tmp/f", O_RDONLY) >= 0);
        assertEquals(-ENFILE, t.open("/tmp/f", O_RDONLY));
        c.close(t.files, fd);
        assertTrue(t.open("/tmp/f", O_RDONLY) >= 0);
    }

    @Test
    void aFifoDropsItsDataWhenTheLastEndCloses() {
        InodeSyscalls inodes = new InodeSyscalls(t.vfs);
        assertEquals(0, inodes.mknod(t.files, t.fs, t.mem, t.mem.string("/tmp/fifo"), Mode.S_IFIFO | 0600, 0));
        long fd = t.open("/tmp/fifo", O_RDWR);
        assertEquals(5000, write(fd, 5000));
        assertEquals(2, pipeFrames());
        c.close(t.files, fd);
        assertEquals(0, pipeFrames(), "as on Linux, nobody can read it any more");
    }
}
