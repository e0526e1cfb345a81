package uthread;

import static org.junit.jupiter.api.Assertions.assertEquals;

import boot.CGuest;
import boot.Options;
import java.nio.file.Path;
import lab.PartOfLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LWP pool of the two-level library: it grows when every LWP is blocked in the kernel
 * while user threads are ready, and follows the concurrency level up and down, unmapping
 * the stacks of the LWPs that leave.
 */
@PartOfLab({"uthread", "clone"})
class LwpPoolTest {
    @TempDir Path tmp;

    @Test
    void poolGrowsWhenEveryLwpBlocksInTheKernel() throws Exception {
        // Three readers block in read(2) on empty pipes before the writer that would fill
        // them gets to run: with one LWP and no growth this would never end.
        String out = CGuest.run(tmp, Options.defaults(), "grow", UthreadPrograms.PRELUDE + """
                static int pipes[3][2];
                static void *reader(void *arg) {
                    char c = '?';
                    uthread_read(pipes[(long)arg][0], &c, 1);
                    return (void *)(long)c;
                }
                static void *writer(void *arg) {
                    int i;
                    for (i = 0; i < 3; i++) uthread_write(pipes[i][1], "xyz" + i, 1);
                    return arg;
                }
                int main(void) {
                    uthread_t r[3], w;
                    long i;
                    for (i = 0; i < 3; i++) pipe(pipes[i]);
                    printf("level %d\\n", uthread_getconcurrency());
                    for (i = 0; i < 3; i++) uthread_create(&r[i], reader, (void *)i);
                    uthread_create(&w, writer, 0);
                    for (i = 0; i < 3; i++) {
                        void *c;
                        uthread_join(r[i], &c);
                        printf("reader %ld read %c\\n", i, (char)(long)c);
                    }
                    uthread_join(w, 0);
                    printf("lwps %d, level %d, kernel threads %d\\n", uthread_lwp_count(), uthread_getconcurrency(), kernel_threads());
                    return 0;
                }
                """);
        assertEquals("level 1\nreader 0 read x\nreader 1 read y\nreader 2 read z\nlwps 4, level 4, kernel threads 4\n", out);
    }

    @Test
    void setconcurrencyGrowsAndShrinksThePoolAndUnmapsLwpStacks() throws Exception {
        String out = CGuest.run(tmp, Options.defaults(), "shrink", UthreadPrograms.PRELUDE + """
                static void *spin(void *arg) {
                    int i;
                    for (i = 0; i < 50; i++) uthread_yield();
                    return arg;
                }
                int main(void) {
                    uthread_t t[8];
                    long before;
                    int i;
                    uthread_self(); /* the library is set up: LWP 0 has its loop's stack */
                    before = mapped_bytes();
                    printf("set 4: %d\\n", uthread_setconcurrency(4));
                    printf("lwps %d, kernel threads %d, LWP stacks %ld KiB\\n", uthread_lwp_count(), kernel_threads(),
                            (mapped_bytes() - before) / 1024);
                    for (i = 0; i < 8; i++) uthread_create(&t[i], spin, 0);
                    printf("set 2: %d\\n", uthread_setconcurrency(2));
                    for (i = 0; i < 8; i++) uthread_join(t[i], 0);
                    printf("kernel threads %d\\n", wait_for_kernel_threads(2));
                    printf("set 0: %d\\n", uthread_setconcurrency(0));
                    printf("level %d, kernel threads %d\\n", uthread_getconcurrency(), wait_for_kernel_threads(1));
                    printf("thread stacks cached %ld KiB, LWP stacks left %ld KiB\\n", (mapped_bytes() - before) / 1024 / 64 * 64,
                            (mapped_bytes() - before) / 1024 % 64);
                    printf("bad levels: %d %d\\n", uthread_setconcurrency(-1), uthread_setconcurrency(UTHREAD_MAX_LWPS + 1));
                    return 0;
                }
                """);
        assertEquals("set 4: 0\nlwps 4, kernel threads 4, LWP stacks 96 KiB\nset 2: 0\nkernel threads 2\nset 0: 0\n"
                + "level 1, kernel threads 1\nthread stacks cached 512 KiB, LWP stacks left 0 KiB\nbad levels: 22 22\n", out);
    }
}
