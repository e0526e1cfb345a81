package proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.GuestRun;
import boot.Kernel;
import boot.Options;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /proc of a zombie (exited, not yet reaped) and of a process after it has been reaped. */
class ProcZombieTest {
    @Test
    void zombieStatusSaysZombieAndHasNoMemoryOrUmask() throws Exception {
        GuestRun.Result r = ProcPrograms.run(4, "proc_zombie");
        assertEquals(0, r.status());
        String status = ProcPrograms.section(r.output(), "/proc/3/status");
        ProcFormats.assertStatusFormat(status);
        assertTrue(status.startsWith("Name:\tproc_zombie\nState:\tZ (zombie)\nTgid:\t3\nNgid:\t0\nPid:\t3\nPPid:\t2\n"),
                status);
        // Linux prints Umask only with an fs context, and the Vm lines only with an mm.
        assertFalse(status.contains("Umask:"), status);
        assertFalse(status.contains("Vm"), status);
        assertTrue(status.contains("FDSize:\t0\n"), status);
        assertTrue(status.contains("Threads:\t1\n"), status);
    }

    @Test
    void zombieStatShowsStateZAndTheWaitStatus() throws Exception {
        String section = ProcPrograms.section(ProcPrograms.run(4, "proc_zombie").output(), "/proc/3/stat");
        String stat = section.substring(0, section.indexOf('\n') + 1);
        assertTrue(ProcFormats.STAT.matcher(stat).matches(), stat);
        String[] f = stat.trim().split(" ");
        assertEquals("3 (proc_zombie) Z 2", String.join(" ", f[0], f[1], f[2], f[3]));
        assertEquals("0", f[22], "vsize: no mm");
        assertEquals("768", f[51], "exit_code: the wait status of exit(3)");
    }

    @Test
    void reapedProcessIsGoneEvenForAnOpenFile() throws Exception {
        String out = ProcPrograms.run(4, "proc_zombie").output();
        // The file opened before the reap reads ESRCH; a new lookup finds nothing (ENOENT).
        assertTrue(out.endsWith("read after reap: -3\n== /proc/3/status\nerror -2\n"), out);
    }

    @Test
    void directoriesOfReapedProcessesFreeTheirInodes() throws Exception {
        Kernel k = Kernel.boot(Options.defaults().withCycleLimit(50_000_000), new ByteArrayOutputStream(),
                new ByteArrayInputStream(new byte[0]));
        k.install("/bin/proc_zombie", ProcPrograms.build("proc_zombie"));
        int before = k.vfs().liveInodes();
        assertEquals(0, k.run("/bin/proc_zombie", List.of("proc_zombie")));
        // The next lookup in /proc forgets the reaped processes; nobody has their files open.
        assertEquals(null, k.vfs().proc().lookup("3"));
        assertEquals(before, k.vfs().liveInodes(), "every per-process inode was freed");
    }
}
