package sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.CGuest;
import boot.GuestRun;
import boot.Kernel;
import boot.Options;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import obj.Executable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lazy TLB: a CPU that goes idle keeps the last address space loaded, so the next thread of
 * the same process starts on it with nothing flushed; and what must still be flushed is.
 */
class LazyTlbTest {
    /** Creates and joins N threads one after the other; each runs on the CPU the last one left. */
    static final String CREATE_JOIN = """
            #include <pthread.h>
            #include <stdio.h>
            #include <stdlib.h>

            static void *worker(void *arg) { return arg; }

            int main(int argc, char **argv) {
                int n = atoi(argv[1]);
                long sum = 0;
                for (int i = 0; i < n; i++) {
                    pthread_t t;
                    void *r;
                    pthread_create(&t, 0, worker, (void *) (long) i);
                    pthread_join(t, &r);
                    sum += (long) r;
                }
                printf("%ld\\n", sum);
                return 0;
            }
            """;

    /**
     * A thread reads a page, so that its CPU's TLB holds it, and exits; its CPU keeps the
     * address space loaded. The main thread puts a new page at that address (munmap, then
     * mmap MAP_FIXED: a page of zeros), and a second thread, on the CPU the first left, reads
     * it: it must see the new page, so the munmap must have reached that idle CPU's TLB.
     */
    static final String REMAP = """
            #include <pthread.h>
            #include <stdio.h>
            #include <sys/mman.h>

            static volatile long *page;

            static void *reader(void *arg) {
                (void) arg;
                return (void *) page[0];
            }

            static long readInThread(void) {
                pthread_t t;
                void *r;
                pthread_create(&t, 0, reader, 0);
                pthread_join(t, &r);
                return (long) r;
            }

            int main(void) {
                page = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
                page[0] = 1;
                long first = readInThread();
                munmap((void *) page, 4096);
                mmap((void *) page, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
                printf("%ld %ld\\n", first, readInThread());
                return 0;
            }
            """;

    @TempDir static Path tmp;
    static Executable createJoin;

    @BeforeAll
    static void compile() throws Exception {
        createJoin = CGuest.compile(tmp, "create_join", CREATE_JOIN);
    }

    /** TLB flushes and fills of all CPUs over a run of {@code threads} threads. */
    static long[] tlbWork(int threads) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Kernel k = Kernel.boot(Options.defaults().withCycleLimit(500_000_000), out, new ByteArrayInputStream(new byte[0]));
        k.install("/tmp/create_join", createJoin);
        k.run("/tmp/create_join", List.of("create_join", Integer.toString(threads)));
        GuestRun.checkNothingLeaked(k);
        assertEquals(threads * (threads - 1L) / 2 + "\n", out.toString(StandardCharsets.UTF_8));
        long flushes = 0, fills = 0;
        for (int i = 0; i < k.scheduler().cpuCount(); i++) {
            flushes += k.cpu(i).tlbFlushes();
            fills += k.cpu(i).tlbFills();
        }
        return new long[] {flushes, fills};
    }

    @Test
    void threadsOfOneProcessFollowingEachOtherOnACpuFlushNothing() {
        // Without lazy TLB, each thread's CPU flushed twice: when the thread exited, and when
        // the next one arrived (15 flushes for 10 threads, 235 for 110).
        long[] few = tlbWork(10), many = tlbWork(110);
        assertEquals(few[0], many[0], "a hundred more threads, no more flushes");
    }

    @Test
    void anUnmapReachesTheTlbOfACpuThatWentIdle() throws Exception {
        assertEquals("1 0\n", CGuest.run(tmp, Options.defaults(), "remap", REMAP));
    }
}
