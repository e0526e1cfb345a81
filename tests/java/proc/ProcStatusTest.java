package proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.GuestRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /proc/self/status and /proc/self/stat as a running single-threaded process reads them. */
class ProcStatusTest {
    /** Linux's field order, as this kernel prints it for a process with an mm. */
    static final List<String> LIVE_FIELDS = List.of("Name", "Umask", "State", "Tgid", "Ngid", "Pid", "PPid",
            "TracerPid", "Uid", "Gid", "FDSize", "Groups", "NStgid", "NSpid", "NSpgid", "NSsid", "VmPeak", "VmSize",
            "VmLck", "VmPin", "VmHWM", "VmRSS", "RssAnon", "RssFile", "RssShmem", "VmData", "VmStk", "VmExe", "VmLib",
            "VmPTE", "VmSwap", "Threads", "SigQ", "SigPnd", "ShdPnd", "SigBlk", "SigIgn", "SigCgt", "CapInh", "CapPrm",
            "CapEff", "CapBnd", "CapAmb", "NoNewPrivs", "Seccomp", "Cpus_allowed", "Cpus_allowed_list",
            "voluntary_ctxt_switches", "nonvoluntary_ctxt_switches");

    @Test
    void selfStatusHasLinuxsFieldsInLinuxsOrderAndFormat() throws Exception {
        GuestRun.Result r = ProcPrograms.run(4, "proc_cat", "/proc/self/status");
        assertEquals(0, r.status());
        String status = ProcPrograms.section(r.output(), "/proc/self/status");
        assertEquals(LIVE_FIELDS, ProcFormats.fieldNames(status));
        ProcFormats.assertStatusFormat(status);
        List<String> lines = List.of(status.split("\n"));
        for (String expected : List.of("Name:\tproc_cat", "Umask:\t0022", "State:\tR (running)", "Tgid:\t2",
                "Pid:\t2", "PPid:\t1", "Threads:\t1", "Uid:\t0\t0\t0\t0", "FDSize:\t64", "Groups:\t ",
                "SigPnd:\t0000000000000000", "Cpus_allowed:\tf", "Cpus_allowed_list:\t0-3")) {
            assertTrue(lines.contains(expected), expected.replace("\t", "\\t") + " in\n" + status);
        }
    }

    @Test
    void memoryLinesAgreeWithTheMaps() throws Exception {
        GuestRun.Result r = ProcPrograms.run(4, "proc_cat", "/proc/self/status", "/proc/self/maps");
        String status = ProcPrograms.section(r.output(), "/proc/self/status");
        // The stack VMA is 256 KiB and the text one page; VmSize is every VMA together.
        assertTrue(status.contains("VmStk:\t     256 kB\n"), status);
        assertTrue(status.contains("VmExe:\t       4 kB\n"), status);
        long total = 0;
        for (String line : ProcPrograms.section(r.output(), "/proc/self/maps").split("\n")) {
            String[] range = line.substring(0, line.indexOf(' ')).split("-");
            total += Long.parseLong(range[1], 16) - Long.parseLong(range[0], 16);
        }
        assertTrue(status.contains(String.format("VmSize:\t%8d kB\n", total / 1024)), status);
    }

    @Test
    void cpusAllowedShowsOnlyTheMachinesCpus() throws Exception {
        String status = ProcPrograms.section(ProcPrograms.run(2, "proc_cat", "/proc/self/status").output(),
                "/proc/self/status");
        assertTrue(status.contains("Cpus_allowed:\t3\nCpus_allowed_list:\t0-1\n"), status);
    }

    @Test
    void initHasNoParentAndSleepsInWait() throws Exception {
        String status = ProcPrograms.section(ProcPrograms.run(4, "proc_cat", "/proc/1/status").output(),
                "/proc/1/status");
        ProcFormats.assertStatusFormat(status);
        assertTrue(status.startsWith("Name:\tinit\nUmask:\t0022\nState:\tS (sleeping)\nTgid:\t1\nNgid:\t0\nPid:\t1\n"
                + "PPid:\t0\n"), status);
    }

    @Test
    void selfStatHasFiftyTwoFieldsInLinuxsOrder() throws Exception {
        GuestRun.Result r = ProcPrograms.run(4, "proc_cat", "/proc/self/stat");
        String stat = ProcPrograms.section(r.output(), "/proc/self/stat");
        assertTrue(ProcFormats.STAT.matcher(stat).matches(), stat);
        String[] f = stat.trim().split(" ");
        assertEquals(52, f.length);
        assertEquals("2", f[0]);
        assertEquals("(proc_cat)", f[1]);
        assertEquals("R", f[2]);
        assertEquals("1", f[3], "ppid");
        assertEquals("20", f[17], "priority");
        assertEquals("1", f[19], "num_threads");
        assertEquals("18446744073709551615", f[24], "rsslim");
        assertEquals("4194304", f[25], "startcode: the first text page, 0x400000");
        assertEquals("17", f[37], "exit_signal SIGCHLD");
        assertTrue(Long.parseLong(f[47]) < Long.parseLong(f[48]), "arg_start < arg_end");
        assertTrue(Long.parseLong(f[49]) < Long.parseLong(f[50]), "env_start < env_end");
        assertEquals("0", f[51], "exit_code of a live task");
    }

    @Test
    void commAndCmdlineComeFromTheProcess() throws Exception {
        GuestRun.Result r = ProcPrograms.run(4, "proc_cat", "/proc/self/comm", "/proc/self/cmdline");
        assertEquals("proc_cat\n", ProcPrograms.section(r.output(), "/proc/self/comm"));
        assertTrue(r.output().endsWith("== /proc/self/cmdline\nproc_cat\0/proc/self/comm\0/proc/self/cmdline\0"),
                r.output());
    }

    @Test
    void mapsListsTheProgramAndItsStackInLinuxsFormat() throws Exception {
        GuestRun.Result r = ProcPrograms.run(4, "proc_cat", "/proc/self/maps");
        String maps = ProcPrograms.section(r.output(), "/proc/self/maps");
        String[] lines = maps.split("\n");
        for (String line : lines) assertTrue(ProcFormats.MAPS.matcher(line).matches(), line);
        assertTrue(lines[0].startsWith("00400000-00401000 r-xp 00000000 00:00 0 "), lines[0]);
        assertEquals(73, lines[0].indexOf("/bin/proc_cat"), "the name starts in column 73");
        assertTrue(lines[lines.length - 1].endsWith(" [stack]"), maps);
    }
}
