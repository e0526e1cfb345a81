package shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.CGuest;
import boot.Options;
import boot.Session;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import task.Signals;
import task.Task;

/**
 * The console as the shell's controlling terminal: its session, its foreground group,
 * SIGTTIN, and the job-control keys, which reach every process of the foreground group.
 */
class ForegroundGroupTest {
    private static final int SIGTTIN = 21;

    @TempDir Path tmp;

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

    /** A job of four processes: the first forks three children, and all four spin. */
    private static final String SPREAD = String.join("\n",
            "#include <unistd.h>",
            "int main(void) {",
            "    for (int i = 0; i < 3; i++) if (fork() == 0) break;",
            "    for (;;) ;",
            "}",
            "");

    /**
     * A terminal whose person presses the keys queued in {@link #keys}, one each time the
     * machine is seen in the state {@code ready} describes, so that the test is
     * deterministic: a key is seen between two rounds of the machine, as JLine's handler's is.
     */
    private static final class ScriptedKeys implements Frontend {
        final java.util.ArrayDeque<Integer> keys = new java.util.ArrayDeque<>();
        private final java.util.function.BooleanSupplier ready;

        ScriptedKeys(java.util.function.BooleanSupplier ready) {
            this.ready = ready;
        }

        @Override
        public boolean interactive() {
            return false;
        }

        @Override
        public boolean keyPending() {
            return !keys.isEmpty() && ready.getAsBoolean();
        }

        @Override
        public int takeKey() {
            return keys.isEmpty() ? 0 : keys.poll();
        }
    }

    /** How many processes named spread are alive, or (with {@code stopped}) stopped by job control. */
    private static long spreadProcesses(Session s, boolean stopped) {
        return s.kernel().tasks().pids().all().stream()
                .filter(t -> t.isGroupLeader() && t.comm().equals("spread") && t.state().isAlive())
                .filter(t -> !stopped || t.signal().signals().isStopped()).count();
    }

    @Test
    void ctrlZAndCtrlCReachEveryProcessOfTheForegroundGroup() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session s = ShellMain.boot(Options.defaults(), out);
        s.console().closeInput();
        s.install("/bin/spread", CGuest.compile(tmp, "spread", SPREAD));
        ScriptedKeys keys = new ScriptedKeys(() -> spreadProcesses(s, false) == 4);
        Shell sh = new Shell(s, keys, out);

        keys.keys.add(Signals.SIGTSTP);
        sh.runLine("spread");
        assertEquals(4, spreadProcesses(s, true), "Ctrl-Z stopped the whole group:\n" + bytes);
        assertEquals(148, sh.lastStatus());
        assertTrue(bytes.toString(StandardCharsets.UTF_8).endsWith("[1]+  Stopped                 spread\n"), bytes.toString());

        keys.keys.add(Signals.SIGINT);
        sh.runLine("fg");
        assertEquals(130, sh.lastStatus());
        sh.reportFinishedJobs();
        List<Integer> left = s.kernel().tasks().pids().all().stream().filter(t -> t.state().isAlive()).map(Task::tid).toList();
        assertEquals(List.of(1, 2), left, "Ctrl-C ended every process of the group, not only the first:\n" + bytes);
    }

    /** A program that ignores Ctrl-C and Ctrl-Z and leaves its job's group for the shell's. */
    private static final String STUBBORN = String.join("\n",
            "#include <signal.h>",
            "#include <unistd.h>",
            "int main(void) {",
            "    signal(SIGINT, SIG_IGN);",
            "    signal(SIGTSTP, SIG_IGN);",
            "    setpgid(0, getppid());",
            "    for (;;) ;",
            "}",
            "");

    @Test
    void theThirdCtrlCKillsAForegroundJobThatIgnoresTheKeys() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session s = ShellMain.boot(Options.defaults(), out);
        s.console().closeInput();
        s.install("/bin/stubborn", CGuest.compile(tmp, "stubborn", STUBBORN));
        ScriptedKeys keys = new ScriptedKeys(() -> s.kernel().tasks().pids().all().stream()
                .anyMatch(t -> t.comm().equals("stubborn") && t.signal().pgid() == s.shellGroup()));
        Shell sh = new Shell(s, keys, out);
        keys.keys.addAll(List.of(Signals.SIGINT, Signals.SIGTSTP, Signals.SIGINT, Signals.SIGINT));
        sh.runLine("stubborn");
        assertEquals(137, sh.lastStatus(), bytes.toString());
        assertEquals("\nsh: Ctrl-C pressed 3 times; killing job: stubborn\nKilled\n", bytes.toString(StandardCharsets.UTF_8));
        assertEquals(List.of(1, 2), s.kernel().tasks().pids().all().stream().map(Task::tid).toList(), "nothing is left");
    }
}
