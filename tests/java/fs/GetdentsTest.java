package fs;

import static fs.OpenFlags.*;
import static org.junit.jupiter.api.Assertions.*;
import static syscall.Errno.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GetdentsTest {
    final FsFixture t = new FsFixture();

    /** Decodes the records of one getdents64 result as "name:type:ino:off". */
    List<String> decode(long buf, long len) {
        return decode(t.mem, buf, len);
    }

    /** Decodes getdents64 records at {@code buf} in {@code mem}, checking their framing. */
    static List<String> decode(FakeUserMemory mem, long buf, long len) {
        List<String> out = new ArrayList<>();
        byte[] b = mem.read(buf, (int) len);
        int pos = 0;
        while (pos < len) {
            long ino = StatLayoutTest.longAt(b, pos);
            long off = StatLayoutTest.longAt(b, pos + 8);
            int reclen = (b[pos + 16] & 0xff) | (b[pos + 17] & 0xff) << 8;
            int type = b[pos + 18];
            int end = pos + 19;
            while (b[end] != 0) end++;
            String name = new String(b, pos + 19, end - pos - 19, StandardCharsets.UTF_8);
            assertEquals(0, reclen % 8, "records are 8-byte aligned");
            assertTrue(end < pos + reclen, "the name's NUL is inside the record");
            out.add(name + ":" + type + ":" + ino + ":" + off);
            pos += reclen;
        }
        return out;
    }

    @Test
    void recordsHaveLinuxDirent64Layout() throws FsException {
        t.mkdir("/tmp/d");
        t.vfs.installFile("/tmp/d/file", new byte[0], 0644);
        t.mkdir("/tmp/d/sub");
        t.symlink("file", "/tmp/d/link");
        long fd = t.open("/tmp/d", O_RDONLY | O_DIRECTORY);
        long buf = t.mem.alloc(1024);
        long n = t.statCalls.getdents64(t.files, t.mem, fd, buf, 1024);
        long d = t.vfs.lookup("/tmp/d").ino(), tmp = t.vfs.lookup("/tmp").ino();
        long file = t.vfs.lookup("/tmp/d/file").ino(), sub = t.vfs.lookup("/tmp/d/sub").ino();
        long link = PathWalker.resolve(t.fs, t.fs.cwd(), "/tmp/d/link", false).ino();
        // DT_DIR 4, DT_REG 8, DT_LNK 10 (from <dirent.h>); entries in creation order.
        assertEquals(List.of(".:4:" + d + ":1", "..:4:" + tmp + ":2", "file:8:" + file + ":3",
                "sub:4:" + sub + ":4", "link:10:" + link + ":5"), decode(buf, n));
        // Sizes: 19-byte header + name + NUL, rounded up to 8: ".", "..", "file", "sub", "link".
        assertEquals(24 + 24 + 24 + 24 + 24, n);
        assertEquals(0, t.statCalls.getdents64(t.files, t.mem, fd, buf, 1024), "end of directory");
    }

    @Test
    void aSmallBufferContinuesWhereItStopped() {
        long fd = t.open("/dev", O_RDONLY);
        long buf = t.mem.alloc(64);
        List<String> names = new ArrayList<>();
        long n;
        while ((n = t.statCalls.getdents64(t.files, t.mem, fd, buf, 50)) > 0) {
            for (String e : decode(buf, n)) names.add(e.substring(0, e.indexOf(':')));
        }
        assertEquals(0, n);
        assertEquals(List.of(".", "..", "null", "zero", "console", "shm"), names);
        assertEquals(0, t.fileCalls.lseek(t.files, fd, 0, SEEK_SET), "rewinddir");
        assertEquals(48, t.statCalls.getdents64(t.files, t.mem, fd, buf, 50));
    }

    @Test
    void errors() {
        long fd = t.open("/tmp", O_RDONLY);
        long file = t.open("/dev/null", O_RDONLY);
        assertEquals(-EINVAL, t.statCalls.getdents64(t.files, t.mem, fd, t.mem.alloc(8), 8), "no record fits");
        assertEquals(-ENOTDIR, t.statCalls.getdents64(t.files, t.mem, file, t.mem.alloc(64), 64));
        assertEquals(-EBADF, t.statCalls.getdents64(t.files, t.mem, 99, t.mem.alloc(64), 64));
        assertEquals(-EFAULT, t.statCalls.getdents64(t.files, t.mem, fd, FakeUserMemory.BAD, 64));
    }
}
