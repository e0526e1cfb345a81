package fs;

import static fs.OpenFlags.*;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/**
 * poll's view of the console and the files without a poll of their own: the console is
 * always writable and readable once input (or an end of file) waits, and a poller sleeps
 * with its readers; /dev/null, regular files and directories are always ready and never
 * make a poller wait, as Linux's DEFAULT_POLLMASK.
 */
class ConsolePollTest {
    final FsFixture t = new FsFixture();
    static final int DEFAULT_MASK = Poll.POLLIN | Poll.POLLRDNORM | Poll.POLLOUT | Poll.POLLWRNORM;

    @Test
    void theConsoleIsReadableOnceInputWaitsAndWakesItsPollers() {
        RecordingConsole console = new RecordingConsole();
        t.vfs.console().attach(console);
        long fd = t.open("/dev/console", O_RDWR);
        OpenFile f = t.files.get(fd);
        assertTrue(f.inode().canPoll());
        assertEquals(Poll.POLLOUT | Poll.POLLWRNORM, f.inode().poll(f, t.waiter));
        console.type("x");
        t.vfs.console().inputArrived();
        assertEquals(1, t.waiter.wakes, "the poller sleeps with the readers");
        assertEquals(DEFAULT_MASK, f.inode().poll(f, null));
        assertEquals("x", t.read(fd, 1));
        console.endOfInput = true;
        assertEquals(DEFAULT_MASK, f.inode().poll(f, null), "an end of file is readable");
    }

    @Test
    void filesWithoutAPollOfTheirOwnAreAlwaysReady() {
        t.vfs.console().attach(new RecordingConsole());
        for (String path : new String[] {"/dev/null", "/dev/zero", "/tmp", "/proc"}) {
            OpenFile f = t.files.get(t.open(path, O_RDONLY));
            assertEquals(DEFAULT_MASK, f.inode().poll(f, t.waiter), path);
            assertFalse(f.inode().canPoll(), path + " has no poll of its own: epoll refuses it");
        }
        assertEquals(0, t.waiter.wakes);
    }
}
