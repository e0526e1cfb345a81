package utils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.Options;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The /proc figures ps and top depend on: /proc/meminfo in Linux's layout, and the
 * priority fields of /proc/PID/stat for a real-time task (task_prio, rt_priority) as ps
 * shows them.
 */
class ProcForToolsTest {
    @TempDir Path tmp;

    @Test
    void meminfoHasLinuxLayoutAndTheMachinesMemory() throws Exception {
        Programs.Run run = Programs.run(Options.defaults().withMemory(32L << 20), Map.of(), new byte[0],
                List.of("head", "-n", "3", "/proc/meminfo"));
        String[] lines = run.output().split("\n");
        assertEquals("MemTotal:          32768 kB", lines[0]);
        for (String line : lines) assertTrue(line.matches("[A-Za-z]+: {2,}\\d+ kB") && line.length() == 27, line);
        assertTrue(lines[1].startsWith("MemFree:  ") && lines[2].startsWith("MemAvailable:"), run.output());
    }

    @Test
    void realTimeTaskShowsPolicyPriorityAndNoNice() throws Exception {
        byte[] prog = Programs.compile(tmp, "fifo", """
                #include <sched.h>
                #include <stdio.h>
                #include <unistd.h>

                int main(void) {
                    struct sched_param p = {10};
                    if (sched_setscheduler(0, SCHED_FIFO, &p) < 0) perror("sched_setscheduler");
                    char *argv[] = {"ps", "-o", "cls,rtprio,pri,ni,comm", "-p", "1,2", NULL};
                    execv("/bin/ps", argv);
                    perror("execv");
                    return 1;
                }
                """);
        Programs.Run run = Programs.run(Options.defaults(), Map.of("/tmp/prog/fifo", prog), new byte[0],
                List.of("/tmp/prog/fifo"));
        assertEquals("""
                CLS RTPRIO PRI  NI COMMAND
                TS       -  19   0 init
                FF      10  50   - ps
                """, run.output());
    }
}
