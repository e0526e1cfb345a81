package task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import boot.CGuest;
import boot.Options;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A program that forks sleeping children until fork fails sees fork fail with EAGAIN, at
 * threads-max (one task per 8 pages: 512 tasks with 16 MiB, 2,048 with 64 MiB, 16,384 with
 * the default 512 MiB), and is not OOM-killed; it then kills and reaps them all and every
 * frame comes back (CGuest checks it).
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
    @ValueSource(ints = {16, 64, 512})
    void forkFailsWithEagainAtThreadsMaxAndEverythingComesBack(int mib) throws Exception {
        String out = CGuest.run(tmp, Options.defaults().withMemory((long) mib << 20), "forkloop", PROGRAM);
        int threadsMax = Tasks.maxThreadsFor(((long) mib << 20) / vm.PhysicalMemory.FRAME_SIZE);
        int children = threadsMax - 2; // init and the program are tasks too
        assertEquals("fork failed after " + children + " children: Resource temporarily unavailable\nreaped " + children + "\n", out);
    }
}
