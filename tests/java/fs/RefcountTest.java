package fs;

import static fs.OpenFlags.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefcountTest {
    final FsFixture t = new FsFixture();

    @Test
    void anUnlinkedFileLivesUntilItsLastClose() throws FsException {
        long fd = t.open("/tmp/f", O_CREAT | O_RDWR);
        t.write(fd, "still here");
        RegularFile f = (RegularFile) t.vfs.lookup("/tmp/f");
        long copy = t.fileCalls.dup(t.files, fd);
        assertEquals(0, t.unlink("/tmp/f"));
        assertEquals(0, f.links());
        assertFalse(f.isEvicted());
        t.fileCalls.lseek(t.files, fd, 0, SEEK_SET);
        assertEquals("still here", t.read(fd, 20));
        t.fileCalls.close(t.files, fd);
        assertFalse(f.isEvicted(), "the dup still refers to the description");
        t.fileCalls.close(t.files, copy);
        assertTrue(f.isEvicted());
        assertEquals(0, f.size());
    }

    @Test
    void eachOpenMakesItsOwnDescriptionAndReleasesItOnce() throws FsException {
        t.vfs.installFile("/tmp/f", new byte[3], 0644);
        Inode f = t.vfs.lookup("/tmp/f");
        long a = t.open("/tmp/f", O_RDONLY);
        long b = t.open("/tmp/f", O_RDONLY);
        assertNotSame(t.files.get(a), t.files.get(b));
        assertEquals(2, f.openCount());
        OpenFile fa = t.files.get(a);
        t.fileCalls.dup2(t.files, b, a);
        assertTrue(fa.isReleased());
        assertEquals(1, f.openCount());
        assertThrows(IllegalStateException.class, fa::put, "a double release is a kernel bug");
    }

    @Test
    void inodeNumbersAreDeterministic() throws FsException {
        Vfs one = new Vfs();
        Vfs two = new Vfs();
        one.installFile("/bin/a", new byte[0], 0755);
        two.installFile("/bin/a", new byte[0], 0755);
        assertEquals(one.lookup("/bin/a").ino(), two.lookup("/bin/a").ino());
        assertEquals(one.lookup("/dev/console").ino(), two.lookup("/dev/console").ino());
    }

    @Test
    void installFileCreatesParentsAndReplaces() throws FsException {
        t.vfs.installFile("/usr/lib/clonix/crt0.o", "v1".getBytes(), 0644);
        assertTrue(t.vfs.lookup("/usr/lib").isDirectory());
        RegularFile v2 = t.vfs.installFile("/usr/lib/clonix/crt0.o", "v2".getBytes(), 0600);
        assertSame(v2, t.vfs.lookup("/usr/lib/clonix/crt0.o"));
        assertEquals("v2", new String(v2.contents()));
        assertEquals(0600, v2.mode() & 07777);
        assertThrows(IllegalArgumentException.class, () -> t.vfs.installFile("/tmp", new byte[0], 0644));
        assertThrows(IllegalArgumentException.class, () -> t.vfs.installFile("rel", new byte[0], 0644));
        assertThrows(IllegalArgumentException.class,
                () -> t.vfs.installFile("/usr/lib/clonix/crt0.o/x", new byte[0], 0644));
    }

    @Test
    void fileDataIsChargedToTheFileSystemAndGivenBackOnEviction() {
        long before = t.vfs.memory().filePages();
        long fd = t.open("/tmp/f", O_CREAT | O_RDWR);
        t.write(fd, "x".repeat(1000));
        assertEquals(before + 1, t.vfs.memory().filePages(), "1000 bytes take one page");
        t.unlink("/tmp/f");
        t.fileCalls.close(t.files, fd);
        assertEquals(before, t.vfs.memory().filePages());
    }

    @Test
    void aFullFileSystemIsENOSPC() throws FsException {
        // 64 frames: the file system holds half of them, 32 pages.
        Vfs small = new Vfs(() -> 0L, new RecordingConsole(), vm.PhysicalMemory.ofFrames(64));
        assertEquals(32, small.memory().capacityPages());
        small.installFile("/tmp/big", new byte[32 * 4096], 0644);
        FdTable files = new FdTable();
        OpenFile f = new OpenFile(small.installFile("/tmp/more", new byte[0], 0644), O_RDWR);
        files.install(f, 0, false);
        assertEquals(-syscall.Errno.ENOSPC, t.fileCalls.write(files, t.mem, t.waiter, 0, t.mem.bytes(new byte[100]), 100));
        assertThrows(IllegalArgumentException.class, () -> small.installFile("/tmp/x", new byte[200], 0644));
        assertSame(small.lookup("/tmp/big"), small.lookup("/tmp/big"), "a failed install leaves the old tree");
        assertEquals(0, small.lookup("/tmp/big").truncate(10));
        assertEquals(1, small.memory().filePages(), "truncation frees the pages beyond the end");
        assertEquals(100, t.fileCalls.write(files, t.mem, t.waiter, 0, t.mem.bytes(new byte[100]), 100),
                "space comes back when a file shrinks");
    }

    @Test
    void theNumberOfInodesIsBounded() {
        InodeSyscalls inodes = new InodeSyscalls(t.vfs);
        long name = t.mem.string("/tmp/one-more");
        long dir = t.mem.string("/tmp/dir");
        int before = t.vfs.liveInodes();
        List<RegularFile> made = new ArrayList<>();
        while (t.vfs.hasRoomForInode()) made.add(new RegularFile(t.vfs, 0644));
        assertEquals(t.vfs.memory().maxInodes(), t.vfs.liveInodes());
        assertEquals(-syscall.Errno.ENOSPC, inodes.mknod(t.files, t.fs, t.mem, name, Mode.S_IFIFO | 0600, 0));
        assertEquals(-syscall.Errno.ENOSPC, t.pathCalls.mkdir(t.files, t.fs, t.mem, dir, 0755));
        assertEquals(-syscall.Errno.ENOSPC, t.pathCalls.open(t.files, t.fs, t.mem, name, O_CREAT | O_RDWR, 0644));
        assertEquals(-syscall.Errno.ENFILE, t.fileCalls.pipe2(t.files, t.mem, t.mem.alloc(8), 0));
        assertEquals(t.vfs.memory().maxInodes(), t.vfs.liveInodes(), "failed calls leave nothing behind");
        assertEquals(t.vfs.memory().maxInodes() - before, made.size());
    }

    @Test
    void evictionGivesBackTheInode() {
        int before = t.vfs.liveInodes();
        long fd = t.open("/tmp/f", O_CREAT | O_RDWR);
        int[] p = t.pipe(0);
        assertEquals(before + 2, t.vfs.liveInodes());
        t.unlink("/tmp/f");
        t.files.release();
        assertEquals(before, t.vfs.liveInodes());
        assertTrue(fd >= 0 && p.length == 2);
    }
}
