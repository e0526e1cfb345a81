package shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.Options;
import boot.Session;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import task.Signals;

/** The console as the shell's controlling terminal: its session, its foreground group, SIGTTIN. */
class ForegroundGroupTest {
    private static final int SIGTTIN = 21;

    @Test
    void theShellsSessionOwnsTheConsoleWithTheShellInTheForeground() {
        Session s = ShellMain.boot(Options.defaults(), new ByteArrayOutputStream());
        assertEquals(2, s.kernel().vfs().console().session());
        assertEquals(2, s.foregroundGroup());
        assertEquals(2, s.shellGroup());
    }

    @Test
    void aBackgroundReaderStopsWithSigttinAndReadsOnceInTheForeground() {
        Session s = ShellMain.boot(Options.defaults(), new ByteArrayOutputStream());
        s.console().closeInput(); // batch mode: the console is at end of file
        int pid = (int) s.spawn("/bin/cat", List.of("cat"), List.of(), 0, Map.of());
        s.runUntil(() -> s.isStopped(pid) || s.hasExited(pid));
        assertTrue(s.isStopped(pid), "a read from a background group stops it");
        assertEquals(SIGTTIN, s.takeStopReport(pid));
        assertEquals(0, s.takeStopReport(pid), "the stop is reported once");

        s.setForegroundGroup(pid); // what fg does: give it the terminal, then continue it
        s.signalGroup(pid, Signals.SIGCONT);
        s.runUntil(() -> s.hasExited(pid));
        Session.Exited e = s.reap(pid);
        assertNotNull(e);
        assertEquals(0, e.waitStatus(), "cat read end of file and exited");
        s.setForegroundGroup(s.shellGroup());
        assertEquals(2, s.foregroundGroup());
    }
}
