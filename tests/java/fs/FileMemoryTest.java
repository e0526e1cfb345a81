package fs;

import static fs.OpenFlags.*;
import static org.junit.jupiter.api.Assertions.*;
import static syscall.Errno.*;

import org.junit.jupiter.api.Test;
import vm.PhysicalMemory;

/**
 * The in-memory file system is paid for in the machine's memory, as tmpfs is: file data in
 * frames (holes free), half the memory at most (ENOSPC), and inodes and names in the slab.
 */
class FileMemoryTest {
    final FsFixture t = new FsFixture();
    final FileSyscalls c = t.fileCalls;
    final FsMemory m = t.vfs.memory();
    final PhysicalMemory phys = m.physicalMemory();

    long pwrite(long fd, long pos, byte[] data) {
        return c.pwrite64(t.files, t.mem, t.waiter, fd, t.mem.bytes(data), data.length, pos);
    }

    /** Takes every free frame and the slab's last partly used frame, so that no charge can succeed. */
    void exhaustMemory() {
        while (phys.allocate() != PhysicalMemory.NO_FRAME) { }
        phys.chargeSlab((PhysicalMemory.FRAME_SIZE - phys.slabBytes() % PhysicalMemory.FRAME_SIZE) % PhysicalMemory.FRAME_SIZE);
    }

    @Test
    void fileDataLivesInSharedFramesAndHolesCostNothing() throws FsException {
        long fd = t.open("/tmp/sparse", O_CREAT | O_RDWR);
        assertEquals(1, pwrite(fd, 10L << 20, new byte[] {42}));
        RegularFile f = (RegularFile) t.vfs.lookup("/tmp/sparse");
        assertEquals((10L << 20) + 1, f.size());
        assertEquals(1, f.pages(), "one page for 10 MiB of file");
        assertEquals(1, phys.frames(PhysicalMemory.PageKind.SHMEM));
        assertEquals(8, t.mem.int64(t.stat("/tmp/sparse") + 64), "st_blocks counts the page, not the size");
        byte[] all = f.contents();
        assertEquals(42, all[10 << 20]);
        assertEquals(0, all[5 << 20], "a hole reads as zeros");
        t.unlink("/tmp/sparse");
        c.close(t.files, fd);
        assertEquals(0, phys.frames(PhysicalMemory.PageKind.SHMEM));
        assertEquals(0, m.filePages());
    }

    @Test
    void truncationFreesPagesAndZeroesTheRestOfTheLast() throws FsException {
        long fd = t.open("/tmp/f", O_CREAT | O_RDWR);
        byte[] ones = new byte[3 * 4096];
        java.util.Arrays.fill(ones, (byte) 1);
        assertEquals(ones.length, pwrite(fd, 0, ones));
        RegularFile f = (RegularFile) t.vfs.lookup("/tmp/f");
        assertEquals(3, f.pages());
        assertEquals(0, f.truncate(100));
        assertEquals(1, f.pages());
        assertEquals(0, f.truncate(8192), "growing makes a hole");
        assertEquals(1, f.pages());
        byte[] back = f.contents();
        assertEquals(1, back[99]);
        assertEquals(0, back[100], "what was cut off does not come back");
        assertEquals(0, back[5000]);
    }

    @Test
    void theFileSystemHoldsHalfTheMemoryThenENOSPC() throws FsException {
        assertEquals(phys.totalFrames() / 2, m.capacityPages());
        long fd = t.open("/tmp/big", O_CREAT | O_RDWR);
        long page = t.mem.alloc(4096);
        long pages = 0;
        while (c.pwrite64(t.files, t.mem, t.waiter, fd, page, 4096, pages * 4096) == 4096) pages++;
        assertEquals(m.capacityPages(), m.filePages());
        assertEquals(-ENOSPC, c.pwrite64(t.files, t.mem, t.waiter, fd, page, 4096, pages * 4096));
        long small = t.open("/tmp/small", O_CREAT | O_RDWR);
        assertEquals(-ENOSPC, pwrite(small, 0, new byte[1]));
        assertEquals(0, ((RegularFile) t.vfs.lookup("/tmp/big")).truncate(4096 * (pages - 1) + 10));
        assertEquals(4096 - 10, pwrite(fd, 4096 * (pages - 1) + 10, new byte[5000]),
                "a write that runs into the limit returns what it wrote");
    }

    @Test
    void aFileLargerThanMaxSizeIsEFBIG() {
        long fd = t.open("/tmp/f", O_CREAT | O_RDWR);
        assertEquals(-EFBIG, pwrite(fd, RegularFile.MAX_SIZE, new byte[1]));
        assertEquals(-EFBIG, c.ftruncate(t.files, fd, RegularFile.MAX_SIZE + 1));
        assertEquals(0, c.ftruncate(t.files, fd, RegularFile.MAX_SIZE), "a hole of 64 MiB costs nothing");
        assertEquals(0, m.filePages());
    }

    @Test
    void aWriteThatFindsNoFrameIsENOMEM() {
        long fd = t.open("/tmp/f", O_CREAT | O_RDWR);
        assertEquals(10, pwrite(fd, 0, new byte[10]));
        exhaustMemory();
        assertEquals(100, pwrite(fd, 10, new byte[100]), "the page is there");
        assertEquals(-ENOMEM, pwrite(fd, 4096, new byte[1]));
    }

    @Test
    void inodesAndNamesArePaidForInTheSlab() {
        long before = phys.slabBytes();
        long fd = t.open("/tmp/f", O_CREAT | O_RDWR);
        long file = FsMemory.INODE_BYTES + FsMemory.DENTRY_BYTES + FsMemory.FILE_BYTES;
        assertEquals(before + file, phys.slabBytes());
        InodeSyscalls inodes = new InodeSyscalls(t.vfs);
        String longName = "/tmp/" + "n".repeat(100);
        assertEquals(0, inodes.link(t.files, t.fs, t.mem, t.mem.string("/tmp/f"), t.mem.string(longName)));
        assertEquals(before + file + FsMemory.DENTRY_BYTES + 101, phys.slabBytes(), "a long name is stored apart");
        assertEquals(0, t.rename(longName, "/tmp/g"));
        assertEquals(before + file + FsMemory.DENTRY_BYTES, phys.slabBytes());
        t.unlink("/tmp/g");
        t.unlink("/tmp/f");
        c.close(t.files, fd);
        assertEquals(before, phys.slabBytes());
    }

    @Test
    void withoutMemoryNamesAreENOMEMAndInodesENOSPC() {
        long fd = t.open("/tmp/f", O_CREAT | O_RDWR);
        exhaustMemory();
        InodeSyscalls inodes = new InodeSyscalls(t.vfs);
        assertEquals(-ENOMEM, inodes.link(t.files, t.fs, t.mem, t.mem.string("/tmp/f"), t.mem.string("/tmp/g")));
        assertEquals(-ENOMEM, t.mkdir("/tmp/d"), "no dentry for the name");
        phys.unchargeSlab(FsMemory.DENTRY_BYTES); // room for a name, not for an inode
        assertEquals(-ENOSPC, t.mkdir("/tmp/d"));
        assertEquals(-ENOSPC, t.symlink("/tmp/f", "/tmp/l"));
        assertEquals(0, t.rename("/tmp/f", "/tmp/h"), "a rename needs only the name");
        assertTrue(fd >= 0);
    }
}
