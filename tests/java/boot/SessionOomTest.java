package boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import image.BootImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import task.OomKiller;
import task.Signals;
import task.Task;

/**
 * The OOM killer in a shell session: the shell's task (pid 2) is kept out of its choice with
 * oom_score_adj -1000, as a system daemon is on Linux, while the jobs it starts get 0; a job
 * that takes most of the memory is the one killed when another needs more, and the session
 * goes on.
 */
class SessionOomTest {
    @TempDir Path tmp;

    @Test
    void theShellsTaskIsNeverChosenAndItsJobsAre() throws Exception {
        var hog = CGuest.compile(tmp, "hog", """
                #include <stdio.h>
                #include <stdlib.h>
                #include <sys/mman.h>
                #include <unistd.h>

                int main(int argc, char **argv) {
                    long bytes = atol(argv[1]) << 20;
                    char *p = mmap(0, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
                    for (long i = 0; i < bytes; i += 4096) p[i] = 1;
                    printf("%s: took %s MiB\\n", argv[0], argv[1]);
                    fflush(stdout);
                    if (argc > 2) for (;;) pause();
                    return 0;
                }
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Session s = Session.boot(Options.defaults().withMemory(64L << 20), out, BootImage.load().guestFiles());
        s.kernel().install("/bin/hog", hog);
        Task sh = s.shell();
        assertEquals(OomKiller.OOM_SCORE_ADJ_MIN, sh.signal().oomScoreAdj());
        assertEquals(0, OomKiller.score(s.kernel().tasks(), sh), "/proc/2/oom_score");

        int big = (int) s.spawn("/bin/hog", List.of("big", "40", "sleep"), List.of(), 0, Map.of());
        assertEquals(0, s.kernel().tasks().pids().find(big).signal().oomScoreAdj(), "a job starts at 0");
        s.runUntil(() -> out.toString(StandardCharsets.UTF_8).contains("big: took 40 MiB"));
        int small = (int) s.spawn("/bin/hog", List.of("small", "30"), List.of(), 0, Map.of());
        s.runUntil(() -> s.hasExited(small) && s.hasExited(big));
        assertEquals(0, s.reap(small).waitStatus(), "the job that asked last finished");
        assertEquals(Signals.killedStatus(Signals.SIGKILL), s.reap(big).waitStatus(), "the biggest was killed");
        String console = out.toString(StandardCharsets.UTF_8);
        assertTrue(console.matches("(?s)big: took 40 MiB\nOut of memory: Killed process " + big
                + " \\(hog\\) total-vm:\\d+kB, anon-rss:\\d+kB, .*oom_score_adj:0\nsmall: took 30 MiB\n"), console);
        assertTrue(sh.state().isAlive(), "the session goes on");
    }
}
