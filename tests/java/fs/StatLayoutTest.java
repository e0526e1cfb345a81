package fs;

import static fs.OpenFlags.*;
import static org.junit.jupiter.api.Assertions.*;
import static syscall.Errno.*;

import org.junit.jupiter.api.Test;

class StatLayoutTest {
    final FsFixture t = new FsFixture();

    @Test
    void offsetsAreLinuxX8664s() {
        // From gcc on Linux x86-64 (glibc <sys/stat.h>): sizeof(struct stat) = 144 and
        // offsetof st_dev 0, st_ino 8, st_nlink 16, st_mode 24, st_uid 28, st_gid 32,
        // st_rdev 40, st_size 48, st_blksize 56, st_blocks 64, st_atim 72, st_mtim 88, st_ctim 104.
        assertEquals(144, StatSyscalls.STAT_SIZE);
        int[] ours = {StatSyscalls.ST_DEV, StatSyscalls.ST_INO, StatSyscalls.ST_NLINK, StatSyscalls.ST_MODE,
            StatSyscalls.ST_UID, StatSyscalls.ST_GID, StatSyscalls.ST_RDEV, StatSyscalls.ST_SIZE,
            StatSyscalls.ST_BLKSIZE, StatSyscalls.ST_BLOCKS, StatSyscalls.ST_ATIM, StatSyscalls.ST_MTIM,
            StatSyscalls.ST_CTIM};
        assertArrayEquals(new int[] {0, 8, 16, 24, 28, 32, 40, 48, 56, 64, 72, 88, 104}, ours);
    }

    @Test
    void aRegularFileIsDescribedField() throws FsException {
        t.vfs.installFile("/tmp/f", new byte[5000], 0640);
        long st = t.stat("/tmp/f");
        Inode f = t.vfs.lookup("/tmp/f");
        assertEquals(Vfs.RAMFS_DEV, t.mem.int64(st + 0));
        assertEquals(f.ino(), t.mem.int64(st + 8));
        assertEquals(1, t.mem.int64(st + 16));
        assertEquals(Mode.S_IFREG | 0640, t.mem.int32(st + 24));
        assertEquals(0, t.mem.int32(st + 28));
        assertEquals(0, t.mem.int64(st + 40));
        assertEquals(5000, t.mem.int64(st + 48));
        assertEquals(4096, t.mem.int64(st + 56));
        assertEquals(16, t.mem.int64(st + 64), "two pages of 512-byte blocks");
    }

    @Test
    void timesComeFromTheClockTheCoreProvides() {
        long[] now = {3_250_000_000L};
        Vfs vfs = new Vfs(() -> now[0], new RecordingConsole());
        RegularFile f = vfs.installFile("/tmp/f", new byte[1], 0644);
        now[0] = 7_000_000_001L;
        f.write(null, 1, new byte[1], 0, 1, null);
        byte[] st = StatSyscalls.encodeStat(f);
        assertEquals(3, longAt(st, 72));
        assertEquals(250_000_000, longAt(st, 80));
        assertEquals(7, longAt(st, 88));
        assertEquals(1, longAt(st, 96));
        assertEquals(7, longAt(st, 104));
    }

    static long longAt(byte[] b, int off) {
        long v = 0;
        for (int i = 7; i >= 0; i--) v = v << 8 | (b[off + i] & 0xff);
        return v;
    }

    @Test
    void devicesCarryTheirNumbers() {
        assertEquals(Mode.S_IFCHR | 0666, t.mem.int32(t.stat("/dev/null") + 24));
        assertEquals(0x103, t.mem.int64(t.stat("/dev/null") + 40), "1:3");
        assertEquals(0x105, t.mem.int64(t.stat("/dev/zero") + 40), "1:5");
        assertEquals(0x501, t.mem.int64(t.stat("/dev/console") + 40), "5:1");
    }

    @Test
    void directoriesCountTheirSubdirectories() {
        long st = t.stat("/");
        assertEquals(Mode.S_IFDIR | 0755, t.mem.int32(st + 24));
        assertEquals(2 + 6, t.mem.int64(st + 16), "., .. and six subdirectories' ..");
        assertEquals(Mode.S_IFDIR | 01777, t.mem.int32(t.stat("/tmp") + 24));
    }

    @Test
    void lstatDescribesTheLinkAndStatItsTarget() {
        t.symlink("/usr/include", "/tmp/l");
        long buf = t.mem.alloc(144);
        assertEquals(0, t.statCalls.lstat(t.files, t.fs, t.mem, t.mem.string("/tmp/l"), buf));
        assertEquals(Mode.S_IFLNK | 0777, t.mem.int32(buf + 24));
        assertEquals(12, t.mem.int64(buf + 48), "a link's size is its target's length");
        assertEquals(Mode.S_IFDIR | 0755, t.mem.int32(t.stat("/tmp/l") + 24));
    }

    @Test
    void fstatAndNewfstatat() {
        int[] p = t.pipe(0);
        long buf = t.mem.alloc(144);
        assertEquals(0, t.statCalls.fstat(t.files, t.mem, p[0], buf));
        assertEquals(Mode.S_IFIFO | 0600, t.mem.int32(buf + 24));
        assertEquals(Vfs.PIPEFS_DEV, t.mem.int64(buf));
        assertEquals(-EBADF, t.statCalls.fstat(t.files, t.mem, 99, buf));
        assertEquals(-EFAULT, t.statCalls.fstat(t.files, t.mem, p[0], FakeUserMemory.BAD));
        long dir = t.open("/usr", O_RDONLY);
        assertEquals(0, t.statCalls.newfstatat(t.files, t.fs, t.mem, dir, t.mem.string("include"), buf, 0));
        assertEquals(Mode.S_IFDIR | 0755, t.mem.int32(buf + 24));
        assertEquals(0, t.statCalls.newfstatat(t.files, t.fs, t.mem, p[1], t.mem.string(""), buf, AT_EMPTY_PATH));
        assertEquals(Mode.S_IFIFO | 0600, t.mem.int32(buf + 24));
        assertEquals(-ENOENT, t.statCalls.newfstatat(t.files, t.fs, t.mem, p[1], t.mem.string(""), buf, 0));
        assertEquals(-EINVAL, t.statCalls.newfstatat(t.files, t.fs, t.mem, AT_FDCWD, t.mem.string("/"), buf, 1));
    }
}
