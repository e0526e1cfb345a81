package pthread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.CGuest;
import boot.Options;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import task.Pids;

/**
 * /proc/sys/kernel/pid_max and threads-max: Linux's defaults and bounds, EINVAL for a bad
 * value, and what they govern (pids wrap at pid_max; clone fails with EAGAIN at threads-max).
 */
class TaskLimitsSysctlTest {
    @TempDir Path tmp;

    /** Reads, writes and re-reads the two files from a guest program. */
    private static final String SYSCTL = """
            #include <errno.h>
            #include <fcntl.h>
            #include <stdio.h>
            #include <string.h>
            #include <unistd.h>

            static void show(const char *path)
            {
                char buf[32];
                int fd = open(path, O_RDONLY);
                long n = read(fd, buf, sizeof buf - 1);
                buf[n > 0 ? n : 0] = 0;
                printf("%s = %s", path, buf);
                close(fd);
            }

            static void put(const char *path, const char *text)
            {
                int fd = open(path, O_WRONLY | O_TRUNC);
                long n = write(fd, text, strlen(text));
                printf("write %s: %s\\n", text, n < 0 ? strerror(errno) : "ok");
                close(fd);
            }

            int main(void)
            {
                show("/proc/sys/kernel/pid_max");
                show("/proc/sys/kernel/threads-max");
                put("/proc/sys/kernel/pid_max", "300");
                put("/proc/sys/kernel/pid_max", "4194305");
                put("/proc/sys/kernel/pid_max", "12ab");
                put("/proc/sys/kernel/pid_max", "100000\\n");
                put("/proc/sys/kernel/threads-max", "19");
                put("/proc/sys/kernel/threads-max", " 5000 ");
                show("/proc/sys/kernel/pid_max");
                show("/proc/sys/kernel/threads-max");
                return 0;
            }
            """;

    @Test
    void pidMaxAndThreadsMaxAreReadWriteWithLinuxBounds() throws Exception {
        String out = CGuest.run(tmp, Options.defaults(), "sysctl", SYSCTL);
        assertEquals("""
                /proc/sys/kernel/pid_max = 32768
                /proc/sys/kernel/threads-max = 10240
                write 300: Invalid argument
                write 4194305: Invalid argument
                write 12ab: Invalid argument
                write 100000
                : ok
                write 19: Invalid argument
                write  5000 : ok
                /proc/sys/kernel/pid_max = 100000
                /proc/sys/kernel/threads-max = 5000
                """, out);
    }

    @Test
    void defaultPidMaxFollowsLinuxRuleForTheCpuCount() throws Exception {
        assertEquals(32768, Pids.defaultPidMax(4));
        assertEquals(32768, Pids.defaultPidMax(32));
        assertEquals(65536, Pids.defaultPidMax(64));
        String out = CGuest.run(tmp, Options.defaults().withCpus(64), "pidmax64", """
                #include <stdio.h>
                int main(void)
                {
                    char buf[32];
                    FILE *f = fopen("/proc/sys/kernel/pid_max", "r");
                    fgets(buf, sizeof buf, f);
                    fputs(buf, stdout);
                    fclose(f);
                    return 0;
                }
                """);
        assertEquals("65536\n", out);
        assertEquals("200000\n", CGuest.run(tmp, Options.defaults().withPidMax(200_000), "pidmaxboot", """
                #include <stdio.h>
                int main(void)
                {
                    char buf[32];
                    FILE *f = fopen("/proc/sys/kernel/pid_max", "r");
                    fgets(buf, sizeof buf, f);
                    fputs(buf, stdout);
                    fclose(f);
                    return 0;
                }
                """));
    }

    @Test
    void pidsWrapAtTheRaisedPidMaxAndSkipIdsInUse() {
        Pids pids = new Pids();
        assertFalse(pids.setPidMax(Pids.PID_MAX_LIMIT + 1));
        assertFalse(pids.setPidMax(Pids.RESERVED_PIDS));
        assertTrue(pids.setPidMax(100_000));
        pids.setLastPid(99_998);
        assertEquals(99_999, pids.allocate());
        assertEquals(Pids.RESERVED_PIDS, pids.allocate());
    }
}
