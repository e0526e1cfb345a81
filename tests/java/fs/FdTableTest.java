package fs;

import static fs.OpenFlags.*;
import static org.junit.jupiter.api.Assertions.*;
import static syscall.Errno.*;

import org.junit.jupiter.api.Test;

class FdTableTest {
    final FsFixture t = new FsFixture();

    @Test
    void theLowestFreeDescriptorIsAlwaysChosen() {
        assertEquals(0, t.open("/dev/null", O_RDONLY));
        assertEquals(1, t.open("/dev/null", O_RDONLY));
        assertEquals(2, t.open("/dev/null", O_RDONLY));
        assertEquals(0, t.fileCalls.close(t.files, 1));
        assertEquals(1, t.open("/dev/zero", O_RDONLY));
        assertEquals(3, t.fileCalls.dup(t.files, 0));
    }

    @Test
    void the1025thDescriptorIsEMFILE() {
        for (int i = 0; i < FdTable.DEFAULT_LIMIT; i++) assertEquals(i, t.open("/dev/null", O_RDONLY));
        assertEquals(-EMFILE, t.open("/dev/null", O_RDONLY));
        assertEquals(-EMFILE, t.fileCalls.dup(t.files, 0));
        assertEquals(-EMFILE, t.fileCalls.pipe2(t.files, t.mem, t.mem.alloc(8), 0));
        assertEquals(0, t.fileCalls.close(t.files, 500));
        assertEquals(-EMFILE, t.fileCalls.pipe2(t.files, t.mem, t.mem.alloc(8), 0), "a pipe needs two");
        assertEquals(500, t.fileCalls.fcntl(t.files, 0, F_DUPFD, 0));
    }

    @Test
    void closeOfABadDescriptorIsEBADF() {
        assertEquals(-EBADF, t.fileCalls.close(t.files, 0));
        assertEquals(-EBADF, t.fileCalls.close(t.files, -1));
        assertEquals(-EBADF, t.fileCalls.close(t.files, 5000));
        long fd = t.open("/dev/null", O_RDONLY);
        assertEquals(0, t.fileCalls.close(t.files, fd));
        assertEquals(-EBADF, t.fileCalls.close(t.files, fd), "twice");
        assertEquals(-EBADF, t.fileCalls.read(t.files, t.mem, t.waiter, fd, t.mem.alloc(1), 1));
    }

    @Test
    void aCopiedTableSharesOffsetsButNotDescriptors() {
        t.vfs.installFile("/tmp/f", "abcdef".getBytes(), 0644);
        long fd = t.open("/tmp/f", O_RDONLY);
        FdTable child = t.files.copy();                        // fork
        assertEquals(2, t.files.get(fd).count());
        assertSame(t.files.get(fd), child.get(fd));
        assertEquals("ab", t.read(fd, 2));
        assertEquals(2, t.fileCalls.lseek(child, fd, 0, SEEK_CUR), "the offset is shared");
        assertEquals(0, t.fileCalls.close(child, fd));
        assertEquals("cd", t.read(fd, 2), "closing in the child leaves the parent's descriptor");
        child.release();
        assertEquals(1, t.files.get(fd).count());
    }

    @Test
    void aSharedTableSeesCloseFromTheOtherTask() {
        // The CLONE_FILES demo: the child closes the parent's descriptor and the parent's
        // next write fails with EBADF.
        long fd = t.open("/tmp/out", O_CREAT | O_WRONLY);
        FdTable child = t.files.share();
        assertSame(t.files, child);
        assertEquals(2, t.files.users());
        assertEquals(0, t.fileCalls.close(child, fd));
        assertEquals(-EBADF, t.write(fd, "x"));
        long again = t.open("/dev/null", O_RDONLY);
        assertTrue(child.isOpen(again), "a descriptor opened by one is open for the other");
        child.release();
        assertEquals(1, t.files.users());
        assertTrue(t.files.isOpen(again), "the table lives while a user remains");
    }

    @Test
    void theLastReleaseClosesEveryDescriptionExactlyOnce() throws FsException {
        long fd = t.open("/tmp/f", O_CREAT | O_RDWR);
        t.fileCalls.dup(t.files, fd);
        OpenFile file = t.files.get(fd);
        FdTable forked = t.files.copy();
        FdTable shared = t.files.share();
        assertEquals(4, file.count());
        t.files.release();
        assertEquals(4, file.count(), "a shared table is not closed by one release");
        shared.release();
        assertEquals(2, file.count());
        assertEquals(1, t.vfs.lookup("/tmp/f").openCount());
        forked.release();
        assertTrue(file.isReleased());
        assertEquals(0, t.vfs.lookup("/tmp/f").openCount());
        assertThrows(IllegalStateException.class, forked::release, "a kernel bug, not a guest error");
    }

    @Test
    void fsStructShareAndCopy() throws FsException {
        FsStruct shared = t.fs.share();
        FsStruct copied = t.fs.copy();
        assertEquals(0, t.chdir("/tmp"));
        assertSame(t.vfs.lookup("/tmp"), shared.cwd(), "CLONE_FS: chdir is seen by both");
        assertSame(t.vfs.root(), copied.cwd(), "a copy keeps its own cwd");
        t.pathCalls.umask(t.fs, 077);
        assertEquals(077, shared.umask());
        assertEquals(022, copied.umask());
        assertEquals(2, t.fs.users());
        shared.release();
        assertEquals(1, t.fs.users());
        assertEquals(1, copied.users());
    }

    @Test
    void theLimitIsRlimitNofileAndDescriptorsAboveALoweredLimitStayOpen() {
        t.files.setLimit(4);
        for (int fd = 0; fd < 4; fd++) assertEquals(fd, t.open("/dev/null", O_RDONLY));
        assertEquals(-EMFILE, t.open("/dev/null", O_RDONLY));
        assertEquals(-EBADF, t.fileCalls.dup2(t.files, 0, 4), "dup2 at the limit");
        assertEquals(-EINVAL, t.fileCalls.fcntl(t.files, 0, F_DUPFD, 4), "F_DUPFD from the limit");
        t.files.setLimit(100);
        assertEquals(99, t.fileCalls.dup2(t.files, 0, 99));
        t.files.setLimit(4);
        assertTrue(t.files.isOpen(99), "lowering the limit closes nothing");
        assertEquals(0, t.fileCalls.close(t.files, 99));
        assertThrows(IllegalArgumentException.class, () -> t.files.setLimit(FdTable.NR_OPEN + 1));
    }

    @Test
    void theTableGrowsAsLinuxsDoesAndChargesItsGrowthToTheSlab() {
        vm.PhysicalMemory phys = vm.PhysicalMemory.ofFrames(64);
        FdTable table = new FdTable(phys);
        OpenFile file = new OpenFile(t.vfs.root(), O_RDONLY);
        assertEquals(64, table.capacity(), "Linux's NR_OPEN_DEFAULT, part of files_struct");
        table.installAt(63, file.get(), false);
        assertEquals(0, phys.slabBytes(), "the first 64 cost nothing more");
        table.setLimit(FdTable.NR_OPEN);
        assertEquals(64, table.makeRoom(64));
        assertEquals(128, table.capacity());
        assertEquals(128 * 8 + 128 / 4, phys.slabBytes(), "8 bytes a descriptor and two bits");
        assertEquals(1000, table.makeRoom(1000));
        assertEquals(1024, table.capacity());
        assertEquals(1024 * 8 + 1024 / 4, phys.slabBytes(), "the old arrays are given back");
        table.installAt(1000, file.get(), false);
        FdTable copy = table.copy();
        assertEquals(1024, copy.capacity(), "a copy is as large as its highest descriptor needs");
        assertEquals(2 * (1024 * 8 + 1024 / 4), phys.slabBytes());
        assertEquals(-ENOMEM, table.makeRoom(FdTable.NR_OPEN - 1), "8 MiB of table in 256 KiB of memory");
        assertEquals(1024, table.capacity(), "a failed growth changes nothing");
        copy.release();
        table.release();
        assertEquals(0, phys.slabBytes(), "released tables give their memory back");
        file.put();
        assertTrue(file.isReleased());
    }
}
