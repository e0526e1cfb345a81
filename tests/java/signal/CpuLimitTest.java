package signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import boot.CGuest;
import boot.Options;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * RLIMIT_CPU over seconds of virtual CPU time: SIGXCPU at the soft limit and again each
 * second after it, SIGKILL at the hard limit. Two seconds of CPU time are two billion
 * interpreted instructions (about 10 s of host time), so this runs only with
 * {@code -Dclonix.long=true}; tests/linux/cpu_limit.c checks the limits of 0 seconds in the
 * default suite, against Linux.
 */
class CpuLimitTest {
    @TempDir Path tmp;

    @Test
    @EnabledIfSystemProperty(named = "clonix.long", matches = "true")
    void sigxcpuEverySecondFromTheSoftLimitThenSigkillAtTheHardLimit() throws Exception {
        String out = CGuest.run(tmp, Options.defaults(), "cpulimit", """
                #include <signal.h>
                #include <stdio.h>
                #include <sys/resource.h>
                #include <sys/wait.h>
                #include <time.h>
                #include <unistd.h>

                static volatile int n;
                static long at[8];

                static void on_xcpu(int sig) {
                    struct timespec ts;
                    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
                    at[n] = ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
                    n++;
                }

                int main(void) {
                    int fd[2];
                    pipe(fd);
                    pid_t pid = fork();
                    if (pid == 0) {
                        signal(SIGXCPU, on_xcpu);
                        struct rlimit r = {0, 2};
                        setrlimit(RLIMIT_CPU, &r);
                        int seen = 0;
                        for (;;) {
                            if (n != seen) write(fd[1], &at[seen++], sizeof(long));
                        }
                    }
                    close(fd[1]);
                    long ms;
                    while (read(fd[0], &ms, sizeof ms) == sizeof ms) printf("SIGXCPU at %ld ms of CPU time\\n", ms);
                    int st;
                    waitpid(pid, &st, 0);
                    printf("killed by signal %d\\n", WTERMSIG(st));
                    return 0;
                }
                """);
        assertEquals("SIGXCPU at 0 ms of CPU time\nSIGXCPU at 1000 ms of CPU time\nkilled by signal 9\n", out);
    }
}
