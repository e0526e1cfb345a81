package timesched;

import static org.junit.jupiter.api.Assertions.assertEquals;

import boot.CGuest;
import boot.Options;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * setpriority's RLIMIT_NICE rule, which tests/linux/nice_priority.c cannot show: raising the
 * limit needs CAP_SYS_RESOURCE, which the development machine's sandbox withholds even from
 * root. On Linux (kernel/sys.c, can_nice) an unprivileged task may lower its nice value to
 * 20 - RLIMIT_NICE and no further (EACCES), and raising it is always allowed.
 */
class PriorityCallsTest {
    @TempDir Path tmp;

    @Test
    void rlimitNiceBoundsHowFarAnUnprivilegedTaskMayLowerItsNiceValue() throws Exception {
        String out = CGuest.run(tmp, Options.defaults(), "rlimit_nice", """
                #define _GNU_SOURCE
                #include <errno.h>
                #include <stdio.h>
                #include <sys/resource.h>
                #include <unistd.h>
                static int S(int prio) { errno = 0; int r = setpriority(PRIO_PROCESS, 0, prio); return r < 0 ? -errno : r; }
                int main(void) {
                    struct rlimit lim = {25, 25};   /* nice may go down to 20 - 25 = -5 */
                    int a = setrlimit(RLIMIT_NICE, &lim);
                    setresuid(54321, 54321, 54321);
                    int b = S(3), c = S(-5), d = S(-6), e = getpriority(PRIO_PROCESS, 0);
                    printf("%d %d %d %d %d\\n", a, b, c, d, e);
                    return 0;
                }
                """);
        assertEquals("0 0 0 -13 -5\n", out);
    }
}
