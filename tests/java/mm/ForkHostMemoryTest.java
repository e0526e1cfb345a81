package mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bench.BenchPrograms;
import boot.CGuest;
import boot.GuestRun;
import boot.Options;
import java.nio.file.Path;
import obj.Executable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process that forks and exits in a loop runs in bounded host memory: once its memory is
 * touched, a round of fork + exit + wait makes no new host arrays (page tables come back
 * from the machine's quicklist, frame data arrays from the frames the last round freed), so
 * the count of arrays made ({@code PhysicalMemory.hostArraysCreated}) is the same after 40
 * rounds as after 400. Before the quicklist every round made the child's page-table
 * directories anew, and the count grew with the rounds.
 */
class ForkHostMemoryTest {
    @TempDir Path tmp;

    /**
     * Each round the child writes to a page of the parent's data (a copy of the shared leaf
     * and of the page), then exits; the parent writes to another page while it may still
     * share it (a copy of the leaf or of the page, whichever the schedule gives), and waits.
     */
    private static final String PROGRAM = """
            #include <stdio.h>
            #include <stdlib.h>
            #include <sys/wait.h>
            #include <unistd.h>

            static char data[64 * 4096];

            int main(int argc, char **argv) {
                int rounds = atoi(argv[1]);
                for (int i = 0; i < sizeof data; i += 4096) data[i] = 1;
                for (int r = 0; r < rounds; r++) {
                    pid_t pid = fork();
                    if (pid < 0) return 1;
                    if (pid == 0) {
                        data[4096 * (r % 32)]++;
                        _exit(0);
                    }
                    data[4096 * (32 + r % 32)]++;
                    int status;
                    if (waitpid(pid, &status, 0) != pid || status != 0) return 2;
                }
                printf("%d rounds\\n", rounds);
                return 0;
            }
            """;

    private static long arraysAfter(Executable exe, String name, String... args) throws Exception {
        GuestRun.Result r = GuestRun.runExecutable(Options.defaults().withMemory(64L << 20), exe, name, args);
        assertEquals(0, r.status(), r.output());
        return r.kernel().physicalMemory().hostArraysCreated();
    }

    @Test
    void forkAndExitInALoopMakeNoNewHostArrays() throws Exception {
        Executable exe = CGuest.compile(tmp, "forkwrite", PROGRAM);
        long few = arraysAfter(exe, "forkwrite", "40");
        long many = arraysAfter(exe, "forkwrite", "400");
        assertTrue(few > 0, "booting and touching memory makes arrays");
        assertEquals(few, many, "360 more rounds of fork, copy-on-write and exit made no array");
    }

    @Test
    void theForkBenchmarkMakesNoNewHostArraysPerRound() throws Exception {
        Executable exe = BenchPrograms.build(BenchPrograms.FORK_TOUCH);
        assertEquals(arraysAfter(exe, "fork_touch", "1", "40"), arraysAfter(exe, "fork_touch", "1", "400"));
    }
}
