package uthread;

import static org.junit.jupiter.api.Assertions.assertEquals;

import boot.CGuest;
import boot.Options;
import java.nio.file.Path;
import lab.PartOfLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * uthread mutexes and condition variables with many user threads spread over several LWPs,
 * which the kernel runs in parallel on different CPUs.
 */
@PartOfLab("clone")
class UserThreadSyncTest {
    @TempDir Path tmp;

    @Test
    @PartOfLab("uthread")
    void mutexKeepsARacyCounterExactOnFourLwps() throws Exception {
        String out = CGuest.run(tmp, Options.defaults(), "counter", UthreadPrograms.PRELUDE + """
                static uthread_mutex_t lock = UTHREAD_MUTEX_INITIALIZER;
                static long counter;
                static int tids[16], ntids; /* the LWPs (kernel tids) that ran the adders */
                static void *adder(void *arg) {
                    int i, j;
                    for (i = 0; i < 1000; i++) {
                        long seen;
                        uthread_mutex_lock(&lock);
                        seen = counter;
                        if (i % 5 == 0) uthread_yield(); /* a lost update, were it not for the lock */
                        counter = seen + 1;
                        for (j = 0; j < ntids && tids[j] != gettid(); j++) {}
                        if (j == ntids && ntids < 16) tids[ntids++] = gettid();
                        uthread_mutex_unlock(&lock);
                    }
                    return arg;
                }
                int main(void) {
                    uthread_t t[12];
                    int i;
                    uthread_setconcurrency(4);
                    for (i = 0; i < 12; i++) uthread_create(&t[i], adder, 0);
                    for (i = 0; i < 12; i++) uthread_join(t[i], 0);
                    printf("counter %ld, more than one LWP: %s\\n", counter, ntids > 1 ? "yes" : "no");
                    printf("destroy %d, unlock unowned %d\\n", uthread_mutex_destroy(&lock), uthread_mutex_unlock(&lock));
                    uthread_mutex_lock(&lock);
                    printf("relock %d, trylock %d\\n", uthread_mutex_lock(&lock), uthread_mutex_trylock(&lock));
                    return 0;
                }
                """);
        assertEquals("counter 12000, more than one LWP: yes\ndestroy 0, unlock unowned 1\nrelock 35, trylock 16\n", out);
    }

    @Test
    void conditionVariablesPassEveryItemThroughABoundedBuffer() throws Exception {
        String out = CGuest.run(tmp, Options.defaults(), "buffer", UthreadPrograms.PRELUDE + """
                #define SLOTS 4
                #define ITEMS 300
                static uthread_mutex_t lock = UTHREAD_MUTEX_INITIALIZER;
                static uthread_cond_t not_full = UTHREAD_COND_INITIALIZER, not_empty = UTHREAD_COND_INITIALIZER;
                static long slots[SLOTS];
                static int head, count, taken;
                static long sum;
                static void *producer(void *arg) {
                    long base = (long)arg * ITEMS, i;
                    for (i = 1; i <= ITEMS; i++) {
                        uthread_mutex_lock(&lock);
                        while (count == SLOTS) uthread_cond_wait(&not_full, &lock);
                        slots[(head + count++) % SLOTS] = base + i;
                        uthread_cond_signal(&not_empty);
                        uthread_mutex_unlock(&lock);
                    }
                    return 0;
                }
                static void *consumer(void *arg) {
                    for (;;) {
                        uthread_mutex_lock(&lock);
                        while (count == 0 && taken < 3 * ITEMS) uthread_cond_wait(&not_empty, &lock);
                        if (taken == 3 * ITEMS) {
                            uthread_cond_broadcast(&not_empty);
                            uthread_mutex_unlock(&lock);
                            return arg;
                        }
                        sum += slots[head];
                        head = (head + 1) % SLOTS;
                        count--;
                        taken++;
                        if (taken == 3 * ITEMS) uthread_cond_broadcast(&not_empty);
                        uthread_cond_signal(&not_full);
                        uthread_mutex_unlock(&lock);
                    }
                }
                int main(void) {
                    uthread_t p[3], c[3];
                    long i;
                    uthread_setconcurrency(3);
                    for (i = 0; i < 3; i++) uthread_create(&c[i], consumer, 0);
                    for (i = 0; i < 3; i++) uthread_create(&p[i], producer, (void *)i);
                    for (i = 0; i < 3; i++) uthread_join(p[i], 0);
                    for (i = 0; i < 3; i++) uthread_join(c[i], 0);
                    printf("taken %d, sum %ld, expected %ld\\n", taken, sum, 3L * ITEMS * (ITEMS + 1) / 2 + (0L + 1 + 2) * ITEMS * ITEMS);
                    printf("wait without the mutex %d\\n", uthread_cond_wait(&not_full, &lock));
                    return 0;
                }
                """);
        assertEquals("taken 900, sum 405450, expected 405450\nwait without the mutex 1\n", out);
    }
}
