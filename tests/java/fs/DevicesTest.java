package fs;

import static fs.OpenFlags.*;
import static org.junit.jupiter.api.Assertions.*;
import static syscall.Errno.*;

import org.junit.jupiter.api.Test;

class DevicesTest {
    final FsFixture t = new FsFixture();

    @Test
    void devNullSwallowsWritesAndReadsAsEndOfFile() {
        long fd = t.open("/dev/null", O_RDWR);
        assertEquals(6, t.write(fd, "ignore"));
        assertEquals("", t.read(fd, 10));
    }

    @Test
    void devZeroReadsZeros() {
        long fd = t.open("/dev/zero", O_RDONLY);
        long buf = t.mem.bytes(new byte[] {1, 2, 3, 4});
        assertEquals(4, t.fileCalls.read(t.files, t.mem, t.waiter, fd, buf, 4));
        assertArrayEquals(new byte[4], t.mem.read(buf, 4));
    }

    @Test
    void theConsoleWritesToItsSinkAndBlocksReadersUntilInputArrives() {
        RecordingConsole console = new RecordingConsole();
        t.vfs.console().attach(console);
        long fd = t.open("/dev/console", O_RDWR);
        assertEquals(3, t.write(fd, "hi\n"));
        assertEquals("hi\n", console.output.toString());
        assertEquals("ERR-" + BLOCKED, t.read(fd, 10));
        assertEquals(0, t.waiter.wakes);
        console.type("ls\n");
        t.vfs.console().inputArrived();
        assertEquals(1, t.waiter.wakes);
        assertEquals("ls\n", t.read(fd, 10));
        console.endOfInput = true;
        assertEquals("", t.read(fd, 10), "Ctrl-D reads as end of file");
        assertEquals(-ESPIPE, t.fileCalls.lseek(t.files, fd, 0, SEEK_CUR));
    }

    @Test
    void aNonblockingConsoleReadIsEAGAIN() {
        t.vfs.console().attach(new RecordingConsole());
        long fd = t.open("/dev/console", O_RDONLY | O_NONBLOCK);
        assertEquals("ERR-" + EAGAIN, t.read(fd, 10));
    }
}
