package utils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.Options;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * /bin/top prints procps-ng top's summary and task table. The guest's clock starts at the
 * epoch and the run is deterministic, so the header lines are known exactly; the layout of
 * each line is the one top prints on Linux (the column header is copied from it).
 */
class TopTest {
    private static final String TABLE_HEADER =
            "  PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND";

    @Test
    void batchModePrintsTheSummaryAndTheTaskTable() throws Exception {
        Programs.Run run = Programs.run("top", "-b", "-n", "1");
        assertEquals(0, run.status(), run.output());
        String[] lines = run.output().split("\n", -1);
        assertTrue(lines[0].matches("top - 00:00:00 up 0 min,  0 user,  load average: \\d+\\.\\d\\d, \\d+\\.\\d\\d, \\d+\\.\\d\\d"), lines[0]);
        assertEquals("Tasks:   2 total,   1 running,   1 sleeping,   0 stopped,   0 zombie", lines[1]);
        assertTrue(lines[2].matches("%Cpu\\(s\\):( [ \\d]\\d\\.\\d (us|sy|ni),){3}[ \\d]{2}\\d\\.\\d id,( [ \\d]\\d\\.\\d (wa|hi|si),){3} [ \\d]\\d\\.\\d st "), lines[2]);
        assertEquals("MiB Mem :    640.0 total,", lines[3].substring(0, 25));
        assertTrue(lines[3].endsWith(" buff/cache     "), lines[3]);
        assertEquals("MiB Swap:      0.0 total,      0.0 free,      0.0 used.", lines[4].substring(0, 55));
        assertEquals("", lines[5]);
        assertEquals(TABLE_HEADER, lines[6]);
        assertTrue(lines[7].matches("    1 root      20   0 +\\d+ +\\d+      0 S   0\\.0 +\\d+\\.\\d   0:00\\.00 init"), lines[7]);
        assertTrue(lines[8].matches("    2 root      20   0 +\\d+ +\\d+      0 R +\\d+\\.\\d +\\d+\\.\\d   0:00\\.\\d\\d top"), lines[8]);
        assertEquals(9, lines.length - 1, "two tasks, no blank line after the only frame");
    }

    @Test
    void threadModeCountsThreadsAndPerCpuModeShowsEachCpu() throws Exception {
        Programs.Run run = Programs.run(Options.defaults().withCpus(2), Map.of(), new byte[0],
                List.of("top", "-b", "-n", "1", "-H", "-1"));
        assertEquals(0, run.status(), run.output());
        String[] lines = run.output().split("\n");
        assertTrue(lines[1].startsWith("Threads:   2 total,"), lines[1]);
        assertTrue(lines[2].startsWith("%Cpu0  :"), lines[2]);
        assertTrue(lines[3].startsWith("%Cpu1  :"), lines[3]);
        assertTrue(lines[4].startsWith("MiB Mem :"), lines[4]);
    }

    @Test
    void liveViewKeysToggleThreadsAndCpuLines() throws Exception {
        Programs.Run run = Programs.run(Options.defaults().withCpus(2), Map.of(), new byte[0], List.of("top"));
        Programs.Run keys = Programs.run(Options.defaults().withCpus(2), Map.of(),
                "H1q".getBytes(StandardCharsets.US_ASCII), List.of("top"));
        assertTrue(run.output().contains("\nTasks:"), run.output());
        String[] frames = keys.output().split("\033\\[H\033\\[2J");
        assertEquals(4, frames.length, "nothing, then a frame before each key: " + keys.output());
        assertTrue(frames[1].contains("\nTasks:") && frames[1].contains("\n%Cpu(s):"), frames[1]);
        assertTrue(frames[2].contains("\nThreads:") && frames[2].contains("\n%Cpu(s):"), frames[2]);
        assertTrue(frames[3].contains("\nThreads:") && frames[3].contains("\n%Cpu0  :") && frames[3].contains("\n%Cpu1  :"), frames[3]);
    }

    @Test
    void liveViewClearsTheScreenAndQuitsOnQ() throws Exception {
        Programs.Run run = Programs.run(Options.defaults(), Map.of(), "q".getBytes(StandardCharsets.US_ASCII),
                List.of("top"));
        assertEquals(0, run.status(), run.output());
        assertTrue(run.output().startsWith("\033[H\033[2Jtop - 00:00:00 up 0 min,"), run.output());
        assertEquals(1, run.output().split("\033\\[H").length - 1, "one frame, then q");
    }
}
