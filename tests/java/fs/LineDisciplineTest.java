package fs;

import static fs.OpenFlags.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import syscall.Errno;

/**
 * The console's line discipline, as Linux's n_tty edits what a person types: canonical lines
 * with erase, kill and end of file, echo, the signal characters, raw mode with VMIN, and the
 * switch between the two. Keys arrive with ConsoleDevice.receive, as the shell gives them.
 */
class LineDisciplineTest {
    final FsFixture t = new FsFixture();
    final RecordingConsole screen = new RecordingConsole();
    final ConsoleDevice console = t.vfs.console();
    final long tty;

    LineDisciplineTest() {
        screen.keyboard = true;
        console.attach(screen);
        tty = t.open("/dev/console", O_RDWR);
    }

    private int[] type(String keys) {
        return console.receive(keys.getBytes(StandardCharsets.ISO_8859_1));
    }

    private String echoed() {
        String s = screen.output.toString(StandardCharsets.ISO_8859_1);
        screen.output.reset();
        return s;
    }

    /** Sets c_lflag to {@code lflag} and c_cc[VMIN], c_cc[VTIME] with TCSETS. */
    private void setModes(int lflag, int vmin, int vtime) {
        long buf = t.mem.alloc(Ioctls.TERMIOS_SIZE);
        assertEquals(0, t.fileCalls.ioctl(t.files, t.mem, tty, Ioctls.TCGETS, buf));
        byte[] termios = t.mem.read(buf, Ioctls.TERMIOS_SIZE);
        for (int b = 0; b < 4; b++) termios[12 + b] = (byte) (lflag >>> (8 * b));
        termios[17 + LineDiscipline.VMIN] = (byte) vmin;
        termios[17 + LineDiscipline.VTIME] = (byte) vtime;
        long in = t.mem.bytes(termios);
        assertEquals(0, t.fileCalls.ioctl(t.files, t.mem, tty, Ioctls.TCSETS, in));
    }

    private static final int DEFAULT_LFLAG = 0105073;
    private static final int RAW_LFLAG = DEFAULT_LFLAG & ~(LineDiscipline.ICANON | LineDiscipline.ECHO | LineDiscipline.ISIG);

    @Test
    void canonicalModeGivesWholeEditedLinesAndEchoesThem() {
        type("abc");
        assertEquals("ERR-" + Errno.BLOCKED, t.read(tty, 100), "no line yet: the reader sleeps");
        type("\177\177d\r"); // DEL twice, d, Enter (CR, which ICRNL makes NL)
        assertEquals("abc\b \b\b \bd\n", echoed(), "ECHOE erases on screen");
        assertEquals("ad\n", t.read(tty, 100));
        type("one\ntwo\n");
        assertEquals("one\n", t.read(tty, 100), "a read returns one line at most");
        assertEquals("tw", t.read(tty, 2));
        assertEquals("o\n", t.read(tty, 100));
    }

    @Test
    void killWordEraseAndEndOfFile() {
        type("first second\027"); // Ctrl-W erases "second"
        type("\n");
        assertEquals("first \n", t.read(tty, 100));
        type("gone\025kept\004"); // Ctrl-U kills the line; Ctrl-D ends "kept" without a newline
        assertEquals("kept", t.read(tty, 100));
        type("\004"); // at the start of a line: end of file
        assertEquals("", t.read(tty, 100));
        assertEquals("ERR-" + Errno.BLOCKED, t.read(tty, 100), "one end of file per Ctrl-D, as on a terminal");
    }

    @Test
    void signalCharactersFlushTheInputAndEchoAsCarets() {
        type("half a line");
        echoed();
        assertArrayEquals(new int[] {2}, type("\003"), "Ctrl-C is SIGINT");
        assertEquals("^C", echoed());
        assertArrayEquals(new int[] {20, 3}, type("\032\034"), "Ctrl-Z is SIGTSTP, Ctrl-\\ SIGQUIT");
        type("\n");
        assertEquals("\n", t.read(tty, 100), "the half line was dropped with the signal");
        setModes(RAW_LFLAG, 1, 0);
        assertArrayEquals(new int[0], type("\003"), "without ISIG, Ctrl-C is a byte");
        assertEquals("\003", t.read(tty, 100));
    }

    @Test
    void rawModeGivesBytesAtOnceWithVminAndNonBlockingReadsSayEagain() {
        setModes(RAW_LFLAG, 1, 0);
        type("q");
        assertEquals("", echoed(), "no echo");
        assertEquals("q", t.read(tty, 100), "no Enter needed");
        assertEquals("ERR-" + Errno.BLOCKED, t.read(tty, 100));
        t.files.get(tty).setStatusFlags(O_NONBLOCK);
        assertEquals("ERR-" + Errno.EAGAIN, t.read(tty, 100), "O_NONBLOCK with nothing typed");
        t.files.get(tty).setStatusFlags(0);
        setModes(RAW_LFLAG, 3, 0);
        type("ab");
        assertEquals("ERR-" + Errno.BLOCKED, t.read(tty, 100), "VMIN 3: two bytes are not enough");
        assertEquals("a", t.read(tty, 1), "unless the read asks for fewer");
        type("cd");
        assertEquals("bcd", t.read(tty, 100));
        setModes(RAW_LFLAG, 0, 0);
        assertEquals("", t.read(tty, 100), "VMIN 0, VTIME 0: a poll, 0 bytes");
    }

    /** The kernel's side of VTIME for one caller, on a clock the test moves. */
    private static final class TimedCaller implements ConsoleDevice.Processes {
        long now, deadline = -1;

        @Override public int callerSession() { return 0; }
        @Override public int sessionOf(int pgrp) { return -1; }
        @Override public int callerGroup() { return 0; }
        @Override public boolean callerIgnoresOrBlocks(int sig) { return false; }
        @Override public boolean callerGroupOrphaned() { return false; }
        @Override public void signalCallerGroup(int sig) {}

        @Override
        public boolean callerTimedOut(long nanos) {
            if (deadline < 0) {
                deadline = now + nanos;
                return false;
            }
            if (now < deadline) return false;
            deadline = -1;
            return true;
        }

        @Override
        public void callerStopTimer() {
            deadline = -1;
        }
    }

    @Test
    void vtimeBoundsTheWaitOfARawRead() {
        TimedCaller caller = new TimedCaller();
        console.setProcesses(caller);
        setModes(RAW_LFLAG, 0, 5); // VMIN 0, VTIME 5: wait half a second at most
        assertEquals("ERR-" + Errno.BLOCKED, t.read(tty, 100));
        assertEquals(500_000_000L, caller.deadline, "the timer is armed for VTIME tenths");
        caller.now = 499_999_999L;
        assertEquals("ERR-" + Errno.BLOCKED, t.read(tty, 100), "not yet");
        caller.now = 500_000_000L;
        assertEquals("", t.read(tty, 100), "then 0 bytes");
        assertEquals(-1, caller.deadline);
        assertEquals("ERR-" + Errno.BLOCKED, t.read(tty, 100));
        type("k");
        assertEquals("k", t.read(tty, 100), "a byte ends the wait at once");
        assertEquals(-1, caller.deadline, "and the timer with it");

        setModes(RAW_LFLAG, 3, 2); // VMIN 3, VTIME 2: the first byte is waited for without a timer
        assertEquals("ERR-" + Errno.BLOCKED, t.read(tty, 100));
        assertEquals(-1, caller.deadline);
        type("ab");
        assertEquals("ERR-" + Errno.BLOCKED, t.read(tty, 100), "two of three: the timer starts");
        caller.now += 200_000_000L;
        assertEquals("ab", t.read(tty, 100), "VTIME later, what has come");
        t.files.get(tty).setStatusFlags(O_NONBLOCK);
        type("c");
        assertEquals("c", t.read(tty, 100), "non-blocking, fewer than VMIN bytes are taken as they are");
    }

    @Test
    void switchingModesKeepsWhatWasTyped() {
        type("par");
        setModes(RAW_LFLAG, 1, 0);
        assertEquals("par", t.read(tty, 100), "leaving canonical mode makes the half line readable");
        type("xy");
        setModes(DEFAULT_LFLAG, 1, 0);
        assertEquals("xy", t.read(tty, 100), "entering it makes what waits one line");
        type("z");
        assertArrayEquals("z".getBytes(), console.takeUnreadInput(), "the shell takes the type-ahead");
        assertEquals("ERR-" + Errno.BLOCKED, t.read(tty, 100));
    }

    @Test
    void inputBeyondTheBufferIsDroppedButTheLineCanStillEnd() {
        type("x".repeat(LineDiscipline.CAPACITY + 100) + "\n");
        String line = t.read(tty, 2 * LineDiscipline.CAPACITY);
        assertEquals(LineDiscipline.CAPACITY, line.length());
        assertTrue(line.endsWith("x\n"), "room is kept for the newline");
    }

    @Test
    void tcflushDropsUnreadInput() {
        type("typed ahead\n");
        assertEquals(-Errno.EINVAL, t.fileCalls.ioctl(t.files, t.mem, tty, Ioctls.TCFLSH, 3));
        assertEquals(0, t.fileCalls.ioctl(t.files, t.mem, tty, Ioctls.TCFLSH, 0));
        assertEquals("ERR-" + Errno.BLOCKED, t.read(tty, 100));
    }
}
