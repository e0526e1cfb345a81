package shell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.Options;
import boot.Session;
import fs.OpenFile;
import fs.OpenFlags;
import fs.Pipe;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import task.Signals;
import task.Task;

/** The kernel side of the shell (boot.Session) and the batch runner's promises. */
class SessionTest {
    private static Session boot(ByteArrayOutputStream out) {
        return ShellMain.boot(Options.defaults(), out);
    }

    @Test
    void theShellTaskIsPid2ChildOfInitAndParentOfEveryProgram() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Session s = boot(out);
        Task sh = s.shell();
        assertEquals(2, sh.tgid());
        assertEquals("sh", sh.comm());
        assertEquals(1, sh.realParent().tgid());
        assertEquals(2, sh.signal().pgid());
        assertEquals(2, sh.signal().sid());
        long pid = s.spawn("/bin/echo", List.of("echo", "hi"), List.of(), 0, Map.of());
        assertTrue(pid > 2);
        Task child = s.kernel().tasks().pids().find((int) pid);
        assertEquals(sh, child.realParent());
        assertEquals((int) pid, child.signal().pgid(), "a new job leads its own process group");
        assertEquals("echo", child.comm());
        s.runUntil(() -> s.hasExited((int) pid));
        Session.Exited e = s.reap((int) pid);
        assertNotNull(e);
        assertEquals(0, e.waitStatus());
        assertNull(s.kernel().tasks().pids().find((int) pid), "reaped");
        assertEquals("hi\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFailedExecLeavesNothingBehind() {
        Session s = boot(new ByteArrayOutputStream());
        int before = s.kernel().tasks().pids().count();
        assertEquals(-syscall.Errno.ENOENT, s.spawn("/bin/nosuch", List.of("nosuch"), List.of(), 0, Map.of()));
        assertEquals(before, s.kernel().tasks().pids().count());
        assertTrue(s.children().isEmpty());
    }

    @Test
    void descriptorsAreInstalledBeforeTheProgramRuns() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Session s = boot(out);
        Pipe pipe = new Pipe(s.kernel().vfs());
        OpenFile readEnd = new OpenFile(pipe, OpenFlags.O_RDONLY);
        long echo = s.spawn("/bin/echo", List.of("echo", "through", "a", "pipe"), List.of(), 0,
                Map.of(1, new OpenFile(pipe, OpenFlags.O_WRONLY)));
        long cat = s.spawn("/bin/cat", List.of("cat"), List.of(), (int) echo, Map.of(0, readEnd));
        assertEquals((int) echo, s.kernel().tasks().pids().find((int) cat).signal().pgid(), "one job, one group");
        s.runUntil(() -> s.hasExited((int) echo) && s.hasExited((int) cat));
        assertNotNull(s.reap((int) echo));
        assertNotNull(s.reap((int) cat));
        assertEquals("through a pipe\n", out.toString(StandardCharsets.UTF_8));
    }

    private static OpenFile devNull(Session s) {
        try {
            return boot.GuestFiles.open(s.kernel().vfs(), s.shell().fs(), "/dev/null", OpenFlags.O_WRONLY, 0);
        } catch (fs.FsException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void signalGroupKillsTheWholeJob() {
        Session s = boot(new ByteArrayOutputStream());
        long yes = s.spawn("/bin/yes", List.of("yes"), List.of(), 0,
                Map.of(1, devNull(s)));
        s.runUntil(() -> false, 100_001);
        assertEquals(0, s.signalGroup((int) yes, Signals.SIGINT));
        s.runUntil(() -> s.hasExited((int) yes));
        assertEquals(Signals.killedStatus(Signals.SIGINT), s.reap((int) yes).waitStatus());
    }

    @Test
    void theSameScriptAndSeedGiveTheSameBytes() throws Exception {
        byte[] script = "sleep 1 & echo a | wc -c; ps -f; wait; cpus\n".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        assertEquals(0, ShellMain.runBatch(Options.defaults(), new ByteArrayInputStream(script), first, false));
        assertEquals(0, ShellMain.runBatch(Options.defaults(), new ByteArrayInputStream(script), second, false));
        assertArrayEquals(first.toByteArray(), second.toByteArray());
        assertTrue(first.toString(StandardCharsets.UTF_8).contains("[1] "));
    }

    @Test
    void batchProgramsSeeEndOfFileOnTheConsole() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = ShellMain.runBatch(Options.defaults(),
                new ByteArrayInputStream("cat; echo after $?\n".getBytes(StandardCharsets.UTF_8)), out, false);
        assertEquals(0, status);
        assertEquals("after 0\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void exitStatusIsTheLastCommandsAndRunningJobsAreKilledWithAWarning() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = ShellMain.runBatch(Options.defaults(),
                new ByteArrayInputStream("sleep 100 &\nfalse\n".getBytes(StandardCharsets.UTF_8)), out, false);
        assertEquals(1, status);
        assertEquals("[1] 3\nsh: killing 1 running job\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void killAllLeavesOnlyInitAndTheShell() {
        Session s = boot(new ByteArrayOutputStream());
        s.spawn("/bin/sleep", List.of("sleep", "100"), List.of(), 0, Map.of());
        s.spawn("/bin/yes", List.of("yes"), List.of(), 0, Map.of(1, devNull(s)));
        s.runUntil(() -> false, 50_001);
        assertEquals(2, s.killAll());
        assertTrue(s.children().isEmpty());
        assertEquals(List.of(1, 2), s.kernel().tasks().pids().all().stream().map(Task::tid).toList());
    }
}
