package timesched;

import boot.CGuest;
import static org.junit.jupiter.api.Assertions.assertEquals;

import boot.Options;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clocks and sleeps on Clonix's virtual time (one cycle, one nanosecond), with the
 * errno rules of Linux's kernel/time/posix-timers.c. R() turns -1/errno back into -errno.
 */
class ClockCallsTest {
    @TempDir Path tmp;

    private static final String PRELUDE = """
            #include <errno.h>
            #include <stdio.h>
            #include <sys/syscall.h>
            #include <unistd.h>
            struct ts { long s, ns; };
            static long R(long v) { return v == -1 ? -errno : v; }
            static long now(int clock) { struct ts t; syscall(SYS_clock_gettime, clock, &t); return t.s * 1000000000L + t.ns; }
            static long sleepon(int clock, int flags, long s, long ns) { struct ts t = {s, ns}; return R(syscall(SYS_clock_nanosleep, clock, flags, &t, 0)); }
            """;

    private String run(String body) throws Exception {
        return CGuest.run(tmp, Options.defaults(), "clocks", PRELUDE + "int main(void) {\n" + body + "\nreturn 0; }\n");
    }

    @Test
    void everyClockHasOneNanosecondResolutionAndUnknownClocksAreEinval() throws Exception {
        String out = run("""
                for (int c = 0; c <= 7; c++) {
                    struct ts r = {7, 7};
                    printf("%ld %ld %ld\\n", R(syscall(SYS_clock_getres, c, &r)), r.s, r.ns);
                }
                struct ts t;
                printf("%ld %ld %ld\\n", R(syscall(SYS_clock_getres, 8, &t)), R(syscall(SYS_clock_getres, -1, &t)),
                       R(syscall(SYS_clock_getres, 1, (void *)0)));
                printf("%ld %ld %ld\\n", R(syscall(SYS_clock_gettime, 8, &t)), R(syscall(SYS_clock_gettime, -6, &t)),
                       R(syscall(SYS_clock_gettime, 1, (void *)8)));
                """);
        assertEquals("0 0 1\n".repeat(8) + "-22 -22 0\n-22 -22 -14\n", out);
    }

    @Test
    void realtimeStartsAtTheFixedBootEpochAndAgreesWithTimeAndGettimeofday() throws Exception {
        String out = run("""
                long rt = now(0), mono = now(1);
                printf("%d\\n", rt / 1000000000L - 1704067200L < 10);
                printf("%d\\n", rt - 1704067200L * 1000000000L <= mono && mono - (rt - 1704067200L * 1000000000L) < 1000000);
                long t1 = R(syscall(SYS_time, 0)), t2 = 0;
                syscall(SYS_time, &t2);
                printf("%d %d\\n", t1 == 1704067200L + mono / 1000000000L || t1 == 1704067201L, t1 == t2);
                struct ts tv = {0, -1}; int tz[2] = {7, 7};
                printf("%ld %d %d %d %d\\n", R(syscall(SYS_gettimeofday, &tv, tz)), tv.s == t1, tv.ns >= 0 && tv.ns < 1000000,
                       tz[0], tz[1]);
                printf("%ld %ld\\n", R(syscall(SYS_gettimeofday, (void *)8, 0)), R(syscall(SYS_time, (void *)8)));
                """);
        assertEquals("1\n1\n1 1\n0 1 1 0 0\n-14 -14\n", out);
    }

    @Test
    void sleepsLastAtLeastTheirRequestAndMonotonicNeverGoesBack() throws Exception {
        String out = run("""
                long a = now(1);
                struct ts req = {0, 10000000};
                printf("%ld\\n", R(syscall(SYS_nanosleep, &req, 0)));
                long b = now(1);
                printf("%d %d\\n", b >= a, b - a >= 10000000);
                printf("%ld\\n", sleepon(1, 0, 0, 5000000));
                long c = now(1);
                printf("%d\\n", c - b >= 5000000);
                printf("%ld\\n", sleepon(1, 1, 0, c + 3000000));      /* TIMER_ABSTIME */
                long d = now(1);
                printf("%d\\n", d >= c + 3000000);
                long rt = now(0);
                printf("%ld\\n", sleepon(0, 1, (rt + 2000000) / 1000000000L, (rt + 2000000) % 1000000000L));
                printf("%d\\n", now(0) >= rt + 2000000);
                printf("%ld %ld\\n", sleepon(1, 1, 0, 5), sleepon(7, 0, 0, 0));   /* past deadline, zero */
                """);
        assertEquals("0\n1 1\n0\n1\n0\n1\n0\n1\n0 0\n", out);
    }

    @Test
    void badSleepRequestsGetLinuxsErrors() throws Exception {
        String out = run("""
                struct ts bad = {0, 1000000000}, neg = {-1, 0};
                printf("%ld %ld %ld\\n", R(syscall(SYS_nanosleep, &bad, 0)), R(syscall(SYS_nanosleep, &neg, 0)),
                       R(syscall(SYS_nanosleep, (void *)8, 0)));
                printf("%ld %ld\\n", sleepon(1, 0, 0, -1), sleepon(1, 0, 0, 1000000000));
                printf("%ld %ld %ld %ld\\n", sleepon(3, 0, 0, 1), sleepon(8, 0, 0, 1), sleepon(-1, 0, 0, 1),
                       sleepon(4, 0, 0, 1));
                printf("%ld %ld\\n", sleepon(5, 0, 0, 1), sleepon(6, 0, 0, 1));
                """);
        assertEquals("-22 -22 -14\n-22 -22\n-95 -22 -22 -95\n-95 -95\n", out);
    }

    @Test
    void cpuClocksCountTheCyclesTheThreadRan() throws Exception {
        String out = run("""
                long t0 = now(3), p0 = now(2);
                volatile long n = 0;
                for (long i = 0; i < 100000; i++) n += i;
                long t1 = now(3), p1 = now(2);
                printf("%d %d %d\\n", t1 - t0 > 100000, p1 >= t1, p1 - p0 >= t1 - t0);
                struct ts req = {0, 50000000};
                syscall(SYS_nanosleep, &req, 0);
                printf("%d\\n", now(3) - t1 < 50000000);    /* sleeping is not running */
                """);
        assertEquals("1 1 1\n1\n", out);
    }
}
