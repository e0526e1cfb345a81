package utils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.Options;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /bin/ps reads /proc as procps-ng's ps does. The header lines must be procps's byte for
 * byte (tests/utils/ps_headers.expected was printed by the real ps), and the rows must show
 * the guest's processes and threads: tests/utils/guest/ps_threads.c runs ps while it has
 * three extra threads.
 */
class PsTest {
    @TempDir Path tmp;

    /** Runs ps_threads (a process of four threads) which runs /bin/ps with {@code psArgs}. */
    private Programs.Run psWithThreads(String... psArgs) throws Exception {
        byte[] driver = Programs.compile(tmp, "ps_threads",
                Files.readString(Path.of("tests/utils/guest/ps_threads.c"), StandardCharsets.UTF_8));
        List<String> argv = new ArrayList<>(List.of("/tmp/prog/ps_threads", "/bin/ps"));
        argv.addAll(List.of(psArgs));
        return Programs.run(Options.defaults(), Map.of("/tmp/prog/ps_threads", driver), new byte[0], argv);
    }

    @Test
    void headerLinesAreProcpsOnes() throws Exception {
        for (String line : Files.readAllLines(Path.of("tests/utils/ps_headers.expected"), StandardCharsets.UTF_8)) {
            int bar = line.indexOf('|');
            List<String> argv = new ArrayList<>(List.of("ps"));
            argv.addAll(Programs.words(line.substring(0, bar)));
            Programs.Run run = Programs.run(Options.defaults(), Map.of(), new byte[0], argv);
            assertEquals(0, run.status(), run.output());
            assertEquals(line.substring(bar + 1), run.output().split("\n")[0], "ps " + line.substring(0, bar));
        }
    }

    @lab.PartOfLab("clone")
    @Test
    void fullThreadListingShowsEveryLwpWithTheThreadCount() throws Exception {
        Programs.Run run = psWithThreads("-fL");
        assertEquals(0, run.status(), run.output());
        String[] lines = run.output().split("\n");
        assertEquals("UID        PID  PPID   LWP  C NLWP STIME TTY          TIME CMD", lines[0]);
        List<String> driverRows = new ArrayList<>();
        for (String l : lines) if (l.endsWith(" 00:00:00 /tmp/prog/ps_threads /bin/ps -fL")) driverRows.add(l);
        assertEquals(4, driverRows.size(), run.output());
        String[] first = driverRows.get(0).trim().split(" +");
        assertEquals("root", first[0]);
        assertEquals(first[1], first[3], "the first LWP is the process's leader");
        for (String row : driverRows) {
            String[] f = row.trim().split(" +");
            assertEquals(first[1], f[1], "every row shows the process's pid");
            assertEquals("4", f[5], "NLWP is the thread count");
            assertEquals("console", f[7], "the console is the controlling terminal of the run");
        }
        // The columns line up under procps's headers: each right-aligned number ends where its header ends.
        int pidEnd = lines[0].indexOf("PID") + 3;
        int lwpEnd = lines[0].indexOf("LWP") + 3;
        String row = driverRows.get(1);
        assertTrue(Character.isDigit(row.charAt(pidEnd - 1)) && row.charAt(pidEnd) == ' ', row);
        assertTrue(Character.isDigit(row.charAt(lwpEnd - 1)) && row.charAt(lwpEnd) == ' ', row);
    }

    @lab.PartOfLab("clone")
    @Test
    void customFormatShowsThreadCountAndName() throws Exception {
        Programs.Run run = psWithThreads("-o", "pid,nlwp,comm");
        assertEquals(0, run.status(), run.output());
        String[] lines = run.output().split("\n");
        assertEquals("  PID NLWP COMMAND", lines[0]);
        boolean sawDriver = false, sawPs = false;
        for (String l : lines) {
            if (l.matches(" +\\d+ +4 ps_threads")) sawDriver = true;
            if (l.matches(" +\\d+ +1 ps")) sawPs = true;
        }
        assertTrue(sawDriver && sawPs, run.output());
    }

    @Test
    void everyProcessWithFullFormatShowsInitAndBracketsNothingWithArgs() throws Exception {
        Programs.Run run = Programs.run("ps", "-ef");
        assertEquals(0, run.status(), run.output());
        String[] lines = run.output().split("\n");
        assertEquals("UID        PID  PPID  C STIME TTY          TIME CMD", lines[0]);
        assertTrue(lines[1].matches("root +1 +0 +0 00:00 console +00:00:00 init /bin/ps ps -ef"), lines[1]);
        assertTrue(lines[lines.length - 1].matches("root +\\d+ +1 +0 00:00 console +00:00:00 ps -ef"), run.output());
    }

    @lab.PartOfLab("clone")
    @Test
    void bsdSyntaxAuxShowsEveryProcessInTheUserFormat() throws Exception {
        Programs.Run run = psWithThreads("aux");
        assertEquals(0, run.status(), run.output());
        String[] lines = run.output().split("\n");
        assertEquals("USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND", lines[0]);
        assertTrue(lines[1].matches("root +1 +\\d+\\.\\d +\\d+\\.\\d +\\d+ +\\d+ console +Ss\\+ +00:00 +0:00 init .*"), lines[1]);
        assertTrue(lines[2].matches("root +2 +\\d+\\.\\d +\\d+\\.\\d +\\d+ +\\d+ console +[RS]l\\+ +00:00 +0:00 /tmp/prog/ps_threads /bin/ps aux"), lines[2]);
        assertEquals(4, lines.length, "init, the driver (one row: no threads without -L) and ps");
    }

    @Test
    void unknownFormatKeywordIsOneClearLine() throws Exception {
        Programs.Run run = Programs.run("ps", "-o", "pid,foo");
        assertEquals(1, run.status());
        assertEquals("error: unknown user-defined format specifier \"foo\"\n", run.output());
    }

    @lab.PartOfLab("clone")
    @Test
    void threadsOfOneProcessWithPidSelection() throws Exception {
        Programs.Run run = psWithThreads("-T", "-o", "pid,spid,nlwp,stat,psr,pri,ni,cls,rtprio");
        assertEquals(0, run.status(), run.output());
        String[] lines = run.output().split("\n");
        assertEquals("  PID  SPID NLWP STAT PSR PRI  NI CLS RTPRIO", lines[0]);
        int rows4 = 0;
        for (String l : lines) if (l.matches(" +\\d+ +\\d+ +4 [RS]l\\+ +\\d +19 +0 TS +-")) rows4++;
        assertEquals(4, rows4, run.output());
    }
}
