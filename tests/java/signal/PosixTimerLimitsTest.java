package signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import boot.CGuest;
import boot.Options;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a guest cannot do with timers: make more than RLIMIT_SIGPENDING POSIX timers (EAGAIN,
 * as Linux refuses the timer's preallocated sigqueue), flood the kernel with a timer of a
 * nanosecond's period (its expiries become overruns of one pending signal), or keep a timer
 * past execve or its own end. Each run must leave nothing behind (CGuest.run checks: the
 * timers' slab charges come back, their kernel timers hold no task).
 */
class PosixTimerLimitsTest {
    @TempDir Path tmp;

    private String run(String name, String body) throws Exception {
        String source = """
                #include <errno.h>
                #include <signal.h>
                #include <stdio.h>
                #include <stdlib.h>
                #include <string.h>
                #include <time.h>
                #include <unistd.h>
                #include <sys/resource.h>
                #include <sys/time.h>
                static timer_t make(int sig)
                {
                    struct sigevent ev;
                    memset(&ev, 0, sizeof ev);
                    ev.sigev_notify = SIGEV_SIGNAL;
                    ev.sigev_signo = sig;
                    timer_t t;
                    return timer_create(CLOCK_MONOTONIC, &ev, &t) == 0 ? t : (timer_t)-1L;
                }
                int main(int argc, char **argv) {
                """ + body + "\nreturn 0; }\n";
        return CGuest.run(tmp, Options.defaults(), name, source);
    }

    @Test
    void timersBeyondRlimitSigpendingAreEagain() throws Exception {
        String out = run("sigpending", """
                struct rlimit r = {16, 16};
                setrlimit(RLIMIT_SIGPENDING, &r);
                int made = 0;
                while (make(SIGUSR1) != (timer_t)-1L) made++;
                printf("made %d, then errno %d\\n", made, errno);
                printf("after a delete: %d, id %ld\\n", timer_delete((timer_t)3L), (long)make(SIGUSR1));
                """);
        assertEquals("made 16, then errno 11\nafter a delete: 0, id 16\n", out);
    }

    @Test
    void aNanosecondPeriodCountsOverrunsInsteadOfSignals() throws Exception {
        String out = run("flood", """
                sigset_t set;
                sigemptyset(&set);
                sigaddset(&set, SIGUSR1);
                sigprocmask(SIG_BLOCK, &set, NULL);
                timer_t t = make(SIGUSR1);
                struct itimerspec spec = {{0, 1}, {0, 1}};
                timer_settime(t, 0, &spec, NULL);
                struct timespec nap = {0, 20000000};
                nanosleep(&nap, NULL);
                siginfo_t info;
                sigwaitinfo(&set, &info);
                sigset_t pending;
                sigpending(&pending);
                printf("one signal, overruns in the millions %d, none left pending %d\\n",
                       info.si_overrun > 1000000, !sigismember(&pending, SIGUSR1));
                printf("getoverrun agrees %d\\n", timer_getoverrun(t) == info.si_overrun);
                """);
        assertEquals("one signal, overruns in the millions 1, none left pending 1\ngetoverrun agrees 1\n", out);
    }

    @Test
    void execveEndsThePosixTimersButKeepsTheIntervalTimer() throws Exception {
        String out = run("exec", """
                if (argc > 1) {
                    struct itimerspec cur;
                    int r = timer_gettime((timer_t)0L, &cur);
                    printf("after execve: timer_gettime %d errno %d, new id %ld, alarm left %u\\n", r, errno,
                           (long)make(SIGUSR1), alarm(0));
                    return 0;
                }
                make(SIGUSR1);
                alarm(100);
                char *again[] = {argv[0], "again", NULL};
                execv(argv[0], again);
                return 1;
                """);
        assertEquals("after execve: timer_gettime -1 errno 22, new id 1, alarm left 100\n", out);
    }

    @Test
    void aProcessThatEndsWithArmedTimersLeavesNothing() throws Exception {
        String out = run("armed", """
                signal(SIGUSR1, SIG_IGN);
                for (int i = 0; i < 8; i++) {
                    timer_t t = make(SIGUSR1);
                    struct itimerspec spec = {{0, 1000000}, {0, 1000000}};
                    timer_settime(t, 0, &spec, NULL);
                }
                struct itimerval it = {{0, 1000}, {0, 1000}};
                setitimer(ITIMER_REAL, &it, NULL);
                signal(SIGALRM, SIG_IGN);
                struct timespec nap = {0, 5000000};
                nanosleep(&nap, NULL);
                printf("exiting with 8 timers and ITIMER_REAL armed\\n");
                """);
        assertEquals("exiting with 8 timers and ITIMER_REAL armed\n", out);
    }
}
