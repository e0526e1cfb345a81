package trace;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * strace names the calls of record locks, flock, owners, times, statx and getrandom, and
 * shows what Linux's strace shows: fcntl's command and flock's operation by name, the paths
 * of the path calls.
 */
class StraceFileLockArgumentsTest {
    @TempDir Path tmp;

    private static final String PROGRAM = """
            #include <fcntl.h>
            #include <sys/file.h>
            #include <sys/random.h>
            #include <sys/stat.h>
            #include <unistd.h>
            int main(void)
            {
                struct flock fl = {F_WRLCK, SEEK_SET, 0, 0, 0};
                struct statx sx;
                char b[8];
                int fd = open("/tmp/locked", O_RDWR | O_CREAT, 0644);
                fcntl(fd, F_SETLK, &fl);
                flock(fd, LOCK_EX | LOCK_NB);
                fsync(fd);
                sync();
                chown("/tmp/locked", 7, 8);
                utimensat(AT_FDCWD, "/tmp/locked", 0, 0);
                statx(AT_FDCWD, "/tmp/locked", 0, STATX_BASIC_STATS, &sx);
                getrandom(b, sizeof b, 0);
                return 0;
            }
            """;

    @Test
    void theNewFileCallsAreNamedAndDecoded() throws Exception {
        String out = TracedRun.strace(tmp, "locks", PROGRAM);
        String[] expected = {
            "fcntl(3, F_SETLK, 0x", "flock(3, LOCK_EX|LOCK_NB)", "chown(\"/tmp/locked\", 7, 8)",
            "utimensat(AT_FDCWD, \"/tmp/locked\", NULL, 0x0)", "statx(AT_FDCWD, \"/tmp/locked\", 0x0, 0x7ff, 0x",
            "getrandom(0x", "fsync(3) ", "sync()",
        };
        for (String call : expected) assertTrue(out.contains("[pid     2] " + call), "missing " + call + " in\n" + out);
    }
}
