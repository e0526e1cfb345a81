package task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.CGuest;
import boot.Options;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab.PartOfLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A program that forks sleeping children until fork fails sees fork fail with EAGAIN, at
 * threads-max (one task per 16 pages: 1,024 tasks with 64 MiB, 10,240 with the default
 * 640 MiB), and is not OOM-killed; it then kills and reaps them all and every frame comes
 * back (CGuest checks it). A machine too small for its threads-max of processes (16 MiB,
 * a fifth of it taken by the boot image's files) runs out of memory first: fork fails
 * with ENOMEM instead, and the program still survives to reap every child.
 */
class ForkLoopTest {
    @TempDir Path tmp;

    private static final String PROGRAM = """
            #include <errno.h>
            #include <signal.h>
            #include <stdio.h>
            #include <stdlib.h>
            #include <string.h>
            #include <sys/wait.h>
            #include <unistd.h>

            int main(void) {
                static pid_t children[20000];
                int n = 0;
                for (;;) {
                    pid_t pid = fork();
                    if (pid == 0) {
                        for (;;) pause();
                    }
                    if (pid < 0) {
                        printf("fork failed after %d children: %s\\n", n, strerror(errno));
                        break;
                    }
                    children[n++] = pid;
                }
                for (int i = 0; i < n; i++) kill(children[i], SIGKILL);
                int reaped = 0, status;
                while (wait(&status) > 0) reaped++;
                printf("reaped %d\\n", reaped);
                return 0;
            }
            """;

    @ParameterizedTest
    @ValueSource(ints = {64, 640})
    @PartOfLab("cow")
    void forkFailsWithEagainAtThreadsMaxAndEverythingComesBack(int mib) throws Exception {
        String out = CGuest.run(tmp, Options.defaults().withMemory((long) mib << 20), "forkloop", PROGRAM);
        int threadsMax = Tasks.maxThreadsFor(((long) mib << 20) / vm.PhysicalMemory.FRAME_SIZE);
        int children = threadsMax - 2; // init and the program are tasks too
        assertEquals("fork failed after " + children + " children: Resource temporarily unavailable\nreaped " + children + "\n", out);
    }

    @Test
    void onATinyMachineForkFailsWithEnomemAndTheParentSurvives() throws Exception {
        String out = CGuest.run(tmp, Options.defaults().withMemory(16L << 20), "forkloop", PROGRAM);
        // The OOM killer may take children (how many depends on the last pages left).
        Matcher m = Pattern.compile("((?:Out of memory: Killed process \\d+ \\(forkloop\\)[^\n]*\n)*)"
                + "fork failed after (\\d+) children: Cannot allocate memory\nreaped (\\d+)\n").matcher(out);
        assertTrue(m.matches(), out);
        assertEquals(m.group(2), m.group(3), "every child is reaped");
        assertFalse(m.group(1).contains("Killed process 2 "), "the OOM killer never took the forking parent (pid 2)");
    }
}
