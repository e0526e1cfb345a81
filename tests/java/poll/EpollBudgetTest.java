package poll;

import static org.junit.jupiter.api.Assertions.assertEquals;

import boot.CGuest;
import boot.GuestRun;
import boot.Kernel;
import boot.Options;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * epoll watches are a budget a guest could otherwise multiply: past max_user_watches
 * (Linux's rule, 4% of memory) epoll_ctl fails with ENOSPC, the machine goes on, closing
 * descriptors gives the watches back, and nothing is left afterwards.
 */
class EpollBudgetTest {
    @TempDir Path tmp;

    private static final String PROGRAM = """
            #include <errno.h>
            #include <stdio.h>
            #include <string.h>
            #include <sys/epoll.h>
            #include <sys/eventfd.h>
            #include <unistd.h>
            int main(void)
            {
                int ev = eventfd(0, 0);
                int fds[900], eps[8], n = 0, watches = 0, err = 0;
                for (int i = 0; i < 900; i++) fds[i] = dup(ev);
                for (int e = 0; e < 8 && !err; e++) {
                    eps[n++] = epoll_create1(0);
                    for (int i = 0; i < 900; i++) {
                        struct epoll_event event = {EPOLLIN, {.u64 = i}};
                        if (epoll_ctl(eps[e], EPOLL_CTL_ADD, fds[i], &event) < 0) {
                            err = errno;
                            break;
                        }
                        watches++;
                    }
                }
                printf("%d watches, then %s\\n", watches, strerror(err));
                close(eps[0]);
                struct epoll_event event = {EPOLLIN, {.u64 = 1}};
                printf("after closing one instance: %d\\n", epoll_ctl(eps[n - 1], EPOLL_CTL_ADD, ev, &event));
                eventfd_write(ev, 1);
                struct epoll_event got[4];
                printf("ready: %d\\n", epoll_wait(eps[1], got, 4, 0));
                return 0;
            }
            """;

    @Test
    void watchesPastMaxUserWatchesAreRefusedWithEnospc() throws Exception {
        Options options = Options.defaults().withMemory(16L << 20);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Kernel k = Kernel.boot(options, console, new ByteArrayInputStream(new byte[0]));
        k.install("/tmp/watches", CGuest.compile(tmp, "watches", PROGRAM));
        long max = k.vfs().memory().maxUserWatches();
        int status = k.run("/tmp/watches", List.of("watches"));
        String out = console.toString(StandardCharsets.UTF_8);
        assertEquals(max + " watches, then No space left on device\nafter closing one instance: 0\nready: 4\n", out);
        assertEquals(0, status, out);
        assertEquals(0, k.vfs().memory().epollWatches(), "every watch went with its descriptors");
        GuestRun.checkNothingLeaked(k);
    }
}
