package timesched;

import boot.CGuest;
import static org.junit.jupiter.api.Assertions.assertEquals;

import boot.Options;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sched_setscheduler and its family, each errno rule of Linux's kernel/sched/syscalls.c
 * checked through raw system calls. R() turns libc's -1/errno back into the raw -errno.
 */
class SchedPolicyCallsTest {
    @TempDir Path tmp;

    private static final String PRELUDE = """
            #include <errno.h>
            #include <stdio.h>
            #include <sys/syscall.h>
            #include <unistd.h>
            static long R(long v) { return v == -1 ? -errno : v; }
            static long set(long pid, long policy, int prio) { return R(syscall(SYS_sched_setscheduler, pid, policy, &prio)); }
            static long get(long pid) { return R(syscall(SYS_sched_getscheduler, pid)); }
            static long param(long pid) { int p = -7; long r = R(syscall(SYS_sched_getparam, pid, &p)); return r < 0 ? r : p; }
            """;

    private String run(String body) throws Exception {
        return CGuest.run(tmp, Options.defaults(), "policy", PRELUDE + "int main(void) {\n" + body + "\nreturn 0; }\n");
    }

    @Test
    void priorityRangesAreLinuxs() throws Exception {
        String out = run("""
                int pol[] = {0, 1, 2, 3, 5, 6, 4, 7, -1};
                for (int i = 0; i < 9; i++)
                    printf("%d %ld %ld\\n", pol[i], R(syscall(SYS_sched_get_priority_min, pol[i])),
                           R(syscall(SYS_sched_get_priority_max, pol[i])));
                """);
        assertEquals("0 0 0\n1 1 99\n2 1 99\n3 0 0\n5 0 0\n6 0 0\n4 -22 -22\n7 -22 -22\n-1 -22 -22\n", out);
    }

    @Test
    void setschedulerChecksPidParamThenPolicyAndPriority() throws Exception {
        String out = run("""
                printf("%ld\\n", set(-1, 0, 0));                                        /* negative pid */
                printf("%ld\\n", R(syscall(SYS_sched_setscheduler, 0, 0, (void *)0)));   /* null param */
                printf("%ld\\n", R(syscall(SYS_sched_setscheduler, 0, 0, (void *)8)));   /* unreadable */
                printf("%ld\\n", set(99999, 0, 0));                                     /* no such pid */
                printf("%ld\\n", set(99999, 4, 0));                                     /* ESRCH first */
                printf("%ld\\n", set(0, -1, 0));                                        /* negative policy */
                printf("%ld %ld %ld\\n", set(0, 4, 0), set(0, 6, 0), set(0, 7, 0));      /* unknown, DEADLINE */
                printf("%ld %ld %ld\\n", set(0, 1, 0), set(0, 1, 100), set(0, 2, -1));   /* RT range */
                printf("%ld %ld %ld\\n", set(0, 0, 1), set(0, 3, 1), set(0, 5, -1));     /* fair: 0 only */
                printf("%ld %ld\\n", get(0), param(0));                                 /* unchanged */
                """);
        assertEquals("-22\n-22\n-14\n-3\n-3\n-22\n-22 -22 -22\n-22 -22 -22\n-22 -22 -22\n0 0\n", out);
    }

    @Test
    void policiesAndPrioritiesReadBackAndSetparamKeepsThePolicy() throws Exception {
        String out = run("""
                int p = 70;
                printf("%ld %ld %ld\\n", set(0, 1, 50), get(0), param(0));
                printf("%ld %ld %ld\\n", R(syscall(SYS_sched_setparam, 0, &p)), get(0), param(0));
                p = 0;
                printf("%ld\\n", R(syscall(SYS_sched_setparam, 0, &p)));               /* 0 is not RT */
                printf("%ld %ld %ld\\n", set(0, 2, 99), get(0), param(0));
                printf("%ld %ld %ld\\n", set(0, 3, 0), get(0), param(0));
                printf("%ld %ld %ld\\n", set(0, 5, 0), get(0), param(0));
                printf("%ld %ld\\n", set(0, 0x40000000, 0), get(0));                   /* RESET_ON_FORK */
                printf("%ld %ld\\n", set(getpid(), 1, 1), get(getpid()));
                printf("%ld %ld\\n", get(-1), get(99999));
                printf("%ld %ld %ld\\n", R(syscall(SYS_sched_getparam, 0, (void *)0)), param(-1), param(99999));
                printf("%ld\\n", R(syscall(SYS_sched_getparam, 0, (void *)8)));
                """);
        assertEquals("0 1 50\n0 1 70\n-22\n0 2 99\n0 3 0\n0 5 0\n0 0\n0 1\n-22 -3\n-22 -22 -3\n-14\n", out);
    }

    @Test
    void rrIntervalIsLinuxs100msForRrAndZeroOtherwise() throws Exception {
        String out = run("""
                struct { long s, ns; } ts = {7, 7};
                printf("%ld %ld %ld\\n", R(syscall(SYS_sched_rr_get_interval, 0, &ts)), ts.s, ts.ns);
                set(0, 2, 10);
                printf("%ld %ld %ld\\n", R(syscall(SYS_sched_rr_get_interval, 0, &ts)), ts.s, ts.ns);
                set(0, 1, 10);
                printf("%ld %ld %ld\\n", R(syscall(SYS_sched_rr_get_interval, 0, &ts)), ts.s, ts.ns);
                printf("%ld %ld\\n", R(syscall(SYS_sched_rr_get_interval, -1, &ts)),
                       R(syscall(SYS_sched_rr_get_interval, 99999, &ts)));
                printf("%ld\\n", R(syscall(SYS_sched_rr_get_interval, 0, (void *)8)));
                """);
        assertEquals("0 0 0\n0 0 100000000\n0 0 0\n-22 -3\n-14\n", out);
    }

    @Test
    void aForkedChildInheritsThePolicy() throws Exception {
        String out = run("""
                set(0, 2, 42);
                if (fork() == 0) { printf("child %ld %ld\\n", get(0), param(0)); fflush(stdout); _exit(0); }
                int st;
                wait(&st);
                printf("parent %ld %ld\\n", get(0), param(0));
                """.replace("wait(&st)", "syscall(SYS_wait4, -1, &st, 0, 0)"));
        assertEquals("child 2 42\nparent 2 42\n", out);
    }

    @Test
    void aFifoTaskKeepsItsOnlyCpuUntilItBlocks() throws Exception {
        // One CPU: the forked child is runnable at once, but the FIFO parent is never preempted
        // by the timer, so it finishes its long loop and prints before the child gets to run.
        String out = CGuest.run(tmp, Options.defaults().withCpus(1), "fifo", PRELUDE + """
                int main(void) {
                    set(0, 1, 10);
                    if (fork() == 0) { set(0, 0, 0); printf("child\\n"); fflush(stdout); _exit(0); }
                    volatile long n = 0;
                    for (long i = 0; i < 200000; i++) n += i;
                    printf("parent\\n");
                    int st;
                    syscall(SYS_wait4, -1, &st, 0, 0);
                    return 0;
                }
                """);
        assertEquals("parent\nchild\n", out);
    }
}
