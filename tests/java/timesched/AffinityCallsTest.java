package timesched;

import boot.CGuest;
import static org.junit.jupiter.api.Assertions.assertEquals;

import boot.Options;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sched_setaffinity, sched_getaffinity and getcpu as raw calls, with Linux's errno rules. */
class AffinityCallsTest {
    @TempDir Path tmp;

    private static final String PRELUDE = """
            #include <errno.h>
            #include <stdio.h>
            #include <sys/syscall.h>
            #include <unistd.h>
            static long R(long v) { return v == -1 ? -errno : v; }
            """;

    @Test
    void maskRulesFollowLinuxOnAFourCpuMachine() throws Exception {
        String out = CGuest.run(tmp, Options.defaults().withCpus(4), "affinity", PRELUDE + """
                int main(void) {
                    unsigned long m[2] = {0, 0};
                    long a = R(syscall(SYS_sched_getaffinity, 0, 16, m));
                    printf("%ld %lx\\n", a, m[0]);                                   /* 8 bytes, 4 CPUs */
                    long b = R(syscall(SYS_sched_getaffinity, 0, 4, m));
                    long c = R(syscall(SYS_sched_getaffinity, 0, 12, m));
                    long d = R(syscall(SYS_sched_getaffinity, 0x7fffffff, 8, m));
                    long e = R(syscall(SYS_sched_getaffinity, 0x7fffffff, 4, m));
                    long f = R(syscall(SYS_sched_getaffinity, 0, 8, (void *)8));
                    printf("%ld %ld %ld %ld %ld\\n", b, c, d, e, f);
                    m[0] = 0;
                    long g = R(syscall(SYS_sched_setaffinity, 0, 8, m));            /* empty */
                    m[0] = 0xf0;
                    long h = R(syscall(SYS_sched_setaffinity, 0, 8, m));            /* no such CPU */
                    long i = R(syscall(SYS_sched_setaffinity, 0x7fffffff, 8, m));
                    long j = R(syscall(SYS_sched_setaffinity, 0x7fffffff, 8, (void *)8)); /* EFAULT first */
                    printf("%ld %ld %ld %ld\\n", g, h, i, j);
                    m[0] = 0x4;
                    long k = R(syscall(SYS_sched_setaffinity, 0, 8, m));
                    unsigned int cpu = 9, node = 9;
                    long l = R(syscall(SYS_getcpu, &cpu, &node, 0));
                    m[0] = 0;
                    syscall(SYS_sched_getaffinity, 0, 8, m);
                    printf("%ld %ld %u %u %lx\\n", k, l, cpu, node, m[0]);
                    return 0;
                }
                """);
        assertEquals("8 f\n-22 -22 -3 -22 -14\n-22 -22 -3 -14\n0 0 2 0 4\n", out);
    }
}
