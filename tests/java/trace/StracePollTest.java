package trace;

import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.CGuest;
import boot.Kernel;
import boot.Options;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * strace names the calls that wait for descriptors and make event descriptors, and shows
 * their arguments as strace does: poll's pollfd array, epoll_ctl's operation and event, the
 * flags of epoll_create1, eventfd2, timerfd_create and signalfd4, a signal set.
 */
class StracePollTest {
    @TempDir Path tmp;

    private static final String PROGRAM = """
            #include <poll.h>
            #include <signal.h>
            #include <sys/epoll.h>
            #include <sys/eventfd.h>
            #include <sys/select.h>
            #include <sys/signalfd.h>
            #include <sys/timerfd.h>
            #include <unistd.h>
            int main(void)
            {
                int p[2];
                pipe(p);
                struct pollfd fds[2] = {{p[0], POLLIN | POLLPRI, 0}, {p[1], POLLOUT, 0}};
                poll(fds, 2, 0);
                int ep = epoll_create1(EPOLL_CLOEXEC);
                struct epoll_event ev = {EPOLLIN | EPOLLET, {.u64 = 7}};
                epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev);
                epoll_wait(ep, &ev, 1, 0);
                eventfd(3, EFD_NONBLOCK | EFD_SEMAPHORE);
                timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
                sigset_t set;
                sigemptyset(&set);
                sigaddset(&set, SIGUSR1);
                sigaddset(&set, SIGCHLD);
                signalfd(-1, &set, 0);
                struct timeval none = {0, 0};
                select(0, 0, 0, 0, &none);
                return 0;
            }
            """;

    @Test
    void pollAndEventCallsShowTheirArgumentsDecoded() throws Exception {
        Kernel k = Kernel.boot(Options.defaults(), new ByteArrayOutputStream(), new ByteArrayInputStream(new byte[0]));
        k.install("/tmp/waits", CGuest.compile(tmp, "waits", PROGRAM));
        k.scheduler().tracer().enable(100_000);
        k.run("/tmp/waits", List.of("waits"));
        String out = Strace.render(k.scheduler().tracer().events());
        String[][] expected = { // each call, and its result
            {"poll([{fd=3, events=POLLIN|POLLPRI}, {fd=4, events=POLLOUT}], 2, 0)", "1"},
            {"epoll_create1(EPOLL_CLOEXEC)", "5"},
            {"epoll_ctl(5, EPOLL_CTL_ADD, 3, {events=EPOLLIN|EPOLLET, data={u32=7, u64=7}})", "0"},
            {"eventfd2(3, EFD_SEMAPHORE|EFD_NONBLOCK)", "6"},
            {"timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC)", "7"},
            {"signalfd4(-1, [USR1 CHLD], 8, 0)", "8"},
        };
        for (String[] call : expected) {
            String line = Strace.aligned("[pid     2] " + call[0]) + call[1] + "\n";
            assertTrue(out.contains(line), "missing " + line + "in\n" + out);
        }
        assertTrue(out.contains("[pid     2] epoll_wait(5, "), out);
        assertTrue(out.contains("[pid     2] select(0, "), out);
    }
}
