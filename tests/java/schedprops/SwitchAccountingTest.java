package schedprops;

import boot.CGuest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.Options;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The voluntary and involuntary context-switch counts of /proc/PID/status: a task that
 * sleeps leaves its CPU voluntarily each time, and CPU-bound tasks sharing one CPU are
 * preempted at the end of their slices.
 */
class SwitchAccountingTest {
    @TempDir Path tmp;

    /** Prints the two switch counters of /proc/self/status as "v n". */
    private static final String PRELUDE = """
            #include <fcntl.h>
            #include <stdio.h>
            #include <stdlib.h>
            #include <string.h>
            #include <sys/wait.h>
            #include <time.h>
            #include <unistd.h>
            static long field(const char *text, const char *name) {
                const char *p = strstr(text, name);
                if (!p) return -1;
                p += strlen(name);
                while (*p == ':' || *p == '\\t') p++;
                return atol(p);
            }
            static void switches(long *v, long *n) {
                static char buf[4096];
                int fd = open("/proc/self/status", O_RDONLY);
                long len = 0, got;
                while ((got = read(fd, buf + len, sizeof buf - 1 - len)) > 0) len += got;
                buf[len] = 0;
                close(fd);
                *v = field(buf, "\\nvoluntary_ctxt_switches");
                *n = field(buf, "nonvoluntary_ctxt_switches");
            }
            """;

    private static long[] numbers(String line) {
        String[] parts = line.trim().split(" ");
        long[] out = new long[parts.length];
        for (int i = 0; i < parts.length; i++) out[i] = Long.parseLong(parts[i]);
        return out;
    }

    @Test
    void aTaskThatSleepsNTimesHasAtLeastNVoluntarySwitches() throws Exception {
        String out = CGuest.run(tmp, Options.defaults().withCpus(1), "sleeper", PRELUDE + """
                int main(void) {
                    struct timespec ts = {0, 1000};
                    for (int i = 0; i < 7; i++) nanosleep(&ts, 0);
                    long v, n;
                    switches(&v, &n);
                    printf("%ld %ld\\n", v, n);
                    return 0;
                }
                """);
        long[] counts = numbers(out);
        assertTrue(counts[0] >= 7, "voluntary switches after 7 sleeps: " + out);
    }

    @Test
    void cpuBoundTasksSharingOneCpuArePreempted() throws Exception {
        String out = CGuest.run(tmp, Options.defaults().withCpus(1), "spinners", PRELUDE + """
                int main(void) {
                    for (int c = 0; c < 3; c++) {
                        if (fork() == 0) {
                            volatile long x = 0;
                            for (long i = 0; i < 300000; i++) x += i;
                            long v, n;
                            switches(&v, &n);
                            printf("%ld\\n", n);
                            return 0;
                        }
                    }
                    for (int c = 0; c < 3; c++) wait(0);
                    return 0;
                }
                """);
        for (String line : out.trim().split("\n")) {
            assertTrue(Long.parseLong(line.trim()) > 0, "involuntary switches per spinner: " + out);
        }
    }

    @Test
    void aYieldWithNobodyWaitingKeepsTheCpuAndCountsNoSwitch() throws Exception {
        String out = CGuest.run(tmp, Options.defaults().withCpus(1), "lonelyyield", PRELUDE + """
                #include <sched.h>
                int main(void) {
                    for (int i = 0; i < 10; i++) sched_yield();
                    long v, n;
                    switches(&v, &n);
                    printf("%ld %ld\\n", v, n);
                    return 0;
                }
                """);
        assertEquals(0, numbers(out)[1], "involuntary switches: " + out);
    }

    @Test
    void yieldingToAWaitingTaskIsAnInvoluntarySwitchAsOnLinux() throws Exception {
        String out = CGuest.run(tmp, Options.defaults().withCpus(1), "pingyield", PRELUDE + """
                #include <sched.h>
                int main(void) {
                    int child = fork() == 0;
                    for (int i = 0; i < 10; i++) sched_yield();
                    long v, n;
                    switches(&v, &n);
                    if (child) { printf("%ld %ld\\n", v, n); return 0; }
                    wait(0);
                    return 0;
                }
                """);
        long[] counts = numbers(out);
        assertTrue(counts[1] >= 9, "a task that yields 10 times to another has >= 9 involuntary switches: " + out);
    }
}
