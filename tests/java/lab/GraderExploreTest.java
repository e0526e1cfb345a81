package lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A graded test with {@code explore: N} also runs N schedules of its program as
 * {@code clonix explore} does, so a lock that loses a wake-up only in a rare interleaving
 * fails the test even when every seed it runs on happens to pass.
 */
class GraderExploreTest {
    @TempDir Path project;

    /**
     * Two threads count to 100 under a futex lock whose unlock reads the word as 1 ("nobody
     * waits") and then stores 0 without waking: a waiter that marks the word 2 between the two
     * sleeps for ever, and the program deadlocks in pthread_join. On one CPU the window is
     * three instructions wide and seeds 1 to 3 never hit it.
     */
    static final String LOST_WAKEUP = """
            /* A futex lock whose unlock loses a wake-up: it reads the word as 1 (nobody waits) and
             * stores 0 without waking; a waiter that marked the word 2 in between sleeps for ever. */
            #include <pthread.h>
            #include <stdio.h>
            #include <sys/syscall.h>
            #include <unistd.h>
            #include <linux/futex.h>

            static volatile int word; /* 0 free, 1 taken, 2 taken and someone may sleep */
            static int counter;

            static void lock(void)
            {
                int c = __sync_val_compare_and_swap(&word, 0, 1);
                if (c == 0) return;
                if (c != 2) c = __sync_lock_test_and_set(&word, 2);
                while (c != 0) {
                    syscall(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 2, 0, 0, 0);
                    c = __sync_lock_test_and_set(&word, 2);
                }
            }

            static void unlock(void)
            {
                if (word == 1) { /* nobody waits... unless a waiter marks 2 right now */
                    word = 0;
                    return;
                }
                word = 0;
                syscall(SYS_futex, &word, FUTEX_WAKE_PRIVATE, 1, 0, 0, 0);
            }

            static void *work(void *arg)
            {
                for (int i = 0; i < 50; i++) {
                    lock();
                    counter++;
                    unlock();
                }
                return arg;
            }

            int main(void)
            {
                pthread_t t[2];
                for (int i = 0; i < 2; i++) pthread_create(&t[i], 0, work, 0);
                for (int i = 0; i < 2; i++) pthread_join(t[i], 0);
                printf("counter = %d\\n", counter);
                return 0;
            }
            """;

    private void lab(String checkLines) throws IOException {
        FixtureLab.write(project, "x", 1, "lost_wakeup.c", LOST_WAKEUP, "lost_wakeup.expected", "counter = 100\n",
                "lost_wakeup.ck", "title: the counter is exact\npoints: 20\nexpect: lost_wakeup.expected\n"
                        + "seeds: 1 2 3\ncpus: 1\ntime-limit: 5\n" + checkLines);
    }

    @Test
    void theSeedsAloneMissTheLostWakeUp() throws Exception {
        lab("");
        TestResult r = FixtureLab.gradeOne(project, "x");
        assertTrue(r.passed(), r.message());
    }

    @Test
    void exploredSchedulesFindTheLostWakeUpAndSayHowToReplayIt() throws Exception {
        lab("explore: 100\n");
        TestResult r = FixtureLab.gradeOne(project, "x");
        assertFalse(r.passed(), "a lock that loses a wake-up must fail");
        assertEquals(0, r.earned());
        assertEquals(1, r.runsFailed(), "the three seeds pass; the exploration fails");
        assertTrue(r.reason().startsWith("100 explored schedules from seed 1: deadlock"), r.reason());
        assertTrue(r.detail().contains("replay: ./clonix explore --runs 100 --seed 1 --time-limit 5 labs/x/tests/lost_wakeup.c"),
                r.detail());
    }
}
