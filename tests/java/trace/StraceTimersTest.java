package trace;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * strace names the timer and usage calls and decodes what strace decodes: the interval
 * timer, the clock, RUSAGE_*, TIMER_ABSTIME and the new settings.
 */
class StraceTimersTest {
    @TempDir Path tmp;

    private static final String PROGRAM = """
            #include <signal.h>
            #include <string.h>
            #include <sys/resource.h>
            #include <sys/time.h>
            #include <sys/times.h>
            #include <time.h>
            int main(void)
            {
                struct itimerval it = {{0, 200000}, {0, 100000}}, old;
                setitimer(ITIMER_VIRTUAL, &it, 0);
                getitimer(ITIMER_PROF, &old);
                struct rusage ru;
                getrusage(RUSAGE_CHILDREN, &ru);
                struct tms t;
                times(&t);
                struct sigevent ev;
                memset(&ev, 0, sizeof ev);
                ev.sigev_notify = SIGEV_NONE;
                timer_t id;
                timer_create(CLOCK_MONOTONIC, &ev, &id);
                struct itimerspec spec = {{0, 0}, {5, 0}};
                timer_settime(id, TIMER_ABSTIME, &spec, 0);
                timer_gettime(id, &spec);
                timer_getoverrun(id);
                timer_delete(id);
                return 0;
            }
            """;

    @Test
    void timerAndUsageCallsAreNamedAndDecoded() throws Exception {
        String out = TracedRun.strace(tmp, "timers", PROGRAM);
        String[] expected = {
            "setitimer(ITIMER_VIRTUAL, {it_interval={tv_sec=0, tv_usec=200000}, it_value={tv_sec=0, tv_usec=100000}}, NULL)",
            "getitimer(ITIMER_PROF, 0x",
            "getrusage(RUSAGE_CHILDREN, 0x",
            "times(",
            "timer_create(CLOCK_MONOTONIC, 0x",
            "timer_settime(0, TIMER_ABSTIME, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=5, tv_nsec=0}}, NULL)",
            "timer_gettime(",
            "timer_getoverrun(",
            "timer_delete(",
        };
        for (String call : expected) assertTrue(out.contains(call), call + " in\n" + out);
    }
}
