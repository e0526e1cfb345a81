package timesched;

import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.CGuest;
import boot.Options;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wake-up preemption: a real-time task that wakes while a fair task runs on its CPU takes
 * the CPU at once, so its sleeps end within a timer tick of their deadline (sleep expiry is
 * checked on the tick). A fair task that wakes waits for the running task's slice to end,
 * so on one CPU shared with a spinner it can be late by up to a slice (4 ticks).
 */
class WakeupPreemptionTest {
    @TempDir Path tmp;

    private static final String PROGRAM = """
            #include <sched.h>
            #include <stdio.h>
            #include <stdlib.h>
            #include <sys/wait.h>
            #include <time.h>
            #include <unistd.h>

            static long now(void)
            {
                struct timespec ts;
                clock_gettime(CLOCK_MONOTONIC, &ts);
                return ts.tv_sec * 1000000000L + ts.tv_nsec;
            }

            /* The worst lateness of 8 sleeps of 100 us, while a fair child spins on the CPU. */
            static long worst_lateness(int policy)
            {
                struct sched_param p = { policy == SCHED_FIFO ? 10 : 0 };
                struct timespec nap = { 0, 100000 };
                long worst = 0;
                pid_t child = fork();
                if (child == 0) {
                    for (volatile long i = 0; i < 1500000; i++) { }
                    _exit(0);
                }
                sched_setscheduler(0, policy, &p);
                for (int i = 0; i < 8; i++) {
                    long before = now();
                    nanosleep(&nap, 0);
                    long late = now() - before - 100000;
                    if (late > worst) worst = late;
                }
                p.sched_priority = 0;
                sched_setscheduler(0, SCHED_OTHER, &p);
                waitpid(child, 0, 0);
                return worst;
            }

            int main(void)
            {
                printf("%ld\\n", worst_lateness(SCHED_FIFO));
                printf("%ld\\n", worst_lateness(SCHED_OTHER));
                return 0;
            }
            """;

    @Test
    void aWokenRealtimeTaskPreemptsAFairOneAtOnce() throws Exception {
        Options options = Options.defaults().withCpus(1);
        String[] lines = CGuest.run(tmp, options, "wakeup", PROGRAM).split("\n");
        long fifo = Long.parseLong(lines[0]), fair = Long.parseLong(lines[1]);
        long tick = options.tickCycles();
        assertTrue(fifo <= tick + 1000, "a SCHED_FIFO sleeper was " + fifo + " ns late; the tick is " + tick);
        assertTrue(fair > tick + 1000, "the fair control was only " + fair + " ns late: the test shows nothing");
    }
}
