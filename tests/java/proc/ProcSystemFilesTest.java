package proc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.GuestRun;
import boot.Kernel;
import boot.Options;
import fs.Inode;
import procfs.ProcDirectory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The system-wide files: /proc/stat, cpuinfo, uptime, loadavg, and the /proc listing. */
class ProcSystemFilesTest {
    @Test
    void statHasACpuLinePerCpuAndTheCounters() throws Exception {
        GuestRun.Result r = ProcPrograms.run(2, "proc_cat", "/proc/stat");
        String stat = ProcPrograms.section(r.output(), "/proc/stat");
        String[] lines = stat.split("\n");
        Pattern cpu = Pattern.compile("cpu[0-9 ] \\d+( \\d+){9}");
        assertTrue(lines[0].startsWith("cpu  "), lines[0]);
        for (int i = 0; i < 3; i++) assertTrue(cpu.matcher(lines[i]).matches(), lines[i]);
        assertTrue(lines[1].startsWith("cpu0 ") && lines[2].startsWith("cpu1 "), stat);
        assertEquals("intr 0", lines[3]);
        assertTrue(lines[4].matches("ctxt \\d+"), lines[4]);
        assertEquals("btime 0", lines[5]);
        assertEquals("processes 2", lines[6], "init and the program");
        assertEquals("procs_running 1", lines[7], "the reader itself");
        assertEquals("procs_blocked 0", lines[8]);
        assertTrue(lines[9].startsWith("softirq "), lines[9]);
    }

    @Test
    void cpuinfoHasOneBlockPerCpu() throws Exception {
        String info = ProcPrograms.section(ProcPrograms.run(2, "proc_cat", "/proc/cpuinfo").output(), "/proc/cpuinfo");
        String[] blocks = info.split("\n\n");
        assertEquals(2, blocks.length);
        for (int cpu = 0; cpu < 2; cpu++) {
            assertTrue(blocks[cpu].startsWith("processor\t: " + cpu + "\nvendor_id\t: Clonix\n"
                    + "model name\t: Clonix virtual CPU\n"), blocks[cpu]);
        }
    }

    @Test
    void uptimeAndLoadavgUseLinuxsFormat() throws Exception {
        GuestRun.Result r = ProcPrograms.run(4, "proc_cat", "/proc/uptime", "/proc/loadavg");
        assertTrue(ProcPrograms.section(r.output(), "/proc/uptime").matches("\\d+\\.\\d\\d \\d+\\.\\d\\d\n"));
        // Two tasks exist (init and the reader), the reader runs, and it was the last pid made.
        assertEquals("0.00 0.00 0.00 1/2 2\n", ProcPrograms.section(r.output(), "/proc/loadavg"));
    }

    @Test
    void selfLinkNamesTheCallersDirectory() throws Exception {
        GuestRun.Result r = ProcPrograms.run(4, "proc_cat", "/proc/self/comm", "/proc/2/comm", "/proc/99/comm",
                "/proc/02/comm");
        assertEquals("proc_cat\n", ProcPrograms.section(r.output(), "/proc/self/comm"));
        assertEquals("proc_cat\n", ProcPrograms.section(r.output(), "/proc/2/comm"));
        assertEquals("error -2\n", ProcPrograms.section(r.output(), "/proc/99/comm"));
        assertEquals("error -2\n", ProcPrograms.section(r.output(), "/proc/02/comm"), "not a canonical pid");
    }

    @Test
    void sameSeedGivesTheSameBytes() throws Exception {
        String[] files = {"/proc/self/status", "/proc/self/stat", "/proc/stat", "/proc/uptime"};
        assertEquals(ProcPrograms.run(4, "proc_cat", files).output(), ProcPrograms.run(4, "proc_cat", files).output());
    }

    @Test
    void readingAgainFromOffsetZeroGivesAFreshSnapshot() throws Exception {
        GuestRun.Result r = ProcPrograms.run(4, "proc_reread");
        String[] lines = r.output().split("\n");
        assertEquals(2, lines.length, r.output());
        double first = Double.parseDouble(lines[0].split(" ")[0]);
        double second = Double.parseDouble(lines[1].split(" ")[0]);
        assertTrue(second >= first + 0.02, r.output());
    }

    @Test
    void theKernelsOwnReadersReadAProcFileAsReadDoes() throws Exception {
        // execve and the shell read whole files with fs.FileContents, through a description
        // of their own, where a /proc file keeps its snapshot.
        Kernel k = Kernel.boot(Options.defaults(), new ByteArrayOutputStream(), new ByteArrayInputStream(new byte[0]));
        String meminfo = new String(fs.FileContents.of(k.vfs().lookup("/proc/meminfo")));
        assertTrue(meminfo.startsWith("MemTotal:         655360 kB\n"), meminfo);
        assertEquals(0, k.vfs().memory().openFiles(), "the description is released");
    }

    @Test
    void inodeNumbersAreStableAndTheSameInEveryRun() throws Exception {
        assertArrayEquals(inodesOfInit(), inodesOfInit());
    }

    /** After a run: the inode numbers of /proc/1 and /proc/1/status, each looked up twice. */
    private static long[] inodesOfInit() throws Exception {
        Kernel k = Kernel.boot(Options.defaults().withCycleLimit(50_000_000), new ByteArrayOutputStream(),
                new ByteArrayInputStream(new byte[0]));
        k.install("/bin/proc_cat", ProcPrograms.build("proc_cat"));
        k.run("/bin/proc_cat", List.of("proc_cat", "/proc/1/status", "/proc/self/status"));
        Inode dir = k.vfs().proc().lookup("1");
        assertSame(dir, k.vfs().proc().lookup("1"), "the same directory while init exists");
        Inode status = ((ProcDirectory) dir).lookup("status");
        return new long[] {dir.ino(), status.ino()};
    }
}
