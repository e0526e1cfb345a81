package shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.Options;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console as a terminal user expects it, on a JLine in-memory terminal ({@link
 * TypedTerminal}): keys reach a program while it runs, in raw and non-blocking mode too;
 * the shell puts the terminal's modes back after a job, however it ended; top obeys q, H
 * and 1; VTIME ends a raw read; and an idle interactive machine waits for the wall clock,
 * while batch mode does not. The programs are tests/console/*.c, whose output under Linux (a pty) is quoted.
 */
class ConsoleKeysTest {
    @TempDir Path tmp;

    /** A shell with tests/console/NAME.c compiled to /mnt/host/NAME for each of {@code names}. */
    private TypedTerminal shellWith(Pacer.WallClock clock, String... names) throws Exception {
        for (String name : names) Files.copy(Path.of("tests/console", name + ".c"), tmp.resolve(name + ".c"));
        TypedTerminal t = new TypedTerminal(Options.defaults().withMount(tmp), null, clock);
        int prompts = 1;
        t.awaitPrompt(prompts);
        for (String name : names) {
            t.type("cc /mnt/host/" + name + ".c -o /mnt/host/" + name + "\r");
            t.awaitPrompt(++prompts);
        }
        return t;
    }

    @Test
    @Timeout(120)
    void keysReachARawModeProgramAtOnceAndCtrlCIsAByteWithoutIsig() throws Exception {
        try (TypedTerminal t = shellWith(Pacer.WallClock.SYSTEM, "raw_keys", "term_modes")) {
            t.type("/mnt/host/raw_keys\r");
            t.screen.await("q quits", 1);
            t.type("a"); // no Enter: Linux gives "key 97"
            t.screen.await("key 97", 1);
            t.type("\u0003"); // raw mode has no ISIG: Linux gives "key 3", no signal
            t.screen.await("key 3", 1);
            t.type("q");
            t.screen.await("key 113", 1);
            t.awaitPrompt(4);
            t.type("echo status $?\r");
            t.screen.await("status 0", 1);
            // raw_keys left the terminal raw; the shell put its modes back.
            t.type("/mnt/host/term_modes\r");
            t.screen.await("icanon=1 echo=1 isig=1 nonblock=0", 1);
            t.awaitPrompt(6);
        }
    }

    @Test
    @Timeout(120)
    void aNonBlockingReadSaysEagainAndKeysReachAProgramThatNeverIdles() throws Exception {
        try (TypedTerminal t = shellWith(Pacer.WallClock.SYSTEM, "nonblocking_keys", "term_modes")) {
            t.type("/mnt/host/nonblocking_keys\r");
            t.screen.await("nothing typed: -1 Resource temporarily unavailable", 1);
            t.type("x");
            t.screen.await("while spinning: x", 1);
            t.awaitPrompt(4);
            t.type("/mnt/host/term_modes\r");
            t.screen.await("icanon=1 echo=1 isig=1 nonblock=0", 1);
            t.awaitPrompt(5);
        }
    }

    @Test
    @Timeout(120)
    void afterCtrlCOnTopTheTerminalWorksAndCtrlDAtThePromptExits() throws Exception {
        try (TypedTerminal t = shellWith(Pacer.WallClock.SYSTEM, "term_modes")) {
            t.type("top\r");
            t.screen.await("PID USER", 1);
            t.type("\u0003"); // top has the console raw and non-blocking when SIGINT kills it
            t.awaitPrompt(3);
            t.type("/mnt/host/term_modes\r");
            t.screen.await("icanon=1 echo=1 isig=1 nonblock=0", 1);
            t.awaitPrompt(4);
            t.type("cat\r");
            t.type("after top\r");
            t.screen.await("after top", 2); // echoed, then written back by cat: no EAGAIN
            t.type("\u0004");
            t.awaitPrompt(5);
            t.type("\u0004"); // Ctrl-D at the prompt ends the session normally
            t.screen.await("exit", 1);
            assertEquals(0, t.status.get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    @Timeout(120)
    void topQuitsOnQAndTogglesThreadsAndCpusWhileItRuns() throws Exception {
        try (TypedTerminal t = shellWith(Pacer.WallClock.SYSTEM)) {
            t.type("top\r");
            t.screen.await("Tasks:", 1);
            t.type("H");
            t.screen.await("Threads:", 1);
            t.type("1");
            t.screen.await("%Cpu0", 1);
            t.type("q");
            t.awaitPrompt(2);
            t.type("echo status $?\r");
            t.screen.await("status 0", 1);
        }
    }

    @Test
    @Timeout(120)
    void canonicalInputIsEditedAsTyped() throws Exception {
        try (TypedTerminal t = shellWith(Pacer.WallClock.SYSTEM)) {
            t.type("cat\r");
            t.type("abc\u007f\u007fd\r"); // DEL erases, as the default termios' VERASE
            t.screen.await("ad\r\n", 1);
            t.type("\u0004");
            t.awaitPrompt(2);
        }
    }

    /** A wall clock that never waits: it records what it was asked to sleep and moves on by that much. */
    private static final class RecordingClock implements Pacer.WallClock {
        private long now;
        volatile long slept;

        @Override
        public synchronized long nanoTime() {
            return now;
        }

        @Override
        public synchronized void sleep(long nanos) {
            now += nanos;
            slept += nanos;
        }
    }

    @Test
    @Timeout(120)
    void anIdleInteractiveMachineWaitsForTheWallClock() throws Exception {
        RecordingClock clock = new RecordingClock();
        try (TypedTerminal t = shellWith(clock)) {
            t.type("sleep 2\r");
            t.awaitPrompt(2);
            // The machine idled for about 2 s of virtual time: the shell slept the host that
            // long first, in steps short enough to notice a key.
            long slept = clock.slept;
            assertTrue(slept > 1_900_000_000L && slept <= 2_000_000_000L, "slept " + slept + " ns");
        }
    }

    @Test
    @Timeout(120)
    void vtimeEndsARawReadWithNothingTyped() throws Exception {
        RecordingClock clock = new RecordingClock();
        try (TypedTerminal t = shellWith(clock, "vtime_read")) {
            long before = clock.slept;
            t.type("/mnt/host/vtime_read\r");
            t.screen.await("read 0 bytes after 0.5 s", 1); // as on Linux
            t.awaitPrompt(3);
            long slept = clock.slept - before;
            assertTrue(slept > 400_000_000L && slept <= 500_000_000L, "the timed read was paced too: slept " + slept + " ns");
        }
    }

    @Test
    @Timeout(60)
    void batchModeIsNotPaced() throws Exception {
        // A thousand virtual seconds of sleep finish at once: no pacer in batch mode.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = ShellMain.runBatch(Options.defaults(),
                new ByteArrayInputStream("sleep 1000\necho slept\n".getBytes(StandardCharsets.UTF_8)), out, false);
        assertEquals(0, status);
        assertEquals("slept\n", out.toString(StandardCharsets.UTF_8));
    }
}
