package clonix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code --max-threads} and {@code --pid-max}: they set /proc/sys/kernel's limits at boot, and bad values are refused. */
class TaskLimitOptionsTest extends CommandLineRun {
    private Path showLimits() throws Exception {
        Path c = dir.resolve("limits.c");
        Files.writeString(c, """
                #include <stdio.h>
                static void show(const char *path)
                {
                    char line[32];
                    FILE *f = fopen(path, "r");
                    fgets(line, sizeof line, f);
                    fclose(f);
                    printf("%s %s", path, line);
                }
                int main(void)
                {
                    show("/proc/sys/kernel/pid_max");
                    show("/proc/sys/kernel/threads-max");
                    return 0;
                }
                """);
        return c;
    }

    @Test
    void theOptionsSetPidMaxAndThreadsMaxAtBoot() throws Exception {
        assertEquals(0, clonix("run", "--pid-max", "131072", "--max-threads", "120000", showLimits().toString()), err.toString());
        assertEquals("/proc/sys/kernel/pid_max 131072\n/proc/sys/kernel/threads-max 120000\n",
                console.toString(StandardCharsets.UTF_8));
    }

    @Test
    void withoutThemTheLimitsAreLinuxDefaults() throws Exception {
        assertEquals(0, clonix("run", showLimits().toString()), err.toString());
        assertEquals("/proc/sys/kernel/pid_max 32768\n/proc/sys/kernel/threads-max 10240\n",
                console.toString(StandardCharsets.UTF_8));
    }

    @Test
    void valuesOutsideLinuxBoundsAreRefused() throws Exception {
        assertTrue(clonix("run", "--pid-max", "4194305", showLimits().toString()) != 0);
        assertTrue(err.toString().contains("--pid-max must be between 301 and 4194304"), err.toString());
        assertTrue(clonix("run", "--max-threads", "19", showLimits().toString()) != 0);
        assertTrue(err.toString().contains("--max-threads must be between 20 and 1073741823"), err.toString());
    }
}
